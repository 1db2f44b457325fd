package twosms_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

const userAddr = "saas_twosms_admin_user.test"

func userConfig(sb *acctest.Sandbox, body string) string {
	return sb.TwoSMSProvider() + fmt.Sprintf(`
resource "saas_twosms_admin_user" "test" {
%s
}
`, body)
}

// A user created in the portal is adopted by username, renamed, promoted to
// admin, imported by GUID, username and e-mail, and disabled on destroy.
func TestAccTwoSMSAdminUser_lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	adopt := `
  username     = "grace.hopper"
  display_name = "Grace Hopper"
  mobile_phone = "+44 7700 900042"
`
	renamed := `
  username      = "grace.hopper"
  display_name  = "Rear Admiral Grace Hopper"
  email_address = "grace.hopper@example.com"
  mobile_phone  = "(020) 7946-0042"
  admin_user    = true
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			u := sandboxUser(t, sb, graceID)
			if u == nil || u.Enabled {
				return fmt.Errorf("on_destroy = disable should leave the user disabled, got %+v", u)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, adopt),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringExact(graceID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.StringExact(graceID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email_address"), knownvalue.StringExact("grace@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("admin_user"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("sso_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("preferences"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(acctest.TwoSMSAccountID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("language_id"), knownvalue.StringExact(acctest.TwoSMSLanguageID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("dpa_version"), knownvalue.StringExact("2.1")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("agreement_date"), knownvalue.StringExact("2023-05-17T09:30:15.1234567+00:00")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("decline_date"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("disable")),
				},
				Check: func(*terraform.State) error {
					// Nothing configured differed, so adopting sent no PUT.
					if n := len(requests(sb, putRoute)); n != 0 {
						return fmt.Errorf("adopting a user that already matches must not PUT, saw %d", n)
					}
					return nil
				},
			},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: userAddr, ImportState: true, ImportStateId: "grace.hopper", ImportStateVerify: true},
			{ResourceName: userAddr, ImportState: true, ImportStateId: "Grace@Example.com", ImportStateVerify: true},
			{
				Config: userConfig(sb, renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Rear Admiral Grace Hopper")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("admin_user"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("mobile_phone"), knownvalue.StringExact("(020) 7946-0042")),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, graceID)
					if u.DisplayName != "Rear Admiral Grace Hopper" || u.EmailAddress != "grace.hopper@example.com" || !u.AdminUser || u.MobilePhone != "(020) 7946-0042" {
						return fmt.Errorf("the sandbox user does not match the configuration: %+v", u)
					}
					if n := len(requests(sb, "PATCH /api/v1/admin/users/{id}/access")); n != 1 {
						return fmt.Errorf("admin_user should be toggled exactly once, saw %d PATCHes", n)
					}
					return nil
				},
			},
			{Config: userConfig(sb, renamed), PlanOnly: true},
		},
	})
}

// Adopting by e-mail and by GUID; on_destroy = forget leaves the user as it
// is, disable turns it off.
func TestAccTwoSMSAdminUser_adoptByEmailAndID(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	cfg := sb.TwoSMSProvider() + fmt.Sprintf(`
resource "saas_twosms_admin_user" "by_email" {
  email_address = "GRACE@example.com"
  time_zone     = "W. Europe Standard Time"
}

resource "saas_twosms_admin_user" "by_id" {
  user_id    = %q
  on_destroy = "forget"
}
`, acctest.TwoSMSAdminID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if u := sandboxUser(t, sb, graceID); u.Enabled {
				return fmt.Errorf("the user adopted by e-mail should be disabled on destroy: %+v", u)
			}
			if u := sandboxUser(t, sb, acctest.TwoSMSAdminID); !u.Enabled {
				return fmt.Errorf("on_destroy = forget must leave the admin enabled: %+v", u)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_twosms_admin_user.by_email", tfjsonpath.New("id"), knownvalue.StringExact(graceID)),
					statecheck.ExpectKnownValue("saas_twosms_admin_user.by_email", tfjsonpath.New("username"), knownvalue.StringExact("grace.hopper")),
					statecheck.ExpectKnownValue("saas_twosms_admin_user.by_email", tfjsonpath.New("time_zone"), knownvalue.StringExact("W. Europe Standard Time")),
					statecheck.ExpectKnownValue("saas_twosms_admin_user.by_id", tfjsonpath.New("username"), knownvalue.StringExact("sandbox.admin")),
					statecheck.ExpectKnownValue("saas_twosms_admin_user.by_id", tfjsonpath.New("admin_user"), knownvalue.Bool(true)),
				},
				Check: func(*terraform.State) error {
					if u := sandboxUser(t, sb, graceID); u.TimeZone != "W. Europe Standard Time" {
						return fmt.Errorf("time zone not applied: %+v", u)
					}
					return nil
				},
			},
			{ResourceName: "saas_twosms_admin_user.by_id", ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"on_destroy"}},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// A user nobody created in the portal cannot be adopted, and the error says
// where users come from.
func TestAccTwoSMSAdminUser_notFound(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      userConfig(sb, `  username = "nobody"`),
				ExpectError: words("2sms user not found", "No 2sms user with username nobody", "cannot create users", "create the user in the 2sms portal"),
			},
			{
				Config:      userConfig(sb, `  user_id = "0bad0000-0000-4000-8000-000000000000"`),
				ExpectError: words("2sms user not found", "user_id 0bad0000-0000-4000-8000-000000000000"),
			},
		},
	})
}

// An import block (Terraform 1.5+) brings a portal user under management.
func TestAccTwoSMSAdminUser_importBlock(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:          userConfig(sb, `  username = "grace.hopper"`),
			ResourceName:    userAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   "grace@example.com",
			ImportPlanChecks: resource.ImportPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.StringExact(graceID)),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("mobile_phone"), knownvalue.StringExact("+44 7700 900042")),
				},
			},
		}},
	})
}
