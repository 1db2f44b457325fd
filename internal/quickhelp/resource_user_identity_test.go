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
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

const importedAddr = "saas_quickhelp_user.imported"

// identityConfig manages a user the resource adopts on create (test) and a
// user brought in by an import block that names it by identity (imported).
func identityConfig(sb *acctest.Sandbox, graceID int, adaJobTitle string) string {
	return userConfig(sb, fmt.Sprintf(`
  email     = "ada@example.com"
  job_title = %q
`, adaJobTitle)) + fmt.Sprintf(`
resource "saas_quickhelp_user" "imported" {
  email = "grace@example.com"
}

import {
  to = saas_quickhelp_user.imported
  identity = {
    user_id = %d
  }
}
`, graceID)
}

// Resource identity: state records each user's id, on create (adoption),
// on update and on import; an import block by identity brings in an
// existing user with no change, and brings back a managed one the same; no
// drift follows.
func TestAccQuickHelpUser_identity(t *testing.T) {
	sb := acctest.StartSandbox(t)
	ada := sb.QuickHelp.AddUser(qhUser("ada@example.com", "Ada", "Lovelace"))
	grace := seedGrace(sb)
	identityOf := func(addr string, u qhsandbox.User) statecheck.StateCheck {
		return statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"user_id": knownvalue.Int64Exact(int64(u.UserID))})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// Terraform 1.12+ and OpenTofu 1.12+ store identities and accept
		// identity in an import block; older CLIs do neither.
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{
				Config: identityConfig(sb, grace.UserID, "Analyst"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(importedAddr, plancheck.ResourceActionNoop),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					identityOf(userAddr, ada),
					statecheck.ExpectIdentityValueMatchesState(userAddr, tfjsonpath.New("user_id")),
					identityOf(importedAddr, grace),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.UserID))),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Rear Admiral")),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("unlicense")),
				},
				Check: func(*terraform.State) error {
					for _, body := range updateBodies(t, sb) {
						if fmt.Sprint(body["userId"]) == fmt.Sprint(grace.UserID) {
							return fmt.Errorf("importing Grace must send no update, the sandbox received %v", body)
						}
					}
					return nil
				},
			},
			{Config: identityConfig(sb, grace.UserID, "Analyst"), PlanOnly: true},
			// The managed user again, by an import block with the identity
			// in state, and by the string id with every attribute verified.
			{ResourceName: userAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: identityConfig(sb, grace.UserID, "Countess"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					identityOf(userAddr, ada),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Countess")),
				},
			},
			{Config: identityConfig(sb, grace.UserID, "Countess"), PlanOnly: true},
		},
	})
}
