package acctest

import (
	"fmt"
	"testing"
)

// AllVendorsProvider is one provider block for every vendor of the sandbox,
// with the given retry budget and per-attempt timeout, and client-side rate
// caps high enough that they never pace a test.
func (s *Sandbox) AllVendorsProvider(maxRetries int, requestTimeout string) string {
	return fmt.Sprintf(`
provider "saas" {
  max_retries     = %d
  request_timeout = %q
  qacomplete {
    base_url            = %q
    username            = %q
    password            = %q
    requests_per_second = 1000
  }
  questionpro {
    base_url            = %q
    api_key             = %q
    organization_id     = %d
    requests_per_second = 1000
  }
  quickhelp {
    base_url            = %q
    api_key             = %q
    subscription_key    = %q
    requests_per_second = 1000
  }
  twosms {
    base_url            = %q
    client_id           = %q
    client_secret       = %q
    requests_per_second = 1000
  }
}
`, maxRetries, requestTimeout,
		s.BaseURL("qacomplete"), QACompleteUsername, QACompletePassword,
		s.BaseURL("questionpro"), QuestionProAPIKey, QuestionProOrganizationID,
		s.BaseURL("quickhelp"), QuickHelpAPIKey, QuickHelpSubscriptionKey,
		s.BaseURL("twosms"), TwoSMSClientID, TwoSMSClientSecret)
}

// ProviderEnv is every vendor's base URL and credentials as the provider's
// environment fallbacks, for a provider block that names no secret: the
// test harness logs each step's configuration text.
func (s *Sandbox) ProviderEnv() map[string]string {
	return map[string]string{
		"QACOMPLETE_BASE_URL":        s.BaseURL("qacomplete"),
		"QACOMPLETE_USERNAME":        QACompleteUsername,
		"QACOMPLETE_PASSWORD":        QACompletePassword,
		"QUESTIONPRO_BASE_URL":       s.BaseURL("questionpro"),
		"QUESTIONPRO_API_KEY":        QuestionProAPIKey,
		"QUICKHELP_BASE_URL":         s.BaseURL("quickhelp"),
		"QUICKHELP_API_KEY":          QuickHelpAPIKey,
		"QUICKHELP_SUBSCRIPTION_KEY": QuickHelpSubscriptionKey,
		"TWOSMS_BASE_URL":            s.BaseURL("twosms"),
		"TWOSMS_CLIENT_ID":           TwoSMSClientID,
		"TWOSMS_CLIENT_SECRET":       TwoSMSClientSecret,
	}
}

// SetProviderEnv sets ProviderEnv for the rest of the test (t.Setenv, so
// the test cannot run in parallel with others).
func (s *Sandbox) SetProviderEnv(t *testing.T) {
	t.Helper()
	for k, v := range s.ProviderEnv() {
		t.Setenv(k, v)
	}
}
