package qacomplete_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

// A disabled user holding the e-mail: the create says so and sends the user
// to the QAComplete UI before an import; an import before that says the
// same instead of Terraform's "non-existent remote object"; once the user is
// re-enabled in the UI, the import the message gave works and the plan after
// it is empty.
func TestAccQACompleteUser_disabledExisting(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seeded := sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", IsActive: false})
	importID := fmt.Sprintf("%d/%d", acctest.QACompleteDeptID, seeded.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, graceBody),
				ExpectError: words("QAComplete user already exists and is disabled",
					fmt.Sprintf("user id %d, which is disabled", seeded.ID), "no call that re-enables a user",
					fmt.Sprintf("re-enable user %d in the QAComplete UI first, then import it", seeded.ID),
					"terraform import <resource address> "+importID, "another e-mail address"),
			},
			{
				Config:      userConfig(sb, graceBody+"  adopt_existing = true\n"),
				ExpectError: words("QAComplete user already exists and is disabled", "then apply again: adopt_existing = true takes it over"),
			},
			{
				Config:        userConfig(sb, graceBody),
				ResourceName:  userAddr,
				ImportState:   true,
				ImportStateId: importID,
				ExpectError:   words("QAComplete user is disabled", fmt.Sprintf("User %d in department %d (grace@example.com) is disabled", seeded.ID, acctest.QACompleteDeptID), "Re-enable it in the QAComplete UI first, then import it again"),
			},
			{
				Config:        userConfig(sb, graceBody),
				ResourceName:  userAddr,
				ImportState:   true,
				ImportStateId: fmt.Sprintf("%d/grace@example.com", acctest.QACompleteDeptID),
				ExpectError:   words("QAComplete user is disabled", fmt.Sprintf("User %d in department %d (grace@example.com) is disabled", seeded.ID, acctest.QACompleteDeptID), "then import it again"),
			},
			{
				// Re-enabled in the QAComplete UI, the user imports.
				PreConfig: func() {
					if err := sb.QAComplete.SetUserField(seeded.ID, "is_active", true); err != nil {
						t.Fatal(err)
					}
				},
				Config:             userConfig(sb, graceBody),
				ResourceName:       userAddr,
				ImportState:        true,
				ImportStateId:      importID,
				ImportStatePersist: true,
			},
			{
				Config: userConfig(sb, graceBody),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(seeded.ID))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("is_active"), knownvalue.Bool(true)),
				},
			},
			{Config: userConfig(sb, graceBody), PlanOnly: true},
		},
	})
}
