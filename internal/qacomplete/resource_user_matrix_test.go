package qacomplete_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

// The core lifecycle under every position of the QAComplete emulator's
// switches (how the user list treats an Email filter, what a write
// answers, whether PUT resets the create-only fields, whether they are
// returned): create, an update that keeps what another administrator
// changed behind Terraform's back, no drift, import by id and by e-mail, a
// user deleted outside Terraform leaving state and planned again, and
// destroy disabling the user.
func TestAccMatrix_QACompleteUserLifecycle(t *testing.T) {
	acctest.ForEachReading(t, "qacomplete", func(t *testing.T, sb *acctest.Sandbox) {
		const email = "matrix@example.com"
		// A colleague listed first: a lookup by e-mail that took the first
		// row of a list the server did not filter would find this user.
		sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "colleague@example.com", FirstName: "Trinity", LastName: "Colleague", IsActive: true})
		config := func(firstName string) string {
			return userConfig(sb, fmt.Sprintf(`
  email      = %q
  first_name = %q
  last_name  = "Matrix"
`, email, firstName))
		}
		var firstID int
		// putResets is the error expected where this position's PUT resets
		// the create-only values, and nil elsewhere.
		putResets := func(seen string) *regexp.Regexp {
			if !sb.QAComplete.Options().PutClearsCreateOnly {
				return nil
			}
			return words("QAComplete's update reset create-only values", seen, "set them again in the QAComplete UI")
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			CheckDestroy: func(*terraform.State) error {
				u := sandboxUser(t, sb, email)
				if u == nil || u.IsActive {
					return fmt.Errorf("on_destroy = disable should leave the user disabled in QAComplete, got %+v", u)
				}
				return nil
			},
			Steps: []resource.TestStep{
				{
					Config: config("Neo"),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact(email)),
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Neo")),
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("middle_name"), knownvalue.StringExact("")),
					},
					Check: func(s *terraform.State) error {
						u := sandboxUser(t, sb, email)
						if u == nil || u.FirstName != "Neo" {
							return fmt.Errorf("QAComplete holds %+v, want the user created", u)
						}
						firstID = u.ID
						if got, want := s.RootModule().Resources[userAddr].Primary.ID, fmt.Sprintf("%d/%d", acctest.QACompleteDeptID, u.ID); got != want {
							return fmt.Errorf("id = %s, want %s", got, want)
						}
						return nil
					},
				},
				{
					// Another administrator fills in fields the configuration
					// does not manage; the rename must keep them, though the
					// PUT resets whatever it omits. company_name cannot be
					// carried by the PUT: where the PUT resets it, keeping it
					// is impossible, and the apply must say so.
					PreConfig: func() {
						for field, value := range map[string]any{"middle_name": "Thomas", "phone": "555-0199", "is_security_admin": true, "company_name": "Zion"} {
							if err := sb.QAComplete.SetUserField(firstID, field, value); err != nil {
								t.Fatal(err)
							}
						}
					},
					Config: config("Thomas"),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
					},
					ExpectError: putResets(`company_name was "Zion" and is now ""`),
				},
				{
					// What the update kept, checked in QAComplete and in
					// state, with nothing left to change.
					PreConfig: func() {
						u := sandboxUser(t, sb, email)
						if u == nil || u.ID != firstID || u.FirstName != "Thomas" {
							t.Fatalf("the update should rename user %d in place, QAComplete holds %+v", firstID, u)
						}
						if u.MiddleName != "Thomas" || u.Phone != "555-0199" || !u.IsSecurityAdmin {
							t.Fatalf("the update lost fields the configuration does not manage: QAComplete holds %+v", u)
						}
						if u.CompanyName != "Zion" && putResets("") == nil {
							t.Fatalf("the update lost company_name though this PUT keeps it: QAComplete holds %+v", u)
						}
					},
					Config: config("Thomas"),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Thomas")),
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("middle_name"), knownvalue.StringExact("Thomas")),
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0199")),
						statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("is_security_admin"), knownvalue.Bool(true)),
					},
				},
				{Config: config("Thomas"), PlanOnly: true},
				{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
				{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateId: fmt.Sprintf("%d/%s", acctest.QACompleteDeptID, email)},
				{
					// Deleted outside Terraform: QAComplete's own not-found,
					// confirmed by its user list, takes the user out of state
					// and the plan creates it again.
					PreConfig:          func() { sb.QAComplete.DeleteUserHard(firstID) },
					Config:             config("Thomas"),
					PlanOnly:           true,
					ExpectNonEmptyPlan: true,
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
					},
				},
				{
					Config: config("Thomas"),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
					},
					Check: func(*terraform.State) error {
						if u := sandboxUser(t, sb, email); u == nil || u.ID == firstID || !u.IsActive {
							return fmt.Errorf("the apply should create the user again, QAComplete holds %+v", u)
						}
						return nil
					},
				},
			},
		})
	})
}
