package qacomplete_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

func TestAccQACompleteUserDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "Grace@Example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0101", IsActive: true, IsSecurityAdmin: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QACompleteProvider() + `
data "saas_qacomplete_user" "missing" {
  dept_id = 8162
  email   = "nobody@example.com"
}`,
				ExpectError: words("QAComplete user not found", "No user with e-mail nobody@example.com exists in department 8162"),
			},
			{
				Config: sb.QACompleteProvider() + `
data "saas_qacomplete_user" "both" {
  dept_id = 8162
  email   = "grace@example.com"
  user_id = 1
}`,
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
			},
			{
				Config: sb.QACompleteProvider() + fmt.Sprintf(`
data "saas_qacomplete_user" "by_email" {
  dept_id = 8162
  email   = "grace@example.com"
}

data "saas_qacomplete_user" "by_id" {
  dept_id = 8162
  user_id = %d
}
`, grace.ID),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_email", tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.ID))),
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_email", tfjsonpath.New("phone"), knownvalue.StringExact("555-0101")),
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_id", tfjsonpath.New("email"), knownvalue.StringExact("Grace@Example.com")),
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_id", tfjsonpath.New("is_security_admin"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_id", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprintf("8162/%d", grace.ID))),
				},
			},
		},
	})
}

// The list is walked at the largest page size: 230 users take one list
// call with limit=1000 per read. (Walking many pages, and refusing a walk
// that repeats or ends short, is proven against a server that pages
// smaller, in list_test.go.)
func TestAccQACompleteUsersDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for i := range 230 {
		u := qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: fmt.Sprintf("user%03d@example.com", i), FirstName: "User", LastName: fmt.Sprintf("N%03d", i), IsActive: i%10 != 0}
		sb.QAComplete.AddUser(u)
	}
	sb.QAComplete.AddUser(qacsandbox.User{DeptID: 8163, Email: "elsewhere@example.com", FirstName: "Else", LastName: "Where", IsActive: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QACompleteProvider() + `
data "saas_qacomplete_users" "all" {
  dept_id = 8162
}

data "saas_qacomplete_users" "active" {
  dept_id = 8162
  filter  = "IsActive = true"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(230)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.active", tfjsonpath.New("users"), knownvalue.ListSizeExact(207)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.all", tfjsonpath.New("users").AtSliceIndex(229).AtMapKey("email"), knownvalue.StringExact("user229@example.com")),
				},
				Check: func(*terraform.State) error {
					var walks int
					for _, r := range sb.Requests("qacomplete") {
						if r.Route == "GET /depts/{DeptId}/users" && !regexp.MustCompile(`(?i)filter=`).MatchString(r.RawQuery) {
							walks++
							if !regexp.MustCompile(`(^|&)limit=1000(&|$)`).MatchString(r.RawQuery) {
								return fmt.Errorf("the list should be walked at limit=1000, saw %s", r.RawQuery)
							}
						}
					}
					// Terraform reads data sources at plan and again at apply, and
					// the test harness refreshes: each read is one page.
					if walks == 0 || walks > 3 {
						return fmt.Errorf("each unfiltered read should take exactly 1 page, saw %d list calls", walks)
					}
					return nil
				},
			},
		},
	})
}
