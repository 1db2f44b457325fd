package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

type config struct {
	bin         string
	clis        []cli
	caps        []string
	sizes       []int
	latencies   []time.Duration
	parallelism int
	vendors     []vendor
	label       string
	// cpuBaseline is the provider CPU per resource the CPU target halves;
	// cpuBaselineSource says where it comes from.
	cpuBaseline       time.Duration
	cpuBaselineSource string
}

// Operations measured for each size.
const (
	opApply  = "apply from empty"
	opPlan   = "no-change plan"
	opChange = "apply 10% change"
)

var operations = []string{opApply, opPlan, opChange}

// result is one operation at one size, latency and cap setting with one
// CLI, for the provider and for the floor. N is the number of users per
// vendor; the configuration holds N resources for each selected vendor.
type result struct {
	CLI       cli
	Caps      string
	Latency   time.Duration
	N         int
	Resources int
	Op        string
	Provider  measurement
	Floor     measurement
}

func run(cfg config) ([]result, error) {
	root := mustMkdirTemp()
	defer func() { _ = os.RemoveAll(root) }()
	sb, err := startSandbox(cfg.bin, root)
	if err != nil {
		return nil, err
	}
	defer sb.stop()

	var results []result
	for _, c := range cfg.clis {
		for _, lat := range cfg.latencies {
			for _, n := range cfg.sizes {
				total := n * len(cfg.vendors)
				// The floor runs no provider, so the cap setting does not
				// touch it: one floor serves every cap setting.
				fmt.Printf("%s: floor, %d resources\n", c.version, total)
				floor, err := measureFloor(cfg, c, n, filepath.Join(root, fmt.Sprintf("%s-floor-%d-%s", c.name, n, lat)))
				if err != nil {
					return nil, err
				}
				for _, caps := range cfg.caps {
					fmt.Printf("%s: %d users per vendor (%d resources), %s latency, %s caps\n", c.version, n, total, lat, caps)
					dir := filepath.Join(root, fmt.Sprintf("%s-provider-%d-%s-%s", c.name, n, lat, caps))
					provider, err := measureProvider(cfg, c, sb, n, lat, caps, dir)
					if err != nil {
						return nil, err
					}
					for _, op := range operations {
						results = append(results, result{CLI: c, Caps: caps, Latency: lat, N: n, Resources: total, Op: op, Provider: provider[op], Floor: floor[op]})
					}
				}
			}
		}
	}
	return results, nil
}

// steps runs apply from empty, a no-change plan and a 10% change, and
// measures each; calls() reads and resets the API call counters (nil for
// the floor).
func steps(cfg config, w *workspace, n int, calls func() (map[string]int, error), sandboxCPU func() time.Duration) (map[string]measurement, error) {
	out := map[string]measurement{}
	par := fmt.Sprintf("-parallelism=%d", cfg.parallelism)
	if _, err := w.run("init", "-input=false", "-no-color"); err != nil {
		return nil, err
	}
	if calls != nil {
		if _, err := calls(); err != nil {
			return nil, err
		}
	}
	record := func(op string, args ...string) error {
		var before time.Duration
		if sandboxCPU != nil {
			before = sandboxCPU()
		}
		m, err := w.run(args...)
		if sandboxCPU != nil {
			m.SandboxCPU = sandboxCPU() - before
		}
		if err != nil {
			return err
		}
		if calls != nil {
			if m.Calls, err = calls(); err != nil {
				return err
			}
		}
		out[op] = m
		return nil
	}
	if err := w.writeVars(generateUsers(n, 0)); err != nil {
		return nil, err
	}
	if err := record(opApply, "apply", "-input=false", "-no-color", "-auto-approve", par); err != nil {
		return nil, err
	}
	// -detailed-exitcode makes a non-empty plan fail the run: the no-change
	// plan must really be empty.
	if err := record(opPlan, "plan", "-input=false", "-no-color", "-detailed-exitcode", par); err != nil {
		return nil, err
	}
	if err := w.writeVars(generateUsers(n, n/10)); err != nil {
		return nil, err
	}
	if err := record(opChange, "apply", "-input=false", "-no-color", "-auto-approve", par); err != nil {
		return nil, err
	}
	return out, nil
}

func measureProvider(cfg config, c cli, sb *sandbox, n int, lat time.Duration, caps, dir string) (map[string]measurement, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := sb.reset(seedFor(cfg.vendors, n)); err != nil {
		return nil, err
	}
	if err := sb.setLatency(lat); err != nil {
		return nil, err
	}
	w, err := newWorkspace(cfg.bin, c, dir, envFor(cfg.vendors, sb.url))
	if err != nil {
		return nil, err
	}
	defer func() { _ = w.log.Close() }()
	if err := writeMain(w, providerTF(cfg.vendors, caps)); err != nil {
		return nil, err
	}
	return steps(cfg, w, n, sb.callsAndReset, sb.cpu)
}

func measureFloor(cfg config, c cli, n int, dir string) (map[string]measurement, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	w, err := newWorkspace(cfg.bin, c, dir, nil)
	if err != nil {
		return nil, err
	}
	defer func() { _ = w.log.Close() }()
	if err := writeMain(w, floorTF(cfg.vendors)); err != nil {
		return nil, err
	}
	return steps(cfg, w, n, nil, nil)
}
