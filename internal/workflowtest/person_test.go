package workflowtest_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// The person the tests onboard and offboard, and the settings they get in
// each tool.
const (
	personEmail    = "katherine.johnson@example.com"
	personFirst    = "Katherine"
	personLast     = "Johnson"
	personPhone    = "+44 7700 900123"
	personDept     = "Flight Research"
	personUsername = "kjohnson"

	roleUserAdmin  = "3f8e2a10-5b1c-4d7e-9a01-000000000005"
	languageFrench = "1a000000-0000-4000-8000-000000000002"
	personTimeZone = "W. Europe Standard Time"
)

// The module's resources, as plans name them.
const (
	qacAddr = "module.person.saas_qacomplete_user.this[0]"
	qpAddr  = "module.person.saas_questionpro_user.this[0]"
	qhAddr  = "module.person.saas_quickhelp_user.this[0]"
	smsAddr = "module.person.saas_twosms_admin_user.this[0]"
)

// personModuleSource is the module's directory as an absolute path. The
// test runs the CLI in a temporary directory, and both CLIs install a
// module from an absolute path as from any other package address.
func personModuleSource(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples", "modules", "person"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// personCLI is the CLI named by TF_ACC_TERRAFORM_PATH in a working
// directory of its own, with the provider installed as a user would have it
// and the sandbox's credentials in the environment, so no configuration
// holds a secret. The tests drive the CLI themselves because
// terraform-plugin-testing runs `init` on the provider configuration alone
// and never installs the modules a step's configuration calls.
func personCLI(t *testing.T, sb *acctest.Sandbox) *acctest.CLI {
	t.Helper()
	return acctest.NewCLI(t, acctest.CLIFromEnv(t), sb.ProviderEnv())
}

// personConfig is a root configuration calling the module with the given
// arguments and re-exporting its outputs. Empty args leaves the module
// call out.
func personConfig(t *testing.T, args string) string {
	t.Helper()
	cfg := acctest.CLIProviderConfig("saas-users/saas")
	if args == "" {
		return cfg
	}
	return cfg + fmt.Sprintf(`
module "person" {
  source = %q
%s
}

output "person" {
  value = module.person
}
`, personModuleSource(t), args)
}

// moduleOutputs are the module's outputs, as `output -json` shows them.
type moduleOutputs struct {
	Status            map[string]*string `json:"status"`
	QACompleteUserID  *int               `json:"qacomplete_user_id"`
	QuestionProUserID *int               `json:"questionpro_user_id"`
	QuickHelpUserID   *int               `json:"quickhelp_user_id"`
	TwoSMSUserID      *string            `json:"twosms_user_id"`
	DisplayName       string             `json:"display_name"`
}

func outputsOf(t *testing.T, c *acctest.CLI) moduleOutputs {
	t.Helper()
	var out struct {
		Person struct {
			Value moduleOutputs `json:"value"`
		} `json:"person"`
	}
	if err := json.Unmarshal([]byte(c.MustRun(0, "output", "-json")), &out); err != nil {
		t.Fatalf("reading the outputs: %v", err)
	}
	return out.Person.Value
}

// statusOf renders the status output as "qacomplete=active ...", with "-"
// for null.
func statusOf(o moduleOutputs) string {
	var parts []string
	for _, tool := range []string{"qacomplete", "questionpro", "quickhelp", "twosms"} {
		v := "-"
		if p := o.Status[tool]; p != nil {
			v = *p
		}
		parts = append(parts, tool+"="+v)
	}
	return strings.Join(parts, " ")
}

// applyStep plans the current configuration, checks that the plan proposes
// exactly want ("action address" lines), applies that plan, and checks that
// the plan after it is empty.
func applyStep(t *testing.T, c *acctest.CLI, step string, want ...string) {
	t.Helper()
	changes, code := c.PlannedChanges()
	slices.Sort(want)
	if code != 2 || !slices.Equal(changes, want) {
		t.Fatalf("%s: the plan (exit %d) proposes\n  %s\nwant\n  %s", step, code, strings.Join(changes, "\n  "), strings.Join(want, "\n  "))
	}
	c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve", "tfplan")
	if changes, code := c.PlannedChanges(); code != 0 || len(changes) != 0 {
		t.Fatalf("%s: the plan after the apply is not empty (exit %d): %v", step, code, changes)
	}
}

// personArgs are the module arguments for the person in all four tools.
// qacExtra is added to the QAComplete settings.
func personArgs(jobTitle string, active bool, qacExtra string) string {
	return fmt.Sprintf(`
  first_name   = %q
  last_name    = %q
  email        = %q
  department   = %q
  job_title    = %q
  mobile_phone = %q
  active       = %t

  tools = {
    qacomplete = {
      dept_id           = %d
      is_security_admin = true
      time_zone         = "UTC"
      %s
    }
    questionpro = {
      department_id = %d
    }
    quickhelp = {
      roles = [%q]
    }
    twosms = {
      username    = %q
      time_zone   = %q
      language_id = %q
      admin       = true
    }
  }
`, personFirst, personLast, personEmail, personDept, jobTitle, personPhone, active,
		acctest.QACompleteDeptID, qacExtra, acctest.QuestionProResearchDeptID, roleUserAdmin,
		personUsername, personTimeZone, languageFrench)
}

// seededPerson is the person's QuickHelp and 2sms users, which exist before
// onboarding (neither API can create users: SSO provisioning and the 2sms
// portal make them), plus a bystander in each of the two tools that nothing
// may touch.
type seededPerson struct {
	quickhelp, quickhelpBystander qhsandbox.User
	twosms, twosmsBystander       smssandbox.User
}

func seedPerson(sb *acctest.Sandbox) seededPerson {
	return seededPerson{
		quickhelp: sb.QuickHelp.AddUser(qhsandbox.User{
			Email: personEmail, FirstName: personFirst, LastName: "Coleman",
			Department: "West Area Computing", JobTitle: "Computer", Licensed: false, Confirmed: true,
		}),
		quickhelpBystander: sb.QuickHelp.AddUser(qhsandbox.User{
			Email: "dorothy.vaughan@example.com", FirstName: "Dorothy", LastName: "Vaughan",
			Department: "West Area Computing", JobTitle: "Supervisor", Licensed: true, Confirmed: true,
			Roles: []string{roleUserAdmin},
		}),
		twosms: sb.TwoSMS.AddUser(smssandbox.User{
			Username: personUsername, DisplayName: "K. Coleman", EmailAddress: "kcoleman@example.com",
			Enabled: false, MobilePhone: "+44 7700 900999", TimeZone: "GMT Standard Time",
		}),
		twosmsBystander: sb.TwoSMS.AddUser(smssandbox.User{
			Username: "mjackson", DisplayName: "Mary Jackson", EmailAddress: "mary.jackson@example.com",
			Enabled: true, AdminUser: true, MobilePhone: "+44 7700 900555", TimeZone: "GMT Standard Time",
		}),
	}
}

// personView is what each tool holds for the person, read from the
// sandbox's own data, the way someone would check each tool's admin page.
type personView struct {
	qacomplete  []qacsandbox.User // every QAComplete user with the e-mail, any department
	questionpro []qpsandbox.User  // every QuestionPro user with the e-mail
	quickhelp   qhsandbox.User
	twosms      smssandbox.User
}

func viewPerson(sb *acctest.Sandbox, seeded seededPerson) (personView, error) {
	var v personView
	for _, u := range sb.QAComplete.Users(0) {
		if strings.EqualFold(u.Email, personEmail) {
			v.qacomplete = append(v.qacomplete, u)
		}
	}
	for _, u := range sb.QuestionPro.Users() {
		if strings.EqualFold(u.EmailAddress, personEmail) {
			v.questionpro = append(v.questionpro, u)
		}
	}
	var ok bool
	if v.quickhelp, ok = quickHelpUser(sb, seeded.quickhelp.UserID); !ok {
		return v, fmt.Errorf("QuickHelp no longer holds the person's user %d", seeded.quickhelp.UserID)
	}
	if v.twosms, ok = twoSMSUser(sb, seeded.twosms.ID); !ok {
		return v, fmt.Errorf("2sms no longer holds the person's user %s", seeded.twosms.ID)
	}
	return v, nil
}

func quickHelpUser(sb *acctest.Sandbox, id int) (qhsandbox.User, bool) {
	for _, u := range sb.QuickHelp.Users() {
		if u.UserID == id {
			return u, true
		}
	}
	return qhsandbox.User{}, false
}

func twoSMSUser(sb *acctest.Sandbox, id string) (smssandbox.User, bool) {
	for _, u := range sb.TwoSMS.Users() {
		if strings.EqualFold(u.ID, id) {
			return u, true
		}
	}
	return smssandbox.User{}, false
}

// problems collects every mismatch of one check, so a failure lists them all.
type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

func (p problems) err(what string) error {
	if len(p) == 0 {
		return nil
	}
	return fmt.Errorf("%s:\n  %s", what, strings.Join(p, "\n  "))
}

// checkOnboarded reports how the sandbox differs from the person onboarded
// to all four tools with the given job title.
func checkOnboarded(sb *acctest.Sandbox, seeded seededPerson, jobTitle string) error {
	v, err := viewPerson(sb, seeded)
	if err != nil {
		return err
	}
	var p problems
	if len(v.qacomplete) != 1 {
		p.addf("QAComplete holds %d users with e-mail %s, want 1: %+v", len(v.qacomplete), personEmail, v.qacomplete)
	} else if u := v.qacomplete[0]; !u.IsActive || u.DeptID != acctest.QACompleteDeptID || u.FirstName != personFirst || u.LastName != personLast ||
		u.Phone != personPhone || !u.IsSecurityAdmin || u.TimeZone != "UTC" {
		p.addf("QAComplete user is %+v; want active in department %d, %s %s, phone %q, security admin, time zone UTC",
			u, acctest.QACompleteDeptID, personFirst, personLast, personPhone)
	}
	if len(v.questionpro) != 1 {
		p.addf("QuestionPro holds %d users with e-mail %s, want 1: %+v", len(v.questionpro), personEmail, v.questionpro)
	} else if u := v.questionpro[0]; u.FirstName != personFirst || u.LastName != personLast || u.DepartmentID != acctest.QuestionProResearchDeptID {
		p.addf("QuestionPro user is %+v; want %s %s in department %d", u, personFirst, personLast, acctest.QuestionProResearchDeptID)
	}
	if u := v.quickhelp; !u.Licensed || u.FirstName != personFirst || u.LastName != personLast || u.Department != personDept ||
		u.JobTitle != jobTitle || !slices.Equal(u.Roles, []string{roleUserAdmin}) || !u.Confirmed || u.BypassSSO {
		p.addf("QuickHelp user is %+v; want licensed, %s %s, department %q, job title %q, role %s, confirmed, no SSO bypass",
			u, personFirst, personLast, personDept, jobTitle, roleUserAdmin)
	}
	if u := v.twosms; !u.Enabled || !u.AdminUser || u.DisplayName != personFirst+" "+personLast || u.EmailAddress != personEmail ||
		u.MobilePhone != personPhone || u.TimeZone != personTimeZone || !strings.EqualFold(u.LanguageID, languageFrench) {
		p.addf("2sms user is %+v; want enabled admin %q, e-mail %s, phone %q, time zone %q, language %s",
			u, personFirst+" "+personLast, personEmail, personPhone, personTimeZone, languageFrench)
	}
	p = append(p, bystanderProblems(sb, seeded)...)
	return p.err("the sandbox does not hold the onboarded person")
}

// checkOffboarded reports how the sandbox differs from the person
// offboarded: QuickHelp unlicensed with no admin rights, QAComplete
// disabled (its one user kept, with its history), 2sms disabled without
// admin rights, QuestionPro user deleted; their other data untouched.
func checkOffboarded(sb *acctest.Sandbox, seeded seededPerson, jobTitle string, qacID int) error {
	v, err := viewPerson(sb, seeded)
	if err != nil {
		return err
	}
	var p problems
	if len(v.qacomplete) != 1 {
		p.addf("QAComplete holds %d users with e-mail %s, want the one disabled user: %+v", len(v.qacomplete), personEmail, v.qacomplete)
	} else if u := v.qacomplete[0]; u.IsActive || u.ID != qacID || u.FirstName != personFirst || u.Phone != personPhone {
		p.addf("QAComplete user is %+v; want user %d disabled, its data kept", u, qacID)
	}
	if len(v.questionpro) != 0 {
		p.addf("QuestionPro still holds the person: %+v", v.questionpro)
	}
	if u := v.quickhelp; u.Licensed || len(u.Roles) != 0 || u.BypassSSO {
		p.addf("QuickHelp user is %+v; want unlicensed with no admin roles and no SSO bypass", u)
	} else if u.FirstName != personFirst || u.LastName != personLast || u.Email != personEmail || u.JobTitle != jobTitle || u.Department != personDept {
		p.addf("offboarding changed the QuickHelp user's data: %+v", u)
	}
	if u := v.twosms; u.Enabled || u.AdminUser {
		p.addf("2sms user is %+v; want disabled without admin rights", u)
	} else if u.DisplayName != personFirst+" "+personLast || u.MobilePhone != personPhone || u.TimeZone != personTimeZone {
		p.addf("offboarding changed the 2sms user's data: %+v", u)
	}
	p = append(p, bystanderProblems(sb, seeded)...)
	return p.err("the sandbox does not hold the offboarded person")
}

// bystanderProblems reports any change to the users the module does not
// manage.
func bystanderProblems(sb *acctest.Sandbox, seeded seededPerson) problems {
	var p problems
	if u, ok := quickHelpUser(sb, seeded.quickhelpBystander.UserID); !ok || !u.Licensed || u.JobTitle != "Supervisor" || len(u.Roles) != 1 {
		p.addf("the QuickHelp bystander changed: %+v (present: %t)", u, ok)
	}
	if u, ok := twoSMSUser(sb, seeded.twosmsBystander.ID); !ok || !u.Enabled || !u.AdminUser || u.DisplayName != "Mary Jackson" {
		p.addf("the 2sms bystander changed: %+v (present: %t)", u, ok)
	}
	return p
}

// intPtr and strPtr dereference an output for messages, "null" for nil.
func intPtr(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func strPtr(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

// A person is onboarded to the four tools with one module call, a change of
// job title reaches the one tool that stores it in one apply, `active =
// false` offboards them the way each tool allows, and removing the module
// call afterwards does nothing unsafe: no QuickHelp GDPR delete, the
// disabled QAComplete and 2sms users and the unlicensed QuickHelp user
// stay, and no other user changes. Every step is checked against the
// sandbox's own data, and the plan after every apply is empty.
func TestAccWorkflow_personLifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	seeded := seedPerson(sb)
	c := personCLI(t, sb)
	c.WriteFile("main.tf", personConfig(t, personArgs("Mathematician", true, "")))
	c.MustRun(0, "init", "-input=false", "-no-color")

	// 1. Onboard: QAComplete and QuestionPro users are created, the
	// existing QuickHelp and 2sms users adopted and configured.
	applyStep(t, c, "onboarding", "create "+qacAddr, "create "+qpAddr, "create "+qhAddr, "create "+smsAddr)
	if err := checkOnboarded(sb, seeded, "Mathematician"); err != nil {
		t.Fatal(err)
	}
	v, err := viewPerson(sb, seeded)
	if err != nil {
		t.Fatal(err)
	}
	qacID := v.qacomplete[0].ID
	out := outputsOf(t, c)
	if got, want := statusOf(out), "qacomplete=active questionpro=active quickhelp=licensed twosms=enabled"; got != want {
		t.Errorf("after onboarding the status output is %q, want %q", got, want)
	}
	if out.QACompleteUserID == nil || *out.QACompleteUserID != qacID ||
		out.QuestionProUserID == nil || *out.QuestionProUserID != v.questionpro[0].UserID ||
		out.QuickHelpUserID == nil || *out.QuickHelpUserID != seeded.quickhelp.UserID ||
		out.TwoSMSUserID == nil || !strings.EqualFold(*out.TwoSMSUserID, seeded.twosms.ID) {
		t.Errorf("after onboarding the id outputs are QAComplete %s, QuestionPro %s, QuickHelp %s, 2sms %s; the sandbox holds %d, %d, %d, %s",
			intPtr(out.QACompleteUserID), intPtr(out.QuestionProUserID), intPtr(out.QuickHelpUserID), strPtr(out.TwoSMSUserID),
			qacID, v.questionpro[0].UserID, seeded.quickhelp.UserID, seeded.twosms.ID)
	}
	if out.DisplayName != "Katherine Johnson" {
		t.Errorf("display_name output is %q", out.DisplayName)
	}

	// 2. A new job title: QuickHelp is the only tool with the field, so
	// the one apply updates it there and plans nothing for the others.
	c.WriteFile("main.tf", personConfig(t, personArgs("Aerospace Technologist", true, "")))
	applyStep(t, c, "job title change", "update "+qhAddr)
	if err := checkOnboarded(sb, seeded, "Aerospace Technologist"); err != nil {
		t.Fatal(err)
	}

	// 3. Offboard with active = false: the QAComplete and QuestionPro
	// resources are destroyed (disable, delete); the QuickHelp and 2sms
	// users stay managed, unlicensed and disabled.
	c.WriteFile("main.tf", personConfig(t, personArgs("Aerospace Technologist", false, "")))
	applyStep(t, c, "offboarding", "delete "+qacAddr, "delete "+qpAddr, "update "+qhAddr, "update "+smsAddr)
	if err := checkOffboarded(sb, seeded, "Aerospace Technologist", qacID); err != nil {
		t.Fatal(err)
	}
	out = outputsOf(t, c)
	if got, want := statusOf(out), "qacomplete=disabled questionpro=deleted quickhelp=unlicensed twosms=disabled"; got != want {
		t.Errorf("after offboarding the status output is %q, want %q", got, want)
	}
	if out.QACompleteUserID != nil || out.QuestionProUserID != nil || out.QuickHelpUserID == nil || out.TwoSMSUserID == nil {
		t.Errorf("after offboarding the id outputs are QAComplete %s, QuestionPro %s, QuickHelp %s, 2sms %s; want null, null, the QuickHelp id, the 2sms id",
			intPtr(out.QACompleteUserID), intPtr(out.QuestionProUserID), intPtr(out.QuickHelpUserID), strPtr(out.TwoSMSUserID))
	}

	// 4. Remove the module call: the QuickHelp and 2sms resources are
	// destroyed with their on_destroy (unlicense, disable), which must go
	// no further than offboarding did.
	c.WriteFile("main.tf", personConfig(t, ""))
	applyStep(t, c, "removing the module call", "delete "+qhAddr, "delete "+smsAddr)
	if got := c.StateAddresses(); len(got) != 0 {
		t.Errorf("state still holds %v", got)
	}
	if err := checkOffboarded(sb, seeded, "Aerospace Technologist", qacID); err != nil {
		t.Fatal(err)
	}
	for _, r := range sb.Requests("quickhelp") {
		if strings.Contains(strings.ToLower(r.Path), "/user/delete") {
			t.Errorf("QuickHelp received a GDPR delete (%s %s): offboarding must only unlicense", r.Method, r.Path)
		}
	}
}

// Setting active back to true after offboarding gives back what each tool
// can: QuickHelp relicensed and 2sms re-enabled (the same users), a new
// QuestionPro user (the old one was deleted), and for QAComplete an error
// naming the disabled user, because QAComplete's API cannot enable one
// again. Once an administrator has enabled it in QAComplete, adopt_existing
// takes the same user back. This is what the module's README promises.
func TestAccWorkflow_personReactivation(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	seeded := seedPerson(sb)
	c := personCLI(t, sb)
	c.WriteFile("main.tf", personConfig(t, personArgs("Mathematician", true, "")))
	c.MustRun(0, "init", "-input=false", "-no-color")
	applyStep(t, c, "onboarding", "create "+qacAddr, "create "+qpAddr, "create "+qhAddr, "create "+smsAddr)
	v, err := viewPerson(sb, seeded)
	if err != nil {
		t.Fatal(err)
	}
	qacID, qpID := v.qacomplete[0].ID, v.questionpro[0].UserID

	c.WriteFile("main.tf", personConfig(t, personArgs("Mathematician", false, "")))
	applyStep(t, c, "offboarding", "delete "+qacAddr, "delete "+qpAddr, "update "+qhAddr, "update "+smsAddr)
	if err := checkOffboarded(sb, seeded, "Mathematician", qacID); err != nil {
		t.Fatal(err)
	}

	// Re-activation: every tool but QAComplete comes back; the QAComplete
	// create stops on the disabled user and says why.
	c.WriteFile("main.tf", personConfig(t, personArgs("Mathematician", true, "")))
	out, code := c.Run("apply", "-input=false", "-no-color", "-auto-approve")
	wantErr := acctest.Words("QAComplete user already exists and is disabled",
		fmt.Sprintf("Department %d already has a user with the e-mail %s: user id %d, which is disabled", acctest.QACompleteDeptID, personEmail, qacID),
		fmt.Sprintf("re-enable user %d in the QAComplete UI first", qacID))
	if code != 1 || !wantErr.MatchString(out) {
		t.Fatalf("re-activation exited %d; want 1 with an error matching %q:\n%s", code, wantErr, out)
	}
	if v, err = viewPerson(sb, seeded); err != nil {
		t.Fatal(err)
	}
	var p problems
	if !v.quickhelp.Licensed || !slices.Equal(v.quickhelp.Roles, []string{roleUserAdmin}) {
		p.addf("QuickHelp user not licensed again with its role: %+v", v.quickhelp)
	}
	if !v.twosms.Enabled || !v.twosms.AdminUser {
		p.addf("2sms user not enabled again as an admin: %+v", v.twosms)
	}
	if len(v.questionpro) != 1 || v.questionpro[0].UserID == qpID {
		p.addf("want one new QuestionPro user (not %d), have %+v", qpID, v.questionpro)
	}
	if len(v.qacomplete) != 1 || v.qacomplete[0].IsActive {
		p.addf("want the one QAComplete user still disabled, have %+v", v.qacomplete)
	}
	if err := p.err("after re-activation"); err != nil {
		t.Fatal(err)
	}

	// What the README tells an administrator to do: enable the user in
	// QAComplete, then let the module adopt it.
	if err := sb.QAComplete.SetUserField(qacID, "is_active", true); err != nil {
		t.Fatal(err)
	}
	c.WriteFile("main.tf", personConfig(t, personArgs("Mathematician", true, "adopt_existing = true")))
	applyStep(t, c, "adopting the re-enabled QAComplete user", "create "+qacAddr)
	if err := checkOnboarded(sb, seeded, "Mathematician"); err != nil {
		t.Fatal(err)
	}
	if got := outputsOf(t, c).QACompleteUserID; got == nil || *got != qacID {
		t.Errorf("qacomplete_user_id is %s; want the re-enabled user %d", intPtr(got), qacID)
	}
}

// Bad inputs fail at plan time with a message that names the input and the
// rule, before anything is written to a tool.
func TestAccWorkflow_personValidation(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	c := personCLI(t, sb)

	// valid is a complete, correct call; each case replaces one argument.
	keys := []string{"first_name", "last_name", "email", "mobile_phone", "tools"}
	valid := map[string]string{
		"first_name":   `first_name = "Ada"`,
		"last_name":    `last_name = "Lovelace"`,
		"email":        `email = "ada@example.com"`,
		"mobile_phone": `mobile_phone = "+44 7700 900123"`,
		"tools": `tools = {
    qacomplete  = { dept_id = 8162 }
    questionpro = {}
    quickhelp   = { roles = ["3f8e2a10-5b1c-4d7e-9a01-000000000005"] }
    twosms      = { username = "ada", language_id = "1a000000-0000-4000-8000-000000000001" }
  }`,
	}
	with := func(key, line string) string {
		var lines []string
		for _, k := range keys {
			if k == key {
				lines = append(lines, "  "+line)
			} else {
				lines = append(lines, "  "+valid[k])
			}
		}
		return personConfig(t, strings.Join(lines, "\n"))
	}

	// The valid call plans four creates, so every failure below is the
	// changed argument's.
	c.WriteFile("main.tf", with("", ""))
	c.MustRun(0, "init", "-input=false", "-no-color")
	if changes, code := c.PlannedChanges(); code != 2 || len(changes) != 4 {
		t.Fatalf("the valid call plans (exit %d) %v; want four creates", code, changes)
	}

	cases := []struct {
		name, key, line string
		want            []string
	}{
		{"email without domain", "email", `email = "ada.lovelace"`,
			[]string{"The email input must be a bare e-mail address such as jane.doe@example.com"}},
		{"email with display name", "email", `email = "Ada <ada@example.com>"`,
			[]string{"The email input must be a bare e-mail address"}},
		{"phone with four digits", "mobile_phone", `mobile_phone = "+1 (23) 4-"`,
			[]string{"The mobile_phone input must be an optional + followed by 5 to 20 digits, spaces, parentheses or dashes, with at least five digits"}},
		{"phone with letters", "mobile_phone", `mobile_phone = "+44 7700 CALL ME"`,
			[]string{"The mobile_phone input must be an optional +"}},
		{"blank first name", "first_name", `first_name = " "`,
			[]string{"The first_name input must not be empty or start or end with spaces."}},
		{"no tool", "tools", `tools = {}`,
			[]string{"The tools input must give the person at least one tool: qacomplete, questionpro, quickhelp or twosms."}},
		{"2sms without username", "tools", `tools = { twosms = { time_zone = "GMT Standard Time" } }`,
			[]string{"The tools.twosms.username input is required when 2sms is chosen"}},
		{"QAComplete without department", "tools", `tools = { qacomplete = { is_security_admin = true } }`,
			[]string{"The tools.qacomplete.dept_id input is required when QAComplete is chosen"}},
		{"QAComplete department not whole", "tools", `tools = { qacomplete = { dept_id = 81.5 } }`,
			[]string{"The tools.qacomplete.dept_id input", "must be a whole number of at least 1"}},
		{"QuickHelp role not a GUID", "tools", `tools = { quickhelp = { roles = ["User Administrator"] } }`,
			[]string{"Every entry of the tools.quickhelp.roles input must be a QuickHelp role GUID"}},
		{"QuickHelp user id zero", "tools", `tools = { quickhelp = { user_id = 0 } }`,
			[]string{"The tools.quickhelp.user_id input must be a QuickHelp user id"}},
		{"2sms language not a GUID", "tools", `tools = { twosms = { username = "ada", language_id = "English" } }`,
			[]string{"The tools.twosms.language_id input must be a 2sms language GUID"}},
		{"2sms user id not a GUID", "tools", `tools = { twosms = { username = "ada", user_id = "42" } }`,
			[]string{"The tools.twosms.user_id input must be the 2sms user's GUID"}},
		{"name too long for QAComplete", "last_name", `last_name = "Lovelace-King-Noel-Byron-Milbanke"`,
			[]string{"QAComplete allows first and last names of at most 25 characters; first_name has 3 and last_name 33"}},
	}
	for _, tc := range cases {
		c.WriteFile("main.tf", with(tc.key, tc.line))
		out, code := c.Run("plan", "-input=false", "-no-color")
		if re := acctest.Words(tc.want...); code != 1 || !re.MatchString(out) {
			t.Errorf("%s: plan exited %d; want 1 with an error matching %q:\n%s", tc.name, code, re, out)
		}
	}

	// The same long name is fine for someone who does not use QAComplete:
	// the limit is QAComplete's, not the module's.
	c.WriteFile("main.tf", personConfig(t, `
  first_name = "Ada"
  last_name  = "Lovelace-King-Noel-Byron-Milbanke"
  email      = "ada@example.com"
  tools      = { questionpro = {} }
`))
	if changes, code := c.PlannedChanges(); code != 2 || !slices.Equal(changes, []string{"create " + qpAddr}) {
		t.Errorf("a long name without QAComplete plans (exit %d) %v; want the QuestionPro create", code, changes)
	}

	for _, vendor := range []string{"qacomplete", "questionpro", "quickhelp", "twosms"} {
		for _, r := range sb.Requests(vendor) {
			if r.Method != "GET" && !strings.HasSuffix(r.Path, "/Token") {
				t.Errorf("planning sent a write to %s: %s %s", vendor, r.Method, r.Path)
			}
		}
	}
}
