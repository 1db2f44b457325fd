package main

import (
	"strings"
	"testing"
)

// At default caps no vendor block sets requests_per_second, so each
// vendor's default applies; lifted caps set it in every block. Other
// settings stay either way.
func TestProviderTFCaps(t *testing.T) {
	lifted := providerTF(vendors, capsLifted)
	if got := strings.Count(lifted, "requests_per_second = 10000"); got != len(vendors) {
		t.Errorf("lifted caps: %d vendor blocks set requests_per_second, want %d:\n%s", got, len(vendors), lifted)
	}
	def := providerTF(vendors, capsDefault)
	if strings.Contains(def, "requests_per_second") {
		t.Errorf("default caps: requests_per_second is set:\n%s", def)
	}
	for _, tf := range []string{lifted, def} {
		if !strings.Contains(tf, "organization_id = 1001") {
			t.Errorf("questionpro's organization_id is missing:\n%s", tf)
		}
		for _, v := range vendors {
			if !strings.Contains(tf, "  "+v.name+" {\n") {
				t.Errorf("no %s block:\n%s", v.name, tf)
			}
		}
	}
}
