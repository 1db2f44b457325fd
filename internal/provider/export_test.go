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
	return s.(*contextReleasingServer).ProviderServer.(*noChangePlans).planNoChange(ctx, req)
}
