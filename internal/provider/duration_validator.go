package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// durationValidator checks that a string is a positive Go duration ("30s",
// "2m"), so a typo fails at plan time rather than on the first request.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "value must be a positive duration such as 30s, 1m30s or 2m"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, ok := positiveDuration(req.ConfigValue.ValueString()); !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("%s %q is not valid: %s.", req.Path, req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}

func positiveDuration(s string) (time.Duration, bool) {
	d, err := time.ParseDuration(s)
	return d, err == nil && d > 0
}

// configuredDuration is the value of a top-level duration attribute, or def
// when it is not set or not known. The validator rejected a bad value at
// plan time; this catches one that was not known then.
func configuredDuration(v types.String, attribute string, def time.Duration, diags *diag.Diagnostics) time.Duration {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	d, ok := positiveDuration(v.ValueString())
	if !ok {
		diags.AddAttributeError(path.Root(attribute), "Invalid "+attribute,
			fmt.Sprintf("%s %q is not valid: %s.", attribute, v.ValueString(), durationValidator{}.Description(context.Background())))
		return def
	}
	return d
}
