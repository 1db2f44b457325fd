package sandbox

import (
	"slices"
	"testing"
)

func TestDescriptor_SettingsAt(t *testing.T) {
	d := Descriptor{
		Vendor:     "v",
		BaseURLEnv: "V_BASE_URL",
		Settings: []Setting{
			{Attribute: "key", EnvVar: "V_KEY", Value: "k", Sensitive: true},
			{Attribute: "org", Value: "7", Number: true},
		},
	}
	got := d.SettingsAt("http://127.0.0.1:1/v")
	want := []Setting{
		{Attribute: "base_url", EnvVar: "V_BASE_URL", Value: "http://127.0.0.1:1/v"},
		{Attribute: "key", EnvVar: "V_KEY", Value: "k", Sensitive: true},
		{Attribute: "org", Value: "7", Number: true},
	}
	if !slices.Equal(got, want) {
		t.Errorf("SettingsAt\n got %+v\nwant %+v", got, want)
	}
	if s, ok := d.Setting("org"); !ok || s.Value != "7" {
		t.Errorf("Setting(org) = %+v, %v", s, ok)
	}
	if _, ok := d.Setting("base_url"); ok {
		t.Error("base_url has no fixed value; Setting must not find it")
	}
}

func TestSetting_HCL(t *testing.T) {
	for _, c := range []struct {
		s    Setting
		want string
	}{
		{Setting{Value: "1001", Number: true}, `1001`},
		{Setting{Value: "1001"}, `"1001"`},
		{Setting{Value: `a"b\c${x}%{y}` + "\n"}, `"a\"b\\c$${x}%%{y}\n"`},
	} {
		if got := c.s.HCL(); got != c.want {
			t.Errorf("HCL(%+v) = %s, want %s", c.s, got, c.want)
		}
	}
}
