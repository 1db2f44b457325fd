package acctest

import (
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
	return s.providerBlock(testMaxRetries, testRequestTimeout, vendorBlock{emulator: smssandbox.Descriptor})
}
