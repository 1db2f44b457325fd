package workflowtest_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// adoptAllPerVendor is how many users each vendor gets on top of the
// sandbox's own defaults: 200 in all.
const adoptAllPerVendor = 50

// adoptAllVarFile is the variables file of examples/adopt-all for the
// sandbox, passed the way the guide passes it.
const adoptAllVarFile = "-var-file=sandbox.tfvars"

// Every user of the four tools is adopted in one plan by the for_each
// import blocks of examples/adopt-all: the plan imports each of them and
// changes nothing, the apply records them, the next plan is empty, and no
// user's data in the tools changed, field by field, with no write call sent.
func TestAccWorkflow_adoptAllForEach(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	if v := adoptAllCLIVersion(t, bin); !v.atLeast(1, 7) {
		t.Skipf("%s %s has no for_each in import blocks (Terraform 1.7+, OpenTofu 1.7+); TestAccWorkflow_adoptAllGeneratedConfig runs what the guide tells users of older CLIs to do", v.name, v.text)
	}
	sb := acctest.StartSandbox(t)
	want := adoptAllSeeded(t, sb)
	before := adoptAllSnapshot(t, sb)
	sb.ResetRequests()

	c := acctest.NewCLI(t, bin, sb.ProviderEnv())
	adoptAllCopyExample(t, c.Dir(), func(string) bool { return true })
	c.MustRun(0, "init", "-input=false", "-no-color")

	start := time.Now()
	p := adoptAllPlan(t, c, "", adoptAllVarFile)
	t.Logf("the adopting plan took %s", time.Since(start).Round(time.Millisecond))
	if len(p.changes) != 0 {
		t.Fatalf("the adopting plan proposes changes besides the imports:\n  %s", strings.Join(p.changes, "\n  "))
	}
	adoptAllCheckImports(t, p.imports, want.forEach)
	if !strings.Contains(p.out, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", len(want.forEach))) {
		t.Errorf("the plan's summary is not %d imports and nothing else:\n%s", len(want.forEach), adoptAllTail(p.out))
	}

	c.MustRun(0, "apply", "-input=false", "-no-color", "tfplan")
	wantAddrs := slices.Concat(adoptAllDataSources, adoptAllSortedKeys(want.forEach))
	if got := c.StateAddresses(); !slices.Equal(got, wantAddrs) {
		t.Errorf("after the apply state holds %d addresses, want the %d adopted users and the data sources:\n%s", len(got), len(want.forEach), adoptAllSetDiff(got, wantAddrs))
	}

	p = adoptAllPlan(t, c, "", adoptAllVarFile)
	if p.code != 0 || len(p.changes) != 0 || len(p.imports) != 0 {
		t.Fatalf("the plan after adopting (exit %d) is not empty: changes %v, imports %d\n%s", p.code, p.changes, len(p.imports), adoptAllTail(p.out))
	}

	adoptAllCheckUnchanged(t, sb, before)
}

// The workflow examples/adopt-all offers for per-user configuration, and
// the one the guide gives Terraform 1.5 and 1.6: the example without
// adopt.tf renders one plain import block per user from the data sources;
// in a new workspace holding only those blocks and the provider settings,
// `plan -generate-config-out` writes a resource block for each; that
// configuration adopts every user with no change, plans empty afterwards,
// and leaves every user's data as it was.
func TestAccWorkflow_adoptAllGeneratedConfig(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	v := adoptAllCLIVersion(t, bin)
	sb := acctest.StartSandbox(t)
	want := adoptAllSeeded(t, sb)
	before := adoptAllSnapshot(t, sb)
	sb.ResetRequests()

	// The inventory workspace: the example without adopt.tf, whose
	// for_each import blocks older CLIs cannot read (and which would adopt
	// the users a second time).
	c := acctest.NewCLI(t, bin, sb.ProviderEnv())
	adoptAllCopyExample(t, c.Dir(), func(name string) bool { return name != "adopt.tf" })
	c.MustRun(0, "init", "-input=false", "-no-color")
	// The apply only reads the data sources and records the output.
	out := c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve", adoptAllVarFile)
	if !strings.Contains(out, "Resources: 0 added, 0 changed, 0 destroyed.") {
		t.Fatalf("the apply that renders the import blocks changed something:\n%s", adoptAllTail(out))
	}
	if got := c.StateAddresses(); !slices.Equal(got, adoptAllDataSources) {
		t.Errorf("the inventory workspace's state holds %v, want only the data sources %v", got, adoptAllDataSources)
	}

	// The users workspace: the provider settings and the rendered blocks.
	users := filepath.Join(c.Dir(), "users")
	if err := os.Mkdir(users, 0o755); err != nil {
		t.Fatal(err)
	}
	adoptAllCopyExample(t, users, func(name string) bool {
		return slices.Contains([]string{"versions.tf", "providers.tf", "variables.tf", "sandbox.tfvars"}, name)
	})
	blocks := c.MustRun(0, "output", "-raw", "import_blocks")
	c.WriteFile(filepath.Join("users", "imports.tf"), blocks)
	if n := strings.Count(blocks, "\nimport {\n"); n != len(want.generated) {
		t.Fatalf("import_blocks holds %d import blocks, want one per user (%d):\n%s", n, len(want.generated), blocks)
	}
	// The rendered file is already formatted as fmt would write it.
	if out, code := c.Run("fmt", "-check", "-diff", filepath.Join("users", "imports.tf")); code != 0 {
		t.Errorf("the rendered imports.tf is not formatted:\n%s", out)
	}

	u := adoptAllChdir("users")
	c.MustRun(0, u, "init", "-input=false", "-no-color")
	start := time.Now()
	p := adoptAllPlan(t, c, u, adoptAllVarFile, "-generate-config-out=generated.tf")
	t.Logf("%s %s: the plan that generates the configuration took %s", v.name, v.text, time.Since(start).Round(time.Millisecond))
	if len(p.changes) != 0 {
		t.Fatalf("with the generated configuration the plan proposes changes besides the imports:\n  %s", strings.Join(p.changes, "\n  "))
	}
	adoptAllCheckImports(t, p.imports, want.generated)
	generated, err := os.ReadFile(filepath.Join(users, "generated.tf"))
	if err != nil {
		t.Fatalf("plan -generate-config-out wrote no file: %v", err)
	}
	if n := strings.Count(string(generated), "\nresource \""); n != len(want.generated) {
		t.Errorf("generated.tf holds %d resource blocks, want %d", n, len(want.generated))
	}

	c.MustRun(0, u, "apply", "-input=false", "-no-color", "tfplan")
	if got := strings.Fields(c.MustRun(0, u, "state", "list")); !slices.Equal(got, adoptAllSortedKeys(want.generated)) {
		t.Errorf("after the apply state holds %d addresses, want the %d adopted users:\n%s", len(got), len(want.generated), adoptAllSetDiff(got, adoptAllSortedKeys(want.generated)))
	}

	// The generated configuration sets every argument from what was
	// imported, so the plan after the apply is empty only when each
	// resource reads back exactly what it was given.
	p = adoptAllPlan(t, c, u, adoptAllVarFile)
	if p.code != 0 || len(p.changes) != 0 || len(p.imports) != 0 {
		t.Fatalf("the plan after adopting with the generated configuration (exit %d) is not empty: changes %v, imports %d\n%s", p.code, p.changes, len(p.imports), adoptAllTail(p.out))
	}

	adoptAllCheckUnchanged(t, sb, before)
}

// adoptAllChdir is the CLI's global option that runs a command in a
// subdirectory of the working directory.
func adoptAllChdir(dir string) string { return "-chdir=" + dir }

// adoptAllDataSources are the data sources of examples/adopt-all as state
// lists them, for the sandbox's two QAComplete departments.
var adoptAllDataSources = []string{
	`data.saas_qacomplete_users.dept["8162"]`,
	`data.saas_qacomplete_users.dept["8163"]`,
	"data.saas_questionpro_users.all",
	"data.saas_quickhelp_users.all",
	"data.saas_twosms_admin_users.all",
}

// adoptAllSeed fills the sandbox with adoptAllPerVendor users per vendor,
// with field values that vary the way a real tenant's do: set and empty
// optional fields, both values of every flag, fields the APIs never
// return, e-mail local parts and usernames that two users share once made
// into resource names, and a few QAComplete users disabled (which the
// example leaves alone).
func adoptAllSeed(t *testing.T, sb *acctest.Sandbox) {
	t.Helper()
	pick := func(i int, values ...string) string { return values[i%len(values)] }
	created := time.Date(2023, 3, 14, 9, 26, 53, 0, time.UTC)

	for i := range adoptAllPerVendor {
		u := qacsandbox.User{
			DeptID:          acctest.QACompleteDeptID,
			FirstName:       pick(i, "Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara"),
			LastName:        fmt.Sprintf("Tester %d", i),
			Email:           fmt.Sprintf("qa.user%d@example.com", i),
			MiddleName:      pick(i, "", "Jo", "", "Lee"),
			Phone:           pick(i, "+1 555 0100", "", "(020) 7946 0018"),
			CompanyName:     pick(i, "", "Example Ltd", "Contoso"),
			TimeZone:        pick(i, "", "Eastern Standard Time", "GMT Standard Time"),
			IsSecurityAdmin: i%5 == 0,
			IsADAccount:     i%7 == 0,
			Custom1:         pick(i, "", "cost centre 42"),
			Custom7:         pick(i, "", "", "badge 7"),
			Title:           pick(i, "", "QA lead"),
			IsActive:        true,
			NbrTimesLogon:   i,
			DateCreated:     created.Add(time.Duration(i) * time.Hour),
		}
		if u.IsADAccount {
			u.ADSearchValue = fmt.Sprintf("CN=user%d,OU=QA", i)
		}
		if i%3 == 0 {
			u.DeptID = acctest.QACompleteDeptID + 1 // the second department
		}
		switch i {
		case 10, 11:
			u.Email = "alex@" + pick(i, "research.example", "sales.example") // same resource name
		case 12:
			u.Email = "1st.shift@example.com" // a name must not start with a digit
		case 13:
			u.Email = "Mixed.Case@Example.com"
		}
		sb.QAComplete.AddUser(u)
	}
	for i := range 3 {
		sb.QAComplete.AddUser(qacsandbox.User{
			DeptID: acctest.QACompleteDeptID, FirstName: "Former", LastName: fmt.Sprintf("Staff %d", i),
			Email: fmt.Sprintf("former%d@example.com", i), IsActive: false,
		})
	}

	for i := range adoptAllPerVendor {
		u := qpsandbox.User{
			OrganizationID:   acctest.QuestionProOrganizationID,
			DepartmentID:     []int{0, acctest.QuestionProDepartmentID, acctest.QuestionProResearchDeptID}[i%3],
			FirstName:        pick(i, "Rosalind", "Dorothy", "Marie", ""),
			LastName:         fmt.Sprintf("Surveyor %d", i),
			EmailAddress:     fmt.Sprintf("survey%d@example.com", i),
			Phone:            pick(i, "", "+44 20 7946 0000"),
			LicenseType:      pick(i, "", "Enterprise Annual"),
			LicenseStartDate: pick(i, "", "2024-02-29"),
			CreationDate:     pick(i, "", "2023-11-05"),
		}
		if i == 20 || i == 21 {
			u.EmailAddress = "sam@" + pick(i, "a.example", "b.example")
		}
		sb.QuestionPro.AddUser(u)
	}

	roles := qhsandbox.DefaultRoles()
	for i := range adoptAllPerVendor {
		u := qhsandbox.User{
			FirstName:  pick(i, "Marie", "Pierre", "", "Lise"),
			LastName:   fmt.Sprintf("Learner %d", i),
			Email:      fmt.Sprintf("learner%d@example.com", i),
			Department: pick(i, "Research", "", "Sales"),
			JobTitle:   pick(i, "Physicist", "", "Account manager", "Intern"),
			Licensed:   i%2 == 0,
			Confirmed:  i%3 != 0,
			BypassSSO:  i%4 == 0,
			Country:    pick(i, "", "FR", "US"),
		}
		if i%5 == 0 {
			u.Roles = []string{roles[i%len(roles)].ID, roles[(i+3)%len(roles)].ID}
		}
		if i%6 == 0 {
			u.Groups = []qhsandbox.Group{{ID: 10 + i%3, Name: pick(i, "Pilot", "Finance", "Everyone")}}
		}
		if i%4 == 1 {
			u.SSO = &qhsandbox.SSO{UserID: fmt.Sprintf("aad-%d", i), Company: "Example", Location: "Paris", Platform: "AzureAD",
				CustomFields: []qhsandbox.CustomField{{Name: "costCenter", Value: strconv.Itoa(100 + i)}}}
		}
		if i == 30 || i == 31 {
			u.Email = "kim@" + pick(i, "north.example", "south.example")
		}
		sb.QuickHelp.AddUser(u)
	}

	french := "1a000000-0000-4000-8000-000000000002"
	for i := range adoptAllPerVendor {
		u := smssandbox.User{
			Username:     fmt.Sprintf("sms.user%d", i),
			DisplayName:  fmt.Sprintf("%s %d", pick(i, "Dana", "Fox", "Robin"), i),
			EmailAddress: fmt.Sprintf("sms%d@example.com", i),
			Enabled:      i%6 != 0,
			AdminUser:    i%8 == 0,
			SSOEnabled:   i%5 == 0,
			Preferences:  i % 3,
			LanguageID:   pick(i, acctest.TwoSMSLanguageID, french),
			MobilePhone:  fmt.Sprintf("+44 7700 9%05d", i),
			TimeZone:     pick(i, "GMT Standard Time", "W. Europe Standard Time", "Pacific Standard Time"),
			Pin:          pick(i, "", "4321", ""),
			Password:     pick(i, "", "", "s3cret-Pa55"),
			DateCreated:  created.Add(time.Duration(i) * time.Minute),
		}
		if i%4 == 0 {
			agreed := created.AddDate(0, 1, i)
			u.AgreementDate, u.DPAVersion, u.PrivacyPolicyVersion = &agreed, "1.0", "2.1"
		}
		if i == 40 {
			u.Username = "ops.lead" // becomes ops_lead, like the next one
		}
		if i == 41 {
			u.Username = "ops-lead"
		}
		sb.TwoSMS.AddUser(u)
	}
}

// adoptAllWant is the resource address and import id of every user the
// example should adopt, for each of its two workflows.
type adoptAllWant struct {
	forEach   map[string]string // address -> import id
	generated map[string]string
}

// adoptAllExpected reads the sandbox, the way the example's data sources
// do, and lists what each workflow must import: every active QAComplete
// user of the two departments, and every QuestionPro (of the organization),
// QuickHelp and 2sms user (super users are not listed). The generated
// resource names follow the rule import-blocks.tf documents.
func adoptAllExpected(t *testing.T, sb *acctest.Sandbox) adoptAllWant {
	t.Helper()
	// base is what a generated name is made of: the e-mail's local part,
	// or the 2sms username.
	local := func(email string) string { l, _, _ := strings.Cut(email, "@"); return l }
	type target struct{ typ, id, base string }
	var targets []target
	for _, u := range sb.QAComplete.Users(0) {
		if u.IsActive && (u.DeptID == acctest.QACompleteDeptID || u.DeptID == acctest.QACompleteDeptID+1) {
			targets = append(targets, target{"saas_qacomplete_user", fmt.Sprintf("%d/%d", u.DeptID, u.ID), local(u.Email)})
		}
	}
	for _, u := range sb.QuestionPro.Users() {
		if u.OrganizationID == acctest.QuestionProOrganizationID {
			targets = append(targets, target{"saas_questionpro_user", strconv.Itoa(u.UserID), local(u.EmailAddress)})
		}
	}
	for _, u := range sb.QuickHelp.Users() {
		targets = append(targets, target{"saas_quickhelp_user", strconv.Itoa(u.UserID), local(u.Email)})
	}
	for _, u := range sb.TwoSMS.Users() {
		if !u.SuperUser {
			targets = append(targets, target{"saas_twosms_admin_user", u.ID, u.Username})
		}
	}

	nonName := regexp.MustCompile(`[^a-z0-9_]`)
	nonID := regexp.MustCompile(`[^A-Za-z0-9]`)
	name := func(base string) string {
		n := nonName.ReplaceAllString(strings.ToLower(base), "_")
		if n == "" || n[0] != '_' && (n[0] < 'a' || n[0] > 'z') {
			n = "u_" + n
		}
		return n
	}
	uses := map[string]int{}
	for _, x := range targets {
		uses[x.typ+"."+name(x.base)]++
	}
	w := adoptAllWant{forEach: map[string]string{}, generated: map[string]string{}}
	for _, x := range targets {
		w.forEach[fmt.Sprintf("%s.adopted[%q]", x.typ, x.id)] = x.id
		addr := x.typ + "." + name(x.base)
		if uses[addr] > 1 {
			addr += "_" + nonID.ReplaceAllString(x.id, "_")
		}
		w.generated[addr] = x.id
	}
	if len(w.generated) != len(w.forEach) {
		t.Fatalf("%d users to adopt got %d distinct generated names", len(w.forEach), len(w.generated))
	}
	return w
}

// adoptAllSeeded is adoptAllSeed followed by adoptAllExpected, checking
// that the 200 seeded users (and the sandbox's own) are there to adopt.
func adoptAllSeeded(t *testing.T, sb *acctest.Sandbox) adoptAllWant {
	t.Helper()
	adoptAllSeed(t, sb)
	want := adoptAllExpected(t, sb)
	if len(want.forEach) < 4*adoptAllPerVendor {
		t.Fatalf("the sandbox holds %d users to adopt, want at least %d", len(want.forEach), 4*adoptAllPerVendor)
	}
	return want
}

// The seed the guide starts saas-sandbox with loads, and holds the twelve
// users the guide's output adopts: three per vendor once the disabled
// QAComplete user is left out.
func TestAdoptAllSandboxSeed(t *testing.T) {
	sb := acctest.StartSandbox(t)
	if err := sb.SeedFile(filepath.Join("..", "..", "examples", "adopt-all", "sandbox-seed.json")); err != nil {
		t.Fatal(err)
	}
	want := adoptAllExpected(t, sb)
	perType := map[string]int{}
	for addr := range want.forEach {
		typ, _, _ := strings.Cut(addr, ".")
		perType[typ]++
	}
	for _, typ := range []string{"saas_qacomplete_user", "saas_questionpro_user", "saas_quickhelp_user", "saas_twosms_admin_user"} {
		if perType[typ] != 3 {
			t.Errorf("the guide's seed gives %d %s to adopt, want 3 (all: %v)", perType[typ], typ, adoptAllSortedKeys(want.forEach))
		}
	}
	if len(sb.QAComplete.Users(0)) != 4 {
		t.Errorf("the guide's seed holds %d QAComplete users, want 4 (one disabled)", len(sb.QAComplete.Users(0)))
	}
}

// adoptAllCopyExample copies the files of examples/adopt-all that keep
// accepts, as they are, into dir.
func adoptAllCopyExample(t *testing.T, dir string, keep func(name string) bool) {
	t.Helper()
	src := filepath.Join("..", "..", "examples", "adopt-all")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	copied := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !keep(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
		copied++
	}
	if copied == 0 {
		t.Fatalf("no files copied from %s", src)
	}
}

// adoptAllPlanResult is one saved plan: its changes other than no-ops as
// "action address", its imports as address -> import id, the
// -detailed-exitcode and the CLI's output.
type adoptAllPlanResult struct {
	changes []string
	imports map[string]string
	code    int
	out     string
}

// adoptAllPlan saves a plan with the extra arguments, in the working
// directory or the one chdir names (adoptAllChdir, or ""), and reads it back
// with show -json. An import shows there as a no-op carrying "importing".
func adoptAllPlan(t *testing.T, c *acctest.CLI, chdir string, args ...string) adoptAllPlanResult {
	t.Helper()
	global := []string{}
	dir := c.Dir()
	if chdir != "" {
		global = []string{chdir}
		dir = filepath.Join(dir, strings.TrimPrefix(chdir, "-chdir="))
	}
	out, code := c.Run(slices.Concat(global, []string{"plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=tfplan"}, args)...)
	if code == 1 {
		t.Fatalf("plan %s failed:\n%s", strings.Join(args, " "), out)
	}
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions   []string `json:"actions"`
				Importing *struct {
					ID string `json:"id"`
				} `json:"importing"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if _, err := os.Stat(filepath.Join(dir, "tfplan")); err != nil {
		t.Fatalf("plan %s (exit %d) saved no plan:\n%s", strings.Join(args, " "), code, out)
	}
	if err := json.Unmarshal([]byte(c.MustRun(0, slices.Concat(global, []string{"show", "-json", "tfplan"})...)), &plan); err != nil {
		t.Fatalf("reading the plan: %v", err)
	}
	r := adoptAllPlanResult{imports: map[string]string{}, code: code, out: out}
	for _, rc := range plan.ResourceChanges {
		if rc.Change.Importing != nil {
			r.imports[rc.Address] = rc.Change.Importing.ID
		}
		if a := strings.Join(rc.Change.Actions, ","); a != "no-op" {
			r.changes = append(r.changes, a+" "+rc.Address)
		}
	}
	sort.Strings(r.changes)
	return r
}

// adoptAllCheckImports compares a plan's imports with the wanted addresses
// and ids.
func adoptAllCheckImports(t *testing.T, got, want map[string]string) {
	t.Helper()
	var problems []string
	for addr, id := range want {
		switch g, ok := got[addr]; {
		case !ok:
			problems = append(problems, "not imported: "+addr)
		case g != id:
			problems = append(problems, fmt.Sprintf("%s imported with id %q, want %q", addr, g, id))
		}
	}
	for addr, id := range got {
		if _, ok := want[addr]; !ok {
			problems = append(problems, fmt.Sprintf("unexpected import: %s (id %q)", addr, id))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		t.Fatalf("the plan imports %d users, want %d:\n  %s", len(got), len(want), strings.Join(adoptAllFirst(problems, 20), "\n  "))
	}
}

// adoptAllSnapshot is everything the sandbox holds, users keyed by vendor
// and id and flattened to one value per field ("qacomplete 24793
// time_zone"), plus the secrets Snapshot leaves out (2sms PINs and
// passwords, QuestionPro passwords) and the rest of each vendor's data
// (accounts, departments, keys) as JSON.
func adoptAllSnapshot(t *testing.T, sb *acctest.Sandbox) map[string]string {
	t.Helper()
	raw, err := json.Marshal(sb.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var vendors map[string]map[string]json.RawMessage
	if err := json.Unmarshal(raw, &vendors); err != nil {
		t.Fatal(err)
	}
	idKey := map[string]string{"qacomplete": "id", "questionpro": "userID", "quickhelp": "userId", "twosms": "ID"}
	out := map[string]string{}
	for vendor, sections := range vendors {
		for name, section := range sections {
			if name != "users" {
				out[vendor+" "+name] = string(section)
				continue
			}
			var users []map[string]json.RawMessage
			if err := json.Unmarshal(section, &users); err != nil {
				t.Fatalf("%s users: %v", vendor, err)
			}
			for _, u := range users {
				id := strings.Trim(string(u[idKey[vendor]]), `"`)
				if id == "" {
					t.Fatalf("a %s user without %s in the snapshot", vendor, idKey[vendor])
				}
				out[vendor+" "+id] = "present"
				for field, v := range u {
					out[vendor+" "+id+" "+field] = string(v)
				}
			}
		}
	}
	for _, u := range sb.TwoSMS.Users() {
		out["twosms "+u.ID+" Pin"] = sb.TwoSMS.PIN(u.ID)
		out["twosms "+u.ID+" Password"] = sb.TwoSMS.Password(u.ID)
	}
	for _, u := range sb.QuestionPro.Users() {
		out["questionpro "+strconv.Itoa(u.UserID)+" password"] = sb.QuestionPro.Password(u.UserID)
	}
	return out
}

// adoptAllCheckUnchanged fails when any field of any user (or any other
// data) differs from before, or when a vendor received anything but reads
// (and 2sms token requests) since the seeding.
func adoptAllCheckUnchanged(t *testing.T, sb *acctest.Sandbox, before map[string]string) {
	t.Helper()
	after := adoptAllSnapshot(t, sb)
	var diffs []string
	for k, b := range before {
		if a, ok := after[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: %s, now gone", k, b))
		} else if a != b {
			diffs = append(diffs, fmt.Sprintf("%s: %s, now %s", k, b, a))
		}
	}
	for k, a := range after {
		if _, ok := before[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: new, %s", k, a))
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		t.Errorf("adopting changed %d values in the tools:\n  %s", len(diffs), strings.Join(adoptAllFirst(diffs, 30), "\n  "))
	}
	writes := map[string]int{}
	for _, r := range sb.Requests("") {
		if r.Method != "GET" && r.Route != "POST /Token" {
			writes[r.Vendor+" "+r.Route]++
		}
	}
	if len(writes) > 0 {
		t.Errorf("adopting sent write calls (route: count): %v", writes)
	}
	if len(before) < 4*adoptAllPerVendor*5 {
		t.Fatalf("the snapshot holds only %d values; it does not see the users", len(before))
	}
}

func adoptAllFirst(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	return append(lines[:n:n], fmt.Sprintf("... and %d more", len(lines)-n))
}

func adoptAllSortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// adoptAllSetDiff names what is missing from got and what is extra in it.
func adoptAllSetDiff(got, want []string) string {
	var lines []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			lines = append(lines, "missing "+w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			lines = append(lines, "extra   "+g)
		}
	}
	return strings.Join(adoptAllFirst(lines, 20), "\n")
}

// adoptAllTail is the end of a long CLI output, where the summary and the
// errors are.
func adoptAllTail(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) > 40 {
		lines = append([]string{fmt.Sprintf("[... %d lines]", len(lines)-40)}, lines[len(lines)-40:]...)
	}
	return strings.Join(lines, "\n")
}

// adoptAllVersion is the CLI under test as `version -json` reports it.
type adoptAllVersion struct {
	name         string // Terraform or OpenTofu
	text         string
	major, minor int
}

func (v adoptAllVersion) atLeast(major, minor int) bool {
	return v.major > major || v.major == major && v.minor >= minor
}

// adoptAllCLIVersion asks the CLI its version. OpenTofu answers with the
// same terraform_version key as Terraform; its plain `version` names it.
// Only stdout is read, so a warning on stderr cannot spoil the JSON.
func adoptAllCLIVersion(t *testing.T, bin string) adoptAllVersion {
	t.Helper()
	// An empty CLI configuration: OpenTofu warns about a missing one.
	rc := filepath.Join(t.TempDir(), "empty.tfrc")
	if err := os.WriteFile(rc, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []byte {
		cmd := exec.Command(bin, args...)
		cmd.Env = []string{"HOME=" + os.Getenv("HOME"), "PATH=" + os.Getenv("PATH"), "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE=" + rc}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
		}
		return out
	}
	var doc struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(run("version", "-json"), &doc); err != nil {
		t.Fatalf("%s version -json: %v", bin, err)
	}
	v := adoptAllVersion{name: "Terraform", text: doc.Version}
	if strings.Contains(string(run("version")), "OpenTofu v") {
		v.name = "OpenTofu"
	}
	parts := strings.SplitN(doc.Version, ".", 3)
	if len(parts) < 2 {
		t.Fatalf("%s version -json: cannot read version %q", bin, doc.Version)
	}
	var err1, err2 error
	v.major, err1 = strconv.Atoi(parts[0])
	v.minor, err2 = strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		t.Fatalf("%s version -json: cannot read version %q", bin, doc.Version)
	}
	return v
}
