package acctest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Test knobs the provider blocks add to the emulators' own settings: retries
// fast enough for tests, and a client-side rate cap high enough that it
// never paces one.
const (
	testMaxRetries     = 4
	testRequestTimeout = "10s"
)

var uncapped = sandbox.Setting{Attribute: "requests_per_second", Value: "1000", Number: true}

// vendorBlock is one vendor's nested block: the settings its descriptor
// gives for this sandbox, then the test's own.
type vendorBlock struct {
	emulator sandbox.Descriptor
	knobs    []sandbox.Setting
}

// providerBlock is a provider "saas" block with the shared knobs and one
// nested block per vendor, every value written in the block. A negative
// maxRetries leaves max_retries out, so only the retry budget bounds
// retries, as in a configuration that does not set it.
func (s *Sandbox) providerBlock(maxRetries int, requestTimeout string, vendors ...vendorBlock) string {
	var b strings.Builder
	b.WriteString("\nprovider \"saas\" {\n")
	knobs := []sandbox.Setting{{Attribute: "request_timeout", Value: requestTimeout}}
	if maxRetries >= 0 {
		knobs = append([]sandbox.Setting{{Attribute: "max_retries", Value: strconv.Itoa(maxRetries), Number: true}}, knobs...)
	}
	writeAttributes(&b, "  ", knobs)
	for _, v := range vendors {
		fmt.Fprintf(&b, "  %s {\n", v.emulator.Vendor)
		settings := append(v.emulator.SettingsAt(s.BaseURL(v.emulator.Vendor)), v.knobs...)
		writeAttributes(&b, "    ", settings)
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// writeAttributes writes one "name = value" line per setting, aligned as
// terraform fmt would.
func writeAttributes(b *strings.Builder, indent string, settings []sandbox.Setting) {
	width := 0
	for _, s := range settings {
		width = max(width, len(s.Attribute))
	}
	for _, s := range settings {
		fmt.Fprintf(b, "%s%-*s = %s\n", indent, width, s.Attribute, s.HCL())
	}
}
