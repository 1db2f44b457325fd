package qacomplete_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Bad input fails at plan time, names the attribute and the rule, and sends
// nothing to QAComplete.
func TestAccQACompleteUser_invalidInput(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := []struct {
		name, body string
		want       []string
	}{
		{"bad email", `email = "not-an-email"
  first_name = "A"
  last_name = "B"`, []string{`email`, `not a valid e-mail address`}},
		{"empty first name", `email = "a@example.com"
  first_name = ""
  last_name = "B"`, []string{`first_name`, `length must be between 1 and 25`}},
		{"long last name", `email = "a@example.com"
  first_name = "A"
  last_name = "` + strings.Repeat("x", 26) + `"`, []string{`last_name`, `length must be between 1 and 25`}},
		{"unknown on_destroy", `email = "a@example.com"
  first_name = "A"
  last_name = "B"
  on_destroy = "delete"`, []string{`on_destroy`, `value must be one of`}},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      userConfig(sb, "  "+c.body),
			PlanOnly:    true,
			ExpectError: words(c.want...),
		})
	}
	// dept_id is checked too (userConfig sets a valid one).
	steps = append(steps, resource.TestStep{
		Config: sb.QACompleteProvider() + `
resource "saas_qacomplete_user" "test" {
  dept_id    = 0
  email      = "a@example.com"
  first_name = "A"
  last_name  = "B"
}`,
		PlanOnly:    true,
		ExpectError: words("dept_id", "at least 1"),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
	if reqs := sb.Requests("qacomplete"); len(reqs) != 0 {
		t.Fatalf("invalid input must send no request; the sandbox saw %d, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}

// Without credentials, planning a QAComplete resource fails and names each
// missing attribute with its environment variable.
func TestAccQACompleteUser_missingCredentials(t *testing.T) {
	t.Setenv("QACOMPLETE_USERNAME", "")
	t.Setenv("QACOMPLETE_PASSWORD", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "saas" {}

resource "saas_qacomplete_user" "test" {
  dept_id    = 8162
  email      = "a@example.com"
  first_name = "A"
  last_name  = "B"
}`,
			PlanOnly:    true,
			ExpectError: words("Missing QAComplete provider configuration", "qacomplete.username (or the QACOMPLETE_USERNAME environment variable)", "qacomplete.password (or the QACOMPLETE_PASSWORD environment variable)"),
		}},
	})
}

// 429s (with Retry-After) and 503s on the way are retried and the apply
// succeeds; the sandbox's counters show the retries happened.
func TestAccQACompleteUser_retriesTransientErrors(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete",
		sandbox.Fault{Route: "POST /depts/{DeptId}/users", Status: 429, RetryAfter: 1, Times: 2},
		sandbox.Fault{Route: "GET /depts/{DeptId}/users/{UserId}", Status: 503, Times: 2},
		sandbox.Fault{Route: "GET /depts/{DeptId}/users", Status: 503, Times: 1},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, graceBody)},
			{Config: userConfig(sb, graceBody), PlanOnly: true},
		},
	})
	stats := sb.Stats("qacomplete")
	if post := stats["POST /depts/{DeptId}/users"]; post.ByStatus[429] != 2 || post.ByStatus[200] != 1 {
		t.Errorf("want two 429s then one success on POST, got %+v", post)
	}
	if get := stats["GET /depts/{DeptId}/users/{UserId}"]; get.ByStatus[503] != 2 || get.ByStatus[200] < 1 {
		t.Errorf("want two 503s then success on GET, got %+v", get)
	}
	if list := stats["GET /depts/{DeptId}/users"]; list.ByStatus[503] != 1 {
		t.Errorf("want one 503 on the list, got %+v", list)
	}
	if users := sb.QAComplete.Users(acctest.QACompleteDeptID); len(users) != 1 || users[0].IsActive {
		t.Errorf("retries must not duplicate the user, and destroy disables it; the department holds %+v", users)
	}
}

// A POST that fails after reaching the server (a 500 here) is not blindly
// retried: the provider looks the e-mail up first, so no duplicate appears.
func TestAccQACompleteUser_ambiguousCreateDoesNotDuplicate(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Route: "POST /depts/{DeptId}/users", Status: 502, Times: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: userConfig(sb, graceBody),
			Check: func(*terraform.State) error {
				post := sb.Stats("qacomplete")["POST /depts/{DeptId}/users"]
				if post.Calls != 2 || post.ByStatus[502] != 1 {
					return fmt.Errorf("want one failed POST and one retried after a lookup, got %+v", post)
				}
				if n := len(sb.QAComplete.Users(acctest.QACompleteDeptID)); n != 1 {
					return fmt.Errorf("want exactly one user, department has %d", n)
				}
				return nil
			},
		}},
	})
}

// A 400 from QAComplete becomes a diagnostic carrying the vendor's message.
func TestAccQACompleteUser_vendorErrorBecomesDiagnostic(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Route: "POST /depts/{DeptId}/users", Status: 400, Body: `{"message":"Email domain is not allowed by the licence"}`})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      userConfig(sb, graceBody),
			ExpectError: words("Could not create the QAComplete user", "QAComplete API answered 400 Bad Request for POST /depts/8162/users", "Email domain is not allowed by the licence"),
		}},
	})
}

// With TF_LOG=TRACE, the QAComplete password appears nowhere in the log of
// an apply, neither in the CLI's part nor in the provider's.
func TestAccQACompleteUser_passwordNeverLogged(t *testing.T) {
	sb := acctest.StartSandbox(t)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	// Credentials come from the environment, as in a CI pipeline. (The test
	// harness itself logs each step's configuration text, so a password
	// written into the test's HCL would show up in its own log lines.)
	t.Setenv("QACOMPLETE_BASE_URL", sb.BaseURL("qacomplete"))
	t.Setenv("QACOMPLETE_USERNAME", acctest.QACompleteUsername)
	t.Setenv("QACOMPLETE_PASSWORD", acctest.QACompletePassword)
	cfg := func(first string) string {
		return fmt.Sprintf(`
provider "saas" {
  qacomplete {}
}

resource "saas_qacomplete_user" "test" {
  dept_id    = 8162
  email      = "grace@example.com"
  first_name = %q
  last_name  = "Hopper"
}
`, first)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg("Grace")},
			{Config: cfg("Grace B.")},
		},
	})
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	// The log must hold the provider's requests, or the test proves nothing.
	if !strings.Contains(log, "/depts/8162/users") || !strings.Contains(log, "Authorization") {
		t.Fatalf("the trace log holds no QAComplete request with its headers (%d bytes)", len(log))
	}
	for _, secret := range []string{acctest.QACompletePassword, basicBlob(acctest.QACompleteUsername, acctest.QACompletePassword)} {
		if strings.Contains(log, secret) {
			t.Fatalf("the trace log contains a QAComplete secret %q", secret)
		}
	}
}

// The worst ambiguous case: QAComplete creates the user, then the answer is
// lost with the connection. The provider must find the user it just made
// instead of posting again.
func TestAccQACompleteUser_createAnswerLostDoesNotDuplicate(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Route: "POST /depts/{DeptId}/users", DropAfter: true, Times: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, graceBody),
				Check: func(*terraform.State) error {
					if post := sb.Stats("qacomplete")["POST /depts/{DeptId}/users"]; post.Calls != 1 {
						return fmt.Errorf("the user was created by the first POST; a second one is a duplicate attempt (%+v)", post)
					}
					if n := len(sb.QAComplete.Users(acctest.QACompleteDeptID)); n != 1 {
						return fmt.Errorf("want exactly one user, department has %d", n)
					}
					return nil
				},
			},
			{Config: userConfig(sb, graceBody), PlanOnly: true},
		},
	})
}

// QAComplete creates the user but holds its answer past the create's
// timeout (as when Terraform is interrupted and stops the provider mid-call):
// the operation's context has ended, yet the provider finds the user it
// made and records it, so the next plan is empty and no second create
// collides with it.
func TestAccQACompleteUser_createEndedMidCallIsRecorded(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Route: "POST /depts/{DeptId}/users", StallAfter: time.Minute, Times: 1})
	body := graceBody + "  timeouts = { create = \"3s\" }\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, body),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrSet("saas_qacomplete_user.test", "user_id"),
					func(*terraform.State) error {
						if post := sb.Stats("qacomplete")["POST /depts/{DeptId}/users"]; post.Calls != 1 {
							return fmt.Errorf("want exactly one POST, got %+v", post)
						}
						if n := len(sb.QAComplete.Users(acctest.QACompleteDeptID)); n != 1 {
							return fmt.Errorf("want exactly one user, department has %d", n)
						}
						return nil
					},
				),
			},
			{Config: userConfig(sb, body), PlanOnly: true},
		},
	})
}
