package workflowtest_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// Way A with import blocks by resource identity, examples/adopt-all/identity
// as a user runs it: every user is imported in one plan under the identity
// its import block names, with no change; the apply records those
// identities, the next plan is empty, and no user's data in the tools
// changed, with no write call sent.
func TestAccWorkflow_adoptAllIdentity(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	if v := adoptAllCLIVersion(t, bin); !v.atLeast(1, 12) {
		t.Skipf("%s %s reads no identity in import blocks (Terraform 1.12+, OpenTofu 1.12+); TestAccWorkflow_adoptAllForEach runs the same adoption by id", v.name, v.text)
	}
	sb := acctest.StartSandbox(t)
	want := adoptAllSeeded(t, sb)
	before := adoptAllSnapshot(t, sb)
	sb.ResetRequests()

	c := acctest.NewCLI(t, bin, sb.ProviderEnv())
	adoptAllCopyIdentityExample(t, c.Dir())
	c.MustRun(0, "init", "-input=false", "-no-color")

	p := adoptAllPlan(t, c, "", adoptAllVarFile)
	if len(p.changes) != 0 {
		t.Fatalf("the adopting plan proposes changes besides the imports:\n  %s", strings.Join(p.changes, "\n  "))
	}
	if !strings.Contains(p.out, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", len(want.forEach))) {
		t.Errorf("the plan's summary is not %d imports and nothing else:\n%s", len(want.forEach), adoptAllTail(p.out))
	}
	adoptAllCheckIdentities(t, "the plan imports", adoptAllPlannedIdentities(t, c), want.forEach)

	c.MustRun(0, "apply", "-input=false", "-no-color", "tfplan")
	adoptAllCheckIdentities(t, "state records", adoptAllStateIdentities(t, c), want.forEach)

	p = adoptAllPlan(t, c, "", adoptAllVarFile)
	if p.code != 0 || len(p.changes) != 0 || len(p.imports) != 0 {
		t.Fatalf("the plan after adopting (exit %d) is not empty: changes %v, imports %d\n%s", p.code, p.changes, len(p.imports), adoptAllTail(p.out))
	}

	adoptAllCheckUnchanged(t, sb, before)
}

// adoptAllCopyIdentityExample copies examples/adopt-all/identity into dir,
// each link as the file it points to (so a link that points nowhere fails
// here), and the parent's sandbox.tfvars, which the guide passes to it.
func adoptAllCopyIdentityExample(t *testing.T, dir string) {
	t.Helper()
	src := filepath.Join("..", "..", "examples", "adopt-all", "identity")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The directory is the parent example with its own adopt.tf.
	wantNames := []string{"adopt.tf", "providers.tf", "users.tf", "variables.tf", "versions.tf"}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("examples/adopt-all/identity holds %v, want %v", names, wantNames)
	}
	adoptAllCopyExample(t, dir, func(name string) bool { return name == "sandbox.tfvars" })
}

// adoptAllPlannedIdentities reads the saved plan's imports as address ->
// the identity each import block named, in JSON.
func adoptAllPlannedIdentities(t *testing.T, c *acctest.CLI) map[string]string {
	t.Helper()
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Importing *struct {
					ID       string          `json:"id"`
					Identity json.RawMessage `json:"identity"`
				} `json:"importing"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(c.MustRun(0, "show", "-json", "tfplan")), &plan); err != nil {
		t.Fatalf("reading the plan: %v", err)
	}
	out := map[string]string{}
	for _, rc := range plan.ResourceChanges {
		if im := rc.Change.Importing; im != nil {
			if im.ID != "" {
				t.Errorf("%s is imported by the id %q, not by identity", rc.Address, im.ID)
			}
			out[rc.Address] = adoptAllCanonicalJSON(t, im.Identity)
		}
	}
	return out
}

// adoptAllStateIdentities reads every managed resource's identity from
// state as address -> identity, in JSON.
func adoptAllStateIdentities(t *testing.T, c *acctest.CLI) map[string]string {
	t.Helper()
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address  string          `json:"address"`
					Mode     string          `json:"mode"`
					Identity json.RawMessage `json:"identity"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(c.MustRun(0, "show", "-json")), &state); err != nil {
		t.Fatalf("reading the state: %v", err)
	}
	out := map[string]string{}
	for _, r := range state.Values.RootModule.Resources {
		if r.Mode == "managed" {
			out[r.Address] = adoptAllCanonicalJSON(t, r.Identity)
		}
	}
	return out
}

// adoptAllCheckIdentities compares address -> identity with what the
// import ids of the for_each workflow stand for: a QAComplete
// "<dept_id>/<user_id>" is {dept_id, user_id}, a QuestionPro or QuickHelp
// id is {user_id}, a 2sms GUID is {id}.
func adoptAllCheckIdentities(t *testing.T, what string, got, wantIDs map[string]string) {
	t.Helper()
	var problems []string
	for addr, id := range wantIDs {
		typ, _, _ := strings.Cut(addr, ".")
		var identity map[string]any
		switch typ {
		case "saas_qacomplete_user":
			dept, user, _ := strings.Cut(id, "/")
			identity = map[string]any{"dept_id": json.Number(dept), "user_id": json.Number(user)}
		case "saas_questionpro_user", "saas_quickhelp_user":
			identity = map[string]any{"user_id": json.Number(id)}
		case "saas_twosms_admin_user":
			identity = map[string]any{"id": id}
		default:
			t.Fatalf("no identity rule for %s", addr)
		}
		raw, err := json.Marshal(identity)
		if err != nil {
			t.Fatal(err)
		}
		if g, ok := got[addr]; !ok {
			problems = append(problems, "missing: "+addr)
		} else if w := adoptAllCanonicalJSON(t, raw); g != w {
			problems = append(problems, fmt.Sprintf("%s has identity %s, want %s", addr, g, w))
		}
	}
	for addr, identity := range got {
		if _, ok := wantIDs[addr]; !ok {
			problems = append(problems, fmt.Sprintf("unexpected: %s (identity %s)", addr, identity))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		t.Fatalf("%s %d identities, want %d:\n  %s", what, len(got), len(wantIDs), strings.Join(adoptAllFirst(problems, 20), "\n  "))
	}
}

// adoptAllCanonicalJSON is a JSON object with sorted keys, numbers as
// written, and null or absent as "".
func adoptAllCanonicalJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("identity %s: %v", raw, err)
	}
	out, err := json.Marshal(v) // encoding/json sorts map keys
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
