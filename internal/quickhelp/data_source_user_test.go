package quickhelp_test

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
	"github.com/saas-users/terraform-provider-saas/internal/quickhelp"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// The resource and both data sources describe one user with one model: for
// the same sandbox user, after the resource changed it, every attribute they
// share holds the same value in all three, and the data sources' role GUIDs
// are the resource's.
func TestAccQuickHelpUserDataSource_matchesResource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := sb.QuickHelp.AddUser(qhsandbox.User{
		Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper",
		Department: "Navy", JobTitle: "Rear Admiral", Licensed: true, Country: "US", Roles: []string{roleUserAdmin},
		Groups: []qhsandbox.Group{{ID: 7, Name: "Pioneers"}},
		SSO:    &qhsandbox.SSO{UserID: "ghopper", Company: "Navy", Platform: "AzureAD", CustomFields: []qhsandbox.CustomField{{Name: "team", Value: "COBOL"}}},
	})
	const (
		one  = "data.saas_quickhelp_user.by_id"
		list = "data.saas_quickhelp_users.all"
	)
	cfg := userConfig(sb, fmt.Sprintf(`
  user_id   = %d
  job_title = "Commodore"
`, grace.UserID)) + `
data "saas_quickhelp_user" "by_id" {
  user_id    = saas_quickhelp_user.test.user_id
  depends_on = [saas_quickhelp_user.test]
}

data "saas_quickhelp_users" "all" {
  depends_on = [saas_quickhelp_user.test]
}
`
	checks := []statecheck.StateCheck{
		// The values compared below are real ones, not nulls on both sides.
		statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Commodore")),
		statecheck.ExpectKnownValue(one, tfjsonpath.New("job_title"), knownvalue.StringExact("Commodore")),
		statecheck.ExpectKnownValue(one, tfjsonpath.New("groups"), knownvalue.ListSizeExact(1)),
		statecheck.ExpectKnownValue(one, tfjsonpath.New("sso").AtMapKey("custom_fields").AtSliceIndex(0).AtMapKey("value"), knownvalue.StringExact("COBOL")),
		statecheck.ExpectKnownValue(list, tfjsonpath.New("users"), knownvalue.ListSizeExact(1)),
		statecheck.CompareValuePairs(userAddr, tfjsonpath.New("id"), one, tfjsonpath.New("id"), compare.ValuesSame()),
		statecheck.CompareValueCollection(userAddr, []tfjsonpath.Path{tfjsonpath.New("roles")}, one, tfjsonpath.New("roles").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
		statecheck.CompareValueCollection(userAddr, []tfjsonpath.Path{tfjsonpath.New("roles")}, list, tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("roles").AtSliceIndex(0).AtMapKey("id"), compare.ValuesSame()),
	}
	for _, name := range quickhelp.UserAttributeNames {
		checks = append(checks,
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(name), one, tfjsonpath.New(name), compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(name), list, tfjsonpath.New("users").AtSliceIndex(0).AtMapKey(name), compare.ValuesSame()),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: checks},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"on_destroy"}},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// Both data sources take a timeouts attribute and give up when its read
// limit passes: with QuickHelp's list held back for a minute, a 2s limit
// ends the read with the deadline, well before the provider's 10s attempt
// timeout and its retries would.
func TestAccQuickHelpDataSources_readTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	userBlock := func(read string) string {
		return fmt.Sprintf(`
data "saas_quickhelp_user" "grace" {
  email    = "grace@example.com"
  timeouts = { read = %q }
}
`, read)
	}
	usersBlock := func(read string) string {
		return fmt.Sprintf(`
data "saas_quickhelp_users" "all" {
  timeouts = { read = %q }
}
`, read)
	}
	holdList := func() {
		sb.SetFaults("quickhelp", sandbox.Fault{Route: "GET /User/List", Latency: time.Minute})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.QuickHelpProvider() + userBlock("5m") + usersBlock("5m"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.grace", tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.UserID))),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.grace", tfjsonpath.New("timeouts").AtMapKey("read"), knownvalue.StringExact("5m")),
					statecheck.ExpectKnownValue("data.saas_quickhelp_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(1)),
				},
			},
			{
				PreConfig:   holdList,
				Config:      sb.QuickHelpProvider() + userBlock("2s"),
				ExpectError: words("Could not read the QuickHelp user", "context deadline exceeded"),
			},
			{
				PreConfig:   holdList,
				Config:      sb.QuickHelpProvider() + usersBlock("2s"),
				ExpectError: words("Could not list QuickHelp users", "context deadline exceeded"),
			},
		},
	})
}
