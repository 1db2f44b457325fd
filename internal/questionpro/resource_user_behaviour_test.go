package questionpro_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

const graceBody = `
  email_address = "grace@example.com"
  last_name     = "Hopper"
`

// A first name and a department set in QuestionPro, which the configuration
// does not manage, survive a rename even though the sandbox's PUT (like the
// least forgiving reading of the real one) clears every field it is not sent.
func TestAccQuestionProUser_updateKeepsUnmanagedFields(t *testing.T) {
	sb := acctest.StartSandbox(t)
	renamed := `
  email_address = "grace@example.com"
  last_name     = "Hopper-Murray"
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, graceBody)},
			{
				// Someone edits the user in QuestionPro's web app.
				PreConfig: func() {
					u := sandboxUser(t, sb, "grace@example.com")
					for field, v := range map[string]any{"firstName": "Grace", "departmentID": 2002} {
						if err := sb.QuestionPro.SetUserField(u.UserID, field, v); err != nil {
							t.Fatal(err)
						}
					}
					sb.ResetRequests()
				},
				Config: userConfig(sb, renamed),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Grace")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(2002)),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, "grace@example.com")
					if u.LastName != "Hopper-Murray" {
						return fmt.Errorf("rename not applied: %+v", u)
					}
					if u.FirstName != "Grace" || u.DepartmentID != 2002 {
						return fmt.Errorf("the rename lost a field the configuration does not manage: %+v", u)
					}
					// The wire proves it: the PUT carried the unmanaged values.
					puts := 0
					for _, r := range sb.Requests("questionpro") {
						if r.Method != "PUT" {
							continue
						}
						puts++
						var body map[string]any
						if err := json.Unmarshal(r.Body, &body); err != nil {
							return err
						}
						if body["firstName"] != "Grace" || body["departmentID"] != float64(2002) || body["lastName"] != "Hopper-Murray" || body["emailAddress"] != "grace@example.com" {
							return fmt.Errorf("PUT body is not complete: %s", r.Body)
						}
						if _, ok := body["password"]; ok {
							return fmt.Errorf("PUT sent a password nobody asked to change: %s", r.Body)
						}
					}
					if puts != 1 {
						return fmt.Errorf("want exactly one PUT, saw %d", puts)
					}
					return nil
				},
			},
			{Config: userConfig(sb, renamed), PlanOnly: true},
		},
	})
}

// A managed field changed in QuestionPro shows up in the plan and the apply
// puts it back.
func TestAccQuestionProUser_drift(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, graceBody+`  first_name = "Grace"
  department_id = 2001
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() {
					u := sandboxUser(t, sb, "grace@example.com")
					if err := sb.QuestionPro.SetUserField(u.UserID, "firstName", "Changed"); err != nil {
						t.Fatal(err)
					}
					if err := sb.QuestionPro.SetUserField(u.UserID, "departmentID", 2002); err != nil {
						t.Fatal(err)
					}
				},
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Grace")),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(2001)),
					},
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, "grace@example.com")
					if u.FirstName != "Grace" || u.DepartmentID != 2001 {
						return fmt.Errorf("drift was not corrected: %+v", u)
					}
					return nil
				},
			},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// A user deleted outside Terraform leaves state with a warning at the next
// refresh, and the plan proposes to create it again.
func TestAccQuestionProUser_vanish(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, graceBody)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() { sb.QuestionPro.DeleteUserHard(sandboxUser(t, sb, "grace@example.com").UserID) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(*terraform.State) error {
					if sandboxUser(t, sb, "grace@example.com") == nil {
						return fmt.Errorf("the apply should have created the user again")
					}
					return nil
				},
			},
		},
	})
}

// adopt_existing takes over a user that already has the e-mail; without it
// the apply fails, naming the user and the import command.
func TestAccQuestionProUser_adoptExisting(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seeded := sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: 2002, EmailAddress: "grace@example.com", FirstName: "Grace", LastName: "H", Phone: "555-0111"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      userConfig(sb, graceBody),
				ExpectError: words("QuestionPro user already exists", fmt.Sprintf("user id %d", seeded.UserID), fmt.Sprintf("terraform import <resource address> %d", seeded.UserID), "adopt_existing = true"),
			},
			{
				Config: userConfig(sb, graceBody+`  adopt_existing = true
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(seeded.UserID))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("last_name"), knownvalue.StringExact("Hopper")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Grace")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(2002)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0111")),
				},
				Check: func(*terraform.State) error {
					for _, r := range sb.Requests("questionpro") {
						if r.Method == "POST" {
							return fmt.Errorf("adopting sent a POST: %s", r.Path)
						}
					}
					u, _ := sb.QuestionPro.User(seeded.UserID)
					if u.LastName != "Hopper" || u.FirstName != "Grace" || u.DepartmentID != 2002 {
						return fmt.Errorf("adoption should apply the configuration and keep the rest: %+v", u)
					}
					return nil
				},
			},
			{Config: userConfig(sb, graceBody+`  adopt_existing = true
`), PlanOnly: true},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"adopt_existing"}},
		},
	})
}

// on_destroy = forget leaves the user in QuestionPro and sends no DELETE.
func TestAccQuestionProUser_onDestroyForget(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if sandboxUser(t, sb, "grace@example.com") == nil {
				return fmt.Errorf("on_destroy = forget must leave the user in QuestionPro")
			}
			for _, r := range sb.Requests("questionpro") {
				if r.Method == "DELETE" {
					return fmt.Errorf("on_destroy = forget sent a DELETE: %s", r.Path)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, graceBody+`  on_destroy = "forget"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("forget")),
				},
			},
			{Config: userConfig(sb, graceBody+`  on_destroy = "forget"
`), PlanOnly: true},
		},
	})
}

// Without questionpro.organization_id a user is still created, imported and
// deleted: its organizationID lands in state, and the delete names it.
func TestAccQuestionProUser_withoutOrganizationID(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := fmt.Sprintf(`
provider "saas" {
  questionpro {
    base_url = %q
    api_key  = %q
  }
}

resource "saas_questionpro_user" "test" {
%s
}
`, sb.BaseURL("questionpro"), acctest.QuestionProAPIKey, graceBody)
	var userID int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := sb.QuestionPro.User(userID); ok {
				return fmt.Errorf("user %d should be deleted", userID)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("organization_id"), knownvalue.Int64Exact(acctest.QuestionProOrganizationID)),
				},
				Check: func(*terraform.State) error {
					userID = sandboxUser(t, sb, "grace@example.com").UserID
					return nil
				},
			},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			{Config: cfg, PlanOnly: true},
		},
	})
}
