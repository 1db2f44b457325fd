package acctest

import (
	"fmt"

	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// The sandbox's default 2sms API client and seed, public sandbox-only values.
const (
	TwoSMSClientID     = smssandbox.DefaultClientID
	TwoSMSClientSecret = smssandbox.DefaultClientSecret
	TwoSMSAccountID    = smssandbox.DefaultAccountID
	TwoSMSAdminID      = smssandbox.DefaultAdminID
	TwoSMSLanguageID   = smssandbox.DefaultLanguageID
)

// TwoSMSProvider is a provider block for the sandbox's 2sms, with retries
// fast enough for tests.
func (s *Sandbox) TwoSMSProvider() string {
	return fmt.Sprintf(`
provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  twosms {
    base_url      = %q
    client_id     = %q
    client_secret = %q
  }
}
`, s.BaseURL("twosms"), TwoSMSClientID, TwoSMSClientSecret)
}
