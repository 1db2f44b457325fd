package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// TestAccBanner_BothFormsReachEveryVendor applies a configuration with the
// real CLI twice: once with the banner's provider block pasted as is, once
// with its export lines as the environment and a block holding only what
// has no variable. Each time every vendor's list data source must read the
// sandbox's data.
func TestAccBanner_BothFormsReachEveryVendor(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	sv := startServing(t, "-seed", filepath.Join("testdata", "seed.json"))
	defer sv.stop()
	text := sv.banner()
	b := parseBanner(t, text)

	start := strings.Index(text, "provider \"saas\" {\n")
	end := strings.Index(text[start:], "\n}\n")
	pasted := text[start : start+end+3]

	var envOnly strings.Builder
	envOnly.WriteString("provider \"saas\" {\n")
	for _, d := range emulators.All() {
		for _, s := range d.Settings {
			if s.EnvVar == "" {
				fmt.Fprintf(&envOnly, "  %s {\n    %s = %s\n  }\n", d.Vendor, s.Attribute, b.literal[d.Vendor][s.Attribute])
			}
		}
	}
	envOnly.WriteString("}\n")

	for _, form := range []struct {
		name, provider string
		env            map[string]string
	}{
		{"pasted block", pasted, nil},
		{"environment", envOnly.String(), b.env},
	} {
		t.Run(form.name, func(t *testing.T) {
			c := acctest.NewCLI(t, bin, form.env)
			c.WriteFile("main.tf", fmt.Sprintf(`
terraform {
  required_providers {
    saas = {
      source  = "registry.terraform.io/saas-users/saas"
      version = %q
    }
  }
}
%s
data "saas_qacomplete_users" "seed" {
  dept_id = %s
}
data "saas_questionpro_users" "seed" {}
data "saas_quickhelp_users" "seed" {}
data "saas_twosms_admin_users" "seed" {
  account_id = %q
}

output "qacomplete" {
  value = [for u in data.saas_qacomplete_users.seed.users : u.email]
}
output "questionpro" {
  value = [for u in data.saas_questionpro_users.seed.users : u.email_address]
}
output "quickhelp" {
  value = [for u in data.saas_quickhelp_users.seed.users : u.email]
}
output "twosms" {
  value = [for u in data.saas_twosms_admin_users.seed.users : u.username]
}
`, acctest.ProviderVersion, form.provider, seedValue(t, "qacomplete", "dept_id"), seedValue(t, "twosms", "account_id")))
			c.MustRun(0, "init", "-input=false", "-no-color")
			c.MustRun(0, "apply", "-auto-approve", "-input=false", "-no-color")
			var outputs map[string]struct {
				Value []string `json:"value"`
			}
			if err := json.Unmarshal([]byte(c.MustRun(0, "output", "-json")), &outputs); err != nil {
				t.Fatal(err)
			}
			// testdata/seed.json puts three users in the QAComplete
			// department; QuickHelp starts with none.
			if got := outputs["qacomplete"].Value; len(got) != 3 || !slices.Contains(got, "john.watson@example.com") {
				t.Errorf("qacomplete users %v", got)
			}
			if got := outputs["questionpro"].Value; len(got) == 0 {
				t.Error("no questionpro users")
			}
			if got, ok := outputs["quickhelp"]; !ok || len(got.Value) != 0 {
				t.Errorf("quickhelp users %v (%v)", got.Value, ok)
			}
			if got := outputs["twosms"].Value; !slices.Contains(got, "sandbox.admin") {
				t.Errorf("twosms users %v", got)
			}
		})
	}
}

// seedValue is the first value of that name in a vendor's default seed.
func seedValue(t *testing.T, vendor, name string) string {
	t.Helper()
	d, _ := emulators.Lookup(vendor)
	for _, v := range d.Seed {
		if v.Name == name {
			return v.Value
		}
	}
	t.Fatalf("%s's seed has no %s", vendor, name)
	return ""
}
