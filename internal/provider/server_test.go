package provider

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type payloadKey struct{}

// callOnce makes one ReadResource call whose context carries a 1 MiB
// payload, and returns a weak pointer to the payload: it reads nil once
// nothing reachable holds the call's context any more.
func callOnce(t *testing.T, s tfprotov6.ProviderServer) weak.Pointer[[1 << 20]byte] {
	t.Helper()
	payload := new([1 << 20]byte)
	ctx, cancel := context.WithCancel(context.WithValue(t.Context(), payloadKey{}, payload))
	defer cancel() // gRPC ends a call's context when the call ends
	// An unknown type name: the framework registers the call's context
	// before it looks the resource up, and answers with an error diagnostic.
	resp, err := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "saas_no_such_resource"})
	if err != nil || resp == nil || len(resp.Diagnostics) == 0 {
		t.Fatalf("want an error diagnostic, got %v, %v", resp, err)
	}
	return weak.Make(payload)
}

func collected(p weak.Pointer[[1 << 20]byte]) bool {
	for range 3 {
		runtime.GC()
		if p.Value() == nil {
			return true
		}
	}
	return false
}

func TestServerReleasesCallContexts(t *testing.T) {
	s := NewServer("test")()
	var ptrs []weak.Pointer[[1 << 20]byte]
	for range 5 {
		ptrs = append(ptrs, callOnce(t, s))
	}
	for i, p := range ptrs {
		if !collected(p) {
			t.Errorf("call %d: its context is still reachable after the call returned", i)
		}
	}
	runtime.KeepAlive(s)
}

// The framework alone keeps every call's context until StopProvider; the
// wrapper exists for this. When this test starts to log that the framework
// lets go by itself, the wrapper can be removed.
func TestFrameworkAloneKeepsCallContexts(t *testing.T) {
	s := providerserver.NewProtocol6(New("test")())()
	p := callOnce(t, s)
	if collected(p) {
		t.Log("the plugin framework no longer keeps call contexts: releaseCallContexts may be unnecessary")
	}
	runtime.KeepAlive(s)
}

func TestReleasableContextBeforeAndAfterRelease(t *testing.T) {
	parent, cancel := context.WithTimeout(context.WithValue(t.Context(), payloadKey{}, "v"), time.Hour)
	rc := newReleasableContext(parent)

	if rc.Value(payloadKey{}) != "v" || rc.Err() != nil || rc.Done() != parent.Done() {
		t.Fatal("before release the context must be the call's")
	}
	if d, ok := rc.Deadline(); !ok || !d.Equal(mustDeadline(t, parent)) {
		t.Error("the deadline must be the call's")
	}
	// A context derived from it (as the framework derives one per call) is
	// cancelled with the call.
	child, stop := context.WithCancel(rc)
	defer stop()

	rc.release()
	if rc.Value(payloadKey{}) != nil {
		t.Error("after release the call's values must be unreachable")
	}
	if rc.Err() != nil {
		t.Error("released but not yet ended: Err must stay nil")
	}
	cancel()
	select {
	case <-child.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("a derived context was not cancelled with the call")
	}
	if !errors.Is(rc.Err(), context.Canceled) || !errors.Is(child.Err(), context.Canceled) {
		t.Errorf("Err after the call ended = %v, child %v; want context.Canceled", rc.Err(), child.Err())
	}
}

func mustDeadline(t *testing.T, ctx context.Context) time.Time {
	t.Helper()
	d, ok := ctx.Deadline()
	if !ok {
		t.Fatal("no deadline")
	}
	return d
}
