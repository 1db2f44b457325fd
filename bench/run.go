package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

type config struct {
	bin         string
	sizes       []int
	latencies   []time.Duration
	parallelism int
	vendors     []vendor
}

// Operations measured for each size.
const (
	opApply  = "apply from empty"
	opPlan   = "no-change plan"
	opChange = "apply 10% change"
)

var operations = []string{opApply, opPlan, opChange}

// result is one operation at one size and latency, for the provider and
// for the floor. N is the number of users per vendor; the configuration
// holds N resources for each selected vendor.
type result struct {
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
	for _, lat := range cfg.latencies {
		for _, n := range cfg.sizes {
			total := n * len(cfg.vendors)
			fmt.Printf("%d users per vendor (%d resources), %s latency\n", n, total, lat)
			provider, err := measureProvider(cfg, sb, n, lat, filepath.Join(root, fmt.Sprintf("provider-%d-%s", n, lat)))
			if err != nil {
				return nil, err
			}
			floor, err := measureFloor(cfg, n, filepath.Join(root, fmt.Sprintf("floor-%d-%s", n, lat)))
			if err != nil {
				return nil, err
			}
			for _, op := range operations {
				results = append(results, result{Latency: lat, N: n, Resources: total, Op: op, Provider: provider[op], Floor: floor[op]})
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

func measureProvider(cfg config, sb *sandbox, n int, lat time.Duration, dir string) (map[string]measurement, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := sb.reset(seedFor(cfg.vendors, n)); err != nil {
		return nil, err
	}
	if err := sb.setLatency(lat); err != nil {
		return nil, err
	}
	w, err := newWorkspace(cfg.bin, dir, envFor(cfg.vendors, sb.url))
	if err != nil {
		return nil, err
	}
	defer func() { _ = w.log.Close() }()
	if err := writeMain(w, providerTF(cfg.vendors)); err != nil {
		return nil, err
	}
	return steps(cfg, w, n, sb.callsAndReset, sb.cpu)
}

func measureFloor(cfg config, n int, dir string) (map[string]measurement, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	w, err := newWorkspace(cfg.bin, dir, nil)
	if err != nil {
		return nil, err
	}
	defer func() { _ = w.log.Close() }()
	if err := writeMain(w, floorTF(cfg.vendors)); err != nil {
		return nil, err
	}
	return steps(cfg, w, n, nil, nil)
}
