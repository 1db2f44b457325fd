package provider

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/qacomplete"
	"github.com/saas-users/terraform-provider-saas/internal/questionpro"
	"github.com/saas-users/terraform-provider-saas/internal/quickhelp"
	"github.com/saas-users/terraform-provider-saas/internal/twosms"
)

// hostsAsked is the HTTP proxy every test of this package sends its
// requests to non-loopback hosts through. It forwards nothing: it records
// the host and refuses. So the precedence tests see which host the
// configured provider calls, the vendors' public hosts included, and no
// request leaves the machine.
var hostsAsked = &recordingProxy{}

// TestMain points the proxy variables at hostsAsked before any test runs:
// net/http reads them once per process.
func TestMain(m *testing.M) {
	proxy := httptest.NewServer(hostsAsked)
	code, err := func() (int, error) {
		defer proxy.Close()
		for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"} {
			if err := os.Setenv(k, proxy.URL); err != nil {
				return 0, err
			}
		}
		for _, k := range []string{"NO_PROXY", "no_proxy"} {
			if err := os.Unsetenv(k); err != nil {
				return 0, err
			}
		}
		return m.Run(), nil
	}()
	if err != nil {
		fmt.Fprintln(os.Stderr, "setting the test proxy:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

type recordingProxy struct {
	mu    sync.Mutex
	hosts []string
}

func (p *recordingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.hosts = append(p.hosts, r.Host)
	p.mu.Unlock()
	http.Error(w, "no request leaves a unit test", http.StatusForbidden)
}

// take returns the hosts asked since the last take, and forgets them.
func (p *recordingProxy) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.hosts
	p.hosts = nil
	return out
}

// vendorSettings is one real vendor's base URL rule as users read it in the
// docs, written out here rather than taken from the vendor's descriptor, so
// the test checks the wiring instead of repeating it.
type vendorSettings struct {
	envVar      string
	credentials map[string]any
	// defaultHost is the host called when nothing is set; "" means the
	// vendor has no default and says which settings are missing.
	defaultHost string
	// selector, selectorValue and selectorHost name a datacenter or region
	// and its host; empty for vendors with only base_url.
	selector, selectorValue, selectorHost string
	// call makes one request through the vendor's client.
	call func(ctx context.Context, data any, diags *diag.Diagnostics) error
}

var precedenceVendors = map[string]vendorSettings{
	"qacomplete": {
		envVar:      "QACOMPLETE_BASE_URL",
		credentials: map[string]any{"username": "admin@example.com", "password": "secret"},
		defaultHost: "rest.qacomplete.smartbear.com",
		call: func(ctx context.Context, data any, diags *diag.Diagnostics) error {
			c := providerdata.ConnFrom[qacomplete.Client](data, "qacomplete", "saas_qacomplete_user", diags).Client(diags)
			if c == nil {
				return nil
			}
			_, err := c.GetUser(ctx, 1, 1)
			return err
		},
	},
	"questionpro": {
		envVar:        "QUESTIONPRO_BASE_URL",
		credentials:   map[string]any{"api_key": "key"},
		defaultHost:   "api.questionpro.com",
		selector:      "datacenter",
		selectorValue: "EU",
		selectorHost:  "api.questionpro.eu",
		call: func(ctx context.Context, data any, diags *diag.Diagnostics) error {
			c := providerdata.ConnFrom[questionpro.Client](data, "questionpro", "saas_questionpro_user", diags).Client(diags)
			if c == nil {
				return nil
			}
			_, err := c.GetUser(ctx, 1)
			return err
		},
	},
	"quickhelp": {
		envVar:      "QUICKHELP_BASE_URL",
		credentials: map[string]any{"api_key": "key", "subscription_key": "subscription"},
		defaultHost: "qhapi.quickhelp.com",
		call: func(ctx context.Context, data any, diags *diag.Diagnostics) error {
			c := providerdata.ConnFrom[quickhelp.Client](data, "quickhelp", "saas_quickhelp_user", diags).Client(diags)
			if c == nil {
				return nil
			}
			_, err := c.ListUsers(ctx, nil, 1, 10)
			return err
		},
	},
	"twosms": {
		envVar:        "TWOSMS_BASE_URL",
		credentials:   map[string]any{"client_id": "client", "client_secret": "secret"},
		selector:      "region",
		selectorValue: "uk",
		selectorHost:  "2sms-uk.com",
		call: func(ctx context.Context, data any, diags *diag.Diagnostics) error {
			c := providerdata.ConnFrom[twosms.Client](data, "twosms", "saas_twosms_admin_user", diags).Client(diags)
			if c == nil {
				return nil
			}
			_, err := c.GetUser(ctx, "3f8e2a10-5b1c-4d7e-9a01-000000000001")
			return err
		},
	},
}

// One rule for every vendor, through the provider's own Configure: an
// explicit argument beats the environment, which beats the default; a named
// datacenter or region is an explicit argument.
func TestConfigureBaseURLPrecedencePerVendor(t *testing.T) {
	var keys []string
	for _, v := range Vendors() {
		keys = append(keys, v.Key)
	}
	var tested []string
	for key := range precedenceVendors {
		tested = append(tested, key)
	}
	sort.Strings(keys)
	sort.Strings(tested)
	if !slices.Equal(keys, tested) {
		t.Fatalf("the provider serves %v, the precedence table covers %v", keys, tested)
	}

	for _, key := range keys {
		vs := precedenceVendors[key]
		explicitURL := "https://explicit." + key + ".test/api"
		envURL := "https://env." + key + ".test/api"
		type step struct {
			name  string
			block map[string]any
			env   string
			// host is the one the request goes to; "" means no request and
			// a missing-settings error naming every way to set the host.
			host string
		}
		steps := []step{
			{"explicit base_url beats the environment", withSetting(vs.credentials, "base_url", explicitURL), envURL, "explicit." + key + ".test"},
			{"the environment beats the default", vs.credentials, envURL, "env." + key + ".test"},
			{"the default when nothing is set", vs.credentials, "", vs.defaultHost},
		}
		if vs.selector != "" {
			steps = append(steps, step{"an explicit " + vs.selector + " beats the environment", withSetting(vs.credentials, vs.selector, vs.selectorValue), envURL, vs.selectorHost})
		}
		for _, s := range steps {
			t.Run(key+"/"+s.name, func(t *testing.T) {
				for _, other := range precedenceVendors {
					t.Setenv(other.envVar, "")
				}
				t.Setenv(vs.envVar, s.env)
				hosts, diags := callVendor(t, key, s.block)
				if s.host == "" {
					if len(hosts) != 0 {
						t.Errorf("with no host to call, requests went to %v", hosts)
					}
					want := fmt.Sprintf("%s.base_url or %s.%s (or the %s environment variable)", key, key, vs.selector, vs.envVar)
					if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), want) {
						t.Errorf("want a missing-settings error naming %q, got %v", want, diags)
					}
					return
				}
				if diags.HasError() {
					t.Fatalf("no client: %v", diags)
				}
				if want := []string{s.host + ":443"}; !slices.Equal(hosts, want) {
					t.Errorf("the request went to %v, want %v", hosts, want)
				}
			})
		}
	}
}

func withSetting(base map[string]any, name string, value any) map[string]any {
	out := map[string]any{name: value}
	for k, v := range base {
		out[k] = v
	}
	return out
}

// callVendor configures the provider, with no retries, with one vendor block
// holding block, makes one request through that vendor's client, and
// returns the hosts the request went to and the diagnostics of Configure
// and of getting the client.
func callVendor(t *testing.T, vendor string, block map[string]any) ([]string, diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	p := New("test")()
	var resp provider.ConfigureResponse
	p.Configure(ctx, provider.ConfigureRequest{Config: vendorProviderConfig(t, p, vendor, block)}, &resp)
	if resp.Diagnostics.HasError() {
		return nil, resp.Diagnostics
	}
	hostsAsked.take()
	diags := resp.Diagnostics
	err := precedenceVendors[vendor].call(ctx, resp.ResourceData, &diags)
	hosts := hostsAsked.take()
	if err == nil && !diags.HasError() {
		t.Fatal("the request succeeded: it went past the test proxy")
	}
	return hosts, diags
}

// vendorProviderConfig is the provider's configuration as Terraform sends it:
// max_retries = 0 and the given vendor block, everything else null.
func vendorProviderConfig(t *testing.T, p provider.Provider, vendor string, block map[string]any) tfsdk.Config {
	t.Helper()
	ctx := context.Background()
	var sresp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &sresp)
	typ, ok := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("the provider schema is not an object: %T", sresp.Schema.Type().TerraformType(ctx))
	}
	values := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, attrType := range typ.AttributeTypes {
		switch name {
		case "max_retries":
			values[name] = tftypes.NewValue(attrType, big.NewFloat(0))
		case vendor:
			blockType, ok := attrType.(tftypes.Object)
			if !ok {
				t.Fatalf("the %s block is not an object: %T", vendor, attrType)
			}
			attrs := make(map[string]tftypes.Value, len(blockType.AttributeTypes))
			for attr, typ := range blockType.AttributeTypes {
				attrs[attr] = tftypes.NewValue(typ, nil)
			}
			for attr, v := range block {
				typ, ok := blockType.AttributeTypes[attr]
				if !ok {
					t.Fatalf("the %s block has no attribute %s", vendor, attr)
				}
				attrs[attr] = tftypes.NewValue(typ, v)
			}
			values[name] = tftypes.NewValue(blockType, attrs)
		default:
			values[name] = tftypes.NewValue(attrType, nil)
		}
	}
	return tfsdk.Config{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, values)}
}
