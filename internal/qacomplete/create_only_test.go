package qacomplete_test

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

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// A new time_zone fails at plan with the steps to follow; once the user
// has set it in the QAComplete UI and changed create_only_version, the plan
// records it (date_updated stays known, nothing is sent), and the plan after
// is empty.
func TestAccQACompleteUser_createOnlyConfirmedChange(t *testing.T) {
	sb := acctest.StartSandbox(t)
	body := func(timeZone, version string) string {
		return graceBody + fmt.Sprintf("  time_zone = %q\n  custom1   = \"Navy\"\n", timeZone) + version
	}
	var userID int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, body("UTC", "")),
				Check: func(*terraform.State) error {
					userID = sandboxUser(t, sb, "grace@example.com").ID
					return nil
				},
			},
			{
				Config:   userConfig(sb, body("Europe/London", "")),
				PlanOnly: true,
				ExpectError: words("Cannot change a create-only QAComplete attribute",
					`time_zone is "UTC" in Terraform state`, `asks for "Europe/London"`, "never returns it",
					`set it to "Europe/London" in the QAComplete UI`, `keep time_zone = "Europe/London" here`,
					"set create_only_version = 1", "records the configured value in Terraform state without sending anything",
					`set time_zone back to "UTC"`),
			},
			{
				// The user follows the steps: the UI first, then the
				// configuration with a new create_only_version.
				PreConfig: func() {
					if err := sb.QAComplete.SetUserField(userID, "time_zone", "Europe/London"); err != nil {
						t.Fatal(err)
					}
					sb.ResetRequests()
				},
				Config: userConfig(sb, body("Europe/London", "  create_only_version = 1\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("time_zone"), knownvalue.StringExact("Europe/London")),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("date_updated"), knownvalue.NotNull()),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("time_zone"), knownvalue.StringExact("Europe/London")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("custom1"), knownvalue.StringExact("Navy")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("create_only_version"), knownvalue.Int64Exact(1)),
				},
				Check: func(*terraform.State) error {
					if w := writes(sb.Requests("qacomplete")); len(w) != 0 {
						return fmt.Errorf("recording a create-only value must send nothing that writes, sent %v", w)
					}
					return nil
				},
			},
			{Config: userConfig(sb, body("Europe/London", "  create_only_version = 1\n")), PlanOnly: true},
			{
				// A new create_only_version cannot record a value QAComplete
				// reports otherwise: company_name, set to another value in
				// the UI, is checked at apply.
				PreConfig: func() {
					if err := sb.QAComplete.SetUserField(userID, "company_name", "Harvard"); err != nil {
						t.Fatal(err)
					}
				},
				Config:      userConfig(sb, body("Europe/London", "  create_only_version = 2\n  company_name = \"Yale\"\n")),
				ExpectError: words("QAComplete reports another create-only value", `QAComplete reports company_name = "Harvard"`, `asks to record "Yale"`, "Nothing was sent or recorded"),
			},
		},
	})
}

// The whole path with the real CLI, as a user runs it: a new time_zone
// fails at plan and says what to do; the user changes it in the QAComplete
// UI and sets create_only_version; the plan warns that it records the value
// and sends nothing, shows no unknown date_updated, and the apply sends no
// write; the next plan is empty. Then the other way back, after `state rm`
// and `import`: the configured custom1 is recorded with the same warning,
// and the plan after is empty.
func TestAccQACompleteUser_createOnlyWholePathCLI(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	sb := acctest.StartSandbox(t)
	c := acctest.NewCLI(t, bin, sb.ProviderEnv())
	const addr = "saas_qacomplete_user.grace"
	config := func(timeZone, custom1, extra string) string {
		return acctest.CLIProviderConfig("saas-users/saas") + fmt.Sprintf(`
resource "saas_qacomplete_user" "grace" {
  dept_id    = %d
  email      = "grace@example.com"
  first_name = "Grace"
  last_name  = "Hopper"
  time_zone  = %q
  custom1    = %q
%s}
`, acctest.QACompleteDeptID, timeZone, custom1, extra)
	}
	emptyPlan := func(step string) {
		t.Helper()
		if out, code := c.Run("plan", "-input=false", "-no-color", "-detailed-exitcode"); code != 0 {
			t.Fatalf("%s: the plan is not empty (exit %d):\n%s", step, code, out)
		}
	}

	c.WriteFile("main.tf", config("UTC", "Navy", ""))
	c.MustRun(0, "init", "-input=false", "-no-color")
	c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve")
	user := sandboxUser(t, sb, "grace@example.com")

	// 1. A new time_zone: refused at plan, with the next step.
	c.WriteFile("main.tf", config("Europe/London", "Navy", ""))
	out := c.MustRun(1, "plan", "-input=false", "-no-color")
	if !words("Error: Cannot change a create-only QAComplete attribute", `set it to "Europe/London" in the QAComplete UI`, "set create_only_version = 1").MatchString(out) {
		t.Fatalf("the refused plan does not give the next step:\n%s", out)
	}

	// 2. The user follows it.
	if err := sb.QAComplete.SetUserField(user.ID, "time_zone", "Europe/London"); err != nil {
		t.Fatal(err)
	}
	c.WriteFile("main.tf", config("Europe/London", "Navy", "  create_only_version = 1\n"))
	out, code := c.Run("plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=tfplan")
	if code != 2 {
		t.Fatalf("the confirmed plan exited %d, want 2 (changes):\n%s", code, out)
	}
	if !words("Warning: Create-only QAComplete values recorded without being sent", `time_zone = "Europe/London" (was "UTC")`, "Nothing is sent").MatchString(out) {
		t.Errorf("the confirmed plan does not warn that it records the value without sending it:\n%s", out)
	}
	if strings.Contains(out, "known after apply") {
		t.Errorf("a plan that writes nothing shows a value known only after apply:\n%s", out)
	}
	sb.ResetRequests()
	c.MustRun(0, "apply", "-input=false", "-no-color", "tfplan")
	if w := writes(sb.Requests("qacomplete")); len(w) != 0 {
		t.Errorf("the apply that records time_zone sent %v", w)
	}
	emptyPlan("after the confirmed change")

	// 3. The other way back: forget the user, import it, and record the
	// custom field the user set in the UI meanwhile.
	c.MustRun(0, "state", "rm", addr)
	c.MustRun(0, "import", "-input=false", "-no-color", addr, fmt.Sprintf("%d/%d", acctest.QACompleteDeptID, user.ID))
	if err := sb.QAComplete.SetUserField(user.ID, "custom1", "Yale"); err != nil {
		t.Fatal(err)
	}
	c.WriteFile("main.tf", config("Europe/London", "Yale", "  create_only_version = 1\n"))
	out, code = c.Run("plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=tfplan")
	if code != 2 || !words("Warning: Create-only QAComplete values recorded without being sent", `time_zone = "Europe/London" (none recorded)`, `custom1 = "Yale" (none recorded)`).MatchString(out) {
		t.Fatalf("after import the plan must record the configured values with a warning (exit %d):\n%s", code, out)
	}
	if strings.Contains(out, "known after apply") {
		t.Errorf("a plan that writes nothing shows a value known only after apply:\n%s", out)
	}
	sb.ResetRequests()
	c.MustRun(0, "apply", "-input=false", "-no-color", "tfplan")
	if w := writes(sb.Requests("qacomplete")); len(w) != 0 {
		t.Errorf("the apply after import sent %v", w)
	}
	emptyPlan("after import")
}
