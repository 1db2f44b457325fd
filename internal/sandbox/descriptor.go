package sandbox

import "strings"

// Descriptor is everything outside an emulator's package needs to know about
// it: how to build it, where it serves, the data a fresh one holds and the
// provider settings that reach it. Each emulator package exports exactly one;
// internal/sandbox/emulators lists them for saas-sandbox and the acceptance
// tests, so neither keeps its own copy of a vendor's login or ids.
type Descriptor struct {
	// Vendor is the emulator's mount name and the name of the vendor's
	// block in the provider configuration ("qacomplete", "questionpro",
	// "quickhelp", "twosms").
	Vendor string

	// BasePath is where the vendor serves its API on a real host; the
	// emulator's BasePath returns the same, so base_url is the server root,
	// "/" + Vendor and BasePath.
	BasePath string

	// New builds the emulator with its default (least forgiving) options,
	// holding the default seed.
	New func() Emulator

	// BaseURLEnv is the environment variable the provider reads base_url
	// from when the block leaves it out.
	BaseURLEnv string

	// Settings are the other attributes a provider block needs to work
	// against a fresh emulator: credentials and ids, with their values.
	Settings []Setting

	// Seed names the identifiers in the default seed that a configuration
	// refers to, such as the department users are created in.
	Seed []SeedValue

	// Switches are the points the vendor's document leaves open, each with
	// the readings the emulator can take (see Switch).
	Switches []Switch
}

// BaseURLAttribute is the attribute of every vendor block that points the
// provider at an API root.
const BaseURLAttribute = "base_url"

// SettingsAt is every setting of the vendor's provider block for the emulator
// served at baseURL (what Server.BaseURL returns for Vendor): base_url first,
// then Settings.
func (d Descriptor) SettingsAt(baseURL string) []Setting {
	out := make([]Setting, 0, 1+len(d.Settings))
	out = append(out, Setting{Attribute: BaseURLAttribute, EnvVar: d.BaseURLEnv, Value: baseURL})
	return append(out, d.Settings...)
}

// Setting returns the setting of that attribute among Settings.
func (d Descriptor) Setting(attribute string) (Setting, bool) {
	for _, s := range d.Settings {
		if s.Attribute == attribute {
			return s, true
		}
	}
	return Setting{}, false
}

// Setting is one attribute of a vendor's provider block with the value that
// reaches an emulator.
type Setting struct {
	Attribute string // attribute name in the vendor's provider block, e.g. "username"
	EnvVar    string // the environment variable the provider falls back to; "" when it has none
	Value     string // the sandbox's value: public and sandbox-only, never a real secret
	Number    bool   // the attribute is a number, written unquoted in HCL
	Sensitive bool   // the provider marks the attribute sensitive
}

// HCL is the value as an HCL literal for the attribute.
func (s Setting) HCL() string {
	if s.Number {
		return s.Value
	}
	return HCLString(s.Value)
}

// HCLString quotes a value for an HCL string literal, escaping template
// sequences so a value is never interpolated.
func HCLString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "${", "$${", "%{", "%%{")
	return `"` + r.Replace(s) + `"`
}

// SeedValue is one identifier in the data a fresh emulator holds.
type SeedValue struct {
	Name  string // the attribute a configuration puts it in, e.g. "dept_id"
	Value string
	About string // what it identifies, for a person reading the banner
}
