package acctest

import (
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
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
	return s.providerBlock(testMaxRetries, testRequestTimeout, vendorBlock{emulator: qhsandbox.Descriptor, knobs: []sandbox.Setting{uncapped}})
}
