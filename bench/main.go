// Command bench measures the provider with the real Terraform CLI against
// the sandbox, and the floor: the same number of terraform_data resources,
// which Terraform runs with no provider at all. Every figure is reported as a
// ratio to the floor measured in the same run, as a Markdown table and a PNG
// chart. It drives only the built binaries (provider, saas-sandbox,
// terraform), so it measures what users run.
//
//	go run . -bin ../bin -out ../docs/benchmarks
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "../bin", "directory holding terraform, terraform-provider-saas and saas-sandbox")
	out := flag.String("out", "../docs/benchmarks", "directory for benchmarks.md and plan-time.png")
	sizes := flag.String("sizes", "100,1000", "comma-separated numbers of users per run")
	latencies := flag.String("latencies", "0s,50ms", "comma-separated sandbox latencies added to every call")
	parallelism := flag.Int("parallelism", 10, "terraform -parallelism")
	command := flag.String("command", "go run ./bench", "how the run was started, for the report")
	only := flag.String("vendors", "qacomplete,questionpro,quickhelp,twosms", "comma-separated vendors whose resources the configuration holds")
	flag.Parse()

	cfg := config{parallelism: *parallelism}
	var err error
	if cfg.bin, err = filepath.Abs(*bin); err != nil {
		fail(err)
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

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
