package faulttest_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// fleetSize is the number of users per vendor of the fault-tolerance apply:
// 200 resources in all.
const fleetSize = 50

// badDay is the weather of a bad day at every vendor at once, about one call
// in eight disturbed: 10% answered 500, 502 or 503 (a 500 or 502 to a create
// leaves the provider unsure whether the user was made), connections dropped
// without an answer, and latency spikes well inside the request timeout.
// Only the first fault that matches applies to a request, so the shares add
// up.
func badDay() []sandbox.Fault {
	return []sandbox.Fault{
		{Status: 500, Probability: 0.035},
		{Status: 502, Probability: 0.03},
		{Status: 503, Probability: 0.035},
		{Drop: true, Probability: 0.02},
		{Latency: 2 * time.Second, Probability: 0.015},
	}
}

// rateLimitBursts arms a burst of 429s with Retry-After: 1 on every vendor,
// then re-arms it every period, bursts times in all (or until ctx ends):
// the next few calls to each vendor are turned away together, as when a
// tenant's limit runs out, and the limit recovers before the next burst.
// The bursts are finite on purpose: a caller whose backoff has grown (after
// a few 5xx) to about the period would otherwise meet a fresh burst on
// every attempt on a slow machine, a limit that never recovers, which no
// retry policy can outlast.
func rateLimitBursts(ctx context.Context, sb *acctest.Sandbox, period time.Duration, bursts int) {
	arm := func() {
		for _, v := range sb.Vendors() {
			sb.SetFaults(v, sandbox.Fault{Status: 429, RetryAfter: 1, Times: 3})
		}
	}
	arm()
	go func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for range bursts - 1 {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				arm()
			}
		}
	}()
}

// faultTally counts what the sandbox injected, by kind, per vendor.
type faultTally map[string]map[string]int

func tallyFaults(sb *acctest.Sandbox) (faultTally, int) {
	out := faultTally{}
	total := 0
	for _, r := range sb.Requests("") {
		total++
		if r.Fault == "" {
			continue
		}
		if out[r.Vendor] == nil {
			out[r.Vendor] = map[string]int{}
		}
		for _, part := range strings.Split(r.Fault, " + ") {
			kind := part
			switch {
			case strings.HasPrefix(part, "latency"):
				kind = "latency"
			case strings.HasPrefix(part, "status 429"):
				kind = "status 429"
			}
			out[r.Vendor][kind]++
		}
		if (r.Method == "POST" && r.Route != "POST /Token" && r.Route != "POST /User/Update") && (r.Status >= 500 || r.Status == 0) {
			out[r.Vendor]["ambiguous create"]++
		}
	}
	return out, total
}

func (ft faultTally) String() string {
	vendors := make([]string, 0, len(ft))
	for v := range ft {
		vendors = append(vendors, v)
	}
	sort.Strings(vendors)
	var b strings.Builder
	for _, v := range vendors {
		kinds := make([]string, 0, len(ft[v]))
		for k, n := range ft[v] {
			kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(&b, "%s: %s; ", v, strings.Join(kinds, " "))
	}
	return b.String()
}

// 200 users across the four vendors are applied while every vendor has a
// bad day: 5xx, 429 bursts, latency spikes and dropped connections. The
// apply succeeds, the sandbox ends with exactly the configured users (no
// duplicate from a create repeated after an ambiguous failure), the next
// plan is empty, and the destroy works through the same weather.
func TestAccFaults_applySurvivesFaultsAcrossVendors(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedFleet(sb, fleetSize)
	sb.SetFaultSeed(20240611)
	sb.SetFaults("", badDay()...)
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	rateLimitBursts(ctx, sb, 8*time.Second, 4)

	// No count cap, as users run it: the retry budget rides out the 429
	// bursts (8 s each) and the 5xx weather, which a count of retries
	// cannot promise once every call, token requests included, meets
	// them; a 5s attempt timeout is well above the 2s spikes.
	cfg := sb.AllVendorsProvider(-1, "5s") + fleetResources(fleetSize, "Adopted")
	var start time.Time
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { start = time.Now() },
				Config:    cfg,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("saas_qacomplete_user.u.49", "email", qacEmail(49)),
					resource.TestCheckResourceAttr("saas_questionpro_user.u.0", "email_address", qpEmail(0)),
					func(*terraform.State) error { return checkFleet(sb, fleetSize, "Adopted") },
					func(*terraform.State) error {
						// The weather must really have hit every vendor, or
						// the test proves nothing.
						tally, total := tallyFaults(sb)
						t.Logf("after the apply: %d requests; faults %s", total, tally)
						for _, v := range sb.Vendors() {
							// At least one: which calls a seeded fault lands on
							// depends on the order concurrent calls arrive in,
							// and QuickHelp, which reads through one shared list
							// walk, makes few calls.
							if n := tally[v]["status 500"] + tally[v]["status 502"] + tally[v]["status 503"] + tally[v]["drop"]; n < 1 {
								return fmt.Errorf("only %d 5xx or dropped connections reached %s: %s", n, v, tally)
							}
							if tally[v]["status 429"] == 0 {
								return fmt.Errorf("no 429 burst reached %s: %s", v, tally)
							}
						}
						for _, kind := range []string{"status 500", "status 502", "status 503", "drop", "latency"} {
							n := 0
							for _, v := range sb.Vendors() {
								n += tally[v][kind]
							}
							if n == 0 {
								return fmt.Errorf("no %s was injected: %s", kind, tally)
							}
						}
						if tally["qacomplete"]["ambiguous create"]+tally["questionpro"]["ambiguous create"] == 0 {
							return fmt.Errorf("no create failed ambiguously: %s", tally)
						}
						return nil
					},
				),
			},
			{Config: cfg, PlanOnly: true},
		},
	})
	tally, total := tallyFaults(sb)
	t.Logf("whole test (apply, plan, destroy): %s, %d requests; faults %s", time.Since(start).Round(time.Second), total, tally)
}
