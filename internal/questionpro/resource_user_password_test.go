package questionpro_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// stateHoldsNo fails when any attribute of the resource in state carries
// the secret.
func stateHoldsNo(addr, secret string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in state", addr)
		}
		for k, v := range rs.Primary.Attributes {
			if strings.Contains(v, secret) {
				return fmt.Errorf("state attribute %s holds the password", k)
			}
		}
		return nil
	}
}

// The write-only password reaches QuestionPro on create and again when
// password_wo_version changes, and never lands in state.
func TestAccQuestionProUser_writeOnlyPassword(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := func(password string, version int) string {
		return userConfig(sb, graceBody+fmt.Sprintf(`  password_wo         = %q
  password_wo_version = %d
`, password, version))
	}
	passwordIs := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			u := sandboxUser(t, sb, "grace@example.com")
			if got := sb.QuestionPro.Password(u.UserID); got != want {
				return fmt.Errorf("QuestionPro holds password %q, want %q", got, want)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				Config: cfg("First-Secret-1", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(passwordIs("First-Secret-1"), stateHoldsNo(userAddr, "First-Secret-1")),
			},
			// A new value without a version bump changes nothing: the CLI
			// cannot see write-only values in the plan.
			{Config: cfg("Second-Secret-2", 1), PlanOnly: true},
			{
				Config: cfg("Second-Secret-2", 2),
				Check:  resource.ComposeTestCheckFunc(passwordIs("Second-Secret-2"), stateHoldsNo(userAddr, "Second-Secret-2")),
			},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password_wo_version"}},
			{Config: cfg("Second-Secret-2", 2), PlanOnly: true},
		},
	})
}

// On CLIs without write-only attributes the Sensitive password is sent on
// create and when it changes.
func TestAccQuestionProUser_sensitivePassword(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := func(password string) string {
		return userConfig(sb, graceBody+fmt.Sprintf("  password = %q\n", password))
	}
	passwordIs := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			u := sandboxUser(t, sb, "grace@example.com")
			if got := sb.QuestionPro.Password(u.UserID); got != want {
				return fmt.Errorf("QuestionPro holds password %q, want %q", got, want)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg("Fallback-1"), Check: passwordIs("Fallback-1")},
			{Config: cfg("Fallback-2"), Check: passwordIs("Fallback-2")},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password"}},
			{Config: cfg("Fallback-2"), PlanOnly: true},
		},
	})
}
