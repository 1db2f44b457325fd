package quickhelp_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// unknownRole is a well-formed GUID that names no role, so only QuickHelp
// itself can refuse it.
const unknownRole = "00000000-0000-4000-8000-00000000abcd"

// The core lifecycle under every reading the QuickHelp document allows
// (page numbering and offsets, clamped page sizes, null records on an empty
// page, update keeping or clearing omitted fields, both 400 bodies, delete
// entries, customerId for customer keys): adopt, update next to a change
// made behind Terraform's back, a refused update, no drift, import by id and
// by e-mail, a user deleted outside Terraform, and destroy.
func TestAccMatrix_QuickHelpUserLifecycle(t *testing.T) {
	acctest.ForEachReading(t, "quickhelp", quickHelpLifecycle)
}

func quickHelpLifecycle(t *testing.T, sb *acctest.Sandbox) {
	grace := seedGrace(sb)
	// Four more users, so that a clamped page size makes the list span
	// several pages and an offset reading shows.
	for _, name := range []string{"ada", "alan", "edsger", "barbara"} {
		sb.QuickHelp.AddUser(qhUser(name+"@example.com", name, "Other"))
	}
	managed := func(jobTitle, extra string) string {
		return userConfig(sb, fmt.Sprintf(`
  email      = "grace@example.com"
  first_name = "Grace"
  job_title  = %q
  licensed   = true
  confirmed  = true
  bypass_sso = false
%s`, jobTitle, extra))
	}
	first, second := managed("Rear Admiral", ""), managed("Commodore", "")
	refused := managed("Commodore", fmt.Sprintf("  roles      = [%q]\n", unknownRole))
	graceID := grace.UserID
	byEmail := func() qhsandbox.User {
		for _, u := range sb.QuickHelp.Users() {
			if u.Email == "grace@example.com" {
				return u
			}
		}
		t.Fatal("the sandbox holds no grace@example.com")
		return qhsandbox.User{}
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			u := byEmail()
			if u.Licensed {
				return fmt.Errorf("on_destroy = unlicense should take the licence away, the sandbox has %+v", u)
			}
			if u.Department != "Navy" || u.LastName != "Hopper" || u.JobTitle != "Commodore" || !u.Confirmed || len(u.Roles) != 1 {
				return fmt.Errorf("taking the licence away must change nothing else, the sandbox has %+v", u)
			}
			return nil
		},
		Steps: []resource.TestStep{
			// (1) Adopt the SSO-provisioned user by e-mail.
			{
				Config: first,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(graceID))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department"), knownvalue.StringExact("Navy")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("confirmed"), knownvalue.Bool(true)),
				},
			},
			// (2) A field Terraform does not manage changes behind its back;
			// an update of a managed one keeps it.
			{
				PreConfig: func() {
					setField(t, sb, graceID, "department", "Research")
					setField(t, sb, graceID, "roles", []string{roleUserAdmin})
				},
				Config: second,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Commodore")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department"), knownvalue.StringExact("Research")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("roles"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(roleUserAdmin)})),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, graceID)
					if u.JobTitle != "Commodore" {
						return fmt.Errorf("the update was not applied: %+v", u)
					}
					if u.Department != "Research" || u.LastName != "Hopper" || !slices.Equal(u.Roles, []string{roleUserAdmin}) || !u.Licensed || !u.Confirmed || u.BypassSSO {
						return fmt.Errorf("the update lost a value Terraform does not manage: %+v", u)
					}
					return nil
				},
			},
			// A value QuickHelp refuses fails on its attribute, in either
			// 400 body, and changes nothing.
			{
				Config:      refused,
				ExpectError: words("Could not update the QuickHelp user", "roles[0]", unknownRole, "does not exist"),
				Check: func(*terraform.State) error {
					if u := sandboxUser(t, sb, graceID); !slices.Equal(u.Roles, []string{roleUserAdmin}) || u.Department != "Research" {
						return fmt.Errorf("a refused update changed the user: %+v", u)
					}
					return nil
				},
			},
			// (3) No drift.
			{Config: second, PlanOnly: true},
			// (4) Import by id and by e-mail; QuickHelp never returns
			// confirmed or bypass_sso.
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso"},
			},
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateId:           "grace@example.com",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso"},
			},
			// (5) Deleted in the portal: the complete list lacks it, so it
			// leaves state and the plan adopts it again.
			{
				PreConfig:          func() { sb.QuickHelp.DeleteUserHard(fmt.Sprint(graceID)) },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{
					PostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(s *terraform.State) error {
					if _, ok := s.RootModule().Resources[userAddr]; ok {
						return fmt.Errorf("user %d is gone from QuickHelp's complete list but still in state", graceID)
					}
					return nil
				},
			},
			// (6) SSO brings the user back; it is adopted again, and the
			// destroy that ends the test takes its licence away.
			{
				PreConfig: func() {
					back := seedGrace(sb)
					setField(t, sb, back.UserID, "roles", []string{roleUserAdmin})
				},
				Config: second,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Commodore")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department"), knownvalue.StringExact("Navy")),
				},
			},
		},
	})
}
