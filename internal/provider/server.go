package provider

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer returns the provider's protocol 6 server: the plugin
// framework's, with every resource and data source call's context let go
// once the call has ended, plans that change nothing answered without the
// framework's plan walk (see fastPaths), and the garbage collector given
// room to work in (see heapFloorBytes).
//
// The framework (v1.19) keeps the cancel function of every call's context
// until Terraform sends StopProvider, so that it can cancel calls in flight.
// Each cancel function holds its context, and through it the whole chain of
// logger options the SDKs attach to a call: about 50 KB per call. A refresh
// of a few thousand resources makes tens of thousands of calls, so the
// provider's live heap grew with every call (to over 100 MiB at 2,000
// resources) and the collector's work with it, which made the provider's
// CPU grow faster than the number of resources. Handing the framework a
// context that drops its link to the call's context when the call returns
// leaves it only a few hundred bytes per call to keep.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return newServer(version, true) }
}

// newServer is the provider's server; fast adds the no-change plans (see
// fastPaths), without which every call is the framework's own, and
// starts the heap floor (see heapFloorBytes) for the process.
func newServer(version string, fast bool) tfprotov6.ProviderServer {
	p := &SaasProvider{version: version}
	if !fast {
		return releaseCallContexts(providerserver.NewProtocol6(p)())
	}
	startHeapFloor()
	served, wrap := withFastPaths(context.Background(), p)
	return releaseCallContexts(wrap(providerserver.NewProtocol6(served)()))
}

// releaseCallContexts wraps a server so that the contexts of its resource
// and data source calls, which are nearly all of a run's calls, are
// released when each call returns. Other calls pass through unchanged.
func releaseCallContexts(s tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	return &contextReleasingServer{ProviderServer: s}
}

var _ tfprotov6.ProviderServer = &contextReleasingServer{}

type contextReleasingServer struct {
	tfprotov6.ProviderServer
}

// withReleasedContext runs one call with a releasable context and lets the
// call's context go when it returns.
func withReleasedContext[Req, Resp any](ctx context.Context, req Req, call func(context.Context, Req) (Resp, error)) (Resp, error) {
	rc := newReleasableContext(ctx)
	defer rc.release()
	return call(rc, req)
}

func (s *contextReleasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s *contextReleasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.UpgradeResourceState)
}

func (s *contextReleasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.ReadResource)
}

func (s *contextReleasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s *contextReleasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s *contextReleasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.ImportResourceState)
}

func (s *contextReleasingServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.MoveResourceState)
}

func (s *contextReleasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.UpgradeResourceIdentity)
}

func (s *contextReleasingServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.GenerateResourceConfig)
}

func (s *contextReleasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s *contextReleasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return withReleasedContext(ctx, req, s.ProviderServer.ReadDataSource)
}

// releasableContext is a call's context until release, and afterwards a
// context that has ended and holds no values. Its Done channel is the
// call's own, so contexts derived from it are cancelled with the call, and
// the context package links them to the call's cancelCtx directly (no
// goroutine per derived context). After release nothing of the call is
// reachable through it but that channel: whatever still holds it, like the
// framework's list of cancel functions, holds a few words.
type releasableContext struct {
	call     atomic.Pointer[context.Context]
	done     <-chan struct{}
	deadline time.Time
	hasLimit bool
}

func newReleasableContext(ctx context.Context) *releasableContext {
	rc := &releasableContext{done: ctx.Done()}
	rc.deadline, rc.hasLimit = ctx.Deadline()
	rc.call.Store(&ctx)
	return rc
}

// release drops the link to the call's context. The call has returned, so
// its context is over: gRPC cancels it as the call ends.
func (c *releasableContext) release() { c.call.Store(nil) }

func (c *releasableContext) Deadline() (time.Time, bool) { return c.deadline, c.hasLimit }

func (c *releasableContext) Done() <-chan struct{} { return c.done }

func (c *releasableContext) Err() error {
	if call := c.call.Load(); call != nil {
		return (*call).Err()
	}
	// Released: the call is over. Report it ended once its channel says so,
	// as the call's own context would.
	select {
	case <-c.done:
		if c.hasLimit && !time.Now().Before(c.deadline) {
			return context.DeadlineExceeded
		}
		return context.Canceled
	default:
		return nil
	}
}

func (c *releasableContext) Value(key any) any {
	if call := c.call.Load(); call != nil {
		return (*call).Value(key)
	}
	return nil
}
