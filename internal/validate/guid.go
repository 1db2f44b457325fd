package validate

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// GUID checks that a string is a hyphenated 36-character GUID such as
// 5a1ca887-9ec4-4ae8-bf61-715056ea9e98, the form 2sms documents for every id
// (either case is accepted; the vendor writes lower case).
func GUID() validator.String { return guidValidator{} }

var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// IsGUID reports whether s passes the GUID validator, for code that must tell
// an id from a natural key (import IDs, for example).
func IsGUID(s string) bool { return guidPattern.MatchString(s) }

type guidValidator struct{}

func (guidValidator) Description(context.Context) string {
	return "value must be a GUID such as 5a1ca887-9ec4-4ae8-bf61-715056ea9e98"
}

func (v guidValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v guidValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !IsGUID(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid GUID",
			fmt.Sprintf("%s %q is not a GUID: %s (8-4-4-4-12 hexadecimal digits).", req.Path, s, v.Description(ctx)))
	}
}
