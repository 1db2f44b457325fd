package quickhelp_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Bad input fails at plan time, names the attribute and the rule, and sends
// nothing to QuickHelp.
func TestAccQuickHelpUser_invalidInput(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := []struct {
		body string
		want []string
	}{
		{`email = "not-an-email"`, []string{"email", "not a valid e-mail address"}},
		{`email = "a@example.com"
  roles = ["3f8e2a10-5b1c-4d7e-9a01-000000000005", "not-a-guid"]`, []string{"Invalid GUID", `"not-a-guid" is not a GUID`}},
		{`user_id = 0`, []string{"user_id", "between 1 and 2147483647"}},
		{`email = "a@example.com"
  on_destroy = "delete"`, []string{"on_destroy", "value must be one of"}},
		{`first_name = "A"`, []string{"At least one of these attributes must be configured", "user_id,email"}},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: userConfig(sb, "  "+c.body), PlanOnly: true, ExpectError: words(c.want...)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
	if reqs := sb.Requests("quickhelp"); len(reqs) != 0 {
		t.Fatalf("invalid input must send no request; the sandbox saw %d, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}

// Without keys, planning a QuickHelp resource fails and names each missing
// attribute with its environment variable.
func TestAccQuickHelpUser_missingCredentials(t *testing.T) {
	t.Setenv("QUICKHELP_API_KEY", "")
	t.Setenv("QUICKHELP_SUBSCRIPTION_KEY", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "saas" {}

resource "saas_quickhelp_user" "test" {
  email = "a@example.com"
}`,
			PlanOnly:    true,
			ExpectError: words("Missing QuickHelp provider configuration", "quickhelp.api_key (or the QUICKHELP_API_KEY environment variable)", "quickhelp.subscription_key (or the QUICKHELP_SUBSCRIPTION_KEY environment variable)"),
		}},
	})
}

// The gateway's and the backend's 401s say which of the two keys to check.
func TestAccQuickHelpUser_unauthorizedNamesTheKey(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	provider := func(apiKey, subKey string) string {
		return fmt.Sprintf(`
provider "saas" {
  quickhelp {
    base_url         = %q
    api_key          = %q
    subscription_key = %q
  }
}

resource "saas_quickhelp_user" "test" {
  email = "grace@example.com"
}
`, sb.BaseURL("quickhelp"), apiKey, subKey)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      provider(acctest.QuickHelpAPIKey, "wrong-subscription"),
				ExpectError: words("401 Unauthorized", "invalid subscription key", "Check quickhelp.subscription_key (or QUICKHELP_SUBSCRIPTION_KEY)"),
			},
			{
				Config:      provider("wrong-api-key", acctest.QuickHelpSubscriptionKey),
				ExpectError: words("401 Unauthorized", "Authorization has been denied", "Check quickhelp.api_key (or QUICKHELP_API_KEY)"),
			},
		},
	})
}

// The backend's 400 ModelState body becomes an error on the offending
// attribute, carrying QuickHelp's message.
func TestAccQuickHelpUser_validationErrorNamesFields(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	sb.QuickHelp.AddUser(qhUser("ada@example.com", "Ada", "Lovelace"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: userConfig(sb, fmt.Sprintf(`
  user_id = %d
  email   = "ada@example.com"
`, grace.UserID)),
			ExpectError: words("Could not apply the configuration", "400 Bad Request for POST /User/Update", "invalid fields: email: Email 'ada@example.com' is already in use", "rejected the values of these attributes: email"),
		}},
	})
}

// 429s with Retry-After from the gateway are waited out and retried; a 403
// quota answer is reported with what it means.
func TestAccQuickHelpUser_gatewayLimits(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	sb.SetFaults("quickhelp",
		sandbox.Fault{Route: "GET /User/List", Status: 429, RetryAfter: 1, Times: 2, Body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}`},
		sandbox.Fault{Route: "POST /User/Update", Status: 429, RetryAfter: 1, Times: 1, Body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}`},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, `
  email     = "grace@example.com"
  job_title = "Commodore"
`),
			},
			{
				PreConfig: func() {
					sb.SetFaults("quickhelp", sandbox.Fault{Route: "GET /User/List", Status: 403, Times: 1, Body: `{"statusCode":403,"message":"Out of call volume quota. Quota will be replenished in 02:13:07."}`})
				},
				Config:      userConfig(sb, `  email = "grace@example.com"`),
				ExpectError: words("403 Forbidden", "Out of call volume quota", "replenished in 02:13:07", "call quota is used up"),
			},
		},
	})
	stats := sb.Stats("quickhelp")
	if list := stats["GET /User/List"]; list.ByStatus[429] != 2 || list.ByStatus[200] < 1 {
		t.Errorf("want two 429s then success on the list, got %+v", list)
	}
	if upd := stats["POST /User/Update"]; upd.ByStatus[429] != 1 || upd.ByStatus[200] < 1 {
		t.Errorf("want one 429 then success on the update, got %+v", upd)
	}
}

// With TF_LOG=TRACE, neither QuickHelp key appears in the log of an apply.
func TestAccQuickHelpUser_keysNeverLogged(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	// Keys come from the environment, as in a CI pipeline (the harness logs
	// each step's configuration text, so keys in the HCL would show up).
	t.Setenv("QUICKHELP_BASE_URL", sb.BaseURL("quickhelp"))
	t.Setenv("QUICKHELP_API_KEY", acctest.QuickHelpAPIKey)
	t.Setenv("QUICKHELP_SUBSCRIPTION_KEY", acctest.QuickHelpSubscriptionKey)
	cfg := func(title string) string {
		return fmt.Sprintf(`
provider "saas" {
  quickhelp {}
}

resource "saas_quickhelp_user" "test" {
  email     = "grace@example.com"
  job_title = %q
}
`, title)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg("Commodore")},
			{Config: cfg("Rear Admiral")},
		},
	})
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	// The log must hold the provider's requests with headers, or the test
	// proves nothing.
	if !strings.Contains(log, "/User/List") || !strings.Contains(log, "/User/Update") || !strings.Contains(log, "Ocp-Apim-Subscription-Key") {
		t.Fatalf("the trace log holds no QuickHelp request with its headers (%d bytes)", len(log))
	}
	for _, secret := range []string{acctest.QuickHelpAPIKey, acctest.QuickHelpSubscriptionKey} {
		if strings.Contains(log, secret) {
			t.Fatalf("the trace log contains a QuickHelp key %q", secret)
		}
	}
}

// The resource takes a timeouts attribute and gives up when its create
// limit passes: with QuickHelp's list held back for a minute, adopting the
// user ends at the 2s deadline, well before the provider's 10s attempt
// timeout and its retries would, and sends no update.
func TestAccQuickHelpUser_createTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	sb.SetFaults("quickhelp", sandbox.Fault{Route: "GET /User/List", Latency: time.Minute})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: userConfig(sb, fmt.Sprintf(`
  user_id   = %d
  job_title = "Commodore"
  timeouts  = { create = "2s" }
`, grace.UserID)),
			ExpectError: words("Could not look up the QuickHelp user to adopt", "context deadline exceeded"),
		}},
	})
	if n := countRoute(sb, "POST /User/Update"); n != 0 {
		t.Fatalf("a create that timed out must send no update, the sandbox saw %d", n)
	}
}
