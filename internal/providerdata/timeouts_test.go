package providerdata

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// The extra explanation appears only when an operation failed because its
// own limit ran out, never on success, on another failure, or when the
// caller's context ended first.
func TestWithTimeoutExplainsOnlyItsOwnDeadline(t *testing.T) {
	for _, tc := range []struct {
		name    string
		timeout time.Duration
		fail    bool
		want    int // errors after finish
	}{
		{"failed at the deadline", time.Millisecond, true, 2},
		{"succeeded past the deadline", time.Millisecond, false, 0},
		{"failed for another reason", time.Hour, true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			ctx, finish := WithTimeout(context.Background(), tc.timeout, "timeouts.read", &diags)
			if tc.timeout < time.Second {
				<-ctx.Done()
			}
			if tc.fail {
				diags.AddError("Could not read the 2sms user", "call failed")
			}
			finish()
			if got := diags.ErrorsCount(); got != tc.want {
				t.Fatalf("want %d errors, got %v", tc.want, diags)
			}
			if tc.want == 2 && diags.Errors()[1].Summary() != "Operation timed out" {
				t.Fatalf("second error: %v", diags.Errors()[1])
			}
			if ctx.Err() == nil {
				t.Fatal("finish must release the context")
			}
		})
	}
}

func TestWithTimeoutLeavesTheCallersDeadlineAlone(t *testing.T) {
	parent, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	var diags diag.Diagnostics
	ctx, finish := WithTimeout(parent, time.Hour, "timeouts.read", &diags)
	<-ctx.Done()
	diags.AddError("Could not read the 2sms user", "call failed")
	finish()
	if diags.ErrorsCount() != 1 {
		t.Fatalf("the caller's deadline is not timeouts.read's: %v", diags)
	}
}
