package emulators

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

var updateGuide = flag.Bool("update-guide", false, "rewrite the switch tables of templates/guides/vendor-assumptions.md.tmpl")

const (
	guideTemplate = "../../../templates/guides/vendor-assumptions.md.tmpl"
	tableBegin    = "<!-- switches:begin (generated from the emulators' switches; go test ./internal/sandbox/emulators -update-guide) -->\n"
	tableEnd      = "<!-- switches:end -->"
)

// Every emulator has switches the matrix can run and the guide can show, and
// every reading's options are ones its emulator accepts.
func TestSwitches_everyReadingSelectsRealOptions(t *testing.T) {
	for _, d := range All() {
		t.Run(d.Vendor, func(t *testing.T) {
			if len(d.Switches) == 0 {
				t.Fatal("no switches: every vendor's document leaves points open")
			}
			if err := d.ValidateSwitches(); err != nil {
				t.Fatal(err)
			}
			for _, p := range d.Positions() {
				if err := sandbox.SetPosition(d.New(), p); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// The guide's tables are the switches, rendered.
func TestVendorAssumptionsGuide_showsEverySwitch(t *testing.T) {
	path := filepath.FromSlash(guideTemplate)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	begin, end := strings.Index(text, tableBegin), strings.Index(text, tableEnd)
	if begin < 0 || end < begin {
		t.Fatalf("%s lacks the markers %q and %q", path, tableBegin, tableEnd)
	}
	want := AssumptionsTable()
	got := text[begin+len(tableBegin) : end]
	if got == want {
		return
	}
	if *updateGuide {
		if err := os.WriteFile(path, []byte(text[:begin+len(tableBegin)]+want+text[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s; run make docs", path)
		return
	}
	t.Errorf("%s's tables differ from the emulators' switches; run go test ./internal/sandbox/emulators -update-guide, then make docs.\nwant:\n%s", path, want)
}
