package twosms

import (
	"strings"
	"testing"
)

func TestValidPhone(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"+44 (0) 1234-567", true},
		{"12345", true},
		{"+12345", true},
		{"07700 900123", true},
		{"(555) 123-4567", true},
		{strings.Repeat("1", 20), true},
		{"+" + strings.Repeat("1", 20), true}, // the "+" is outside the 5 to 20
		{"1234", false},                       // too few digits
		{"+1234", false},                      // too few digits
		{"12 34", false},                      // five characters, four digits
		{"(1)-(2)-(3)-(4)", false},            // long enough, four digits
		{strings.Repeat("1", 21), false},      // 21 characters
		{"+" + strings.Repeat("1", 21), false},
		{"12345abc", false}, // letters
		{"O7700 900123", false},
		{"44+12345", false},  // "+" only first
		{"++4412345", false}, // one "+" only
		{"12345.678", false},
		{"", false},
		{"     ", false},
		{"12\t345", true},   // \s covers tab
		{"12\n345", false},  // the look-ahead's "." stops at a line feed
		{"12345\n6", true},  // five digits before it are enough
		{"123٤5678", false}, // non-ASCII digits: the stricter reading
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := validPhone(tt.in); got != tt.want {
				t.Errorf("validPhone(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseGUID(t *testing.T) {
	const d = "a2d8b2d2-1673-4f2d-a9ec-b02947160be7"
	tests := []struct {
		in   string
		want string
	}{
		{d, d},
		{strings.ToUpper(d), d},
		{"{" + d + "}", d},
		{"(" + d + ")", d},
		{strings.ReplaceAll(d, "-", ""), d},
		{" " + d + " ", d},
		{"", ""},
		{"a2d8b2d2", ""},
		{"{" + d + ")", ""},
		{strings.Replace(d, "a", "g", 1), ""},
		{strings.Replace(d, "-", "_", 1), ""},
		{d + "0", ""},
	}
	for _, tt := range tests {
		got, ok := parseGUID(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseGUID(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestBlank(t *testing.T) {
	for in, want := range map[string]bool{"": true, " ": true, "\t\n": true, "\u00a0": true, "x": false, " x ": false} {
		if got := blank(in); got != want {
			t.Errorf("blank(%q) = %v", in, got)
		}
	}
}

func TestNewGUID(t *testing.T) {
	g := newGUID()
	if p, ok := parseGUID(g); !ok || p != g || g[14] != '4' {
		t.Errorf("newGUID() = %q", g)
	}
	if newGUID() == g {
		t.Error("newGUID repeats")
	}
}
