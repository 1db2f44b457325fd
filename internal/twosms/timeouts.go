package twosms

import (
	"context"
	"errors"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	rstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// defaultTimeout bounds each operation of the resource and the data sources
// when the configuration sets no timeouts. An adoption is at most a lookup,
// a read, a PUT, the access toggle and a read again, each with its own
// per-call budget (request_timeout, retries and Retry-After waits), so ten
// minutes leaves room for a slow or rate-limited portal without letting a
// stuck call hold a run forever. The other vendors use the same default.
const defaultTimeout = 10 * time.Minute

// defaultTimeoutText is defaultTimeout as a configuration would write it.
var defaultTimeoutText = fmt.Sprintf("%dm", int(defaultTimeout.Minutes()))

// timeoutDescription documents one operation's limit and its default.
func timeoutDescription(operation string) string {
	return fmt.Sprintf("Time limit for %s, as a Go duration such as `30s` or `2h45m`. Defaults to `%s`.", operation, defaultTimeoutText)
}

// resourceTimeouts is the resource's `timeouts` attribute: create, read,
// update and delete, each honoured by the operation's context.
func resourceTimeouts(ctx context.Context) rsschema.Attribute {
	attr := rstimeouts.Attributes(ctx, rstimeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: timeoutDescription("adopting the user and applying the configuration to it"),
		ReadDescription:   timeoutDescription("reading the user, which happens at every refresh and plan"),
		UpdateDescription: timeoutDescription("applying a changed configuration"),
		DeleteDescription: timeoutDescription("disabling the user on destroy (nothing is sent with `on_destroy = \"forget\"`)"),
	})
	// The library leaves the block itself undescribed. Should it ever return
	// another type, the attribute still works and TestTimeoutsDocumentTheDefault
	// reports the missing description.
	a, ok := attr.(rsschema.SingleNestedAttribute)
	if !ok {
		return attr
	}
	a.MarkdownDescription = fmt.Sprintf("How long each operation may take before it is cancelled; `%s` each unless set here.", defaultTimeoutText)
	return a
}

// dataSourceTimeouts is a data source's `timeouts` attribute, with the one
// operation a data source has.
func dataSourceTimeouts(ctx context.Context) dsschema.Attribute {
	attr := dstimeouts.AttributesWithOpts(ctx, dstimeouts.Opts{
		ReadDescription: timeoutDescription("the read, every call to 2sms included"),
	})
	a, ok := attr.(dsschema.SingleNestedAttribute)
	if !ok {
		return attr
	}
	a.MarkdownDescription = fmt.Sprintf("How long the read may take before it is cancelled; `%s` unless set here.", defaultTimeoutText)
	return a
}

// withTimeout bounds one operation by its timeout. The returned finish must
// run when the operation ends: when the operation failed because the limit
// ran out, it says which setting set that limit, because the client's own
// error can only say that a deadline passed.
func withTimeout(parent context.Context, timeout time.Duration, setting string, diags *diag.Diagnostics) (context.Context, func()) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	return ctx, func() {
		// Only this limit's own expiry is explained: an interruption (or a
		// deadline of the caller's) ends the parent too and is not ours.
		if diags.HasError() && errors.Is(ctx.Err(), context.DeadlineExceeded) && parent.Err() == nil {
			diags.AddError("2sms operation timed out",
				fmt.Sprintf("The operation did not finish within %s, the limit set by %s (default %s). If the 2sms API is slow to answer, raise it in the timeouts block; the next run starts the operation again.", timeout, setting, defaultTimeoutText))
		}
		cancel()
	}
}
