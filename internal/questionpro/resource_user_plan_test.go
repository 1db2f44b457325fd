package questionpro_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// QuestionPro's dates and read-only fields never show as unknown in a plan
// whose apply writes nothing (a change to on_destroy or timeouts alone), nor
// in one that renames the user: no QuestionPro call changes them.
func TestAccQuestionProUser_serverFieldsKnownInPlans(t *testing.T) {
	sb := acctest.StartSandbox(t)
	serverFields := []string{"creation_date", "license_start_date", "license_type", "phone", "organization_id", "user_id"}
	known := func() []plancheck.PlanCheck {
		checks := []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)}
		for _, name := range serverFields {
			checks = append(checks, plancheck.ExpectKnownValue(userAddr, tfjsonpath.New(name), knownvalue.NotNull()))
		}
		return checks
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, graceBody)},
			{
				PreConfig:        sb.ResetRequests,
				Config:           userConfig(sb, graceBody+"  on_destroy = \"forget\"\n  timeouts   = { update = \"2m\" }\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: known()},
				Check: func(*terraform.State) error {
					for _, r := range sb.Requests("questionpro") {
						if r.Method != "GET" {
							return fmt.Errorf("a change to on_destroy and timeouts sent %s %s", r.Method, r.Path)
						}
					}
					return nil
				},
			},
			{
				Config:           userConfig(sb, graceBody+"  first_name = \"Amazing Grace\"\n  on_destroy = \"forget\"\n  timeouts   = { update = \"2m\" }\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: known()},
			},
		},
	})
}
