package quickhelp_test

import (
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

var _ sandbox.Emulator = (*quickhelp.Emulator)(nil)

func TestIdentity(t *testing.T) {
	e := quickhelp.New(quickhelp.Options{})
	if e.Name() != "quickhelp" || e.BasePath() != "/v1" {
		t.Fatalf("Name %q BasePath %q, want quickhelp and /v1", e.Name(), e.BasePath())
	}
}
