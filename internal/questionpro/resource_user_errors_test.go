package questionpro_test

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
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// Bad input fails at plan time, names the attribute and the rule, and sends
// nothing to QuestionPro.
func TestAccQuestionProUser_invalidInput(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := []struct {
		name, config string
		want         []string
	}{
		{"bad email", userConfig(sb, `  email_address = "not-an-email"`), []string{"email_address", "not a valid e-mail address"}},
		{"unknown on_destroy", userConfig(sb, `  email_address = "a@example.com"
  on_destroy = "disable"`), []string{"on_destroy", "value must be one of"}},
		{"negative department", userConfig(sb, `  email_address = "a@example.com"
  department_id = -1`), []string{"department_id", "at least 0"}},
		{"both passwords", userConfig(sb, `  email_address = "a@example.com"
  password = "x"
  password_wo_version = 1`), []string{"Invalid Attribute Combination"}},
		{"unknown datacenter", fmt.Sprintf(`
provider "saas" {
  questionpro {
    api_key    = %q
    datacenter = "MARS"
  }
}

resource "saas_questionpro_user" "test" {
  email_address = "a@example.com"
}`, acctest.QuestionProAPIKey), []string{"datacenter", "value must be one of", `"MARS"`}},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: words(c.want...)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
	if reqs := sb.Requests("questionpro"); len(reqs) != 0 {
		t.Fatalf("invalid input must send no request; the sandbox saw %d, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}

// Without a key, planning a QuestionPro resource fails and names the
// attribute and its environment variable.
func TestAccQuestionProUser_missingCredentials(t *testing.T) {
	t.Setenv("QUESTIONPRO_API_KEY", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "saas" {}

resource "saas_questionpro_user" "test" {
  email_address = "a@example.com"
}`,
			PlanOnly:    true,
			ExpectError: words("Missing QuestionPro provider configuration", "questionpro.api_key (or the QUESTIONPRO_API_KEY environment variable)"),
		}},
	})
}

// Vendor errors become diagnostics with the error name, id and message and
// the hint for the id.
func TestAccQuestionProUser_vendorErrors(t *testing.T) {
	sb := acctest.StartSandbox(t)
	withKey := func(key, body string) string {
		return fmt.Sprintf(`
provider "saas" {
  questionpro {
    base_url = %q
    api_key  = %q
  }
}

resource "saas_questionpro_user" "test" {
%s
}
`, sb.BaseURL("questionpro"), key, body)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      withKey("wrong-key", graceBody),
				ExpectError: words("Could not create the QuestionPro user", "401 Unauthorized for POST /users", "UNAUTHORIZED 1010", "Incorrect API Key", "questionpro.api_key", "questionpro.datacenter"),
			},
			{
				Config:      withKey(qpsandbox.ViewerAPIKey, graceBody),
				ExpectError: words("Could not create the QuestionPro user", "403 Forbidden", "FORBIDDEN 1013", "lacks rights"),
			},
			{
				Config:      withKey(acctest.QuestionProAPIKey, graceBody+"  department_id = 2101\n"),
				ExpectError: words("Could not create the QuestionPro user", "400 Bad Request", "BAD_REQUEST 1002", "departmentID 2101 is not a department of organization 1001"),
			},
		},
	})
	if n := len(sb.QuestionPro.Users()); n != 3 {
		t.Fatalf("failed creates must not leave users behind; the sandbox holds %d", n)
	}
}

// A user that cannot be found by id (1040) on import names the hint.
func TestAccQuestionProUser_importUnknownID(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:        userConfig(sb, graceBody),
				ResourceName:  userAddr,
				ImportState:   true,
				ImportStateId: "nobody@example.com",
				ExpectError:   words("QuestionPro user not found", "No user with e-mail nobody@example.com exists in organization 1001"),
			},
			{
				Config:        userConfig(sb, graceBody),
				ResourceName:  userAddr,
				ImportState:   true,
				ImportStateId: "not an id",
				ExpectError:   words("Invalid import ID", "a QuestionPro user id or an e-mail address"),
			},
		},
	})
}

// 429s with Retry-After and 503s on the way are retried and the apply
// succeeds.
func TestAccQuestionProUser_retriesTransientErrors(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("questionpro",
		sandbox.Fault{Route: "POST /users", Status: 429, RetryAfter: 1, Times: 2},
		sandbox.Fault{Route: "GET /users/{userID}", Status: 503, Times: 2},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, graceBody)},
			{Config: userConfig(sb, graceBody), PlanOnly: true},
		},
	})
	stats := sb.Stats("questionpro")
	if post := stats["POST /users"]; post.ByStatus[429] != 2 || post.ByStatus[200] != 1 {
		t.Errorf("want two 429s then one success on POST, got %+v", post)
	}
	if get := stats["GET /users/{userID}"]; get.ByStatus[503] != 2 || get.ByStatus[200] < 1 {
		t.Errorf("want two 503s then success on GET, got %+v", get)
	}
}

// With TF_LOG=TRACE the API key appears nowhere in the log of an apply.
func TestAccQuestionProUser_apiKeyNeverLogged(t *testing.T) {
	sb := acctest.StartSandbox(t)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	// Credentials come from the environment, as in a CI pipeline.
	t.Setenv("QUESTIONPRO_BASE_URL", sb.BaseURL("questionpro"))
	t.Setenv("QUESTIONPRO_API_KEY", acctest.QuestionProAPIKey)
	cfg := func(last string) string {
		return fmt.Sprintf(`
provider "saas" {
  questionpro {
    organization_id = 1001
  }
}

resource "saas_questionpro_user" "test" {
  email_address = "grace@example.com"
  last_name     = %q
}
`, last)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg("Hopper")},
			{Config: cfg("Hopper-Murray")},
		},
	})
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	if !strings.Contains(log, "/users") || !strings.Contains(strings.ToLower(log), "api-key") {
		t.Fatalf("the trace log holds no QuestionPro request with its headers (%d bytes)", len(log))
	}
	if strings.Contains(log, acctest.QuestionProAPIKey) {
		t.Fatal("the trace log contains the QuestionPro API key")
	}
}

// A POST that fails in a way that may have created the user (a 502 or a
// dropped connection) is followed by a search by e-mail and, when it shows
// no user, sent again: the apply succeeds with exactly one user.
func TestAccQuestionProUser_ambiguousCreateDoesNotDuplicate(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("questionpro",
		sandbox.Fault{Route: "POST /users", Status: 502, Times: 1},
	)
	before := len(sb.QuestionPro.Users())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: userConfig(sb, graceBody),
			Check: func(*terraform.State) error {
				post := sb.Stats("questionpro")["POST /users"]
				if post.Calls != 2 || post.ByStatus[502] != 1 {
					return fmt.Errorf("want one failed POST and one sent again after a search, got %+v", post)
				}
				if search := sb.Stats("questionpro")["GET /organizations/{organizationID}/users/search"]; search.Calls != 2 {
					return fmt.Errorf("want a search before the create and one after the failed POST, got %+v", search)
				}
				if n := len(sb.QuestionPro.Users()) - before; n != 1 {
					return fmt.Errorf("want exactly one new user, QuestionPro has %d", n)
				}
				return nil
			},
		}},
	})
}

// QuestionPro creates the user, then the answer is lost with the
// connection: the provider finds the user it just made instead of posting
// again.
func TestAccQuestionProUser_createAnswerLostDoesNotDuplicate(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("questionpro", sandbox.Fault{Route: "POST /users", DropAfter: true, Times: 1})
	before := len(sb.QuestionPro.Users())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, graceBody),
				Check: func(*terraform.State) error {
					if post := sb.Stats("questionpro")["POST /users"]; post.Calls != 1 {
						return fmt.Errorf("the first POST created the user; another one is a duplicate attempt (%+v)", post)
					}
					if n := len(sb.QuestionPro.Users()) - before; n != 1 {
						return fmt.Errorf("want exactly one new user, QuestionPro has %d", n)
					}
					return nil
				},
			},
			{Config: userConfig(sb, graceBody), PlanOnly: true},
		},
	})
}

// QuestionPro creates the user but holds its answer past the create's
// timeout (as when Terraform is interrupted and stops the provider mid-call):
// the provider still finds the user it made and records it.
func TestAccQuestionProUser_createEndedMidCallIsRecorded(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("questionpro", sandbox.Fault{Route: "POST /users", StallAfter: time.Minute, Times: 1})
	before := len(sb.QuestionPro.Users())
	body := graceBody + "  timeouts = { create = \"3s\" }\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, body),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrSet("saas_questionpro_user.test", "user_id"),
					func(*terraform.State) error {
						if post := sb.Stats("questionpro")["POST /users"]; post.Calls != 1 {
							return fmt.Errorf("want exactly one POST, got %+v", post)
						}
						if n := len(sb.QuestionPro.Users()) - before; n != 1 {
							return fmt.Errorf("want exactly one new user, QuestionPro has %d", n)
						}
						return nil
					},
				),
			},
			{Config: userConfig(sb, body), PlanOnly: true},
		},
	})
}
