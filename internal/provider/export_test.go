package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewFrameworkServer is NewServer without its fast paths: every call is the
// plugin framework's own. Benchmarks and the differential tests measure and
// check the fast paths against it.
func NewFrameworkServer(version string) tfprotov6.ProviderServer {
	return newServer(version, false)
}

// PlannedWithoutFramework is the no-change plan's own answer to req on a
// server from NewServer, nil when it leaves req to the framework.
func PlannedWithoutFramework(ctx context.Context, s tfprotov6.ProviderServer, req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	return fastPathsOf(s).planNoChange(ctx, req)
}

// UpgradedWithoutFramework is the same-version upgrade's own answer to req
// on a server from NewServer, nil when it leaves req to the framework.
func UpgradedWithoutFramework(ctx context.Context, s tfprotov6.ProviderServer, req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
	return fastPathsOf(s).upgradeSameVersion(ctx, req)
}

func fastPathsOf(s tfprotov6.ProviderServer) *fastPaths {
	released, ok := s.(*contextReleasingServer)
	if !ok {
		panic("not a server from NewServer")
	}
	fast, ok := released.ProviderServer.(*fastPaths)
	if !ok {
		panic("not a server from NewServer")
	}
	return fast
}

// SetHeapFloor sets the heap floor's room in bytes (0: Go's default
// collector pacing) and returns what restores it; benchmarks measure the
// provider as it was with 0.
func SetHeapFloor(bytes int64) (restore func()) {
	old := theHeapFloor.floor.Swap(bytes)
	theHeapFloor.adjust()
	return func() {
		theHeapFloor.floor.Store(old)
		theHeapFloor.adjust()
	}
}
