package quickhelp_test

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

// An SSO-provisioned user is adopted by id, configured, imported by id and by
// e-mail, changed in place, and shows no drift afterwards; destroying it
// takes the licence away and keeps the user.
func TestAccQuickHelpUser_lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	first := userConfig(sb, fmt.Sprintf(`
  user_id    = %d
  first_name = "Grace"
  last_name  = "Hopper"
  licensed   = true
  confirmed  = true
  roles      = [%q]
`, grace.UserID, roleUserAdmin))
	second := userConfig(sb, fmt.Sprintf(`
  user_id    = %d
  email      = "grace.hopper@example.com"
  first_name = "Amazing Grace"
  last_name  = "Hopper"
  department = "Computing"
  licensed   = true
  confirmed  = true
  bypass_sso = true
  roles      = [%q, %q]
`, grace.UserID, roleUserAdmin, roleLibraryAdmin))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			u := sandboxUser(t, sb, grace.UserID)
			if u.Licensed {
				return fmt.Errorf("on_destroy = unlicense should take the licence away, sandbox has %+v", u)
			}
			if u.FirstName != "Amazing Grace" || u.Department != "Computing" || u.JobTitle != "Rear Admiral" || len(u.Roles) != 2 || !u.Confirmed || !u.BypassSSO {
				return fmt.Errorf("unlicensing must change nothing else, sandbox has %+v", u)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: first,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(grace.UserID))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact("grace@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department"), knownvalue.StringExact("Navy")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Rear Admiral")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("roles"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(roleUserAdmin)})),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("confirmed"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("bypass_sso"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("country"), knownvalue.StringExact("US")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("groups").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("Pioneers")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("sso").AtMapKey("user_id"), knownvalue.StringExact("ghopper")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("sso").AtMapKey("custom_fields").AtSliceIndex(0).AtMapKey("value"), knownvalue.StringExact("COBOL")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("unlicense")),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, grace.UserID)
					if !u.Confirmed || len(u.Roles) != 1 || u.Roles[0] != roleUserAdmin || u.JobTitle != "Rear Admiral" {
						return fmt.Errorf("the sandbox user does not match the configuration: %+v", u)
					}
					if n := len(sb.QuickHelp.Users()); n != 1 {
						return fmt.Errorf("adopting must not create users; the sandbox holds %d", n)
					}
					return nil
				},
			},
			// Import by id: confirmed and bypass_sso are never returned.
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso"},
			},
			// Import by e-mail.
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateId:           "grace@example.com",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso"},
			},
			// Update in place: new e-mail (user_id identifies the user), name,
			// department, another role, SSO bypass.
			{
				Config: second,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact("grace.hopper@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Amazing Grace")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("bypass_sso"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("roles"), knownvalue.SetSizeExact(2)),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, grace.UserID)
					if u.Email != "grace.hopper@example.com" || u.FirstName != "Amazing Grace" || u.Department != "Computing" || !u.BypassSSO || len(u.Roles) != 2 {
						return fmt.Errorf("update not applied in place: %+v", u)
					}
					if u.JobTitle != "Rear Admiral" || !u.Confirmed || !u.Licensed {
						return fmt.Errorf("the update lost a field: %+v", u)
					}
					return nil
				},
			},
			// No drift after apply.
			{Config: second, PlanOnly: true},
		},
	})
}

// Adopting by e-mail (any letter case) finds the user in the list; an
// unchanged configuration sends no update at all, and an e-mail change
// without user_id manages another user, so it replaces the resource.
func TestAccQuickHelpUser_adoptByEmail(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	other := sb.QuickHelp.AddUser(qhUser("ada@example.com", "Ada", "Lovelace"))
	cfg := userConfig(sb, `
  email      = "Grace@Example.com"
  first_name = "Grace"
  on_destroy = "forget"
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.UserID))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact("Grace@Example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("licensed"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Rear Admiral")),
				},
				Check: func(*terraform.State) error {
					if n := len(updateBodies(t, sb)); n != 0 {
						return fmt.Errorf("the configuration matched the user already, yet %d update calls were sent", n)
					}
					return nil
				},
			},
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateId:           "grace@example.com",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso", "email", "on_destroy"},
			},
			{Config: cfg, PlanOnly: true},
			{
				Config: userConfig(sb, `
  email      = "ada@example.com"
  on_destroy = "forget"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(other.UserID))),
				},
			},
		},
	})
}

// A user that does not exist cannot be created: the error says how
// QuickHelp users come into being.
func TestAccQuickHelpUser_notFoundExplains(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      userConfig(sb, `  email = "nobody@example.com"`),
				ExpectError: words("QuickHelp user not found", "No QuickHelp user with the e-mail nobody@example.com", "cannot create users", "SSO", "Microsoft Graph sync", "Admin Portal"),
			},
			{
				Config:      userConfig(sb, `  user_id = 999`),
				ExpectError: words("QuickHelp user not found", "user id 999"),
			},
		},
	})
}

// An import block (Terraform 1.5+) brings an existing user under management.
func TestAccQuickHelpUser_importBlock(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	cfg := userConfig(sb, `
  email      = "grace@example.com"
  first_name = "Grace"
  last_name  = "Hopper"
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:          cfg,
				ResourceName:    userAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   "grace@example.com",
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.UserID))),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Rear Admiral")),
					},
				},
			},
		},
	})
}
