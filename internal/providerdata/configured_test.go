package providerdata

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

type fakeClient struct{}

type fakeSource interface {
	Fake() *Configured[fakeClient]
}

func TestConfiguredClientFor(t *testing.T) {
	var diags diag.Diagnostics
	if c := (&Configured[fakeClient]{Client: &fakeClient{}}).ClientFor("Vendor", "saas_vendor_user", &diags); c == nil || diags.HasError() {
		t.Fatalf("a configured client is returned without diagnostics: %v", diags)
	}

	diags = nil
	missing := &Configured[fakeClient]{Missing: []Missing{{Attribute: "vendor.api_key", EnvVar: "VENDOR_API_KEY"}}}
	if c := missing.ClientFor("Vendor", "saas_vendor_user", &diags); c != nil || !diags.HasError() {
		t.Fatal("missing settings must be an error")
	}
	if d := diags.Errors()[0]; d.Summary() != "Missing Vendor provider configuration" || !strings.Contains(d.Detail(), "vendor.api_key (or the VENDOR_API_KEY environment variable)") {
		t.Fatalf("the error must name the attribute and its variable: %v", diags)
	}

	diags = nil
	var unconfigured *Configured[fakeClient]
	if c := unconfigured.ClientFor("Vendor", "saas_vendor_user", &diags); c != nil || !diags.HasError() {
		t.Fatal("use before Configure must be reported")
	}
}

func TestSourceFrom(t *testing.T) {
	var diags diag.Diagnostics
	if _, ok := SourceFrom[fakeSource](nil, "Vendor", &diags); ok || diags.HasError() {
		t.Fatal("nil provider data (validation) is neither a source nor an error")
	}
	if _, ok := SourceFrom[fakeSource](42, "Vendor", &diags); ok || !diags.HasError() {
		t.Fatal("provider data of the wrong type is a bug worth reporting")
	}
}
