package providerdata

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

func TestConnFrom(t *testing.T) {
	var diags diag.Diagnostics
	if c := ConnFrom[fakeClient](nil, "fake", "saas_fake_user", &diags); c.Configured() || diags.HasError() {
		t.Fatal("nil provider data (validation) is neither configured nor an error")
	}
	if ConnFrom[fakeClient](42, "fake", "saas_fake_user", &diags); !diags.HasError() {
		t.Fatal("provider data of the wrong type is a bug worth reporting")
	}

	client := &fakeClient{}
	data := &Data{conns: map[string]*conn{"fake": {vendor: "Fake", client: client}}}
	diags = nil
	c := ConnFrom[fakeClient](data, "fake", "saas_fake_user", &diags)
	if got := c.Client(&diags); got != client || diags.HasError() {
		t.Fatalf("want the vendor's client, got %v %v", got, diags)
	}
	if ConnFrom[fakeClient](data, "other", "saas_other_user", &diags); !diags.HasError() {
		t.Fatal("a vendor the provider does not configure is a bug worth reporting")
	}
	diags = nil
	if got := ConnFrom[string](data, "fake", "saas_fake_user", &diags).Client(&diags); got != nil || !diags.HasError() {
		t.Fatal("a client of another type is a bug worth reporting")
	}
	diags = nil
	if (Conn[fakeClient]{}).Client(&diags) != nil || !diags.HasError() || diags.Errors()[0].Summary() != "Provider not configured" {
		t.Fatalf("use before Configure: %v", diags)
	}
}
