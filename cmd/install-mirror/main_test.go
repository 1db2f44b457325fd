package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/mirror"
)

// The key=value lines are what scripts and the benchmarks read.
func TestRun_report(t *testing.T) {
	tmp := t.TempDir()
	provider := filepath.Join(tmp, "terraform-provider-saas")
	if err := os.WriteFile(provider, []byte("build"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, rc := filepath.Join(tmp, "mirror"), filepath.Join(tmp, "terraformrc")
	var out, errOut bytes.Buffer
	if err := run([]string{"-provider", provider, "-dir", dir, "-cli-config", rc}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	want := []string{"version=" + mirror.Version, "platform=" + mirror.Platform(), "mirror=" + dir}
	for _, host := range mirror.Hosts {
		want = append(want, "binary="+mirror.BinaryPath(dir, host, mirror.Platform()))
	}
	want = append(want, "cli_config="+rc)
	if got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("output:\n%s\nwant\n%s", out.String(), strings.Join(want, "\n"))
	}
	if b, err := os.ReadFile(rc); err != nil || string(b) != mirror.CLIConfig(dir) {
		t.Errorf("the CLI configuration holds %q (%v), want %q", b, err, mirror.CLIConfig(dir))
	}
}

// Without -cli-config, as for a CLI's implicit local mirror, no
// configuration is written or reported.
func TestRun_withoutCLIConfig(t *testing.T) {
	tmp := t.TempDir()
	provider := filepath.Join(tmp, "terraform-provider-saas")
	if err := os.WriteFile(provider, []byte("build"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-provider", provider, "-dir", filepath.Join(tmp, "plugins")}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "cli_config=") {
		t.Errorf("reported a CLI configuration it was not asked for:\n%s", out.String())
	}
	if entries, err := os.ReadDir(tmp); err != nil || len(entries) != 2 {
		t.Errorf("the directory holds %v (%v), want only the provider and the mirror", entries, err)
	}
}

func TestRun_usage(t *testing.T) {
	for _, args := range [][]string{nil, {"-provider", "p"}, {"-dir", "d"}, {"-provider", "p", "-dir", "d", "extra"}} {
		if err := run(args, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
