package twosms_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// The plan of an update that PUTs a user without a PIN, while 2sms does not
// show the user's PIN, warns and names the attributes to set; a plan
// without changes, one that only toggles admin rights, one that sets the
// PIN, and one where 2sms shows the PIN (so the PUT sends it back) do not.
func TestAccTwoSMSAdminUser_pinResetWarnsAtPlanCLI(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	if err := sb.TwoSMS.SetUserField(graceID, "Pin", "135790"); err != nil {
		t.Fatal(err)
	}
	c := acctest.NewCLI(t, bin, sb.ProviderEnv())
	config := func(body string) string {
		return acctest.CLIProviderConfig("saas-users/saas") + fmt.Sprintf(`
resource "saas_twosms_admin_user" "grace" {
  username = "grace.hopper"
%s}
`, body)
	}
	const warning = "Warning: This update may reset the 2sms user's PIN"
	plan := func(step string, body string, wantWarning bool) {
		t.Helper()
		c.WriteFile("main.tf", config(body))
		out, code := c.Run("plan", "-input=false", "-no-color", "-detailed-exitcode")
		if code == 1 {
			t.Fatalf("%s: the plan failed:\n%s", step, out)
		}
		got := strings.Contains(out, warning)
		if got != wantWarning {
			t.Fatalf("%s: warning shown %v, want %v (exit %d):\n%s", step, got, wantWarning, code, out)
		}
		if got && !words("random PIN", "pin_wo and pin_wo_version", "or pin on older CLIs").MatchString(out) {
			t.Fatalf("%s: the warning does not name the attributes to set:\n%s", step, out)
		}
		if strings.Contains(out, "135790") {
			t.Fatalf("%s: the plan output shows the PIN", step)
		}
	}

	c.WriteFile("main.tf", config(`  display_name = "Grace Hopper"`+"\n"))
	c.MustRun(0, "init", "-input=false", "-no-color")
	c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve")

	destroyPlan := func(step string, wantWarning bool) {
		t.Helper()
		out, code := c.Run("plan", "-destroy", "-input=false", "-no-color")
		if code != 0 {
			t.Fatalf("%s: the destroy plan failed:\n%s", step, out)
		}
		got := strings.Contains(out, "Warning: Disabling the 2sms user may reset its PIN")
		if got != wantWarning {
			t.Fatalf("%s: destroy warning shown %v, want %v:\n%s", step, got, wantWarning, out)
		}
		if got && !words("set the legacy pin attribute", `on_destroy = "forget"`).MatchString(out) {
			t.Fatalf("%s: the destroy warning does not say what to set:\n%s", step, out)
		}
	}

	destroyPlan("destroy, 2sms hides the PIN", true)
	plan("no change", `  display_name = "Grace Hopper"`+"\n", false)
	plan("a rename", `  display_name = "Amazing Grace"`+"\n", true)
	plan("only admin rights", "  display_name = \"Grace Hopper\"\n  admin_user = true\n", false)
	plan("a rename with the PIN set", "  display_name = \"Amazing Grace\"\n  pin = \"246810\"\n", false)
	plan("a rename with an empty PIN, which is not sent", "  display_name = \"Amazing Grace\"\n  pin = \"\"\n", true)

	// On a tenant whose GET shows the PIN, the PUT sends it back: no
	// warning, and the PIN survives the rename.
	if err := sb.TwoSMS.MergeOptions([]byte(`{"return_pin_on_read": true}`)); err != nil {
		t.Fatal(err)
	}
	plan("a rename where 2sms shows the PIN", `  display_name = "Amazing Grace"`+"\n", false)
	destroyPlan("destroy, 2sms shows the PIN", false)
	c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve")
	if got := sb.TwoSMS.PIN(graceID); got != "135790" {
		t.Fatalf("the rename lost the PIN 2sms showed (PIN set: %v)", got != "")
	}
}

// A PIN 2sms returns on read goes back with the PUT but never into the
// TRACE log, the state or a plan.
func TestAccTwoSMSAdminUser_pinReadNeverLogged(t *testing.T) {
	sb := acctest.StartSandbox(t)
	if err := sb.TwoSMS.MergeOptions([]byte(`{"return_pin_on_read": true}`)); err != nil {
		t.Fatal(err)
	}
	seedMatrixUser(t, sb)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, `  username = "grace.hopper"`)},
			{
				PreConfig: sb.ResetRequests,
				Config: userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Amazing Grace"
`),
				Check: resource.ComposeTestCheckFunc(stateLacks(matrixPIN), func(*terraform.State) error {
					return checkPINSentBack(sb, true)
				}),
			},
		},
	})
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	// The log must hold the user bodies with their Pin, masked, or the
	// test proves nothing. Log lines are JSON, so the quotes are escaped.
	if !strings.Contains(log, "/api/v1/admin/users/"+graceID) || !strings.Contains(log, `\"Pin\":\"***\"`) {
		t.Fatalf("the trace log holds no 2sms user body with a masked Pin, so the test proves nothing (%d bytes)", len(log))
	}
	if strings.Contains(log, matrixPIN) {
		t.Fatal("the trace log contains the PIN 2sms returned")
	}
}
