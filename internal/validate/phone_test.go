package validate

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestIsTwoSMSPhone(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"+44 7700 900000", true},
		{"07700900000", true},
		{"12345", true},                      // exactly five characters, five digits
		{"1234", false},                      // too short
		{"+1234", false},                     // "+" is not one of the 5..20
		{"+12345", true},                     // "+" then five digits
		{"(555) 010-0199", true},             // parentheses and dashes
		{"(12) -- 34", false},                // shape fine, only four digits
		{"1 2 3 4 5", true},                  // five digits spread out
		{"-----", false},                     // no digits at all
		{"12345678901234567890", true},       // 20 characters
		{"123456789012345678901", false},     // 21 characters
		{"+12345678901234567890", true},      // "+" plus 20
		{"++12345", false},                   // two pluses
		{"12+345", false},                    // "+" only at the start
		{"1234a", false},                     // letter
		{"12345 ext 9", false},               // letters
		{"\t12345", true},                    // tab is white space
		{"123\n45678", false},                // digits after a line feed do not count
		{"12345\n678", true},                 // five digits before the line feed
		{"", false},                          // empty
		{"١٢٣٤٥", false},                     // non-ASCII digits: stricter reading
		{strings.Repeat("1", 5) + " ", true}, // trailing space is allowed by the pattern
	}
	for _, c := range cases {
		if got := IsTwoSMSPhone(c.in); got != c.want {
			t.Errorf("IsTwoSMSPhone(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestTwoSMSPhoneValidator(t *testing.T) {
	run := func(v types.String) int {
		resp := &validator.StringResponse{}
		TwoSMSPhone().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("mobile_phone"), ConfigValue: v}, resp)
		return resp.Diagnostics.ErrorsCount()
	}
	if run(types.StringValue("1234")) != 1 {
		t.Error("a short number must fail")
	}
	if run(types.StringValue("+44 7700 900000")) != 0 || run(types.StringNull()) != 0 || run(types.StringUnknown()) != 0 {
		t.Error("a valid, null or unknown number must pass")
	}
}
