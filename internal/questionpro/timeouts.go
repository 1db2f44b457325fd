package questionpro

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
// timeouts block: QuestionPro's 300 calls per minute, its Retry-After waits
// and the provider's retries fit well inside it, even for a list walked page
// by page.
const defaultTimeout = 10 * time.Minute

// durationSyntax is how a timeout is written; the library's own text says
// the same, but replacing its description would lose it.
const durationSyntax = `A [duration](https://pkg.go.dev/time#ParseDuration) such as "30s" or "2h45m" ` +
	`(units "s", "m", "h")`

func defaultTimeoutText() string {
	return fmt.Sprintf("%g minutes", defaultTimeout.Minutes())
}

// operationTimeoutDescription describes one operation's timeout and its
// default, which the library cannot state by itself.
func operationTimeoutDescription(what string) string {
	return fmt.Sprintf("%s: how long %s may take, rate-limit waits and retries included. Defaults to %s.", durationSyntax, what, defaultTimeoutText())
}

// resourceTimeoutsAttribute is the resource's timeouts block, one limit per
// operation.
func resourceTimeoutsAttribute(ctx context.Context) schema.Attribute {
	a := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: operationTimeoutDescription("creating (or adopting) the user"),
		ReadDescription:   operationTimeoutDescription("reading the user during refresh and plan"),
		UpdateDescription: operationTimeoutDescription("updating the user"),
		DeleteDescription: operationTimeoutDescription("deleting the user"),
	})
	if nested, ok := a.(schema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = fmt.Sprintf("Time limits for creating, reading, updating and deleting the user; each defaults to %s.", defaultTimeoutText())
		return nested
	}
	return a
}

// dataSourceTimeoutsAttribute is a data source's timeouts block: the read
// is its only operation.
func dataSourceTimeoutsAttribute(ctx context.Context, what string) dsschema.Attribute {
	a := dstimeouts.AttributesWithOpts(ctx, dstimeouts.Opts{ReadDescription: operationTimeoutDescription(what)})
	if nested, ok := a.(dsschema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = fmt.Sprintf("Time limit for the read; defaults to %s.", defaultTimeoutText())
		return nested
	}
	return a
}
