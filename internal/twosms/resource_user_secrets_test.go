package twosms_test

import (
	"fmt"
	"os"
	"path/filepath"
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

// stateHolds fails when any attribute of any resource in state holds one of
// the values.
func stateLacks(values ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			for k, v := range rs.Primary.Attributes {
				for _, secret := range values {
					if strings.Contains(v, secret) {
						return fmt.Errorf("state of %s holds a secret in %s", addr, k)
					}
				}
			}
		}
		return nil
	}
}

// The write-only password and PIN reach 2sms on adoption and again when
// their versions change, and appear neither in state nor in a TRACE log;
// neither does the client secret, which comes from the environment.
func TestAccTwoSMSAdminUser_writeOnlySecretsNeverStoredOrLogged(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	// Credentials and secrets come from the environment, as in CI: the test
	// harness logs each step's configuration text itself.
	t.Setenv("TWOSMS_BASE_URL", sb.BaseURL("twosms"))
	t.Setenv("TWOSMS_CLIENT_ID", acctest.TwoSMSClientID)
	t.Setenv("TWOSMS_CLIENT_SECRET", acctest.TwoSMSClientSecret)
	const pw1, pin1, pw2, pin2 = "Corr3ct-Horse-Battery", "482913", "Second-Staple-77", "730154"
	// The values reach Terraform as TF_VAR_ variables, set before each step
	// (PreConfig), never through the configuration text.
	secretsAre := func(pw, pin string) func() {
		return func() {
			t.Setenv("TF_VAR_password", pw)
			t.Setenv("TF_VAR_pin", pin)
		}
	}
	t.Setenv("TF_VAR_password", "")
	t.Setenv("TF_VAR_pin", "")
	cfg := func(version int) string {
		return fmt.Sprintf(`
provider "saas" {
  twosms {}
}

variable "password" {
  type      = string
  sensitive = true
}

variable "pin" {
  type      = string
  sensitive = true
}

resource "saas_twosms_admin_user" "test" {
  username            = "grace.hopper"
  password_wo         = var.password
  password_wo_version = %[1]d
  pin_wo              = var.pin
  pin_wo_version      = %[1]d
}
`, version)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				PreConfig: secretsAre(pw1, pin1),
				Config:    cfg(1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("pin_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: resource.ComposeTestCheckFunc(stateLacks(pw1, pin1), func(*terraform.State) error {
					if got, gotPin := sb.TwoSMS.Password(graceID), sb.TwoSMS.PIN(graceID); got != pw1 || gotPin != pin1 {
						return fmt.Errorf("adoption did not send the password and PIN (password match %v, PIN match %v)", got == pw1, gotPin == pin1)
					}
					return nil
				}),
			},
			{
				PreConfig: secretsAre(pw2, pin2),
				Config:    cfg(2),
				Check: resource.ComposeTestCheckFunc(stateLacks(pw1, pin1, pw2, pin2), func(*terraform.State) error {
					if got, gotPin := sb.TwoSMS.Password(graceID), sb.TwoSMS.PIN(graceID); got != pw2 || gotPin != pin2 {
						return fmt.Errorf("a version bump did not send the new password and PIN (password match %v, PIN match %v)", got == pw2, gotPin == pin2)
					}
					return nil
				}),
			},
			{Config: cfg(2), PlanOnly: true},
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo_version", "pin_wo_version"},
			},
		},
	})
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	// The log must hold the provider's requests, or the test proves nothing.
	if !strings.Contains(log, "/api/v1/admin/users") || !strings.Contains(log, "Authorization") {
		t.Fatalf("the trace log holds no 2sms request with its headers (%d bytes)", len(log))
	}
	for name, secret := range map[string]string{"client secret": acctest.TwoSMSClientSecret, "password 1": pw1, "PIN 1": pin1, "password 2": pw2, "PIN 2": pin2} {
		if strings.Contains(log, secret) {
			t.Errorf("the trace log contains the %s", name)
		}
	}
	// The bearer tokens are credentials too.
	for _, r := range sb.Requests("twosms") {
		if h := r.Header.Get("Authorization"); h != "" && strings.Contains(log, strings.TrimPrefix(h, "Bearer ")) {
			t.Fatalf("the trace log contains an access token")
		}
	}
}

// On CLIs without write-only attributes, the sensitive password and pin
// attributes do the same job (stored in state, marked sensitive).
func TestAccTwoSMSAdminUser_legacyPasswordAndPin(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	cfg := func(pw string) string {
		return userConfig(sb, fmt.Sprintf(`
  username = "grace.hopper"
  password = %q
  pin      = "246810"
`, pw))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// The disabling PUT of on_destroy = disable carries the legacy pin,
		// the one PIN a destroy can know, so disabling keeps it.
		CheckDestroy: func(*terraform.State) error {
			if u := sandboxUser(t, sb, graceID); u.Enabled || sb.TwoSMS.PIN(graceID) != "246810" {
				return fmt.Errorf("destroy should disable the user and keep the legacy pin (enabled %v, PIN kept %v)", u.Enabled, sb.TwoSMS.PIN(graceID) == "246810")
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: cfg("first-Password-1"),
				Check: func(*terraform.State) error {
					if sb.TwoSMS.Password(graceID) != "first-Password-1" || sb.TwoSMS.PIN(graceID) != "246810" {
						return fmt.Errorf("password or PIN not sent on adoption")
					}
					return nil
				},
			},
			{
				Config: cfg("second-Password-2"),
				Check: func(*terraform.State) error {
					if sb.TwoSMS.Password(graceID) != "second-Password-2" || sb.TwoSMS.PIN(graceID) != "246810" {
						return fmt.Errorf("a changed password was not sent, or the PIN was lost")
					}
					return nil
				},
			},
			{Config: cfg("second-Password-2"), PlanOnly: true},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"password", "pin"}},
		},
	})
}
