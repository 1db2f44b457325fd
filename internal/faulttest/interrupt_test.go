package faulttest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// providerVersion is the version the provider binary is installed under in
// the test's filesystem mirror.
const providerVersion = "0.1.0"

// interruptFleet is the number of users per vendor of the interrupted
// apply: 40 resources, slow enough with added latency to stop half-way.
const interruptFleet = 10

// cli runs the Terraform or OpenTofu CLI in one working directory with the
// provider installed from a filesystem mirror, as a user would.
type cli struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

// newCLI builds the provider, installs it in a filesystem mirror under the
// public registry address (so `init` works offline, and OpenTofu resolves
// the explicit registry.terraform.io source in the configuration through
// the same mirror), and writes a CLI configuration that uses only it.
func newCLI(t *testing.T, bin string, env map[string]string) *cli {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	mirror := filepath.Join(tmp, "mirror")
	plat := filepath.Join(mirror, "registry.terraform.io", "saas-users", "saas", providerVersion, runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(plat, 0o755); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", filepath.Join(plat, "terraform-provider-saas_v"+providerVersion), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := filepath.Join(tmp, "cli.tfrc")
	rcText := fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = ["registry.terraform.io/saas-users/saas"]
  }
}
`, mirror)
	if err := os.WriteFile(rc, []byte(rcText), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "work")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c := &cli{t: t, bin: bin, dir: dir}
	// Only what the CLI needs: the sandbox's settings, no TF_LOG or
	// TF_CLI_CONFIG_FILE of the caller.
	for _, k := range []string{"HOME", "PATH", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			c.env = append(c.env, k+"="+v)
		}
	}
	c.env = append(c.env, "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	for k, v := range env {
		c.env = append(c.env, k+"="+v)
	}
	return c
}

func (c *cli) command(ctx context.Context, args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, c.bin, args...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// run runs one CLI command to its end and returns its output and exit code.
func (c *cli) run(args ...string) (string, int) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd, out := c.command(ctx, args...)
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	}
	c.t.Fatalf("%s %s: %v\n%s", filepath.Base(c.bin), strings.Join(args, " "), err, out)
	return "", -1
}

// mustRun runs a command that must exit with want.
func (c *cli) mustRun(want int, args ...string) string {
	c.t.Helper()
	out, code := c.run(args...)
	if code != want {
		c.t.Fatalf("%s %s exited %d, want %d:\n%s", filepath.Base(c.bin), strings.Join(args, " "), code, want, out)
	}
	return out
}

// plannedChanges saves a plan and returns its resource changes as
// "action address" lines, sorted, and the plan's -detailed-exitcode.
func (c *cli) plannedChanges() ([]string, int) {
	c.t.Helper()
	out, code := c.run("plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=tfplan")
	if code == 1 {
		c.t.Fatalf("plan failed:\n%s", out)
	}
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions []string `json:"actions"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(c.mustRun(0, "show", "-json", "tfplan")), &plan); err != nil {
		c.t.Fatalf("reading the plan: %v", err)
	}
	var changes []string
	for _, rc := range plan.ResourceChanges {
		if a := strings.Join(rc.Change.Actions, ","); a != "no-op" {
			changes = append(changes, a+" "+rc.Address)
		}
	}
	sort.Strings(changes)
	return changes, code
}

// stateAddresses lists the resources in state.
func (c *cli) stateAddresses() []string {
	c.t.Helper()
	out, code := c.run("state", "list")
	if code != 0 {
		if strings.Contains(out, "No state file") {
			return nil
		}
		c.t.Fatalf("state list exited %d:\n%s", code, out)
	}
	return strings.Fields(out)
}

// fleetAddresses is every resource address fleetResources(n) declares.
func fleetAddresses(n int) []string {
	var out []string
	for _, typ := range []string{"saas_qacomplete_user", "saas_questionpro_user", "saas_quickhelp_user", "saas_twosms_admin_user"} {
		for i := range n {
			out = append(out, fmt.Sprintf("%s.u[%d]", typ, i))
		}
	}
	sort.Strings(out)
	return out
}

// An apply interrupted with SIGINT half-way leaves state and the vendors
// consistent: every user the vendors hold is in state, the next plan
// proposes exactly the creates not done yet, the next apply does them, and
// the plan after it is empty, with no duplicate anywhere.
// terraform-plugin-testing cannot send a signal, so this test drives the
// CLI named by TF_ACC_TERRAFORM_PATH itself, with the provider built and
// installed as a user would.
func TestAccFaults_interruptedApplyResumes(t *testing.T) {
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || bin == "" {
		t.Skip("set TF_ACC and TF_ACC_TERRAFORM_PATH to run this test against a real CLI")
	}
	if fi, err := os.Stat(bin); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
		t.Skipf("TF_ACC_TERRAFORM_PATH %q is not an executable file", bin)
	}
	sb := acctest.StartSandbox(t)
	seedFleet(sb, interruptFleet)
	c := newCLI(t, bin, sb.ProviderEnv())
	cfg := `
terraform {
  required_providers {
    saas = {
      source  = "registry.terraform.io/saas-users/saas"
      version = "` + providerVersion + `"
    }
  }
}

provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  qacomplete {
    requests_per_second = 1000
  }
  questionpro {
    organization_id     = ` + fmt.Sprint(acctest.QuestionProOrganizationID) + `
    requests_per_second = 1000
  }
  quickhelp {
    requests_per_second = 1000
  }
  twosms {
    requests_per_second = 1000
  }
}
` + fleetResources(interruptFleet, "Adopted")
	if err := os.WriteFile(filepath.Join(c.dir, "main.tf"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	c.mustRun(0, "init", "-input=false", "-no-color")

	// Slow every call down so the apply is still running when interrupted.
	sb.SetFaults("", sandbox.Fault{Latency: 250 * time.Millisecond})
	created := func() int {
		n := 0
		for _, u := range sb.QAComplete.Users(acctest.QACompleteDeptID) {
			if strings.HasPrefix(u.Email, "qac-") {
				n++
			}
		}
		for _, u := range sb.QuestionPro.Users() {
			if strings.HasPrefix(u.EmailAddress, "qp-") {
				n++
			}
		}
		return n
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	apply, out := c.command(ctx, "apply", "-input=false", "-no-color", "-auto-approve", "-parallelism=2")
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- apply.Wait() }()
	interrupted := false
	for !interrupted {
		select {
		case err := <-exited:
			t.Fatalf("the apply ended (%v) before a few users existed, so it could not be interrupted; output:\n%s", err, out)
		case <-time.After(50 * time.Millisecond):
		}
		if created() >= 4 {
			if err := apply.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			interrupted = true
		}
	}
	var applyErr error
	select {
	case applyErr = <-exited:
	case <-time.After(90 * time.Second):
		t.Fatalf("the interrupted apply did not exit within 90s; output so far:\n%s", out)
	}
	if applyErr == nil {
		t.Fatalf("the interrupted apply exited 0; it should report the interruption:\n%s", out)
	}
	if !strings.Contains(out.String(), "nterrupt") {
		t.Errorf("the apply's output does not mention the interruption:\n%s", out)
	}

	// State and the vendors agree: every created user is in state.
	sb.ClearFaults()
	inState := c.stateAddresses()
	stateCreated := 0
	for _, a := range inState {
		if strings.HasPrefix(a, "saas_qacomplete_user.") || strings.HasPrefix(a, "saas_questionpro_user.") {
			stateCreated++
		}
	}
	if n := created(); n != stateCreated {
		t.Fatalf("after the interruption the vendors hold %d created users and state %d: %v", n, stateCreated, inState)
	}
	all := fleetAddresses(interruptFleet)
	if len(inState) == 0 || len(inState) >= len(all) {
		t.Fatalf("the interruption left %d of %d resources in state; want some but not all", len(inState), len(all))
	}

	// The next plan proposes exactly the remaining creates.
	changes, code := c.plannedChanges()
	var want []string
	for _, a := range all {
		if !slices.Contains(inState, a) {
			want = append(want, "create "+a)
		}
	}
	if code != 2 || !slices.Equal(changes, want) {
		t.Fatalf("after the interruption the plan (exit %d) proposes:\n  %s\nwant only the %d remaining creates:\n  %s",
			code, strings.Join(changes, "\n  "), len(want), strings.Join(want, "\n  "))
	}
	t.Logf("interrupted with %d of %d resources done; the plan creates the other %d", len(inState), len(all), len(want))

	// The next apply finishes the work; the plan after it is empty.
	c.mustRun(0, "apply", "-input=false", "-no-color", "-auto-approve", "tfplan")
	if changes, code := c.plannedChanges(); code != 0 || len(changes) != 0 {
		t.Fatalf("after the second apply the plan (exit %d) still proposes %v", code, changes)
	}
	if err := checkFleet(sb, interruptFleet, "Adopted"); err != nil {
		t.Fatal(err)
	}
}
