package qacomplete

import (
	"context"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	rstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// defaultTimeout bounds each operation, resource or data source, when the
// configuration sets no timeouts: every call's retries and Retry-After
// waits fit well inside it, and so does a walk of a large department.
const defaultTimeout = 10 * time.Minute

// resourceTimeoutsAttribute is the resource's optional timeouts object:
// create, read, update and delete, each defaulting to defaultTimeout.
func resourceTimeoutsAttribute(ctx context.Context) rsschema.Attribute {
	// The library sets these as plain descriptions, so they carry no
	// Markdown.
	each := func(op string) string {
		return fmt.Sprintf(`Time limit for %s, as a duration such as "30s" or "1h30m". Defaults to %s.`, op, shortDuration(defaultTimeout))
	}
	a := rstimeouts.Attributes(ctx, rstimeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: each("creating (or adopting) the user"),
		ReadDescription:   each("reading the user at refresh"),
		UpdateDescription: each("updating the user"),
		DeleteDescription: each("disabling the user on destroy"),
	})
	if nested, ok := a.(rsschema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = timeoutsDescription("`create`, `read`, `update` and `delete` each default")
		return nested
	}
	return a
}

// dataSourceTimeoutsAttribute is a data source's optional timeouts object:
// read, defaulting to defaultTimeout.
func dataSourceTimeoutsAttribute(ctx context.Context) dsschema.Attribute {
	a := dstimeouts.AttributesWithOpts(ctx, dstimeouts.Opts{
		ReadDescription: fmt.Sprintf(`Time limit for the read, as a duration such as "30s" or "1h30m". Defaults to %s.`, shortDuration(defaultTimeout)),
	})
	if nested, ok := a.(dsschema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = timeoutsDescription("`read` defaults")
		return nested
	}
	return a
}

func timeoutsDescription(which string) string {
	return fmt.Sprintf("Time limits, as Go durations such as `\"30s\"` or `\"1h30m\"`: %s to `%s`. When the limit is reached the operation stops, and a retry or `Retry-After` wait that would pass it is not started.",
		which, shortDuration(defaultTimeout))
}

// shortDuration writes d the way a configuration would ("10m", not
// "10m0s").
func shortDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}
