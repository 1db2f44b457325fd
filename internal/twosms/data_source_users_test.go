package twosms_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

func TestAccTwoSMSAdminUserDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.TwoSMSProvider() + `
data "saas_twosms_admin_user" "missing" {
  email_address = "nobody@example.com"
}`,
				ExpectError: words("2sms user not found", "e-mail address nobody@example.com"),
			},
			{
				Config: sb.TwoSMSProvider() + fmt.Sprintf(`
data "saas_twosms_admin_user" "by_id" {
  user_id = %q
}

data "saas_twosms_admin_user" "by_username" {
  username = "GRACE.HOPPER"
}

data "saas_twosms_admin_user" "by_email" {
  email_address = "grace@example.com"
}
`, graceID),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_twosms_admin_user.by_id", tfjsonpath.New("username"), knownvalue.StringExact("grace.hopper")),
					statecheck.ExpectKnownValue("data.saas_twosms_admin_user.by_id", tfjsonpath.New("dpa_version"), knownvalue.StringExact("2.1")),
					statecheck.ExpectKnownValue("data.saas_twosms_admin_user.by_username", tfjsonpath.New("user_id"), knownvalue.StringExact(graceID)),
					statecheck.ExpectKnownValue("data.saas_twosms_admin_user.by_email", tfjsonpath.New("mobile_phone"), knownvalue.StringExact("+44 7700 900042")),
					statecheck.ExpectKnownValue("data.saas_twosms_admin_user.by_email", tfjsonpath.New("preferences"), knownvalue.Int64Exact(2)),
				},
			},
		},
	})
}

// The list hides super users unless asked, and narrows to one account.
func TestAccTwoSMSAdminUsersDataSource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	sb.TwoSMS.AddUser(smssandbox.User{DisplayName: "Zed Super", EmailAddress: "super@2sms.example", Enabled: true, MobilePhone: "+44 7700 900099", TimeZone: "GMT Standard Time", Username: "zed.super", SuperUser: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.TwoSMSProvider() + fmt.Sprintf(`
data "saas_twosms_admin_users" "all" {}

data "saas_twosms_admin_users" "with_super" {
  include_super_users = true
}

data "saas_twosms_admin_users" "account" {
  account_id = %q
}

data "saas_twosms_admin_users" "account_with_super" {
  account_id          = %q
  include_super_users = true
}
`, acctest.TwoSMSAccountID, acctest.TwoSMSAccountID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.saas_twosms_admin_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.saas_twosms_admin_users.with_super", tfjsonpath.New("users"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.saas_twosms_admin_users.account", tfjsonpath.New("users"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.saas_twosms_admin_users.account", tfjsonpath.New("id"), knownvalue.StringExact(acctest.TwoSMSAccountID)),
				statecheck.ExpectKnownValue("data.saas_twosms_admin_users.account_with_super", tfjsonpath.New("users"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.saas_twosms_admin_users.all", tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("username"), knownvalue.StringExact("grace.hopper")),
			},
		}},
	})
}
