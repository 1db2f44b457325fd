package twosms_test

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

// date_modified is shown unknown only when the apply writes: a change to
// on_destroy or timeouts alone plans it as the value it has and sends
// nothing, not even the PIN every PUT carries; a new display name plans it
// unknown.
func TestAccTwoSMSAdminUser_dateModifiedKnownWhenNothingIsWritten(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	body := func(name, extra string) string {
		return fmt.Sprintf("  username     = \"grace.hopper\"\n  display_name = %q\n  pin          = \"246810\"\n%s", name, extra)
	}
	var dateModified string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, body("Grace Hopper", "")),
				Check: func(s *terraform.State) error {
					dateModified = s.RootModule().Resources[userAddr].Primary.Attributes["date_modified"]
					if dateModified == "" {
						return fmt.Errorf("no date_modified in state")
					}
					return nil
				},
			},
			{
				PreConfig: sb.ResetRequests,
				Config:    userConfig(sb, body("Grace Hopper", "  on_destroy   = \"forget\"\n  timeouts     = { update = \"2m\" }\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("date_modified"), knownvalue.StringFunc(func(v string) error {
							if v != dateModified {
								return fmt.Errorf("planned date_modified %q, want the current %q", v, dateModified)
							}
							return nil
						})),
					},
				},
				Check: func(*terraform.State) error {
					for _, r := range sb.Requests("twosms") {
						if r.Method != "GET" && r.Method != "POST" { // POST: the token
							return fmt.Errorf("a change to on_destroy and timeouts sent %s %s", r.Method, r.Path)
						}
					}
					return nil
				},
			},
			{
				Config: userConfig(sb, body("Rear Admiral Grace Hopper", "  on_destroy   = \"forget\"\n  timeouts     = { update = \"2m\" }\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectUnknownValue(userAddr, tfjsonpath.New("date_modified")),
					},
				},
				Check: func(*terraform.State) error {
					if n := len(requests(sb, putRoute)); n != 1 {
						return fmt.Errorf("the rename must send one PUT, saw %d", n)
					}
					return nil
				},
			},
		},
	})
}
