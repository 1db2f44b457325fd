package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// workspace is one working directory for Terraform or OpenTofu with its own CLI config that
// installs the provider just built from a local filesystem mirror.
type workspace struct {
	dir string
	cli cli
	env []string
	log *os.File
}

func newWorkspace(bin string, c cli, dir string, env []string) (*workspace, error) {
	rc, err := installMirror(bin, dir)
	if err != nil {
		return nil, err
	}
	log, err := os.Create(filepath.Join(dir, "terraform.log"))
	if err != nil {
		return nil, err
	}
	env = append(append(os.Environ(), env...), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &workspace{dir: dir, cli: c, env: env, log: log}, nil
}

func (w *workspace) writeFile(name string, data []byte) error {
	return os.WriteFile(filepath.Join(w.dir, name), data, 0o644)
}

func (w *workspace) writeVars(users map[string]user) error {
	b, err := json.Marshal(map[string]any{"users": users})
	if err != nil {
		return err
	}
	return w.writeFile("terraform.tfvars.json", b)
}

// measurement is one CLI command's cost.
type measurement struct {
	Wall         time.Duration
	CLICPU       time.Duration // terraform's CPU time, its provider's included
	ProviderCPU  time.Duration // the provider process's CPU time (sampled)
	SandboxCPU   time.Duration // the sandbox's CPU time answering the calls
	Calls        map[string]int
	ProviderPeak int64 // bytes; 0 for the floor, which runs no provider
}

// run executes one CLI command and measures its wall time and the
// provider process's peak resident memory and CPU.
func (w *workspace) run(args ...string) (measurement, error) {
	cmd := exec.Command(w.cli.path, args...)
	cmd.Dir, cmd.Env = w.dir, w.env
	cmd.Stdout, cmd.Stderr = w.log, w.log
	_, _ = fmt.Fprintf(w.log, "\n$ %s %v\n", w.cli.name, args)
	start := time.Now()
	err := cmd.Start()
	if err != nil {
		return measurement{}, fmt.Errorf("starting %s: %w", w.cli.path, err)
	}
	watch := watchProviderMemory(cmd.Process.Pid)
	err = cmd.Wait()
	wall := time.Since(start)
	peak, providerCPU := watch.stop()
	if err != nil {
		return measurement{}, fmt.Errorf("%s %v failed: %w; the end of its output:\n%s", w.cli.name, args, err, tail(w.log.Name(), 40))
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return measurement{Wall: wall, CLICPU: cpu, ProviderCPU: providerCPU, ProviderPeak: peak}, nil
}

func writeMain(w *workspace, tf string) error { return w.writeFile("main.tf", []byte(tf)) }

func mustMkdirTemp() string {
	dir, err := os.MkdirTemp("", "saas-bench-")
	if err != nil {
		fail(err)
	}
	return dir
}

// tail returns the last n lines of a file, for error messages: the bench's
// scratch directory is removed when it exits.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
