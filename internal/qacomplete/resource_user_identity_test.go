package qacomplete_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

const importedAddr = "saas_qacomplete_user.imported"

// identityConfig manages a user the configuration creates (test) and a
// user that already exists (imported), brought in by an import block that
// names it by identity.
func identityConfig(sb *acctest.Sandbox, graceID int, adaFirstName string) string {
	return userConfig(sb, fmt.Sprintf(`
  email      = "ada@example.com"
  first_name = %q
  last_name  = "Lovelace"
`, adaFirstName)) + fmt.Sprintf(`
resource "saas_qacomplete_user" "imported" {
  dept_id    = %[1]d
  email      = "grace@example.com"
  first_name = "Grace"
  last_name  = "Hopper"
}

import {
  to = saas_qacomplete_user.imported
  identity = {
    dept_id = %[1]d
    user_id = %[2]d
  }
}
`, acctest.QACompleteDeptID, graceID)
}

// Resource identity: state records each user's department and id, on
// create, on update and on import; an import block by identity brings in an
// existing user with no change, and brings back a managed one the same; no
// drift follows.
func TestAccQACompleteUser_identity(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0199", IsActive: true})
	// identityOf checks the identity against the sandbox's own record.
	identityOf := func(addr, email string) statecheck.StateCheck {
		return statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
			"dept_id": knownvalue.Int64Exact(acctest.QACompleteDeptID),
			"user_id": knownvalue.Int64Func(func(v int64) error {
				if u := sandboxUser(t, sb, email); u == nil || int64(u.ID) != v {
					return fmt.Errorf("identity user_id %d, the sandbox's %s is %+v", v, email, u)
				}
				return nil
			}),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// Terraform 1.12+ and OpenTofu 1.12+ store identities and accept
		// identity in an import block; older CLIs do neither.
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{
				Config: identityConfig(sb, grace.ID, "Ada"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(importedAddr, plancheck.ResourceActionNoop),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					identityOf(userAddr, "ada@example.com"),
					statecheck.ExpectIdentityValueMatchesState(userAddr, tfjsonpath.New("dept_id")),
					statecheck.ExpectIdentityValueMatchesState(userAddr, tfjsonpath.New("user_id")),
					identityOf(importedAddr, "grace@example.com"),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(grace.ID))),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0199")),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("disable")),
				},
			},
			{Config: identityConfig(sb, grace.ID, "Ada"), PlanOnly: true},
			// The managed user again, by an import block with the identity
			// in state, and by the string id with every attribute verified.
			{ResourceName: userAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: identityConfig(sb, grace.ID, "Augusta"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					identityOf(userAddr, "ada@example.com"),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Augusta")),
				},
			},
			{Config: identityConfig(sb, grace.ID, "Augusta"), PlanOnly: true},
		},
	})
}
