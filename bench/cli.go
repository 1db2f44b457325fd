package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// cli is the command-line program that runs the configurations: Terraform
// or OpenTofu, both found in the bench's -bin directory.
type cli struct {
	name    string // the executable's name in -bin: terraform or tofu
	path    string
	version string // its first `version` line, e.g. "Terraform v1.5.7"
}

// clis are the programs -cli can name. Both read the CLI configuration
// from TF_CLI_CONFIG_FILE, and the filesystem mirror holds the provider
// under both registry hosts, so one installation serves either.
var clis = []string{"terraform", "tofu"}

func newCLI(bin, name string) (cli, error) {
	known := false
	for _, c := range clis {
		known = known || c == name
	}
	if !known {
		return cli{}, fmt.Errorf("unknown CLI %q: choose from %s", name, strings.Join(clis, ", "))
	}
	c := cli{name: name, path: filepath.Join(bin, name)}
	out, err := exec.Command(c.path, "version").Output()
	if err != nil {
		return cli{}, fmt.Errorf("running %s version (build it with `make tools`): %w", c.path, err)
	}
	if c.version = versionLine(string(out)); c.version == "" {
		return cli{}, fmt.Errorf("%s version printed no version line:\n%s", c.path, out)
	}
	return c, nil
}

// versionLine is the line of `version` output that names the program and
// its version; "" when there is none. OpenTofu prints warnings about the
// CLI configuration on stdout before it, so it need not be the first.
func versionLine(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Terraform v") || strings.HasPrefix(line, "OpenTofu v") {
			return strings.TrimSpace(line)
		}
	}
	return ""
}
