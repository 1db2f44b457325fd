package acctest

import (
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// AllVendorsProvider is one provider block for every vendor of the sandbox,
// with the given retry cap (max_retries; negative leaves it out, so only the
// retry budget bounds retries) and per-attempt timeout, and client-side rate
// caps high enough that they never pace a test.
func (s *Sandbox) AllVendorsProvider(maxRetries int, requestTimeout string) string {
	var vendors []vendorBlock
	for _, d := range emulators.All() {
		vendors = append(vendors, vendorBlock{emulator: d, knobs: []sandbox.Setting{uncapped}})
	}
	return s.providerBlock(maxRetries, requestTimeout, vendors...)
}

// ProviderEnv is every vendor's base URL and credentials as the provider's
// environment fallbacks, for a provider block that names no secret: the
// test harness logs each step's configuration text. Settings without an
// environment variable (questionpro.organization_id) stay in the block.
func (s *Sandbox) ProviderEnv() map[string]string {
	env := map[string]string{}
	for _, d := range emulators.All() {
		for _, setting := range d.SettingsAt(s.BaseURL(d.Vendor)) {
			if setting.EnvVar != "" {
				env[setting.EnvVar] = setting.Value
			}
		}
	}
	return env
}

// SetProviderEnv sets ProviderEnv for the rest of the test (t.Setenv, so
// the test cannot run in parallel with others).
func (s *Sandbox) SetProviderEnv(t *testing.T) {
	t.Helper()
	for k, v := range s.ProviderEnv() {
		t.Setenv(k, v)
	}
}
