package twosms_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// userAttributes are the attributes of a 2sms user that the resource and
// both data sources show.
var userAttributes = []string{
	"user_id", "username", "email_address", "display_name", "mobile_phone", "language_id", "time_zone",
	"enabled", "admin_user", "sso_enabled", "preferences", "account_id",
	"date_created", "date_modified", "agreement_date", "decline_date", "dpa_version", "privacy_policy_version",
}

// The resource, the user data source and the list show the same user with
// the same values, read-only fields and the change the resource just made
// included; each accepts a timeouts block.
func TestAccTwoSMSAdminUser_dataSourcesMatchResource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	cfg := sb.TwoSMSProvider() + `
resource "saas_twosms_admin_user" "test" {
  username  = "grace.hopper"
  time_zone = "W. Europe Standard Time"
  timeouts  = { create = "5m", read = "5m", update = "5m", delete = "5m" }
}

data "saas_twosms_admin_user" "same" {
  user_id  = saas_twosms_admin_user.test.id
  timeouts = { read = "5m" }
}

data "saas_twosms_admin_users" "account" {
  account_id = saas_twosms_admin_user.test.account_id
  timeouts   = { read = "5m" }
}
`
	const one, list = "data.saas_twosms_admin_user.same", "data.saas_twosms_admin_users.account"
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("time_zone"), knownvalue.StringExact("W. Europe Standard Time")),
		statecheck.ExpectKnownValue(list, tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("user_id"), knownvalue.StringExact(graceID)),
		statecheck.CompareValuePairs(userAddr, tfjsonpath.New("id"), one, tfjsonpath.New("id"), compare.ValuesSame()),
	}
	for _, name := range userAttributes {
		checks = append(checks,
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(name), one, tfjsonpath.New(name), compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(name), list, tfjsonpath.New("users").AtSliceIndex(0).AtMapKey(name), compare.ValuesSame()),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: checks},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{Config: cfg, PlanOnly: true},
		},
	})
}
