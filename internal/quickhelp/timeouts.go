package quickhelp

import (
	"context"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// defaultTimeout bounds each operation when the configuration sets no
// timeouts. Every QuickHelp operation walks the paged user list (there is
// no call that reads one user): at the default 10 requests per second and
// 100 users a page, a 100,000-user tenant takes under two minutes, leaving
// room for retries and Retry-After waits.
const defaultTimeout = 10 * time.Minute

// timeoutsIntro opens the description of every timeouts attribute.
var timeoutsIntro = fmt.Sprintf("How long an operation may take before it is abandoned, as a [duration](https://pkg.go.dev/time#ParseDuration) such as `30s` or `2h45m`; `%s` when not set.", defaultTimeoutText())

// resourceTimeouts is the resource's timeouts attribute.
func resourceTimeouts(ctx context.Context) schema.Attribute {
	opt := func(what string) string {
		return fmt.Sprintf("Time limit for %s, such as `30s` or `2h45m`; defaults to `%s`.", what, defaultTimeoutText())
	}
	a := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: opt("adopting the user and applying the configuration"),
		ReadDescription:   opt("a refresh"),
		UpdateDescription: opt("an update"),
		DeleteDescription: opt("destroying (unlicensing or GDPR-deleting) the user"),
	})
	if nested, ok := a.(schema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = timeoutsIntro
		return nested
	}
	return a
}

// dataSourceTimeouts is a data source's timeouts attribute.
func dataSourceTimeouts(ctx context.Context) dsschema.Attribute {
	a := dstimeouts.AttributesWithOpts(ctx, dstimeouts.Opts{
		ReadDescription: fmt.Sprintf("Time limit for reading, such as `30s` or `2h45m`; defaults to `%s`.", defaultTimeoutText()),
	})
	if nested, ok := a.(dsschema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = timeoutsIntro
		return nested
	}
	return a
}

// defaultTimeoutText is defaultTimeout as a configuration would write it
// ("10m" rather than time.Duration's "10m0s"); the default is whole minutes.
func defaultTimeoutText() string {
	return fmt.Sprintf("%dm", defaultTimeout/time.Minute)
}
