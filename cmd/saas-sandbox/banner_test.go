package main

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// banner is what parseBanner read from saas-sandbox's output.
type banner struct {
	text      string
	block     map[string]map[string]string // vendor -> attribute -> value
	literal   map[string]map[string]string // vendor -> attribute -> HCL literal as printed
	sensitive map[string]bool              // "vendor.attribute" marked sensitive
	env       map[string]string            // exported variable -> value
}

// parseBanner reads the one provider block and the export lines, failing
// the test on any line inside the block it does not understand, on a second
// block and on a variable exported twice.
func parseBanner(t *testing.T, text string) banner {
	t.Helper()
	b := banner{text: text, block: map[string]map[string]string{}, literal: map[string]map[string]string{}, sensitive: map[string]bool{}, env: map[string]string{}}
	blocks, vendor := 0, ""
	inBlock := false
	for n, line := range strings.Split(text, "\n") {
		switch {
		case !inBlock && line == `provider "saas" {`:
			blocks++
			inBlock = true
		case !inBlock && strings.HasPrefix(line, "export "):
			name, quoted, _ := strings.Cut(strings.TrimPrefix(line, "export "), "=")
			if _, dup := b.env[name]; dup {
				t.Errorf("line %d exports %s again", n+1, name)
			}
			b.env[name] = shellUnquote(t, quoted)
		case !inBlock:
		case vendor == "" && line == "}":
			inBlock = false
		case vendor == "" && strings.HasPrefix(line, "  ") && strings.HasSuffix(line, " {"):
			vendor = strings.TrimSuffix(strings.TrimPrefix(line, "  "), " {")
			if b.block[vendor] != nil {
				t.Errorf("line %d opens %s again", n+1, vendor)
			}
			b.block[vendor], b.literal[vendor] = map[string]string{}, map[string]string{}
		case vendor != "" && line == "  }":
			vendor = ""
		case vendor != "" && strings.HasPrefix(line, "    "):
			attr, lit, ok := strings.Cut(strings.TrimSpace(line), " = ")
			if !ok {
				t.Fatalf("line %d: %q", n+1, line)
			}
			attr = strings.TrimSpace(attr)
			if lit, ok = strings.CutSuffix(lit, " # sensitive"); ok {
				b.sensitive[vendor+"."+attr] = true
			}
			b.literal[vendor][attr] = lit
			b.block[vendor][attr] = hclValue(t, lit)
		default:
			t.Fatalf("line %d inside the provider block: %q\n%s", n+1, line, text)
		}
	}
	if blocks != 1 || inBlock {
		t.Fatalf("want one complete provider block, found %d (open: %v):\n%s", blocks, inBlock, text)
	}
	return b
}

// hclValue reads the literals the banner writes: a number or a string.
func hclValue(t *testing.T, lit string) string {
	t.Helper()
	if !strings.HasPrefix(lit, `"`) {
		if _, err := strconv.ParseInt(lit, 10, 64); err != nil {
			t.Fatalf("literal %s is neither a string nor a number", lit)
		}
		return lit
	}
	s, err := strconv.Unquote(lit)
	if err != nil {
		t.Fatalf("literal %s: %v", lit, err)
	}
	return strings.NewReplacer("$${", "${", "%%{", "%{").Replace(s)
}

// shellUnquote reads the value of an export line: single-quoted runs,
// joined by \' for a quote.
func shellUnquote(t *testing.T, s string) string {
	t.Helper()
	var out strings.Builder
	for s != "" {
		if rest, ok := strings.CutPrefix(s, `\'`); ok {
			out.WriteByte('\'')
			s = rest
			continue
		}
		body, rest, ok := strings.Cut(strings.TrimPrefix(s, "'"), "'")
		if !strings.HasPrefix(s, "'") || !ok {
			t.Fatalf("not a single-quoted shell value: %q", s)
		}
		out.WriteString(body)
		s = rest
	}
	return out.String()
}

// TestBanner_EveryVendorInBothForms checks that the banner's provider block
// and its export lines each carry every setting of every descriptor, with
// the descriptor's values, and that the block holds nothing else.
func TestBanner_EveryVendorInBothForms(t *testing.T) {
	root, stop := start(t)
	b := parseBanner(t, stop())

	if got := slices.Sorted(maps.Keys(b.block)); !slices.Equal(got, emulators.Vendors()) {
		t.Errorf("the block names %v, want %v", got, emulators.Vendors())
	}
	exported := 0
	for _, d := range emulators.All() {
		settings := d.SettingsAt(root + "/" + d.Vendor + d.BasePath)
		if len(b.block[d.Vendor]) != len(settings) {
			t.Errorf("%s block %v, want the %d settings %+v", d.Vendor, b.block[d.Vendor], len(settings), settings)
		}
		for _, s := range settings {
			key := d.Vendor + "." + s.Attribute
			if got, ok := b.block[d.Vendor][s.Attribute]; !ok || got != s.Value {
				t.Errorf("block: %s = %q, want %q", key, got, s.Value)
			}
			if quoted := strings.HasPrefix(b.literal[d.Vendor][s.Attribute], `"`); quoted == s.Number {
				t.Errorf("block: %s printed as %s", key, b.literal[d.Vendor][s.Attribute])
			}
			if b.sensitive[key] != s.Sensitive {
				t.Errorf("block: %s marked sensitive %v, want %v", key, b.sensitive[key], s.Sensitive)
			}
			if s.EnvVar == "" {
				if !strings.Contains(b.text, key+": no environment variable") {
					t.Errorf("the banner does not say %s has no environment variable", key)
				}
				continue
			}
			exported++
			if got, ok := b.env[s.EnvVar]; !ok || got != s.Value {
				t.Errorf("export %s=%q, want %q (%s)", s.EnvVar, got, s.Value, key)
			}
		}
		for _, v := range d.Seed {
			want := v.Name + " = " + v.Value
			found := false
			for _, line := range strings.Split(b.text, "\n") {
				if strings.HasPrefix(line, "#   "+d.Vendor+" ") && strings.Contains(line, " "+want+" ") && strings.HasSuffix(line, "  "+v.About) {
					found = true
				}
			}
			if !found {
				t.Errorf("the banner lacks %s's seed %s (%s)", d.Vendor, want, v.About)
			}
		}
	}
	if len(b.env) != exported {
		t.Errorf("%d variables exported, want %d: %v", len(b.env), exported, b.env)
	}
}

func TestShellUnquote(t *testing.T) {
	if got := shellUnquote(t, strings.TrimPrefix(exportLine("X", "it's 'here'"), "export X=")); got != "it's 'here'" {
		t.Errorf("round trip: %q", got)
	}
}
