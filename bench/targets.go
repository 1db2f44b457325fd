package main

import (
	"fmt"
	"strings"
	"time"
)

// The targets, checked against the rows of the run that writes
// the report.
const (
	// targetUsers is the size, in users per vendor, the targets are set at.
	targetUsers = 1000
	// targetCallsPerUser is the most calls a vendor may make per user a
	// no-change plan refreshes.
	targetCallsPerUser = 0.02
	// targetFloorRatio is the most a no-change plan at default caps may
	// take, as a multiple of the floor's.
	targetFloorRatio = 3.0
)

// writeTargets writes the targets section: each target, what this run
// measured for it and whether that meets it. A target the run did not
// measure (too small a size, no default caps) says so rather than pass.
func writeTargets(b *strings.Builder, cfg config, results []result) {
	largest := 0
	for _, n := range cfg.sizes {
		largest = max(largest, n)
	}
	var plans []result
	for _, r := range results {
		if r.Op == opPlan && r.N == largest {
			plans = append(plans, r)
		}
	}
	small := largest < targetUsers
	b.WriteString("## Targets\n\n")
	fmt.Fprintf(b, "Checked on the no-change plans at this run's largest size, %s users per vendor (%s resources)", count(largest), count(largest*len(cfg.vendors)))
	if small {
		fmt.Fprintf(b, "; the targets are set at %s users per vendor, so none can be met by this run", count(targetUsers))
	}
	b.WriteString(". Where several rows qualify, the worst decides.\n\n")
	b.WriteString("| target | this run | verdict |\n|---|---|---|\n")

	// Calls per refreshed user: the worst row for each vendor.
	var seen []string
	met := len(plans) > 0
	for _, v := range cfg.vendors {
		worst := -1.0
		for _, r := range plans {
			worst = max(worst, callsPerUser(r, v.name))
		}
		if worst < 0 {
			continue
		}
		met = met && worst <= targetCallsPerUser
		seen = append(seen, fmt.Sprintf("%s %.3f", v.name, worst))
	}
	fmt.Fprintf(b, "| calls per refreshed user at most %.2f for every vendor at %s users | %s | %s |\n",
		targetCallsPerUser, count(targetUsers), orNone(seen), verdict(met, small, len(plans) > 0))

	// No-change plan at default caps against the floor.
	seen, met = nil, true
	measured := false
	for _, r := range plans {
		if r.Caps != capsDefault {
			continue
		}
		ratio := r.Provider.Wall.Seconds() / r.Floor.Wall.Seconds()
		measured = true
		met = met && ratio <= targetFloorRatio
		seen = append(seen, fmt.Sprintf("%s%s latency: %.2fx (%s against %s)", cliPrefix(cfg, r), r.Latency, ratio, seconds(r.Provider.Wall), seconds(r.Floor.Wall)))
	}
	fmt.Fprintf(b, "| no-change plan of %s users per vendor at default caps within %.0fx the floor | %s | %s |\n",
		count(targetUsers), targetFloorRatio, orNone(seen), verdict(met, small, measured))

	// Provider CPU per resource against the baseline.
	seen, met = nil, len(plans) > 0
	for _, r := range plans {
		per := r.Provider.ProviderCPU / time.Duration(r.Resources)
		met = met && cfg.cpuBaseline > 0 && per <= cfg.cpuBaseline/2
		seen = append(seen, fmt.Sprintf("%s%s caps, %s latency: %s", cliPrefix(cfg, r), r.Caps, r.Latency, perResource(r.Provider.ProviderCPU, r.Resources)))
	}
	target := "provider CPU per resource in the no-change plan at most half of the baseline"
	if cfg.cpuBaseline > 0 {
		target = fmt.Sprintf("provider CPU per resource in the no-change plan at most half of %s (%s)", ms(cfg.cpuBaseline), cfg.cpuBaselineSource)
	}
	v := verdict(met, small, len(plans) > 0)
	if cfg.cpuBaseline <= 0 {
		v = "no baseline given (-cpu-baseline): figures shown only"
	}
	fmt.Fprintf(b, "| %s | %s | %s |\n\n", target, orNone(seen), v)
}

func verdict(met, small, measured bool) string {
	switch {
	case !measured:
		return "**not measured** in this run"
	case small:
		return fmt.Sprintf("**not measured** at %s users", count(targetUsers))
	case met:
		return "met"
	default:
		return "**not met**"
	}
}

func orNone(seen []string) string {
	if len(seen) == 0 {
		return "-"
	}
	return strings.Join(seen, "; ")
}

// cliPrefix names the row's CLI when the run used several.
func cliPrefix(cfg config, r result) string {
	if len(cfg.clis) < 2 {
		return ""
	}
	return r.CLI.version + ", "
}

// count writes n with thousands separators, as the targets do.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }
