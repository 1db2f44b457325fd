package acctest

import (
	"fmt"

	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// The sandbox's default QuickHelp keys and customer, public sandbox-only
// values.
const (
	QuickHelpAPIKey          = qhsandbox.DefaultAPIKey
	QuickHelpSubscriptionKey = qhsandbox.DefaultSubscriptionKey
	QuickHelpCustomerID      = qhsandbox.DefaultCustomerID
)

// QuickHelpProvider is a provider block for the sandbox's QuickHelp, with
// retries fast enough for tests and no client-side rate cap worth waiting
// for.
func (s *Sandbox) QuickHelpProvider() string {
	return fmt.Sprintf(`
provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  quickhelp {
    base_url            = %q
    api_key             = %q
    subscription_key    = %q
    requests_per_second = 1000
  }
}
`, s.BaseURL("quickhelp"), QuickHelpAPIKey, QuickHelpSubscriptionKey)
}
