package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// writeReport writes the Markdown table: every figure next to the floor
// measured in the same run, and the ratio between them.
func writeReport(path string, cfg config, results []result, command string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "Measured on %s on %s with `%s`, %s, `-parallelism=%d`. The machine is shared, so treat single figures as noisy and compare each with the floor measured beside it.\n\n",
		time.Now().UTC().Format("2006-01-02"), machine(), command, cliVersion(cfg.bin), cfg.parallelism)
	b.WriteString("Each provider figure is compared with the **floor**: the same number of `terraform_data` resources, which Terraform " +
		"plans and applies with no provider at all, measured in the same run with the same CLI. Wall times are for the whole " +
		"`terraform` command. API calls are counted by the sandbox. Peak memory is the provider process's peak resident set " +
		"(VmHWM). CPU is user+system time: terraform's includes the provider it runs; *provider CPU per resource* is the provider process's alone, divided by the resources. With latency, *ideal* is calls x latency / parallelism: the time the calls alone would take if Terraform " +
		"kept every slot busy.\n\n")
	b.WriteString("| latency | users per vendor | resources | operation | provider | floor | ratio to floor |")
	for _, v := range cfg.vendors {
		fmt.Fprintf(&b, " %s calls |", v.name)
	}
	b.WriteString(" calls per resource | ideal | ratio to ideal | provider peak | CPU: terraform + provider (provider) | provider CPU per resource | CPU: sandbox | CPU: floor |\n|---|---:|---:|---|---:|---:|---:|")
	for range cfg.vendors {
		b.WriteString("---:|")
	}
	b.WriteString("---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		calls := 0
		for _, n := range r.Provider.Calls {
			calls += n
		}
		ideal, idealRatio := "-", "-"
		if r.Latency > 0 && calls > 0 {
			d := time.Duration(int64(calls) * int64(r.Latency) / int64(cfg.parallelism))
			ideal = seconds(d)
			idealRatio = fmt.Sprintf("%.2fx", r.Provider.Wall.Seconds()/d.Seconds())
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %.2fx |", r.Latency, r.N, r.Resources, r.Op,
			seconds(r.Provider.Wall), seconds(r.Floor.Wall), r.Provider.Wall.Seconds()/r.Floor.Wall.Seconds())
		for _, v := range cfg.vendors {
			fmt.Fprintf(&b, " %d |", r.Provider.Calls[v.name])
		}
		fmt.Fprintf(&b, " %.2f | %s | %s | %.0f MiB | %s (%s) | %s | %s | %s |\n", float64(calls)/float64(r.Resources), ideal, idealRatio,
			float64(r.Provider.ProviderPeak)/(1<<20), seconds(r.Provider.CLICPU), seconds(r.Provider.ProviderCPU),
			perResource(r.Provider.ProviderCPU, r.Resources), seconds(r.Provider.SandboxCPU), seconds(r.Floor.CLICPU))
	}
	b.WriteString("\n![No-change plan time against the number of users, provider and floor](plan-time.png)\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
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

func cliVersion(bin string) string {
	out, err := exec.Command(bin+"/terraform", "version").Output()
	if err != nil {
		return "Terraform (version unknown)"
	}
	return strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0]
}
