package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// installMirror installs the provider in bin into a filesystem mirror in dir
// with the repository's installer, which also writes the CLI configuration
// that installs the provider from there, and returns that configuration's
// path as the installer reports it.
func installMirror(bin, dir string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	cmd := exec.Command(filepath.Join(root, "scripts", "install-mirror.sh"),
		"-provider", filepath.Join(bin, "terraform-provider-saas"),
		"-dir", filepath.Join(dir, "mirror"),
		"-cli-config", filepath.Join(dir, "terraformrc"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("installing the provider: %w\n%s", err, stderr.String())
	}
	lines := bufio.NewScanner(bytes.NewReader(out))
	for lines.Scan() {
		if rc, ok := strings.CutPrefix(lines.Text(), "cli_config="); ok {
			return rc, nil
		}
	}
	return "", fmt.Errorf("the installer reported no CLI configuration:\n%s", out)
}

// repoRoot is the provider's repository: the parent of this module's
// directory, found through the go command so the bench runs from anywhere
// inside the module.
var repoRoot = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the bench module: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if filepath.Base(gomod) != "go.mod" {
		return "", errors.New("run the bench from its module directory, bench/ in the provider's repository")
	}
	return filepath.Dir(filepath.Dir(gomod)), nil
})
