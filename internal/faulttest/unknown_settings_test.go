package faulttest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// A base_url taken from another resource's output is unknown while
// Terraform plans. The provider must never replace it with the environment
// or the vendor's public host: that would send the Basic password to a host
// the configuration did not name. Here the environment points at a decoy
// that counts every request; it must see none, through a create, a refresh
// with the setting unknown again, and a destroy.
func TestAccUnknownSettings_neverFallBack(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var decoyHits atomic.Int64
	decoy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		decoyHits.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	t.Cleanup(decoy.Close)
	t.Setenv("QACOMPLETE_BASE_URL", decoy.URL)

	config := func(suffix string) string {
		return fmt.Sprintf(`
resource "terraform_data" "endpoint" {
  input = "%[1]s%[2]s"
}

provider "saas" {
  max_retries     = 1
  request_timeout = "10s"
  qacomplete {
    base_url = terraform_data.endpoint.output
    username = %[3]q
    password = %[4]q
  }
}

resource "saas_qacomplete_user" "u" {
  dept_id    = %[5]d
  email      = "unknown-url@example.com"
  first_name = "Unknown"
  last_name  = "Url"
}
`, sb.BaseURL("qacomplete"), suffix, acctest.QACompleteUsername, acctest.QACompletePassword, acctest.QACompleteDeptID)
	}
	noDecoy := func(*terraform.State) error {
		if n := decoyHits.Load(); n != 0 {
			return fmt.Errorf("the environment's base URL received %d requests while the configured one was unknown", n)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             noDecoy,
		Steps: []resource.TestStep{
			{
				// Unknown at plan: the create waits for apply, when the
				// value is known.
				Config: config(""),
				Check: resource.ComposeTestCheckFunc(noDecoy, func(*terraform.State) error {
					if sandboxUserCount(sb, "unknown-url@example.com") != 1 {
						return fmt.Errorf("the user was not created at the configured base URL")
					}
					return nil
				}),
			},
			{
				// The output changes (a trailing slash, the same API), so
				// the setting is unknown again while the existing user is
				// refreshed: its state stays, and nothing is sent.
				Config: config("/"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("saas_qacomplete_user.u", plancheck.ResourceActionNoop)},
				},
				Check: noDecoy,
			},
		},
	})
}

func sandboxUserCount(sb *acctest.Sandbox, email string) int {
	n := 0
	for _, u := range sb.QAComplete.Users(acctest.QACompleteDeptID) {
		if u.Email == email {
			n++
		}
	}
	return n
}
