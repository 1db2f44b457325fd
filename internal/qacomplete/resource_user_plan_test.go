package qacomplete_test

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

// date_updated is shown unknown only when the apply writes: a change to
// on_destroy or timeouts alone plans it as the value it has (and the apply
// sends nothing), a rename plans it unknown.
func TestAccQACompleteUser_dateUpdatedKnownWhenNothingIsWritten(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var dateUpdated string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, graceBody),
				Check: func(s *terraform.State) error {
					dateUpdated = s.RootModule().Resources[userAddr].Primary.Attributes["date_updated"]
					if dateUpdated == "" {
						return fmt.Errorf("no date_updated in state")
					}
					return nil
				},
			},
			{
				PreConfig: sb.ResetRequests,
				Config:    userConfig(sb, graceBody+"  on_destroy = \"forget\"\n  timeouts = { update = \"2m\" }\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("date_updated"), knownvalue.StringFunc(func(v string) error {
							if v != dateUpdated {
								return fmt.Errorf("planned date_updated %q, want the current %q", v, dateUpdated)
							}
							return nil
						})),
					},
				},
				Check: func(*terraform.State) error {
					if w := writes(sb.Requests("qacomplete")); len(w) != 0 {
						return fmt.Errorf("a change to on_destroy and timeouts sent %v", w)
					}
					return nil
				},
			},
			{
				Config: userConfig(sb, `
  email      = "grace@example.com"
  first_name = "Amazing Grace"
  last_name  = "Hopper"
  on_destroy = "forget"
  timeouts   = { update = "2m" }
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectUnknownValue(userAddr, tfjsonpath.New("date_updated")),
					},
				},
			},
		},
	})
}
