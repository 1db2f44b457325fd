package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/mirror"
)

// ProviderVersion is the version the provider binary is installed under in
// the test's filesystem mirror.
const ProviderVersion = mirror.Version

// CLI runs the Terraform or OpenTofu CLI in one working directory with the
// provider installed from a filesystem mirror, as a user would.
type CLI struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

// NewCLI builds the provider, installs it in a filesystem mirror under the
// public registry addresses of both Terraform and OpenTofu (so `init` works
// offline), and writes a CLI configuration that installs it from there.
func NewCLI(t *testing.T, bin string, env map[string]string) *CLI {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	built := filepath.Join(tmp, "terraform-provider-saas")
	build := exec.Command("go", "build", "-o", built, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	installed, err := mirror.Install(built, filepath.Join(tmp, "mirror"))
	if err != nil {
		t.Fatal(err)
	}
	rc := filepath.Join(tmp, "cli.tfrc")
	if err := mirror.WriteCLIConfig(rc, installed.Dir); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "work")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c := &CLI{t: t, bin: bin, dir: dir}
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

func (c *CLI) Command(ctx context.Context, args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, c.bin, args...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// Run runs one CLI command to its end and returns its output and exit code.
func (c *CLI) Run(args ...string) (string, int) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd, out := c.Command(ctx, args...)
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

// MustRun runs a command that must exit with want.
func (c *CLI) MustRun(want int, args ...string) string {
	c.t.Helper()
	out, code := c.Run(args...)
	if code != want {
		c.t.Fatalf("%s %s exited %d, want %d:\n%s", filepath.Base(c.bin), strings.Join(args, " "), code, want, out)
	}
	return out
}

// PlannedChanges saves a plan and returns its resource changes as
// "action address" lines, sorted, and the plan's -detailed-exitcode.
func (c *CLI) PlannedChanges() ([]string, int) {
	c.t.Helper()
	out, code := c.Run("plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=tfplan")
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
	if err := json.Unmarshal([]byte(c.MustRun(0, "show", "-json", "tfplan")), &plan); err != nil {
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

// StateAddresses lists the resources in state.
func (c *CLI) StateAddresses() []string {
	c.t.Helper()
	out, code := c.Run("state", "list")
	if code != 0 {
		if strings.Contains(out, "No state file") {
			return nil
		}
		c.t.Fatalf("state list exited %d:\n%s", code, out)
	}
	return strings.Fields(out)
}

// CLIFromEnv returns the CLI named by TF_ACC_TERRAFORM_PATH, or skips the
// test when acceptance tests are off or the path is not an executable.
func CLIFromEnv(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || bin == "" {
		t.Skip("set TF_ACC and TF_ACC_TERRAFORM_PATH to run this test against a real CLI")
	}
	if fi, err := os.Stat(bin); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
		t.Skipf("TF_ACC_TERRAFORM_PATH %q is not an executable file", bin)
	}
	return bin
}

// Dir is the CLI's working directory.
func (c *CLI) Dir() string { return c.dir }

// WriteFile writes one file of the working directory.
func (c *CLI) WriteFile(name, text string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(text), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// CLIProviderConfig is the terraform and provider blocks of a real-CLI test
// against the sandbox: the provider at source, pinned to the mirrored
// version, every vendor's client-side cap lifted so tests are not paced, and
// credentials left to ProviderEnv.
func CLIProviderConfig(source string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    saas = {
      source  = %q
      version = %q
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
    organization_id     = %d
    requests_per_second = 1000
  }
  quickhelp {
    requests_per_second = 1000
  }
  twosms {
    requests_per_second = 1000
  }
}
`, source, ProviderVersion, QuestionProOrganizationID)
}
