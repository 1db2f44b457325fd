package mirror_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/mirror"
)

// `make install` is all a user needs to run this build with their own
// Terraform or OpenTofu: in a home directory of its own, after the install,
// `init` in a new directory that requires saas-users/saas, with an empty
// CLI configuration and every registry out of reach, installs the provider
// from ~/.terraform.d/plugins, and a plan reads every vendor of the sandbox
// through it.
func TestAccMakeInstall_initOffline(t *testing.T) {
	cli := acctest.CLIFromEnv(t)
	home := t.TempDir()
	makeInstall(t, home)
	for _, host := range mirror.Hosts {
		if _, err := os.Stat(mirror.BinaryPath(filepath.Join(home, ".terraform.d", "plugins"), host, mirror.Platform())); err != nil {
			t.Fatalf("make install left no provider for %s: %v", host, err)
		}
	}

	sb := acctest.StartSandbox(t)
	work := t.TempDir()
	config := `
terraform {
  required_providers {
    saas = { source = "saas-users/saas" }
  }
}
` + sb.AllVendorsProvider(4, "10s") + fmt.Sprintf(`
data "saas_qacomplete_users" "all" {
  dept_id = %d
}
data "saas_questionpro_users" "all" {}
data "saas_quickhelp_users" "all" {}
data "saas_twosms_admin_users" "all" {}

output "users" {
  value = {
    qacomplete  = length(data.saas_qacomplete_users.all.users)
    questionpro = length(data.saas_questionpro_users.all.users)
    quickhelp   = length(data.saas_quickhelp_users.all.users)
    twosms      = length(data.saas_twosms_admin_users.all.users)
  }
}
`, acctest.QACompleteDeptID)
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	emptyConfig := filepath.Join(t.TempDir(), "empty.tfrc")
	if err := os.WriteFile(emptyConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	registries := &proxyLog{}
	proxy := httptest.NewServer(registries)
	t.Cleanup(proxy.Close)

	// Only what a user's shell would hold, with HOME the one make install
	// wrote to. Every request for a host that is not a loopback address
	// goes to the proxy, which refuses it: a CLI that asked a registry fails
	// init. The provider's own calls to the sandbox on 127.0.0.1 are never
	// proxied.
	env := []string{
		"HOME=" + home,
		"PATH=" + os.Getenv("PATH"),
		"TF_CLI_CONFIG_FILE=" + emptyConfig,
		"HTTPS_PROXY=" + proxy.URL,
		"HTTP_PROXY=" + proxy.URL,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
	}
	run := func(args ...string) string {
		t.Helper()
		out, err := runIn(t, work, env, cli, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", filepath.Base(cli), strings.Join(args, " "), err, out)
		}
		return out
	}

	out := run("init", "-input=false", "-no-color")
	if want := "Installed saas-users/saas v" + mirror.Version; !strings.Contains(out, want) {
		t.Errorf("init does not say %q:\n%s", want, out)
	}
	if asked := registries.hosts(); len(asked) > 0 {
		t.Errorf("init asked %v through the network", asked)
	}
	run("validate", "-no-color")
	run("plan", "-input=false", "-no-color", "-out=tfplan")

	var plan struct {
		PlannedValues struct {
			Outputs map[string]struct {
				Value map[string]int `json:"value"`
			} `json:"outputs"`
		} `json:"planned_values"`
	}
	if err := json.Unmarshal([]byte(run("show", "-json", "tfplan")), &plan); err != nil {
		t.Fatalf("reading the plan: %v", err)
	}
	counts := plan.PlannedValues.Outputs["users"].Value
	for _, vendor := range sb.Vendors() {
		if _, ok := counts[vendor]; !ok {
			t.Errorf("the plan has no %s list (counts %v)", vendor, counts)
		}
		if len(sb.Requests(vendor)) == 0 {
			t.Errorf("the sandbox's %s got no request from the installed provider", vendor)
		}
	}
	if asked := registries.hosts(); len(asked) > 0 {
		t.Errorf("the CLI or the provider asked %v through the network", asked)
	}
}

// makeInstall runs `make install` with HOME set to home, and the binaries
// make builds in a directory of the test's, so the checkout is left as it
// was. Go's caches are the caller's: under a new HOME they would be empty,
// and the build would start from nothing.
func makeInstall(t *testing.T, home string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	goEnv, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOENV").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	dirs := strings.Split(strings.TrimSpace(string(goEnv)), "\n")
	if len(dirs) != 4 {
		t.Fatalf("go env printed %q, want four lines", goEnv)
	}
	// A make that runs these tests passes its own flags down; this make is
	// not its child.
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "MAKEFLAGS=") || strings.HasPrefix(kv, "MFLAGS=") || strings.HasPrefix(kv, "MAKELEVEL=")
	})
	env = append(env,
		"HOME="+home,
		"GOCACHE="+dirs[0], "GOMODCACHE="+dirs[1], "GOPATH="+dirs[2], "GOENV="+dirs[3],
	)
	if out, err := runIn(t, root, env, "make", "install", "BIN="+t.TempDir()); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// proxyLog is an HTTP proxy that forwards nothing: it records the host of
// every request it gets and refuses it.
type proxyLog struct {
	mu    sync.Mutex
	asked []string
}

func (p *proxyLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.asked = append(p.asked, r.Host)
	p.mu.Unlock()
	http.Error(w, "this test runs offline", http.StatusForbidden)
}

func (p *proxyLog) hosts() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.asked)
}
