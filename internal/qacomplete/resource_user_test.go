package qacomplete_test

import (
	"fmt"
	"regexp"
	"strings"
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

const userAddr = "saas_qacomplete_user.test"

func userConfig(sb *acctest.Sandbox, body string) string {
	return sb.QACompleteProvider() + fmt.Sprintf(`
resource "saas_qacomplete_user" "test" {
  dept_id = %d
%s
}
`, acctest.QACompleteDeptID, body)
}

// sandboxUser finds a user in the sandbox by e-mail, the way a person would
// check the vendor's UI.
func sandboxUser(t *testing.T, sb *acctest.Sandbox, email string) *qacsandbox.User {
	t.Helper()
	for _, u := range sb.QAComplete.Users(acctest.QACompleteDeptID) {
		if strings.EqualFold(u.Email, email) {
			return &u
		}
	}
	return nil
}

func TestAccQACompleteUser_lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var userID int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			u := sandboxUser(t, sb, "ada.renamed@example.com")
			if u == nil || u.IsActive {
				return fmt.Errorf("on_destroy = disable should leave the user disabled, got %+v", u)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, `
  email      = "ada@example.com"
  first_name = "Ada"
  last_name  = "Lovelace"
  phone      = "555-0100"
  time_zone  = "UTC"
  custom1    = "cost-center-42"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email"), knownvalue.StringExact("ada@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Ada")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0100")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("is_security_admin"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("primary_dept_id"), knownvalue.Int64Exact(acctest.QACompleteDeptID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("disable")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("time_zone"), knownvalue.StringExact("UTC")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^8162/\d+$`))),
				},
				Check: func(s *terraform.State) error {
					u := sandboxUser(t, sb, "ada@example.com")
					if u == nil {
						return fmt.Errorf("the sandbox holds no user ada@example.com")
					}
					if u.FirstName != "Ada" || u.Phone != "555-0100" || u.TimeZone != "UTC" || u.Custom1 != "cost-center-42" {
						return fmt.Errorf("the sandbox user does not match the configuration: %+v", u)
					}
					userID = int64(u.ID)
					if got := s.RootModule().Resources[userAddr].Primary.ID; got != fmt.Sprintf("8162/%d", u.ID) {
						return fmt.Errorf("id = %s, want 8162/%d", got, u.ID)
					}
					return nil
				},
			},
			// Import by department and user id.
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"time_zone", "custom1"},
			},
			// Import by department and e-mail.
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateId:           "8162/ada@example.com",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"time_zone", "custom1"},
			},
			// Update in place: rename, new e-mail, promote.
			{
				Config: userConfig(sb, `
  email             = "ada.renamed@example.com"
  first_name        = "Augusta"
  last_name         = "King"
  phone             = "555-0100"
  is_security_admin = true
  time_zone         = "UTC"
  custom1           = "cost-center-42"
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Augusta")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("is_security_admin"), knownvalue.Bool(true)),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, "ada.renamed@example.com")
					if u == nil || int64(u.ID) != userID || u.FirstName != "Augusta" || !u.IsSecurityAdmin {
						return fmt.Errorf("update should change user %d in place, sandbox has %+v", userID, u)
					}
					if u.TimeZone != "UTC" || u.Custom1 != "cost-center-42" {
						return fmt.Errorf("an update must not lose create-only fields, sandbox has %+v", u)
					}
					return nil
				},
			},
			// No drift after apply.
			{
				Config: userConfig(sb, `
  email             = "ada.renamed@example.com"
  first_name        = "Augusta"
  last_name         = "King"
  phone             = "555-0100"
  is_security_admin = true
  time_zone         = "UTC"
  custom1           = "cost-center-42"
`),
				PlanOnly: true,
			},
		},
	})
}

// An import block (Terraform 1.5+) brings an existing user under management.
func TestAccQACompleteUser_importBlock(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seeded := sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0199", IsActive: true})
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
				ImportStateId:   "8162/grace@example.com",
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(seeded.ID))),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0199")),
					},
				},
			},
		},
	})
}
