package emulators

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

func TestAll_DescribesWhatItBuilds(t *testing.T) {
	vendors := Vendors()
	if want := []string{"qacomplete", "questionpro", "quickhelp", "twosms"}; !slices.Equal(vendors, want) {
		t.Fatalf("vendors %v, want %v", vendors, want)
	}
	envVars := map[string]string{}
	for _, d := range All() {
		t.Run(d.Vendor, func(t *testing.T) {
			e := d.New()
			if e.Name() != d.Vendor || e.BasePath() != d.BasePath {
				t.Errorf("descriptor says %q%q, the emulator %q%q", d.Vendor, d.BasePath, e.Name(), e.BasePath())
			}
			if e == d.New() {
				t.Error("New returned the same emulator twice; every test needs its own")
			}
			prefix := strings.ToUpper(d.Vendor) + "_"
			attrs := map[string]bool{}
			for _, s := range d.SettingsAt("http://127.0.0.1:1/x") {
				if s.Attribute == "" || attrs[s.Attribute] {
					t.Errorf("attribute %q empty or listed twice", s.Attribute)
				}
				attrs[s.Attribute] = true
				if s.Value == "" {
					t.Errorf("%s has no value", s.Attribute)
				}
				if s.Number {
					if _, err := strconv.ParseInt(s.Value, 10, 64); err != nil {
						t.Errorf("%s is a number, but %q is not", s.Attribute, s.Value)
					}
				}
				if s.EnvVar == "" {
					continue
				}
				if !strings.HasPrefix(s.EnvVar, prefix) {
					t.Errorf("%s: environment variable %s lacks the vendor prefix %s", s.Attribute, s.EnvVar, prefix)
				}
				if other, dup := envVars[s.EnvVar]; dup {
					t.Errorf("%s is also %s's variable", s.EnvVar, other)
				}
				envVars[s.EnvVar] = d.Vendor + "." + s.Attribute
			}
			if !attrs[sandbox.BaseURLAttribute] || d.BaseURLEnv != prefix+"BASE_URL" {
				t.Errorf("base_url falls back to %q", d.BaseURLEnv)
			}

			snap, err := json.Marshal(e.Snapshot())
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Seed) == 0 {
				t.Error("no seed values")
			}
			for _, v := range d.Seed {
				if v.Name == "" || v.About == "" {
					t.Errorf("seed value %+v needs a name and a description", v)
				}
				// Ids are JSON numbers or strings in every seed format.
				if !strings.Contains(string(snap), ":"+v.Value) && !strings.Contains(string(snap), `:"`+v.Value+`"`) {
					t.Errorf("a fresh emulator holds no %s %s:\n%s", v.Name, v.Value, snap)
				}
			}
		})
	}
}

func TestAll_MountTogether(t *testing.T) {
	var all []sandbox.Emulator
	for _, d := range All() {
		all = append(all, d.New())
	}
	srv := sandbox.NewServer(all...)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	if !slices.Equal(srv.Vendors(), Vendors()) {
		t.Errorf("server lists %v, the list %v", srv.Vendors(), Vendors())
	}
	for _, d := range All() {
		if got, want := srv.BaseURL(d.Vendor), srv.URL()+"/"+d.Vendor+d.BasePath; got != want {
			t.Errorf("%s: base URL %s, want %s", d.Vendor, got, want)
		}
	}
}

func TestLookup(t *testing.T) {
	d, ok := Lookup("twosms")
	if !ok || d.Vendor != "twosms" {
		t.Errorf("Lookup(twosms) = %q, %v", d.Vendor, ok)
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup found an unknown vendor")
	}
}
