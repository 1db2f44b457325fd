// Command bench measures the provider with the real Terraform CLI against
// the sandbox, and the floor: the same number of terraform_data resources,
// which Terraform runs with no provider at all. Every figure is reported as a
// ratio to the floor measured in the same run, as a Markdown table and a PNG
// chart, under the targets and whether the run meets them. It
// drives only the built binaries (provider, saas-sandbox, terraform or
// tofu), so it measures what users run.
//
//	go run . -bin ../bin -out ../docs/benchmarks
//	go run . -bin ../bin -out /tmp/tofu -cli tofu -sizes 1000 -label "OpenTofu at 4,000 resources"
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "../bin", "directory holding terraform (or tofu), terraform-provider-saas and saas-sandbox")
	cliNames := flag.String("cli", "terraform", "comma-separated CLIs to run the configurations with: "+strings.Join(clis, ", "))
	caps := flag.String("caps", strings.Join(capSettings, ","), "comma-separated requests_per_second settings: lifted (set far above any run) or default (left out, so each vendor's default applies)")
	label := flag.String("label", "", "words for the report's title, naming what this run is for")
	cpuBaseline := flag.Duration("cpu-baseline", defaultCPUBaseline, "provider CPU per resource in the no-change plan that the CPU target halves; 0 shows the figures without a verdict")
	out := flag.String("out", "../docs/benchmarks", "directory for benchmarks.md and plan-time.png")
	sizes := flag.String("sizes", "100,1000", "comma-separated numbers of users per run")
	latencies := flag.String("latencies", "0s,50ms", "comma-separated sandbox latencies added to every call")
	parallelism := flag.Int("parallelism", 10, "terraform -parallelism")
	command := flag.String("command", "go run ./bench", "how the run was started, for the report")
	only := flag.String("vendors", "qacomplete,questionpro,quickhelp,twosms", "comma-separated vendors whose resources the configuration holds")
	flag.Parse()

	cfg := config{parallelism: *parallelism, label: *label, cpuBaseline: *cpuBaseline, cpuBaselineSource: "given with -cpu-baseline"}
	if *cpuBaseline == defaultCPUBaseline {
		cfg.cpuBaselineSource = defaultCPUBaselineSource
	}
	var err error
	if cfg.bin, err = filepath.Abs(*bin); err != nil {
		fail(err)
	}
	for _, name := range strings.Split(*cliNames, ",") {
		c, err := newCLI(cfg.bin, strings.TrimSpace(name))
		if err != nil {
			fail(err)
		}
		cfg.clis = append(cfg.clis, c)
	}
	for _, s := range strings.Split(*caps, ",") {
		s = strings.TrimSpace(s)
		if !slices.Contains(capSettings, s) {
			fail(fmt.Errorf("bad caps %q: choose from %s", s, strings.Join(capSettings, ", ")))
		}
		cfg.caps = append(cfg.caps, s)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fail(fmt.Errorf("bad size %q", s))
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	for _, s := range strings.Split(*latencies, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil || d < 0 {
			fail(fmt.Errorf("bad latency %q", s))
		}
		cfg.latencies = append(cfg.latencies, d)
	}

	for _, name := range strings.Split(*only, ",") {
		found := false
		for _, v := range vendors {
			if v.name == strings.TrimSpace(name) {
				cfg.vendors, found = append(cfg.vendors, v), true
			}
		}
		if !found {
			fail(fmt.Errorf("unknown vendor %q", name))
		}
	}

	results, err := run(cfg)
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	if err := writeReport(filepath.Join(*out, "benchmarks.md"), cfg, results, *command); err != nil {
		fail(err)
	}
	if err := writeChart(filepath.Join(*out, "plan-time.png"), results); err != nil {
		fail(err)
	}
	fmt.Printf("wrote %s\n", *out)
}

// defaultCPUBaseline is the provider's CPU per resource in the no-change
// plan when the CPU target was set: the figure the target halves.
const (
	defaultCPUBaseline       = 8100 * time.Microsecond
	defaultCPUBaselineSource = "the published run of 2026-11-23: 32.40 s of provider CPU over 4,000 resources, Terraform v1.5.7, 0s latency, lifted caps"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
