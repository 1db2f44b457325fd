package provider

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// fastPaths is the framework's server with the calls of a plan that finds
// every resource as configured answered without the framework's walks over
// the schema, where the answer is certain to be the framework's:
// PlanResourceChange (plan_no_change.go) and UpgradeResourceState
// (upgrade_same_version.go). Every other call, and every one of these that
// does not qualify, is the framework's own.
type fastPaths struct {
	tfprotov6.ProviderServer

	types map[string]*planType
	// broken is set when the provider's resources cannot be listed by type
	// name: the framework then answers every resource call with an error.
	broken bool
	// data is the provider's Configure answer for resources, as the
	// framework hands it to every resource's Configure.
	data atomic.Pointer[configured]
	// planOff is set for good when the framework plans every resource
	// another way: the provider deferred all of them in Configure, or it
	// has a provider_meta schema, which the framework hands to ModifyPlan.
	planOff atomic.Bool
}

type configured struct{ resourceData any }

// planType is one resource type: its constructor, and its plan facts,
// worked out at its first call.
type planType struct {
	new   func() resource.Resource
	once  sync.Once
	facts *planFacts
}

func (t *planType) planFacts(ctx context.Context) *planFacts {
	t.once.Do(func() { t.facts = newPlanFacts(ctx, t.new()) })
	return t.facts
}

// recordingProvider is the provider with its Configure answer recorded
// for the fast paths.
type recordingProvider struct {
	*SaasProvider
	fast *fastPaths
}

func (p recordingProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	p.SaasProvider.Configure(ctx, req, resp)
	// What the framework keeps for resources, diagnostics or not.
	p.fast.data.Store(&configured{resourceData: resp.ResourceData})
	if resp.Deferred != nil {
		p.fast.planOff.Store(true)
	}
}

// withFastPaths returns the provider for the framework to serve, and a
// function that wraps the framework's server with the fast paths.
func withFastPaths(ctx context.Context, p *SaasProvider) (provider.Provider, func(tfprotov6.ProviderServer) tfprotov6.ProviderServer) {
	fast := &fastPaths{types: map[string]*planType{}}
	if _, ok := any(p).(provider.ProviderWithMetaSchema); ok {
		fast.planOff.Store(true)
	}
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	for _, newResource := range p.Resources(ctx) {
		var md resource.MetadataResponse
		newResource().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		if md.TypeName == "" || fast.types[md.TypeName] != nil {
			fast.broken = true
		}
		fast.types[md.TypeName] = &planType{new: newResource}
	}
	return recordingProvider{SaasProvider: p, fast: fast}, func(s tfprotov6.ProviderServer) tfprotov6.ProviderServer {
		fast.ProviderServer = s
		return fast
	}
}
