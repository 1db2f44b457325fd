package acctest

import (
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// ForEachReading runs lifecycle once per position of one vendor's switches
// (all-strict, each other reading alone, all-kind), each in a subtest named
// after the position, in parallel, with its own sandbox whose emulator for
// that vendor is set to the position. It is the matrix: the provider must
// pass the same lifecycle under every reading the vendor's document allows.
func ForEachReading(t *testing.T, vendor string, lifecycle func(t *testing.T, sb *Sandbox)) {
	t.Helper()
	d, ok := emulators.Lookup(vendor)
	if !ok {
		t.Fatalf("no emulator for vendor %q", vendor)
	}
	if len(d.Switches) == 0 {
		t.Fatalf("the %s emulator has no switches to run the matrix over", vendor)
	}
	for _, p := range d.Positions() {
		t.Run(p.Name, func(t *testing.T) {
			t.Parallel()
			sb := StartSandbox(t)
			if err := sandbox.SetPosition(sb.Emulator(vendor), p); err != nil {
				t.Fatal(err)
			}
			lifecycle(t, sb)
		})
	}
}
