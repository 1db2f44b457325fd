package questionpro_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// Routes that name the organization, as the sandbox counts them.
const (
	searchRoute = "GET /organizations/{organizationID}/users/search"
	listRoute   = "GET /organizations/{organizationID}/users"
	createRoute = "POST /users"
)

// organizationCLIConfig is a configuration for the real CLI: the provider
// (credentials and base URL from the environment) with orgLine in its
// questionpro block, and a team of four users. Each run renames the team,
// creates three newcomers at once (deleting the previous run's at the same
// time) and creates a user whose e-mail QuestionPro already holds: on odd
// runs alongside everything else, on even runs only after every other user
// has answered.
func organizationCLIConfig(orgLine, extra string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    saas = {
      source  = "saas-users/saas"
      version = %q
    }
  }
}

provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  questionpro {
    requests_per_second = 1000
    %s
  }
}

variable "run" {
  type    = number
  default = 0
}

resource "saas_questionpro_user" "team" {
  count         = 4
  email_address = "member${count.index}@example.com"
  first_name    = "Member"
  last_name     = "No. ${count.index}, run ${var.run}"
}

resource "saas_questionpro_user" "newcomer" {
  for_each      = var.run == 0 ? toset([]) : toset([for i in range(3) : "run${var.run}-newcomer${i}@example.com"])
  email_address = each.key
}

resource "saas_questionpro_user" "taken" {
  count         = var.run %% 2 == 1 ? 1 : 0
  email_address = "taken@example.com"
}

resource "saas_questionpro_user" "taken_last" {
  count         = var.run > 0 && var.run %% 2 == 0 ? 1 : 0
  email_address = "taken@example.com"
  depends_on    = [saas_questionpro_user.team, saas_questionpro_user.newcomer]
}
%s`, acctest.ProviderVersion, orgLine, extra)
}

// The same configuration ends the same way on every run, whatever answered
// first: with questionpro.organization_id every create looks its e-mail up
// first and the taken e-mail is reported with the user that has it; without
// it no call ever names an organization the configuration did not give
// (deletes name the organization recorded from each user), and the taken
// e-mail fails with QuestionPro's own error and a hint naming
// organization_id, even on the runs where QuestionPro has just answered
// with users of that organization. Runs alternate between `apply` and a
// saved plan applied later. A data source that lists the organization's
// users fails at plan without organization_id, even after the refresh read
// users of that organization.
func TestAccQuestionProUser_organizationDeterministic(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	cases := []struct {
		name, orgLine string
		wantErr       func(taken qpsandbox.User) []string
		searches      bool
	}{
		{
			name:    "without organization_id",
			orgLine: "",
			wantErr: func(qpsandbox.User) []string {
				return []string{"Could not create the QuestionPro user", "A user with emailAddress taken@example.com already exists", "organization_id set in the provider's questionpro block"}
			},
		},
		{
			name:    "with organization_id",
			orgLine: fmt.Sprintf("organization_id     = %d", acctest.QuestionProOrganizationID),
			wantErr: func(taken qpsandbox.User) []string {
				return []string{"QuestionPro user already exists", fmt.Sprintf("user id %d. To manage that user", taken.UserID), fmt.Sprintf("terraform import <resource address> %d", taken.UserID)}
			},
			searches: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			c := acctest.NewCLI(t, bin, sb.ProviderEnv())
			c.WriteFile("main.tf", organizationCLIConfig(tc.orgLine, ""))
			c.MustRun(0, "init", "-input=false", "-no-color")
			c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve")

			// Someone creates a user with no name in the web app.
			taken := sb.QuestionPro.AddUser(qpsandbox.User{OrganizationID: acctest.QuestionProOrganizationID, EmailAddress: "taken@example.com"})
			for run := 1; run <= 4; run++ {
				before := sb.Stats("questionpro")
				vars := fmt.Sprintf("-var=run=%d", run)
				var out string
				var code int
				if run%2 == 1 {
					out, code = c.Run("apply", "-input=false", "-no-color", "-auto-approve", vars)
				} else {
					c.MustRun(0, "plan", "-input=false", "-no-color", vars, "-out=tfplan")
					out, code = c.Run("apply", "-input=false", "-no-color", "tfplan")
				}
				if code != 1 || !words(tc.wantErr(taken)...).MatchString(out) {
					t.Fatalf("run %d: exit %d, want 1 with %q:\n%s", run, code, tc.wantErr(taken), out)
				}
				if strings.Contains(out, "()") || strings.Contains(out, "( )") {
					t.Errorf("run %d: the message holds an empty pair of parentheses:\n%s", run, out)
				}
				after := sb.Stats("questionpro")
				searches := after[searchRoute].Calls - before[searchRoute].Calls
				posts := after[createRoute].Calls - before[createRoute].Calls
				wantSearches, wantPosts := 0, 4 // three newcomers and the taken e-mail
				if tc.searches {
					wantSearches, wantPosts = 4, 3 // the taken e-mail is found before any POST
				}
				if searches != wantSearches || posts != wantPosts {
					t.Errorf("run %d: %d searches and %d creates, want %d and %d", run, searches, posts, wantSearches, wantPosts)
				}
				for i := range 3 {
					if sandboxUser(t, sb, fmt.Sprintf("run%d-newcomer%d@example.com", run, i)) == nil {
						t.Errorf("run %d: newcomer %d was not created", run, i)
					}
					if run > 1 && sandboxUser(t, sb, fmt.Sprintf("run%d-newcomer%d@example.com", run-1, i)) != nil {
						t.Errorf("run %d: the previous run's newcomer %d was not deleted", run, i)
					}
				}
			}
			if !tc.searches {
				for _, r := range sb.Requests("questionpro") {
					if r.Method != "DELETE" && strings.Contains(r.Path, "/organizations/") {
						t.Errorf("without organization_id the provider called %s %s", r.Method, r.Path)
					}
				}
			}

			// The organization's list, after a refresh that read users of
			// that organization in the same provider process.
			c.WriteFile("main.tf", organizationCLIConfig(tc.orgLine, `
data "saas_questionpro_users" "all" {}
`))
			out, code := c.Run("plan", "-input=false", "-no-color", "-var=run=4")
			switch {
			case tc.searches && code != 0:
				t.Errorf("with organization_id the list must plan, exit %d:\n%s", code, out)
			case !tc.searches && (code != 1 || !words("QuestionPro organization_id not set", "Listing users calls a QuestionPro operation that names the organization", "Set organization_id in the provider's questionpro block").MatchString(out)):
				t.Errorf("without organization_id the list must fail at plan naming organization_id, exit %d:\n%s", code, out)
			}
		})
	}
}

// adopt_existing = true without questionpro.organization_id fails at plan,
// naming the attribute, and sends nothing to QuestionPro.
func TestAccQuestionProUser_adoptWithoutOrganizationFailsAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "saas" {
  questionpro {
    base_url = %q
    api_key  = %q
  }
}

resource "saas_questionpro_user" "test" {
%s  adopt_existing = true
}
`, sb.BaseURL("questionpro"), acctest.QuestionProAPIKey, graceBody),
			PlanOnly:    true,
			ExpectError: words("QuestionPro organization_id not set", "adopt_existing = true calls a QuestionPro operation that names the organization", "Set organization_id in the provider's questionpro block", "terraform import <resource address> <user_id>"),
		}},
	})
	if reqs := sb.Requests("questionpro"); len(reqs) != 0 {
		t.Fatalf("the refused plan sent %d requests, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}
