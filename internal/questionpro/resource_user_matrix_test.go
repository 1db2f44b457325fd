package questionpro_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// The core life of a user under every reading of every open point of the
// QuestionPro document (the sandbox's switches): create, an update that
// keeps what QuestionPro holds outside the configuration, no drift, import
// by id and by e-mail, a user deleted in QuestionPro created again, and
// destroy deleting the user.
func TestAccMatrix_QuestionProUserLifecycle(t *testing.T) {
	acctest.ForEachReading(t, "questionpro", questionProLifecycle)
}

func questionProLifecycle(t *testing.T, sb *acctest.Sandbox) {
	const email = "matrix@example.com"
	// The configuration manages the e-mail, the first name and the
	// password (some readings require one on create); last_name,
	// department_id and the read-only phone are QuestionPro's to keep.
	cfg := func(first string) string {
		return userConfig(sb, fmt.Sprintf(`
  email_address = %q
  first_name    = %q
  password      = "Matrix-Pa55word"
`, email, first))
	}
	var firstID, secondID int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if u := sandboxUser(t, sb, email); u != nil {
				return fmt.Errorf("on_destroy = delete should delete the user, the sandbox still has %+v", *u)
			}
			for _, r := range sb.Requests("questionpro") {
				if r.Method == "DELETE" && r.Path == fmt.Sprintf("/questionpro/a/api/v2/organizations/%d/users/%d", acctest.QuestionProOrganizationID, secondID) {
					return nil
				}
			}
			return fmt.Errorf("no DELETE of user %d was sent", secondID)
		},
		Steps: []resource.TestStep{
			{
				Config: cfg("Mat"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email_address"), knownvalue.StringExact(email)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Mat")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("organization_id"), knownvalue.Int64Exact(acctest.QuestionProOrganizationID)),
				},
				Check: func(s *terraform.State) error {
					u := sandboxUser(t, sb, email)
					if u == nil || u.FirstName != "Mat" {
						return fmt.Errorf("the sandbox does not hold the configured user: %+v", u)
					}
					firstID = u.UserID
					if got := s.RootModule().Resources[userAddr].Primary.ID; got != strconv.Itoa(firstID) {
						return fmt.Errorf("id = %s, want the sandbox's user id %d", got, firstID)
					}
					if sb.QuestionPro.Password(firstID) != "Matrix-Pa55word" {
						return fmt.Errorf("the password did not reach QuestionPro")
					}
					return nil
				},
			},
			{
				// Behind Terraform's back: fields the configuration does not
				// manage change in QuestionPro, then a managed one changes.
				PreConfig: func() {
					for field, v := range map[string]any{"lastName": "Unmanaged", "departmentID": acctest.QuestionProResearchDeptID, "phone": "555-0100"} {
						if err := sb.QuestionPro.SetUserField(firstID, field, v); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config: cfg("Trix"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Trix")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("last_name"), knownvalue.StringExact("Unmanaged")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(acctest.QuestionProResearchDeptID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0100")),
				},
				Check: func(*terraform.State) error {
					u, ok := sb.QuestionPro.User(firstID)
					if !ok || u.FirstName != "Trix" || u.LastName != "Unmanaged" || u.DepartmentID != acctest.QuestionProResearchDeptID || u.Phone != "555-0100" {
						return fmt.Errorf("the update must change first_name and keep what the configuration does not manage; the sandbox has %+v", u)
					}
					return nil
				},
			},
			{Config: cfg("Trix"), PlanOnly: true},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password"}},
			{ResourceName: userAddr, ImportState: true, ImportStateId: email, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password"}},
			{
				// Deleted in QuestionPro: the refresh drops the user from
				// state (QuestionPro's own not-found, confirmed), and the
				// plan creates it again.
				PreConfig: func() { sb.QuestionPro.DeleteUserHard(firstID) },
				Config:    cfg("Trix"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, email)
					if u == nil || u.UserID == firstID {
						return fmt.Errorf("the apply should create the user again, the sandbox has %+v", u)
					}
					secondID = u.UserID
					return nil
				},
			},
		},
	})
}
