package faulttest_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// budgetProvider is a provider block for every vendor of the sandbox with a
// retry_budget and no max_retries, so the budget alone bounds each call, and
// client-side rate caps high enough that they never pace a test.
func budgetProvider(sb *acctest.Sandbox, retryBudget, requestTimeout string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nprovider \"saas\" {\n  retry_budget    = %q\n  request_timeout = %q\n", retryBudget, requestTimeout)
	for _, d := range emulators.All() {
		fmt.Fprintf(&b, "  %s {\n", d.Vendor)
		for _, s := range d.SettingsAt(sb.BaseURL(d.Vendor)) {
			fmt.Fprintf(&b, "    %s = %s\n", s.Attribute, s.HCL())
		}
		b.WriteString("    requests_per_second = 1000\n  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// downBudget is the retry_budget of TestAccFaults_budgetBoundsAVendorThatIsDown.
// Its backoff (0.5s doubling, half of it jitter) has made five attempts by
// 7.5s at the latest, and the last backoff is shortened to leave a sixth one
// a tenth of the budget before its end: at least six, where the old count
// stopped at five.
const downBudget = 10 * time.Second

// qacDownUser is one QAComplete user; its create begins with a lookup of
// the e-mail (GET /depts/{DeptId}/users), the one call a vendor that is
// down fails.
var qacDownUser = fmt.Sprintf(`
resource "saas_qacomplete_user" "down" {
  dept_id    = %d
  email      = "down@example.com"
  first_name = "Down"
  last_name  = "Vendor"
}
`, acctest.QACompleteDeptID)

const qacLookupRoute = "GET /depts/{DeptId}/users"

// With no max_retries, a vendor that is down for good ends the apply at
// about the retry budget: the call is tried many more times than the old
// count allowed, and the diagnostic says how many, for how long, against
// which budget, and the last answer.
func TestAccFaults_budgetBoundsAVendorThatIsDown(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Status: 503})
	var start time.Time
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() { start = time.Now() },
			Config:    budgetProvider(sb, downBudget.String(), "2s") + qacDownUser,
			ExpectError: words("Could not check for an existing QAComplete user",
				fmt.Sprintf("QAComplete API answered 503 Service Unavailable for GET /depts/%d/users", acctest.QACompleteDeptID),
				"(gave up after", "attempts in", "10s retry budget",
				"QAComplete kept failing for the whole retry budget", "raise the provider's retry_budget"),
		}},
	})
	took := time.Since(start)
	st := sb.Stats("qacomplete")[qacLookupRoute]
	if st.Calls <= 5 || st.ByStatus[503] != st.Calls {
		t.Errorf("%s got %d calls (by status %v), want more than 5, every one answered 503", qacLookupRoute, st.Calls, st.ByStatus)
	}
	// The CLI's plan and apply add seconds around the budget; an unbounded
	// call would run for the operation's 20-minute timeout.
	if took > 90*time.Second {
		t.Errorf("the failing apply took %s, want about the %s budget plus the CLI's own time", took.Round(time.Millisecond), downBudget)
	}
	t.Logf("a vendor down for good: failed in %s after %d calls", took.Round(time.Millisecond), st.Calls)
}

// A Retry-After longer than what is left of the budget ends the call at
// once, and the diagnostic says what was asked and what was left.
func TestAccFaults_budgetRefusesAHugeRetryAfter(t *testing.T) {
	const asked = 99999999
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Status: 429, RetryAfter: asked})
	var start time.Time
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() { start = time.Now() },
			Config:    budgetProvider(sb, "2m", "5s") + qacDownUser,
			ExpectError: words("QAComplete API answered 429 Too Many Requests",
				"(gave up after 1 attempt in", "it asked to wait "+(asked*time.Second).String()+" before retrying, more than the",
				"left of the 2m0s retry budget)"),
		}},
	})
	took := time.Since(start)
	if st := sb.Stats("qacomplete")[qacLookupRoute]; st.Calls != 1 {
		t.Errorf("%s got %d calls, want 1: the wait asked for is past the budget", qacLookupRoute, st.Calls)
	}
	// Waiting would take 3 years; even the budget is two minutes.
	if took > 90*time.Second {
		t.Errorf("the apply took %s; it should have failed at once", took.Round(time.Millisecond))
	}
	t.Logf("Retry-After %ds: failed in %s", asked, took.Round(time.Millisecond))
}

// A retry_budget that is not a positive duration fails at plan time, on
// the attribute, before any request.
func TestAccFaults_budgetIsValidatedAtPlan(t *testing.T) {
	for _, bad := range []string{"soon", "0s", "-1m", "120"} {
		t.Run(bad, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      budgetProvider(sb, bad, "5s") + qacDownUser,
					PlanOnly:    true,
					ExpectError: words("Invalid retry_budget", `retry_budget "`+bad+`" is not valid: value must be a positive duration`),
				}},
			})
			if n := len(sb.Requests("")); n != 0 {
				t.Errorf("an invalid retry_budget still let %d requests through", n)
			}
		})
	}
}
