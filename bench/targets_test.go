package main

import (
	"strings"
	"testing"
	"time"
)

// planRow is a no-change plan of n users per vendor at the given caps,
// where every vendor made calls calls, the provider took wall against the
// floor's floorWall, and the provider used cpu in all.
func planRow(caps string, n, calls int, wall, floorWall, cpu time.Duration) result {
	m := map[string]int{}
	for _, v := range vendors {
		m[v.name] = calls
	}
	return result{
		CLI: cli{name: "terraform", version: "Terraform v1.5.7"}, Caps: caps, N: n, Resources: n * len(vendors), Op: opPlan,
		Provider: measurement{Wall: wall, Calls: m, ProviderCPU: cpu},
		Floor:    measurement{Wall: floorWall},
	}
}

func targets(sizes []int, results ...result) string {
	cfg := config{sizes: sizes, vendors: vendors, clis: []cli{{name: "terraform", version: "Terraform v1.5.7"}},
		cpuBaseline: 8 * time.Millisecond, cpuBaselineSource: "a test"}
	var b strings.Builder
	writeTargets(&b, cfg, results)
	return b.String()
}

// line is the targets table's row that starts with prefix.
func line(t *testing.T, report, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(report, "\n") {
		if strings.HasPrefix(l, "| "+prefix) {
			return l
		}
	}
	t.Fatalf("no row starting %q in:\n%s", prefix, report)
	return ""
}

// Today's figures, one call per user and a plan far over the floor, are
// reported as not met; figures inside every target as met.
func TestTargetsVerdicts(t *testing.T) {
	sizes := []int{100, 1000}
	today := targets(sizes,
		planRow(capsLifted, 1000, 1000, 50*time.Second, 25*time.Second, 32*time.Second),
		planRow(capsDefault, 1000, 1000, 400*time.Second, 25*time.Second, 33*time.Second),
		// A smaller size that would pass must not decide.
		planRow(capsDefault, 100, 1, time.Second, time.Second, 0))
	for _, prefix := range []string{"calls per refreshed user", "no-change plan", "provider CPU"} {
		if l := line(t, today, prefix); !strings.HasSuffix(l, "| **not met** |") {
			t.Errorf("today's figures: want not met, got %s", l)
		}
	}
	if l := line(t, today, "calls per refreshed user"); !strings.Contains(l, "qacomplete 1.000") {
		t.Errorf("the calls per refreshed user are not shown: %s", l)
	}
	if l := line(t, today, "no-change plan"); !strings.Contains(l, "16.00x") {
		t.Errorf("the ratio to the floor is not shown: %s", l)
	}

	good := targets(sizes,
		planRow(capsLifted, 1000, 10, 30*time.Second, 25*time.Second, 12*time.Second),
		planRow(capsDefault, 1000, 20, 70*time.Second, 25*time.Second, 14*time.Second),
		// The targets are set at 1,000 users: a smaller size, where a
		// listing's fixed calls weigh more per user, must not decide.
		planRow(capsDefault, 100, 10, 9*time.Second, time.Second, 4*time.Second))
	for _, prefix := range []string{"calls per refreshed user", "no-change plan", "provider CPU"} {
		if l := line(t, good, prefix); !strings.HasSuffix(l, "| met |") {
			t.Errorf("figures inside the targets: want met, got %s", l)
		}
	}
}

// One vendor over the limit, or one row over 3x, is enough to miss.
func TestTargetsWorstRowDecides(t *testing.T) {
	over := planRow(capsLifted, 1000, 10, 30*time.Second, 25*time.Second, time.Second)
	over.Provider.Calls["twosms"] = 1001
	slow := planRow(capsDefault, 1000, 10, 80*time.Second, 25*time.Second, time.Second)
	report := targets([]int{1000}, over, slow, planRow(capsDefault, 1000, 10, 30*time.Second, 25*time.Second, time.Second))
	for _, prefix := range []string{"calls per refreshed user", "no-change plan"} {
		if l := line(t, report, prefix); !strings.HasSuffix(l, "| **not met** |") {
			t.Errorf("want not met, got %s", l)
		}
	}
}

// A run smaller than the targets' size, or without default caps, says it
// did not measure them rather than pass.
func TestTargetsNotMeasured(t *testing.T) {
	small := targets([]int{10}, planRow(capsLifted, 10, 0, time.Second, time.Second, 0), planRow(capsDefault, 10, 0, time.Second, time.Second, 0))
	for _, prefix := range []string{"calls per refreshed user", "no-change plan", "provider CPU"} {
		if l := line(t, small, prefix); !strings.HasSuffix(l, "| **not measured** at 1,000 users |") {
			t.Errorf("small run: got %s", l)
		}
	}
	lifted := targets([]int{1000}, planRow(capsLifted, 1000, 0, time.Second, time.Second, 0))
	if l := line(t, lifted, "no-change plan"); !strings.HasSuffix(l, "| **not measured** in this run |") {
		t.Errorf("no default caps: got %s", l)
	}
}
