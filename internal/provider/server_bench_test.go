package provider_test

import (
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/provider"
)

// benchUsers is how many users each resource type's benchmark cycles
// through: enough that QuickHelp's list snapshot and the clients' caches
// behave as in a large configuration.
const benchUsers = 200

// BenchmarkNoChangePlan is the provider's share of `terraform plan` on a
// configuration that matches the world, per resource and for every
// resource type: the calls Terraform 1.5.7 makes for each managed resource
// (ValidateResourceConfig, UpgradeResourceState, ReadResource,
// PlanResourceChange), against a sandbox on loopback with the rate caps
// lifted. Each type runs, in the same run, on the server as it was before
// this work ("baseline": the framework's, with only the call contexts
// released, and Go's default collector pacing), with the fast paths alone
// ("fast-paths-only": the no-change plan and the same-version upgrade),
// and on the provider's server ("provider": the fast paths and the heap
// floor), and logs the ratio of the first and the last (with -v).
// cpu-ms/resource is the process's CPU time per resource (every thread:
// the collector's included, and the in-process sandbox's answers to the
// reads); ns/op is the wall time of one resource's calls.
func BenchmarkNoChangePlan(b *testing.B) {
	benchServers(b, func(p *protocolClient, nc noChange) {
		validate, err := p.server.ValidateResourceConfig(p.ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: p.typeName, Config: nc.config})
		p.must("validate", err, validate.Diagnostics)
		upgraded, err := p.server.UpgradeResourceState(p.ctx, &tfprotov6.UpgradeResourceStateRequest{
			TypeName: p.typeName, Version: p.schema.Version, RawState: &tfprotov6.RawState{JSON: nc.rawState},
		})
		p.must("upgrade", err, upgraded.Diagnostics)
		read, err := p.server.ReadResource(p.ctx, &tfprotov6.ReadResourceRequest{TypeName: p.typeName, CurrentState: upgraded.UpgradedState, Private: nc.private})
		p.must("read", err, read.Diagnostics)
		plan(p, nc)
	})
}

// BenchmarkNoChangePlanResourceChange is PlanResourceChange alone: the
// call the fast path answers, with no sandbox in the measurement.
func BenchmarkNoChangePlanResourceChange(b *testing.B) {
	benchServers(b, plan)
}

func plan(p *protocolClient, nc noChange) {
	resp, err := p.server.PlanResourceChange(p.ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: p.typeName, PriorState: nc.state, ProposedNewState: nc.proposed, Config: nc.config, PriorPrivate: nc.private,
	})
	p.must("plan", err, resp.Diagnostics)
	if len(resp.RequiresReplace) > 0 || resp.PlannedState == nil {
		p.t.Fatal("not a no-change plan")
	}
}

// benchServers runs op once per resource for every resource type the
// provider has, on the baseline server and on the provider's, and logs
// how the provider's CPU per resource compares.
func benchServers(b *testing.B, op func(p *protocolClient, nc noChange)) {
	for _, typeName := range resourceTypes(b) {
		b.Run(typeName, func(b *testing.B) {
			seed := benchSeeds[typeName]
			if seed == nil {
				b.Fatalf("%s has no entry in benchSeeds: add how to seed its users", typeName)
			}
			sb := acctest.StartSandbox(b)
			ids := make([]string, benchUsers)
			for i := range ids {
				ids[i] = seed(sb, i)
			}
			servers := []struct {
				name string
				new  func() tfprotov6.ProviderServer
				// heapFloor false measures with Go's default collector
				// pacing.
				heapFloor bool
			}{
				{"baseline", func() tfprotov6.ProviderServer { return provider.NewFrameworkServer("bench") }, false},
				{"fast-paths-only", provider.NewServer("bench"), false},
				{"provider", provider.NewServer("bench"), true},
			}
			cpuPerResource := map[string]time.Duration{}
			for _, s := range servers {
				p := newProtocolClientFor(b, sb, typeName, s.new())
				fixtures := make([]noChange, len(ids))
				for i, id := range ids {
					fixtures[i] = p.noChangeFixture(id)
				}
				b.Run(s.name, func(b *testing.B) {
					p.t = b
					if !s.heapFloor {
						defer provider.SetHeapFloor(0)()
					}
					runtime.GC()
					b.ReportAllocs()
					start := cpuTime(b)
					i := 0
					for b.Loop() {
						op(p, fixtures[i%len(fixtures)])
						i++
					}
					cpu := cpuTime(b) - start
					cpuPerResource[s.name] = cpu / time.Duration(b.N)
					b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/resource")
				})
			}
			if f, p := cpuPerResource["baseline"], cpuPerResource["provider"]; f > 0 && p > 0 {
				b.Logf("%s: %.3f ms CPU per resource on the baseline, %.3f ms on the provider's server: %.2fx less",
					typeName, float64(f)/1e6, float64(p)/1e6, float64(f)/float64(p))
			}
		})
	}
}

// resourceTypes is every resource type the provider serves.
func resourceTypes(tb testing.TB) []string {
	tb.Helper()
	resp, err := provider.NewServer("bench")().GetProviderSchema(tb.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || hasError(resp.Diagnostics) {
		tb.Fatalf("provider schema: %v %s", err, diagnosticsText(resp.Diagnostics))
	}
	var names []string
	for name := range resp.ResourceSchemas {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// cpuTime is the CPU time the process has used so far, user and system.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
