package twosms_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

const (
	importedAddr = "saas_twosms_admin_user.imported"
	adaID        = "ada00000-0000-4000-8000-0000000000aa"
)

// identityConfig manages a user the resource adopts by username on create
// (test), and a user brought in by an import block that names it by
// identity (imported), whose user_id the configuration spells in upper
// case.
func identityConfig(sb *acctest.Sandbox, adaDisplayName string) string {
	return userConfig(sb, fmt.Sprintf(`
  username     = "ada.lovelace"
  display_name = %q
`, adaDisplayName)) + fmt.Sprintf(`
resource "saas_twosms_admin_user" "imported" {
  user_id = %q
}

import {
  to = saas_twosms_admin_user.imported
  identity = {
    id = %q
  }
}
`, strings.ToUpper(graceID), graceID)
}

// Resource identity: state records each user's GUID in lower case, on
// create (adoption), on update and on import, however the configuration
// spells it; an import block by identity brings in an existing user without
// a call that writes, and brings back a managed one with no change; no
// drift follows.
func TestAccTwoSMSAdminUser_identity(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	sb.TwoSMS.AddUser(smssandbox.User{ID: adaID, DisplayName: "Ada Lovelace", EmailAddress: "ada@example.com", Enabled: true,
		MobilePhone: "+44 7700 900043", TimeZone: "GMT Standard Time", Username: "ada.lovelace"})
	identityOf := func(addr, id string) statecheck.StateCheck {
		return statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// Terraform 1.12+ and OpenTofu 1.12+ store identities and accept
		// identity in an import block; older CLIs do neither.
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{
				Config: identityConfig(sb, "Ada Lovelace"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
						// The import stores the GUID as 2sms writes it; the
						// configuration's upper case is a change of spelling
						// in state, never a replacement (which would disable
						// the user).
						plancheck.ExpectResourceAction(importedAddr, plancheck.ResourceActionUpdate),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					identityOf(userAddr, adaID),
					statecheck.ExpectIdentityValueMatchesState(userAddr, tfjsonpath.New("id")),
					identityOf(importedAddr, graceID),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("user_id"), knownvalue.StringExact(strings.ToUpper(graceID))),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("username"), knownvalue.StringExact("grace.hopper")),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Grace Hopper")),
					statecheck.ExpectKnownValue(importedAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("disable")),
				},
				Check: func(*terraform.State) error {
					for _, r := range sb.Requests("twosms") {
						if r.Method != "GET" && strings.Contains(strings.ToLower(r.Path), graceID) {
							return fmt.Errorf("importing Grace must send nothing that writes, the sandbox received %s %s", r.Method, r.Path)
						}
					}
					return nil
				},
			},
			{Config: identityConfig(sb, "Ada Lovelace"), PlanOnly: true},
			// The managed user again, by an import block with the identity
			// in state, and by the string id with every attribute verified.
			{ResourceName: userAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: identityConfig(sb, "Countess Ada Lovelace"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					identityOf(userAddr, adaID),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Countess Ada Lovelace")),
				},
			},
			{Config: identityConfig(sb, "Countess Ada Lovelace"), PlanOnly: true},
		},
	})
}
