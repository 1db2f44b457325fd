package quickhelp_test

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
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

func TestAccQuickHelpUserDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := sb.QuickHelp.AddUser(qhsandbox.User{Email: "Grace@Example.com", FirstName: "Grace", LastName: "Hopper", JobTitle: "Rear Admiral", Licensed: true, Roles: []string{roleUserAdmin}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QuickHelpProvider() + `
data "saas_quickhelp_user" "missing" {
  email = "nobody@example.com"
}`,
				ExpectError: words("QuickHelp user not found", "No user with the e-mail nobody@example.com"),
			},
			{
				Config: sb.QuickHelpProvider() + `
data "saas_quickhelp_user" "both" {
  email   = "grace@example.com"
  user_id = 1
}`,
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
			},
			{
				Config: sb.QuickHelpProvider() + fmt.Sprintf(`
data "saas_quickhelp_user" "by_email" {
  email = "grace@example.com"
}

data "saas_quickhelp_user" "by_id" {
  user_id = %d
}
`, grace.UserID),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.by_email", tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.UserID))),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.by_email", tfjsonpath.New("job_title"), knownvalue.StringExact("Rear Admiral")),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.by_email", tfjsonpath.New("department"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.by_id", tfjsonpath.New("email"), knownvalue.StringExact("Grace@Example.com")),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.by_id", tfjsonpath.New("roles").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("User Administrator")),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.by_id", tfjsonpath.New("sso"), knownvalue.Null()),
				},
			},
		},
	})
}

// The list walks every page: 230 users at the client's page size of 100
// take three list calls per read.
func TestAccQuickHelpUsersDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for i := range 230 {
		sb.QuickHelp.AddUser(qhsandbox.User{Email: fmt.Sprintf("user%03d@example.com", i), FirstName: "User", Licensed: i%10 != 0})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.QuickHelpProvider() + `
data "saas_quickhelp_users" "all" {}

data "saas_quickhelp_user" "one" {
  email = "user229@example.com"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.saas_quickhelp_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(230)),
				statecheck.ExpectKnownValue("data.saas_quickhelp_users.all", tfjsonpath.New("users").AtSliceIndex(229).AtMapKey("email"), knownvalue.StringExact("user229@example.com")),
				statecheck.ExpectKnownValue("data.saas_quickhelp_users.all", tfjsonpath.New("id"), knownvalue.StringExact("default")),
			},
			Check: func(*terraform.State) error {
				var pages []string
				for _, r := range sb.Requests("quickhelp") {
					if r.Route == "GET /User/List" {
						pages = append(pages, r.RawQuery)
					}
				}
				// Both data sources share one walk per Terraform command; the
				// harness runs a few commands, each walking three pages.
				if len(pages) == 0 || len(pages)%3 != 0 {
					return fmt.Errorf("each walk should take exactly 3 pages, saw %d list calls: %v", len(pages), pages)
				}
				if pages[0] != "page=1&pageSize=100" || pages[2] != "page=3&pageSize=100" {
					return fmt.Errorf("pages should be asked as page=1..3 with pageSize=100, saw %v", pages[:3])
				}
				return nil
			},
		}},
	})
}

// A partner key manages the users of its customers: the list filter and the
// resource's customer_id go to QuickHelp as customerIds and customerId.
func TestAccQuickHelpPartnerCustomers(t *testing.T) {
	sb := acctest.StartSandbox(t)
	if err := sb.QuickHelp.Seed([]byte(`{
  "keys": [{"api_key": "partner-api-key", "subscription_key": "partner-subscription-key", "partner": true, "customer_ids": [2000, 2001, 2002]}],
  "users": [
    {"userId": 11, "customerId": 2001, "email": "a@one.example.com", "firstName": "A", "licensed": true},
    {"userId": 12, "customerId": 2002, "email": "b@two.example.com", "firstName": "B", "licensed": true},
    {"userId": 13, "customerId": 2002, "email": "c@two.example.com", "firstName": "C", "licensed": true}
  ]
}`)); err != nil {
		t.Fatal(err)
	}
	provider := fmt.Sprintf(`
provider "saas" {
  quickhelp {
    base_url            = %q
    api_key             = "partner-api-key"
    subscription_key    = "partner-subscription-key"
    requests_per_second = 1000
  }
}
`, sb.BaseURL("quickhelp"))
	cfg := provider + `
data "saas_quickhelp_users" "two" {
  customer_ids = [2002]
}

data "saas_quickhelp_users" "both" {
  customer_ids = [2001, 2002]
}

resource "saas_quickhelp_user" "test" {
  customer_id = 2002
  email       = "b@two.example.com"
  job_title   = "Reseller admin"
  on_destroy  = "forget"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_quickhelp_users.two", tfjsonpath.New("users"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.saas_quickhelp_users.both", tfjsonpath.New("users"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.saas_quickhelp_users.both", tfjsonpath.New("id"), knownvalue.StringExact("2001,2002")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(12)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("customer_id"), knownvalue.Int64Exact(2002)),
				},
				Check: func(*terraform.State) error {
					bodies := updateBodies(t, sb)
					if len(bodies) != 1 || bodies[0]["customerId"] != float64(2002) || bodies[0]["jobTitle"] != "Reseller admin" {
						return fmt.Errorf("the update should name customer 2002, got %v", bodies)
					}
					return nil
				},
			},
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateId:           "2002/b@two.example.com",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso", "on_destroy"},
			},
			{Config: cfg, PlanOnly: true},
		},
	})
}
