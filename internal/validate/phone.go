package validate

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// TwoSMSPhonePattern is 2sms's MobilePhone rule as its help pages print it.
// Go's regexp (RE2) has no look-ahead, so TwoSMSPhone checks it in two parts.
const TwoSMSPhonePattern = `^(?=.*?\d.*?\d.*?\d.*?\d.*?\d)([+]?)([\d\s\(\)-]{5,20})$`

// phoneShape is the pattern without its look-ahead: an optional "+", then 5
// to 20 characters drawn from digits, white space, "(", ")" and "-". The
// look-ahead (at least five digits) is counted separately. \s is read as
// ASCII white space, the stricter of .NET's and Go's readings.
var phoneShape = regexp.MustCompile(`^\+?[0-9\t\n\v\f\r ()\-]{5,20}$`)

const minPhoneDigits = 5

// IsTwoSMSPhone reports whether s satisfies TwoSMSPhonePattern. The
// look-ahead's "." does not cross a line feed, so only digits before the
// first "\n" count towards the five.
func IsTwoSMSPhone(s string) bool {
	if !phoneShape.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if r == '\n' {
			break
		}
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= minPhoneDigits
}

// TwoSMSPhone validates a 2sms mobile phone number at plan time.
func TwoSMSPhone() validator.String { return phoneValidator{} }

type phoneValidator struct{}

func (phoneValidator) Description(context.Context) string {
	return "value must be an optional + followed by 5 to 20 digits, spaces, parentheses or dashes, with at least five digits (2sms pattern " + TwoSMSPhonePattern + ")"
}

func (v phoneValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v phoneValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !IsTwoSMSPhone(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid 2sms mobile phone number",
			fmt.Sprintf("%s %q does not match the 2sms mobile phone rule: %s.", req.Path, s, v.Description(ctx)))
	}
}
