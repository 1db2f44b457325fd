package qacomplete_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

// userFields are the attributes the resource and the data sources share.
var userFields = []string{
	"user_id", "email", "first_name", "middle_name", "last_name", "phone",
	"is_security_admin", "is_ad_account", "ad_search_value", "company_name",
	"is_active", "primary_dept_id", "date_created", "date_updated",
}

// The resource and both data sources read the same sandbox user and report
// the same value for every field they share; each data source accepts a
// timeouts block.
func TestAccQACompleteUserDataSource_matchesResource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, `
  email             = "ada@example.com"
  first_name        = "Ada"
  middle_name       = "Augusta"
  last_name         = "Lovelace"
  phone             = "555-0100"
  is_security_admin = true
  is_ad_account     = true
  ad_search_value   = "CN=ada"
  company_name      = "Analytical Engines"
`) + `
data "saas_qacomplete_user" "by_id" {
  dept_id  = saas_qacomplete_user.test.dept_id
  user_id  = saas_qacomplete_user.test.user_id
  timeouts = { read = "2m" }
}

data "saas_qacomplete_user" "by_email" {
  dept_id = saas_qacomplete_user.test.dept_id
  email   = saas_qacomplete_user.test.email
}

data "saas_qacomplete_users" "named" {
  dept_id  = saas_qacomplete_user.test.dept_id
  filter   = "LastName = '${saas_qacomplete_user.test.last_name}'"
  timeouts = { read = "2m" }
}
`
	var pairs []resource.TestCheckFunc
	for _, f := range userFields {
		pairs = append(pairs,
			resource.TestCheckResourceAttrPair("data.saas_qacomplete_user.by_id", f, userAddr, f),
			resource.TestCheckResourceAttrPair("data.saas_qacomplete_user.by_email", f, userAddr, f),
			resource.TestCheckResourceAttrPair("data.saas_qacomplete_users.named", "users.0."+f, userAddr, f),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_id", tfjsonpath.New("primary_dept_id"), knownvalue.Int64Exact(acctest.QACompleteDeptID)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_email", tfjsonpath.New("company_name"), knownvalue.StringExact("Analytical Engines")),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.named", tfjsonpath.New("users"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.named", tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("ad_search_value"), knownvalue.StringExact("CN=ada")),
					statecheck.CompareValuePairs("data.saas_qacomplete_user.by_id", tfjsonpath.New("id"), userAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(pairs...),
			},
			{
				ResourceName:      userAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// A data source stops at its read timeout: QAComplete holds its answer for
// a minute, and the read ends after two seconds with the operation's
// deadline, not after the provider's 10s request timeout and its retries.
func TestAccQACompleteUserDataSource_readTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", IsActive: true})
	sb.SetFaults("qacomplete", sandbox.Fault{Route: "GET /depts/{DeptId}/users/{UserId}", Latency: time.Minute})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QACompleteProvider() + fmt.Sprintf(`
data "saas_qacomplete_user" "slow" {
  dept_id  = %d
  user_id  = %d
  timeouts = { read = "2s" }
}
`, acctest.QACompleteDeptID, grace.ID),
				ExpectError: words("Could not read the QAComplete user", "context deadline exceeded"),
			},
		},
	})
	if get := sb.Stats("qacomplete")["GET /depts/{DeptId}/users/{UserId}"]; get.Calls != 1 {
		t.Fatalf("the read should end during its first call, saw %+v", get)
	}
}

// The list data source stops at its read timeout too.
func TestAccQACompleteUsersDataSource_readTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SetFaults("qacomplete", sandbox.Fault{Route: "GET /depts/{DeptId}/users", Latency: time.Minute})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QACompleteProvider() + fmt.Sprintf(`
data "saas_qacomplete_users" "slow" {
  dept_id  = %d
  timeouts = { read = "2s" }
}
`, acctest.QACompleteDeptID),
				ExpectError: words("Could not list QAComplete users", "context deadline exceeded"),
			},
		},
	})
}
