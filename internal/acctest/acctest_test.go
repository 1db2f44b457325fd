package acctest

import (
	"maps"
	"slices"
	"strings"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"

	"github.com/saas-users/terraform-provider-saas/internal/provider"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// TestEmulatorsMatchTheProvider holds the sandbox's list to the provider's
// schema: the same vendors, and for each every credential of the vendor's
// block, with the provider's sensitivity and environment fallback.
func TestEmulatorsMatchTheProvider(t *testing.T) {
	var resp fwprovider.SchemaResponse
	provider.New("test")().Schema(t.Context(), fwprovider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if blocks := slices.Sorted(maps.Keys(resp.Schema.Blocks)); !slices.Equal(blocks, emulators.Vendors()) {
		t.Fatalf("the provider has blocks %v, the sandbox emulators %v", blocks, emulators.Vendors())
	}
	for _, d := range emulators.All() {
		block, ok := resp.Schema.Blocks[d.Vendor].(schema.SingleNestedBlock)
		if !ok {
			t.Fatalf("%s: block is a %T", d.Vendor, resp.Schema.Blocks[d.Vendor])
		}
		described := map[string]bool{}
		for _, s := range d.SettingsAt("http://127.0.0.1:1") {
			described[s.Attribute] = true
			attr, ok := block.Attributes[s.Attribute]
			if !ok {
				t.Errorf("%s.%s: the provider has no such attribute", d.Vendor, s.Attribute)
				continue
			}
			if attr.IsSensitive() != s.Sensitive {
				t.Errorf("%s.%s: sensitive %v in the provider, %v in the descriptor", d.Vendor, s.Attribute, attr.IsSensitive(), s.Sensitive)
			}
			if s.EnvVar != "" && !strings.Contains(attr.GetMarkdownDescription(), "`"+s.EnvVar+"`") {
				t.Errorf("%s.%s: the provider does not document %s as its fallback", d.Vendor, s.Attribute, s.EnvVar)
			}
		}
		for name, attr := range block.Attributes {
			if attr.IsSensitive() && !described[name] {
				t.Errorf("%s.%s: a credential the descriptor does not give", d.Vendor, name)
			}
		}
	}
}

func TestProviderEnv_EveryFallback(t *testing.T) {
	sb := StartSandbox(t)
	env := sb.ProviderEnv()
	want := []string{
		"QACOMPLETE_BASE_URL", "QACOMPLETE_PASSWORD", "QACOMPLETE_USERNAME",
		"QUESTIONPRO_API_KEY", "QUESTIONPRO_BASE_URL",
		"QUICKHELP_API_KEY", "QUICKHELP_BASE_URL", "QUICKHELP_SUBSCRIPTION_KEY",
		"TWOSMS_BASE_URL", "TWOSMS_CLIENT_ID", "TWOSMS_CLIENT_SECRET",
	}
	if got := slices.Sorted(maps.Keys(env)); !slices.Equal(got, want) {
		t.Errorf("variables %v, want %v", got, want)
	}
	if env["QACOMPLETE_BASE_URL"] != sb.BaseURL("qacomplete") || env["QACOMPLETE_USERNAME"] != QACompleteUsername || env["TWOSMS_CLIENT_SECRET"] != TwoSMSClientSecret {
		t.Errorf("values %v", env)
	}
}

func TestProviderBlocks(t *testing.T) {
	sb := StartSandbox(t)
	want := `
provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  qacomplete {
    base_url = "` + sb.BaseURL("qacomplete") + `"
    username = "admin@example.com"
    password = "sandbox-admin-password"
  }
}
`
	if got := sb.QACompleteProvider(); got != want {
		t.Errorf("QACompleteProvider:\n%s\nwant:\n%s", got, want)
	}

	// Every block carries its descriptor's settings; the all-vendor one and
	// QuickHelp's lift the rate cap.
	for name, c := range map[string]struct {
		text     string
		vendors  []string
		uncapped bool
	}{
		"QuestionPro": {sb.QuestionProProvider(), []string{"questionpro"}, false},
		"QuickHelp":   {sb.QuickHelpProvider(), []string{"quickhelp"}, true},
		"TwoSMS":      {sb.TwoSMSProvider(), []string{"twosms"}, false},
		"AllVendors":  {sb.AllVendorsProvider(2, "3s"), emulators.Vendors(), true},
	} {
		for _, vendor := range c.vendors {
			d, _ := emulators.Lookup(vendor)
			body := nestedBlock(t, c.text, vendor)
			for _, s := range d.SettingsAt(sb.BaseURL(vendor)) {
				if !hasAttribute(body, s) {
					t.Errorf("%s: %s block lacks %s = %s:\n%s", name, vendor, s.Attribute, s.HCL(), c.text)
				}
			}
			if hasAttribute(body, uncapped) != c.uncapped {
				t.Errorf("%s: %s block lifts the rate cap: %v, want %v", name, vendor, !c.uncapped, c.uncapped)
			}
		}
		if strings.Count(c.text, "  }\n") != len(c.vendors) {
			t.Errorf("%s: want %d vendor blocks:\n%s", name, len(c.vendors), c.text)
		}
	}
	if all := sb.AllVendorsProvider(2, "3s"); !strings.Contains(all, "  max_retries     = 2\n  request_timeout = \"3s\"\n") {
		t.Errorf("AllVendorsProvider ignores its knobs:\n%s", all)
	}
}

// nestedBlock is the text of one vendor's block inside a provider block.
func nestedBlock(t *testing.T, text, vendor string) string {
	t.Helper()
	_, rest, ok := strings.Cut(text, "\n  "+vendor+" {\n")
	body, _, closed := strings.Cut(rest, "\n  }\n")
	if !ok || !closed {
		t.Fatalf("no %s block in:\n%s", vendor, text)
	}
	return body + "\n"
}

// hasAttribute reports whether a block's text sets the attribute to the
// setting's value, whatever the alignment.
func hasAttribute(body string, s sandbox.Setting) bool {
	for _, line := range strings.Split(body, "\n") {
		name, value, ok := strings.Cut(strings.TrimSpace(line), "=")
		if ok && strings.TrimSpace(name) == s.Attribute && strings.TrimSpace(value) == s.HCL() {
			return true
		}
	}
	return false
}

// The provider's vendor list and the sandbox's emulator list name the same
// vendors in the same order, and agree on every environment variable the
// provider reads: a vendor added to one list and not the other fails here.
func TestVendorListsNameTheSameVendors(t *testing.T) {
	vendors := provider.Vendors()
	descriptors := emulators.All()
	var vendorKeys, emulatorKeys []string
	for _, v := range vendors {
		vendorKeys = append(vendorKeys, v.Key)
	}
	for _, d := range descriptors {
		emulatorKeys = append(emulatorKeys, d.Vendor)
	}
	if !slices.Equal(vendorKeys, emulatorKeys) {
		t.Fatalf("provider vendors %v, sandbox emulators %v", vendorKeys, emulatorKeys)
	}
	for i, v := range vendors {
		d := descriptors[i]
		if d.BaseURLEnv != v.BaseURL.EnvVar {
			t.Errorf("%s: base URL variable %q in the provider, %q in the emulator", v.Key, v.BaseURL.EnvVar, d.BaseURLEnv)
		}
		given := map[string]string{}
		for _, s := range d.Settings {
			given[s.Attribute] = s.EnvVar
		}
		for _, c := range v.Credentials {
			env, ok := given[c.Attribute]
			if !ok {
				t.Errorf("%s.%s: the emulator gives no value for this credential", v.Key, c.Attribute)
			} else if env != c.EnvVar {
				t.Errorf("%s.%s: variable %q in the provider, %q in the emulator", v.Key, c.Attribute, c.EnvVar, env)
			}
		}
	}
}
