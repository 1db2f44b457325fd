package twosms_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// A data source whose call outlasts its read timeout fails at that limit,
// with an error naming the setting, instead of waiting for the request
// timeout and its retries; the same read succeeds once 2sms answers again.
func TestAccTwoSMSAdminUserDataSource_readTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	cfg := sb.TwoSMSProvider() + fmt.Sprintf(`
data "saas_twosms_admin_user" "slow" {
  user_id  = %q
  timeouts = { read = "2s" }
}
`, graceID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sb.SetFaults("twosms", sandbox.Fault{Route: "GET /api/v1/admin/users/{id}", Latency: time.Minute})
				},
				Config:      cfg,
				ExpectError: words("Could not read the 2sms user", "failed after 1 attempt", "Operation timed out", "within 2s, the limit set by timeouts.read"),
			},
			{
				PreConfig: func() { sb.SetFaults("twosms") },
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_twosms_admin_user.slow", tfjsonpath.New("username"), knownvalue.StringExact("grace.hopper")),
				},
			},
		},
	})
}

// The resource's create honours its timeout the same way, and adopts
// nothing.
func TestAccTwoSMSAdminUser_createTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	sb.SetFaults("twosms", sandbox.Fault{Route: "GET /api/v1/admin/users/{id}", Latency: time.Minute})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      userConfig(sb, fmt.Sprintf("  user_id  = %q\n  timeouts = { create = \"2s\" }", graceID)),
			ExpectError: words("Could not look up the 2sms user to adopt", "failed after 1 attempt", "Operation timed out", "within 2s, the limit set by timeouts.create"),
		}},
	})
}
