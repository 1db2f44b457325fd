package providerdata

import (
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Every vendor's client gets the retry knobs from ClientConfig alone: the
// budget always, and max_retries as a cap only when it is set.
func TestClientConfigCarriesTheRetryKnobs(t *testing.T) {
	base, err := apiclient.ParseBaseURL("Fake", "https://api.example.com")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		common         Common
		wantMaxRetries int // in the apiclient.Config
		wantRepeats    int // Client.MaxRetries, what callers that repeat use
	}{
		"max_retries not set: the budget alone": {Common{RetryBudget: time.Minute, MaxRetries: 4}, 0, apiclient.DefaultMaxRetries},
		"max_retries = 3":                       {Common{RetryBudget: time.Minute, MaxRetries: 3, CapRetries: true}, 3, 3},
		"max_retries = 0: no retries":           {Common{RetryBudget: time.Minute, MaxRetries: 0, CapRetries: true}, -1, 0},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := Settings{Vendor: "fake", DisplayName: "Fake", BaseURL: base, Common: tt.common}
			cfg := s.ClientConfig()
			if cfg.RetryBudget != time.Minute || cfg.MaxRetries != tt.wantMaxRetries {
				t.Errorf("RetryBudget=%s MaxRetries=%d, want 1m0s and %d", cfg.RetryBudget, cfg.MaxRetries, tt.wantMaxRetries)
			}
			c, err := apiclient.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.MaxRetries(); got != tt.wantRepeats {
				t.Errorf("client MaxRetries() = %d, want %d", got, tt.wantRepeats)
			}
		})
	}
}
