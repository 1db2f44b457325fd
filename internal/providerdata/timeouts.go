package providerdata

import (
	"context"
	"errors"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	rstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// DefaultTimeout bounds each operation of every resource and data source
// when its timeouts attribute leaves it out: retries with backoff,
// Retry-After waits and the vendors' rate-limit pacing fit well inside it,
// even for a list walked page by page.
const DefaultTimeout = 10 * time.Minute

// DefaultTimeoutText is DefaultTimeout as written in a configuration.
const DefaultTimeoutText = "10m"

func timeoutDescription(operation string) string {
	return fmt.Sprintf("Time limit for %s, as a Go duration such as `30s` or `2h45m`. Defaults to `%s`.", operation, DefaultTimeoutText)
}

// ResourceTimeouts is the timeouts attribute of every resource: create,
// read, update and delete, each with the default stated.
func ResourceTimeouts(ctx context.Context) rschema.Attribute {
	a, ok := rstimeouts.Attributes(ctx, rstimeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: timeoutDescription("creating or adopting the user and applying the configuration to it"),
		ReadDescription:   timeoutDescription("reading the user, which happens at every refresh and plan"),
		UpdateDescription: timeoutDescription("applying a changed configuration"),
		DeleteDescription: timeoutDescription("what `on_destroy` does on destroy"),
	}).(rschema.SingleNestedAttribute)
	if !ok {
		panic("resource timeouts: unexpected attribute type")
	}
	a.MarkdownDescription = fmt.Sprintf("How long each operation may take before it is cancelled, retries and rate-limit waits included; `%s` each unless set here.", DefaultTimeoutText)
	return a
}

// DataSourceTimeouts is the timeouts attribute of every data source.
func DataSourceTimeouts(ctx context.Context) dschema.Attribute {
	a, ok := dstimeouts.AttributesWithOpts(ctx, dstimeouts.Opts{
		ReadDescription: timeoutDescription("the read, every call and every page included"),
	}).(dschema.SingleNestedAttribute)
	if !ok {
		panic("data source timeouts: unexpected attribute type")
	}
	a.MarkdownDescription = fmt.Sprintf("How long the read may take before it is cancelled, retries and rate-limit waits included; `%s` unless set here.", DefaultTimeoutText)
	return a
}

// WithTimeout bounds an operation by its timeout. The finish function it
// returns releases the context and, when the operation failed because this
// limit ran out (not the caller's), adds an error that names the setting to
// raise: the client alone can only say "context deadline exceeded".
func WithTimeout(parent context.Context, timeout time.Duration, setting string, diags *diag.Diagnostics) (context.Context, func()) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	return ctx, func() {
		if diags.HasError() && errors.Is(ctx.Err(), context.DeadlineExceeded) && parent.Err() == nil {
			diags.AddError("Operation timed out",
				fmt.Sprintf("The operation did not finish within %s, the limit set by %s (default %s). If the vendor's API is slow to answer or limits the request rate, raise it in the timeouts attribute; the next run starts the operation again.", timeout, setting, DefaultTimeoutText))
		}
		cancel()
	}
}
