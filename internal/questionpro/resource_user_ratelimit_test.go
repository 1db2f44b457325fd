package questionpro_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// limitSandbox makes the sandbox enforce a per-key limit of calls per window
// on top of its default data, and returns a provider block with its own
// administrator key: the client-side cap is shared by every client of the
// process holding the same key, so tests running alongside with the default
// key would otherwise change this test's cap.
func limitSandbox(t *testing.T, sb *acctest.Sandbox, calls int, window time.Duration, rps string) string {
	t.Helper()
	var seed qpsandbox.SeedData
	if err := json.Unmarshal(qpsandbox.DefaultSeed(), &seed); err != nil {
		t.Fatal(err)
	}
	key := "sandbox-questionpro-" + t.Name()
	seed.APIKeys = append(seed.APIKeys, qpsandbox.SeedAPIKey{Key: key, OrganizationID: acctest.QuestionProOrganizationID, UserID: qpsandbox.DefaultAdminUserID, Admin: true})
	seed.Options = &qpsandbox.Options{KeyRateLimit: calls, RateWindow: window}
	raw, err := json.Marshal(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := sb.QuestionPro.Seed(raw); err != nil {
		t.Fatal(err)
	}
	// The window travels as "rate_window" in the seed: check both took.
	snap, ok := sb.QuestionPro.Snapshot().(qpsandbox.SeedData)
	if !ok {
		t.Fatalf("unexpected snapshot type %T", sb.QuestionPro.Snapshot())
	}
	if got := snap.Options; got.KeyRateLimit != calls || got.RateWindow != window {
		t.Fatalf("the sandbox did not take the limit: %+v", got)
	}
	return fmt.Sprintf(`
provider "saas" {
  max_retries     = 6
  request_timeout = "10s"
  questionpro {
    base_url            = %q
    api_key             = %q
    organization_id     = %d
    requests_per_second = %s
  }
}

resource "saas_questionpro_user" "one" {
  email_address = "one@example.com"
}
`, sb.BaseURL("questionpro"), key, acctest.QuestionProOrganizationID, rps)
}

// With QuestionPro enforcing 20 calls per 10 s, 31 users are created and
// destroyed without an error: the client-side cap, set below the limit,
// spaces the calls so that no 429 comes back at all. 1.6 calls per second
// with a one-token bucket lets at most 17 calls leave in any 10 s, which
// leaves room for the scheduling jitter between the client's clock and the
// sandbox's on a loaded machine (1.8 left too little: one 429 in a run).
func TestAccQuestionProUser_rateLimitedApply(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := limitSandbox(t, sb, 20, 10*time.Second, "1.6") + `
resource "saas_questionpro_user" "bulk" {
  count         = 30
  email_address = "bulk${count.index}@example.com"
  last_name     = "Bulk ${count.index}"
}
`
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if n := len(sb.QuestionPro.Users()); n != 3 {
				return fmt.Errorf("destroy should leave the 3 seeded users, the sandbox holds %d", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_questionpro_user.bulk[29]", tfjsonpath.New("email_address"), knownvalue.StringExact("bulk29@example.com")),
				},
				Check: func(*terraform.State) error {
					if n := len(sb.QuestionPro.Users()); n != 34 {
						return fmt.Errorf("want 31 new users, the sandbox holds %d in all", n)
					}
					return nil
				},
			},
			{ResourceName: "saas_questionpro_user.one", ImportState: true, ImportStateVerify: true},
			{Config: cfg, PlanOnly: true},
		},
	})
	calls, limited := len(sb.Requests("questionpro")), sb.QuestionPro.RateLimited()
	t.Logf("%d calls in %s against a limit of 20 per 10 s: the sandbox answered %d with 429", calls, time.Since(start).Round(time.Second), limited)
	if calls < 90 {
		t.Fatalf("the test made only %d calls; it does not exercise the limit", calls)
	}
	// The cap leaves three calls of slack per window; on a loaded machine
	// request timing can still bunch a call or two, which apiclient retries.
	// More than that means the cap is not doing its job.
	if limited > 2 {
		t.Fatalf("the client-side cap should keep calls under the limit, the sandbox answered %d with 429", limited)
	}
}

// Even with the cap above the vendor's limit, the 429s that arrive are
// retried after Retry-After and the apply succeeds.
func TestAccQuestionProUser_rateLimitRetried(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := limitSandbox(t, sb, 4, 2*time.Second, "20") + `
resource "saas_questionpro_user" "bulk" {
  count         = 6
  email_address = "bulk${count.index}@example.com"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_questionpro_user.bulk[5]", tfjsonpath.New("email_address"), knownvalue.StringExact("bulk5@example.com")),
				},
			},
			{ResourceName: "saas_questionpro_user.one", ImportState: true, ImportStateVerify: true},
			{Config: cfg, PlanOnly: true},
		},
	})
	limited := sb.QuestionPro.RateLimited()
	t.Logf("the sandbox answered %d calls with 429; all were retried", limited)
	if limited == 0 {
		t.Fatal("with the cap above the limit some calls should have met a 429; the test proves nothing")
	}
}
