package providerdata

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// fakeClient records the settings the skeleton resolved for it.
type fakeClient struct{ settings Settings }

func fakeVendor(selector *Selector, def string) Vendor {
	return Vendor{
		Key:                      "fake",
		DisplayName:              "Fake",
		BaseURL:                  BaseURLRule{EnvVar: "FAKE_BASE_URL", Default: def, Selector: selector, Example: "https://fake.example.com/v1"},
		Credentials:              []Credential{{Attribute: "api_key", EnvVar: "FAKE_API_KEY"}},
		DefaultRequestsPerSecond: 7,
		NewClient: func(_ context.Context, s Settings) (any, error) {
			return &fakeClient{settings: s}, nil
		},
	}
}

var regions = &Selector{Attribute: "region", Hosts: map[string]string{"eu": "https://eu.fake.example.com/v1", "us": "https://us.fake.example.com/v1"}, Default: "us"}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func str(s string) types.String { return types.StringValue(s) }

// configured runs the skeleton and returns the client it built, or fails.
func configured(t *testing.T, v Vendor, attrs map[string]attr.Value, vars map[string]string) (*fakeClient, diag.Diagnostics) {
	t.Helper()
	c, diags := configureVendor(context.Background(), v, attrs, Common{}, env(vars))
	if diags.HasError() {
		return nil, diags
	}
	var d diag.Diagnostics
	client := Conn[fakeClient]{typeName: "saas_fake_user", c: c}.Client(&d)
	if d.HasError() {
		t.Fatalf("no client: %v", d)
	}
	return client, diags
}

func TestConfigureBaseURLPrecedence(t *testing.T) {
	key := map[string]attr.Value{"api_key": str("k")}
	with := func(extra map[string]attr.Value) map[string]attr.Value {
		out := map[string]attr.Value{"api_key": str("k")}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	envURL := map[string]string{"FAKE_BASE_URL": "https://env.fake.example.com/v1"}
	tests := []struct {
		name   string
		v      Vendor
		attrs  map[string]attr.Value
		vars   map[string]string
		wanted string
	}{
		{"explicit base_url beats the environment", fakeVendor(nil, "https://default.example.com"), with(map[string]attr.Value{"base_url": str("https://explicit.example.com/v1/")}), envURL, "https://explicit.example.com/v1"},
		{"the environment beats the default", fakeVendor(nil, "https://default.example.com"), key, envURL, "https://env.fake.example.com/v1"},
		{"the default when nothing is set", fakeVendor(nil, "https://default.example.com"), key, nil, "https://default.example.com"},
		{"an explicit selector beats the environment", fakeVendor(regions, ""), with(map[string]attr.Value{"region": str("eu")}), envURL, "https://eu.fake.example.com/v1"},
		{"explicit base_url beats the selector", fakeVendor(regions, ""), with(map[string]attr.Value{"region": str("eu"), "base_url": str("https://explicit.example.com")}), nil, "https://explicit.example.com"},
		{"the environment beats the selector's default", fakeVendor(regions, ""), key, envURL, "https://env.fake.example.com/v1"},
		{"the selector's default when nothing is set", fakeVendor(regions, ""), key, nil, "https://us.fake.example.com/v1"},
		{"a null selector is not set", fakeVendor(regions, ""), with(map[string]attr.Value{"region": types.StringNull()}), nil, "https://us.fake.example.com/v1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := configured(t, tt.v, tt.attrs, tt.vars)
			if c == nil {
				t.Fatalf("no client: %v", diags)
			}
			if got := c.settings.BaseURL.String(); got != tt.wanted {
				t.Errorf("base URL %s, want %s", got, tt.wanted)
			}
		})
	}
}

func TestConfigureCredentialsAndKnobs(t *testing.T) {
	v := fakeVendor(nil, "https://default.example.com")
	c, _ := configured(t, v, map[string]attr.Value{"api_key": str(" spaced key ")}, map[string]string{"FAKE_API_KEY": "from-env"})
	if got := c.settings.Credential("api_key"); got != " spaced key " {
		t.Errorf("an explicit credential is taken as written, got %q", got)
	}
	if c.settings.RequestsPerSecond != 7 {
		t.Errorf("requests per second defaults to the vendor's, got %v", c.settings.RequestsPerSecond)
	}
	c, _ = configured(t, v, map[string]attr.Value{"requests_per_second": types.Float64Value(2.5)}, map[string]string{"FAKE_API_KEY": "from-env"})
	if c.settings.Credential("api_key") != "from-env" || c.settings.RequestsPerSecond != 2.5 {
		t.Errorf("want the environment's key and the configured rate, got %q %v", c.settings.Credential("api_key"), c.settings.RequestsPerSecond)
	}
}

func TestConfigureDefersMissingSettings(t *testing.T) {
	c, diags := configureVendor(context.Background(), fakeVendor(regions, ""), map[string]attr.Value{}, Common{}, env(nil))
	if diags.HasError() {
		t.Fatalf("missing settings are not errors at Configure: %v", diags)
	}
	var d diag.Diagnostics
	conn := Conn[fakeClient]{typeName: "saas_fake_user", c: c}
	if conn.Client(&d) != nil || !d.HasError() {
		t.Fatal("a resource that needs the missing key must fail")
	}
	if detail := d.Errors()[0].Detail(); !strings.Contains(detail, "fake.api_key (or the FAKE_API_KEY environment variable)") {
		t.Errorf("the error names the attribute and its variable: %s", detail)
	}

	c, _ = configureVendor(context.Background(), fakeVendor(&Selector{Attribute: "region", Hosts: regions.Hosts}, ""), map[string]attr.Value{"api_key": str("k")}, Common{}, env(nil))
	d = nil
	conn = Conn[fakeClient]{typeName: "saas_fake_user", c: c}
	conn.Client(&d)
	if !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "fake.base_url or fake.region (or the FAKE_BASE_URL environment variable)") {
		t.Errorf("no host at all names every way to set one: %v", d)
	}
}

// A setting known only at apply is never replaced by the environment or a
// default: no client is built, and a resource says which value it waits for.
func TestConfigureUnknownSettingsSendNothing(t *testing.T) {
	built := false
	v := fakeVendor(nil, "https://default.example.com")
	v.NewClient = func(context.Context, Settings) (any, error) { built = true; return &fakeClient{}, nil }
	attrs := map[string]attr.Value{"base_url": types.StringUnknown(), "api_key": str("k")}
	c, diags := configureVendor(context.Background(), v, attrs, Common{}, env(map[string]string{"FAKE_BASE_URL": "https://env.example.com"}))
	if diags.HasError() || built {
		t.Fatalf("no client may be built from a fallback: built=%v %v", built, diags)
	}
	conn := Conn[fakeClient]{typeName: "saas_fake_user", c: c}
	var d diag.Diagnostics
	conn.CheckAtPlan(&d)
	if d.HasError() {
		t.Errorf("plan-time checks wait for the value: %v", d)
	}
	if conn.Client(&d) != nil || !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "fake.base_url") {
		t.Errorf("a call must fail naming the unknown setting: %v", d)
	}
}

func TestConfigureRejectsBadBaseURLs(t *testing.T) {
	for raw, refused := range map[string]bool{
		"http://fake.corp.example/v1": true,
		"http://10.0.0.5:8080/v1":     true,
		"http://127.0.0.1:8080/fake":  false,
		"http://localhost:8080/fake":  false,
		"https://fake.example.com/v1": false,
	} {
		c, diags := configureVendor(context.Background(), fakeVendor(nil, ""), map[string]attr.Value{"api_key": str("k"), "base_url": str(raw)}, Common{}, env(nil))
		if got := diags.HasError(); got != refused || (refused && c != nil) {
			t.Errorf("%s: refused %v, want %v (%v)", raw, got, refused, diags)
		}
		if refused && !strings.Contains(diags.Errors()[0].Detail(), "fake.allow_insecure_http = true") {
			t.Errorf("%s: the error names the opt-in: %v", raw, diags)
		}
	}
	// The opt-in lets plain HTTP through, as the on-premises servers that
	// have no TLS need.
	attrs := map[string]attr.Value{"api_key": str("k"), "base_url": str("http://fake.corp.example/v1"), AllowInsecureHTTPAttribute: types.BoolValue(true)}
	if c, diags := configured(t, fakeVendor(nil, ""), attrs, nil); c == nil || diags.HasError() {
		t.Fatalf("allow_insecure_http = true must allow plain HTTP: %v", diags)
	}
	// The environment is no way around it.
	if _, diags := configureVendor(context.Background(), fakeVendor(nil, ""), map[string]attr.Value{"api_key": str("k")}, Common{}, env(map[string]string{"FAKE_BASE_URL": "http://fake.corp.example"})); !diags.HasError() {
		t.Error("a plain-HTTP base URL from the environment must be refused too")
	}
	for _, raw := range []string{"ftp://fake.example.com", "https://user:hunter2@fake.example.com/v1", "fake.example.com"} {
		c, diags := configureVendor(context.Background(), fakeVendor(nil, ""), map[string]attr.Value{"api_key": str("k"), "base_url": str(raw)}, Common{}, env(nil))
		if c != nil || !diags.HasError() {
			t.Fatalf("%s: want an error", raw)
		}
		e := diags.Errors()[0]
		if strings.Contains(e.Detail(), "hunter2") || !strings.Contains(e.Detail(), "fake.base_url") {
			t.Errorf("%s: the error names the attribute and hides credentials: %s", raw, e.Detail())
		}
	}
}
