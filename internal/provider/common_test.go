package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// providerConfig is a provider configuration with the given top-level
// attributes set and everything else (every vendor block included) null.
func providerConfig(t *testing.T, set map[string]tftypes.Value) tfsdk.Config {
	t.Helper()
	ctx := context.Background()
	var resp provider.SchemaResponse
	New("test")().Schema(ctx, provider.SchemaRequest{}, &resp)
	typ, ok := resp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the provider schema is not an object")
	}
	values := map[string]tftypes.Value{}
	for name, attrType := range typ.AttributeTypes {
		values[name] = tftypes.NewValue(attrType, nil)
	}
	for name, v := range set {
		if _, ok := typ.AttributeTypes[name]; !ok {
			t.Fatalf("the provider schema has no %s", name)
		}
		values[name] = v
	}
	return tfsdk.Config{Schema: resp.Schema, Raw: tftypes.NewValue(typ, values)}
}

func TestProviderCommonSettings(t *testing.T) {
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	tests := map[string]struct {
		set  map[string]tftypes.Value
		want providerdata.Common
	}{
		"defaults: only the budget bounds a call": {
			want: providerdata.Common{RequestTimeout: 30 * time.Second, RetryBudget: 2 * time.Minute, MaxRetries: 4},
		},
		"a budget and a timeout": {
			set: map[string]tftypes.Value{
				"retry_budget":    tftypes.NewValue(tftypes.String, "90s"),
				"request_timeout": tftypes.NewValue(tftypes.String, "5s"),
			},
			want: providerdata.Common{RequestTimeout: 5 * time.Second, RetryBudget: 90 * time.Second, MaxRetries: 4},
		},
		"max_retries caps the count": {
			set:  map[string]tftypes.Value{"max_retries": tftypes.NewValue(tftypes.Number, 8)},
			want: providerdata.Common{RequestTimeout: 30 * time.Second, RetryBudget: 2 * time.Minute, MaxRetries: 8, CapRetries: true},
		},
		"max_retries = 0 turns retries off": {
			set:  map[string]tftypes.Value{"max_retries": tftypes.NewValue(tftypes.Number, 0)},
			want: providerdata.Common{RequestTimeout: 30 * time.Second, RetryBudget: 2 * time.Minute, MaxRetries: 0, CapRetries: true},
		},
		"a budget not known yet takes the default": {
			set:  map[string]tftypes.Value{"retry_budget": unknown},
			want: providerdata.Common{RequestTimeout: 30 * time.Second, RetryBudget: 2 * time.Minute, MaxRetries: 4},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p := &SaasProvider{version: "test"}
			got, diags := p.common(context.Background(), providerConfig(t, tt.set), "1.5.7")
			if diags.HasError() {
				t.Fatal(diags)
			}
			got.UserAgent = ""
			if got != tt.want {
				t.Errorf("common = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// A budget that was not known at plan time, and so escaped the validator,
// is still refused on the attribute when it arrives.
func TestProviderCommonSettingsRejectABadBudget(t *testing.T) {
	p := &SaasProvider{version: "test"}
	_, diags := p.common(context.Background(), providerConfig(t, map[string]tftypes.Value{
		"retry_budget": tftypes.NewValue(tftypes.String, "forever"),
	}), "1.5.7")
	if !diags.HasError() {
		t.Fatal("a retry_budget of \"forever\" was accepted")
	}
	d := diags.Errors()[0]
	if d.Summary() != "Invalid retry_budget" || !strings.Contains(d.Detail(), `retry_budget "forever" is not valid`) {
		t.Errorf("diagnostic = %q / %q", d.Summary(), d.Detail())
	}
}
