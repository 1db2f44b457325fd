package questionpro_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// userFields are the attributes the resource and the data sources share:
// everything QuestionPro returns about a user.
var userFields = []string{
	"user_id", "organization_id", "email_address", "first_name", "last_name", "department_id",
	"user_type", "phone", "license_type", "license_start_date", "creation_date",
}

// The resource and both data sources, looking at the same user, report the
// same value for every field QuestionPro returns, read-only ones included.
func TestAccQuestionProUserDataSource_matchesResource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: acctest.QuestionProResearchDeptID, EmailAddress: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0101"})
	cfg := userConfig(sb, `
  email_address  = "grace@example.com"
  first_name     = "Grace"
  last_name      = "Hopper"
  adopt_existing = true
`) + fmt.Sprintf(`
data "saas_questionpro_user" "by_id" {
  user_id = saas_questionpro_user.test.user_id
}

data "saas_questionpro_user" "by_email" {
  email_address = saas_questionpro_user.test.email_address
}

# The Research department: its seeded user, then Grace.
data "saas_questionpro_users" "research" {
  department_id = %d
  depends_on    = [saas_questionpro_user.test]
}
`, acctest.QuestionProResearchDeptID)

	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0101")),
		statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(acctest.QuestionProResearchDeptID)),
		statecheck.ExpectKnownValue("data.saas_questionpro_users.research", tfjsonpath.New("users"), knownvalue.ListSizeExact(2)),
		statecheck.CompareValuePairs(userAddr, tfjsonpath.New("id"), "data.saas_questionpro_user.by_email", tfjsonpath.New("id"), compare.ValuesSame()),
	}
	for _, f := range userFields {
		checks = append(checks,
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(f), "data.saas_questionpro_user.by_id", tfjsonpath.New(f), compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(f), "data.saas_questionpro_user.by_email", tfjsonpath.New(f), compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(f), "data.saas_questionpro_users.research", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey(f), compare.ValuesSame()),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: checks},
			// Import sets adopt_existing to its default, as for any import.
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"adopt_existing"}},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// A data source's read ends at its own timeouts.read: with QuestionPro
// holding every answer for a minute, the read gives up after two seconds,
// before even the first attempt's request_timeout (10s), and says so. Once
// QuestionPro answers again, the same configuration reads the users.
func TestAccQuestionProUserDataSource_readTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	slow := func(route string) func() {
		return func() { sb.SetFaults("questionpro", sandbox.Fault{Route: route, Latency: time.Minute}) }
	}
	one := fmt.Sprintf(`
data "saas_questionpro_user" "admin" {
  user_id  = %d
  timeouts = { read = "2s" }
}
`, qpsandbox.DefaultAdminUserID)
	list := `
data "saas_questionpro_users" "all" {
  timeouts = { read = "2s" }
}
`
	routes := []string{"GET /users/{userID}", "GET /organizations/{organizationID}/users"}
	var slowCalls map[string]int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   slow(routes[0]),
				Config:      sb.QuestionProProvider() + one,
				ExpectError: words("Could not read the QuestionPro user", "context deadline exceeded"),
			},
			{
				PreConfig:   slow(routes[1]),
				Config:      sb.QuestionProProvider() + list,
				ExpectError: words("Could not list QuestionPro users", "context deadline exceeded"),
			},
			{
				PreConfig: func() {
					slowCalls = map[string]int{}
					for _, route := range routes {
						slowCalls[route] = sb.Stats("questionpro")[route].Calls
					}
					sb.SetFaults("questionpro")
				},
				Config: sb.QuestionProProvider() + one + list,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_questionpro_user.admin", tfjsonpath.New("user_id"), knownvalue.Int64Exact(qpsandbox.DefaultAdminUserID)),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.admin", tfjsonpath.New("timeouts"), knownvalue.ObjectExact(map[string]knownvalue.Check{"read": knownvalue.StringExact("2s")})),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.all", tfjsonpath.New("users"), knownvalue.NotNull()),
				},
				Check: func(*terraform.State) error {
					// Each slow read was one attempt, abandoned at the
					// read's deadline instead of timing out and being
					// retried under request_timeout.
					for _, route := range routes {
						if slowCalls[route] != 1 {
							return fmt.Errorf("%s: %d calls while QuestionPro was slow, want 1", route, slowCalls[route])
						}
					}
					return nil
				},
			},
		},
	})
}
