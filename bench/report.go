package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// writeReport writes the Markdown report: the targets, then the table,
// every figure next to the floor measured in the same run and the ratio
// between them.
func writeReport(path string, cfg config, results []result, command string) error {
	var b strings.Builder
	b.WriteString("# Benchmarks")
	if cfg.label != "" {
		fmt.Fprintf(&b, ": %s", cfg.label)
	}
	b.WriteString("\n\n")
	versions := make([]string, len(cfg.clis))
	for i, c := range cfg.clis {
		versions[i] = c.version
	}
	fmt.Fprintf(&b, "Measured on %s on %s with `%s`, %s, `-parallelism=%d`. The targets, the table and the chart below all come from this one run. "+
		"The machine is shared, so treat single figures as noisy and compare each with the floor measured beside it.\n\n",
		time.Now().UTC().Format("2006-01-02"), machine(), command, strings.Join(versions, " and "), cfg.parallelism)
	writeTargets(&b, cfg, results)
	b.WriteString("## Figures\n\n")
	b.WriteString("Each provider figure is compared with the **floor**: the same number of `terraform_data` resources, which the CLI " +
		"plans and applies with no provider at all, measured in the same run with the same CLI (the floor runs no provider, so one floor serves every cap setting). Wall times are for the whole " +
		"CLI command. *Caps* is how `requests_per_second` was set in every vendor block: *lifted* sets it to " +
		fmt.Sprint(liftedRequestsPerSecond) + ", so the figures measure the provider rather than its pacing; *default* leaves it out, " +
		"so each vendor's default cap applies, as for users who do not set it. Every operation of a row runs at its caps. " +
		"API calls are counted by the sandbox; *per refreshed user* is a vendor's calls in the no-change plan divided by that " +
		"vendor's users, all of which the plan refreshes. Peak memory is the provider process's peak resident set " +
		"(VmHWM). CPU is user+system time: the CLI's includes the provider it runs; *provider CPU per resource* is the provider process's alone, divided by the resources. " +
		"With latency and lifted caps, *ideal* is calls x latency / parallelism: the time the calls alone would take if the CLI " +
		"kept every slot busy (at default caps the caps pace the calls, so no ideal is given).\n\n")
	several := len(cfg.clis) > 1
	if several {
		b.WriteString("| CLI ")
	}
	b.WriteString("| caps | latency | users per vendor | resources | operation | provider | floor | ratio to floor |")
	for _, v := range cfg.vendors {
		fmt.Fprintf(&b, " %s calls | %s calls per refreshed user |", v.name, v.name)
	}
	b.WriteString(" calls per resource | ideal | ratio to ideal | provider peak | CPU: CLI + provider (provider) | provider CPU per resource | CPU: sandbox | CPU: floor |\n")
	if several {
		b.WriteString("|---")
	}
	b.WriteString("|---|---|---:|---:|---|---:|---:|---:|")
	for range cfg.vendors {
		b.WriteString("---:|---:|")
	}
	b.WriteString("---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		calls := 0
		for _, n := range r.Provider.Calls {
			calls += n
		}
		ideal, idealRatio := "-", "-"
		if r.Latency > 0 && calls > 0 && r.Caps == capsLifted {
			d := time.Duration(int64(calls) * int64(r.Latency) / int64(cfg.parallelism))
			ideal = seconds(d)
			idealRatio = fmt.Sprintf("%.2fx", r.Provider.Wall.Seconds()/d.Seconds())
		}
		if several {
			fmt.Fprintf(&b, "| %s ", r.CLI.version)
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %s | %s | %s | %.2fx |", r.Caps, r.Latency, r.N, r.Resources, r.Op,
			seconds(r.Provider.Wall), seconds(r.Floor.Wall), r.Provider.Wall.Seconds()/r.Floor.Wall.Seconds())
		for _, v := range cfg.vendors {
			perUser := "-"
			if r.Op == opPlan {
				perUser = fmt.Sprintf("%.3f", callsPerUser(r, v.name))
			}
			fmt.Fprintf(&b, " %d | %s |", r.Provider.Calls[v.name], perUser)
		}
		fmt.Fprintf(&b, " %.2f | %s | %s | %.0f MiB | %s (%s) | %s | %s | %s |\n", float64(calls)/float64(r.Resources), ideal, idealRatio,
			float64(r.Provider.ProviderPeak)/(1<<20), seconds(r.Provider.CLICPU), seconds(r.Provider.ProviderCPU),
			perResource(r.Provider.ProviderCPU, r.Resources), seconds(r.Provider.SandboxCPU), seconds(r.Floor.CLICPU))
	}
	b.WriteString("\n![No-change plan time against the number of users, provider and floor](plan-time.png)\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// callsPerUser is a vendor's calls in r divided by its users.
func callsPerUser(r result, vendor string) float64 {
	return float64(r.Provider.Calls[vendor]) / float64(r.N)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

// perResource is d shared among n resources, in milliseconds: the figure
// to compare between runs of different sizes.
func perResource(d time.Duration, n int) string {
	if n <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f ms", float64(d)/1e6/float64(n))
}

// machine describes the CPU, core count and memory the figures come from.
func machine() string {
	model, mem := "unknown CPU", ""
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if v, ok := strings.CutPrefix(s.Text(), "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
		_ = f.Close()
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kb); err == nil {
			mem = fmt.Sprintf(", %.0f GiB", float64(kb)/(1<<20))
		}
	}
	return fmt.Sprintf("%s (%d cores%s, %s/%s)", model, runtime.NumCPU(), mem, runtime.GOOS, runtime.GOARCH)
}
