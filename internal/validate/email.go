// Package validate holds the hand-written plan-time validators shared by the
// vendor packages, for rules terraform-plugin-framework-validators has no
// ready-made validator for.
package validate

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Email checks that a string is a bare e-mail address (local@domain, no
// display name or angle brackets), which is what every vendor stores.
func Email() validator.String { return emailValidator{} }

type emailValidator struct{}

func (emailValidator) Description(context.Context) string {
	return "value must be an e-mail address such as jane.doe@example.com"
}

func (v emailValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v emailValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if err := checkEmail(s); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid e-mail address",
			fmt.Sprintf("%s %q is not a valid e-mail address: %s. %s.", req.Path, s, err, v.Description(ctx)))
	}
}

// IsEmail reports whether s passes the same rule as the Email validator, for
// code that must tell an e-mail from an id (import IDs, for example).
func IsEmail(s string) bool { return checkEmail(s) == nil }

func checkEmail(s string) error {
	if strings.TrimSpace(s) != s {
		return fmt.Errorf("it has leading or trailing spaces")
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" {
		return fmt.Errorf("it must look like local-part@domain")
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return fmt.Errorf("the domain %q must have a dot-separated name such as example.com", domain)
	}
	return nil
}
