package questionpro_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

func TestAccQuestionProUserDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: 2002, EmailAddress: "Grace@Example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0101"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QuestionProProvider() + `
data "saas_questionpro_user" "missing" {
  email_address = "nobody@example.com"
}`,
				ExpectError: words("QuestionPro user not found", "No user with e-mail nobody@example.com exists in organization 1001"),
			},
			{
				Config: sb.QuestionProProvider() + `
data "saas_questionpro_user" "missing" {
  user_id = 999999
}`,
				ExpectError: words("QuestionPro user not found", "No user 999999 exists"),
			},
			{
				Config: sb.QuestionProProvider() + `
data "saas_questionpro_user" "both" {
  email_address = "grace@example.com"
  user_id       = 1
}`,
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
			},
			{
				Config: sb.QuestionProProvider() + fmt.Sprintf(`
data "saas_questionpro_user" "by_email" {
  email_address = "grace@example.com"
}

data "saas_questionpro_user" "by_id" {
  user_id = %d
}
`, grace.UserID),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_email", tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.UserID))),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_email", tfjsonpath.New("phone"), knownvalue.StringExact("555-0101")),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_email", tfjsonpath.New("organization_id"), knownvalue.Int64Exact(1001)),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_id", tfjsonpath.New("email_address"), knownvalue.StringExact("Grace@Example.com")),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_id", tfjsonpath.New("department_id"), knownvalue.Int64Exact(2002)),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_id", tfjsonpath.New("user_type"), knownvalue.StringExact("License")),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.by_id", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(grace.UserID))),
				},
			},
		},
	})
}

// The list walks every page at 1000 users a page: 230 users in the Research
// department (229 added, plus the seeded viewer) and the organization's 231
// take one list call each. Where QuestionPro caps perPage lower (here 100)
// and reports the size it used, the walk follows the pagination block and
// still gets every user, in three pages.
func TestAccQuestionProUsersDataSource(t *testing.T) {
	for _, tc := range []struct {
		options string
		pages   int
	}{
		{`{}`, 1},
		{`{"max_per_page": 100}`, 3},
	} {
		t.Run(tc.options, func(t *testing.T) {
			testUsersDataSourcePages(t, tc.options, tc.pages)
		})
	}
}

func testUsersDataSourcePages(t *testing.T, options string, wantPages int) {
	sb := acctest.StartSandbox(t)
	if err := sb.QuestionPro.MergeOptions([]byte(options)); err != nil {
		t.Fatal(err)
	}
	for i := range 229 {
		sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: 2002, EmailAddress: fmt.Sprintf("user%03d@example.com", i), FirstName: "User", LastName: fmt.Sprintf("N%03d", i)})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QuestionProProvider() + `
data "saas_questionpro_users" "all" {}

data "saas_questionpro_users" "research" {
  department_id = 2002
}

data "saas_questionpro_users" "headquarters" {
  organization_id = 1001
  department_id   = 2001
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_questionpro_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(231)),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.all", tfjsonpath.New("id"), knownvalue.StringExact("1001")),
					// The organization-wide list reports departmentID 0, as
					// documented: not reported, so null rather than 0.
					statecheck.ExpectKnownValue("data.saas_questionpro_users.all", tfjsonpath.New("users").AtSliceIndex(230).AtMapKey("department_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.research", tfjsonpath.New("users"), knownvalue.ListSizeExact(230)),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.research", tfjsonpath.New("users").AtSliceIndex(229).AtMapKey("email_address"), knownvalue.StringExact("user228@example.com")),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.research", tfjsonpath.New("users").AtSliceIndex(229).AtMapKey("department_id"), knownvalue.Int64Exact(2002)),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.research", tfjsonpath.New("id"), knownvalue.StringExact("1001/2002")),
					statecheck.ExpectKnownValue("data.saas_questionpro_users.headquarters", tfjsonpath.New("users"), knownvalue.ListSizeExact(1)),
				},
				Check: func(*terraform.State) error {
					pages := map[string]int{}
					for _, r := range sb.Requests("questionpro") {
						if strings.HasSuffix(r.Route, "/users") && r.Method == "GET" {
							if !regexp.MustCompile(`(^|&)perPage=1000(&|$)`).MatchString(r.RawQuery) {
								return fmt.Errorf("list call without perPage=1000: %s?%s", r.Path, r.RawQuery)
							}
							pages[r.Route+" "+regexp.MustCompile(`page=\d+`).FindString(r.RawQuery)]++
						}
					}
					for _, route := range []string{"GET /organizations/{organizationID}/users", "GET /organizations/{organizationID}/departments/{departmentID}/users"} {
						for p := 1; p <= wantPages; p++ {
							if pages[fmt.Sprintf("%s page=%d", route, p)] == 0 {
								return fmt.Errorf("%s: page %d was never asked for; saw %v", route, p, pages)
							}
						}
						if pages[fmt.Sprintf("%s page=%d", route, wantPages+1)] != 0 {
							return fmt.Errorf("%s: asked for a page past the end; saw %v", route, pages)
						}
					}
					return nil
				},
			},
		},
	})
}

// Under either reading of the organization-wide list's departmentID (§4,
// §5.5), the users data source never reports a department the user is not
// in: the list's 0 is null, a real id is the id.
func TestAccQuestionProUsersDataSource_orgListDepartment(t *testing.T) {
	for _, tc := range []struct {
		options string
		want    knownvalue.Check
	}{
		{`{"org_list_department_ids": false}`, knownvalue.Null()},
		{`{"org_list_department_ids": true}`, knownvalue.Int64Exact(2002)},
	} {
		t.Run(tc.options, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			if err := sb.QuestionPro.MergeOptions([]byte(tc.options)); err != nil {
				t.Fatal(err)
			}
			sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: 2002, EmailAddress: "zz-last@example.com"})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config: sb.QuestionProProvider() + `
data "saas_questionpro_users" "all" {}
output "last" { value = [for u in data.saas_questionpro_users.all.users : u if u.email_address == "zz-last@example.com"][0] }
`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownOutputValueAtPath("last", tfjsonpath.New("department_id"), tc.want),
					},
				}},
			})
		})
	}
}
