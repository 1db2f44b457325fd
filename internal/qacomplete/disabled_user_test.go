package qacomplete

import (
	"regexp"
	"strings"
	"testing"
)

// emptyParens is "()" or "( )": what a message shows when a value it puts
// in parentheses is empty.
var emptyParens = regexp.MustCompile(`\(\s*\)`)

func TestDisabledUserMessages(t *testing.T) {
	cases := []struct {
		name, got string
		want      []string
	}{
		{
			name: "create, not adopting",
			got:  disabledExistingDetail(8162, "grace@example.com", 24793, false),
			want: []string{"user id 24793, which is disabled", "no call that re-enables a user", "re-enable user 24793 in the QAComplete UI first, then import it", "terraform import <resource address> 8162/24793", `id = "8162/24793"`, "set adopt_existing = true", "another e-mail address"},
		},
		{
			name: "create, adopting",
			got:  disabledExistingDetail(8162, "grace@example.com", 24793, true),
			want: []string{"user id 24793, which is disabled", "re-enable user 24793 in the QAComplete UI first, then apply again: adopt_existing = true takes it over"},
		},
		{
			name: "import, no e-mail known",
			got:  disabledImportDetail(8162, 24793, ""),
			want: []string{"User 24793 in department 8162 is disabled", "Re-enable it in the QAComplete UI first, then import it again"},
		},
		{
			name: "import, with e-mail",
			got:  disabledImportDetail(8162, 24793, "grace@example.com"),
			want: []string{"User 24793 in department 8162 (grace@example.com) is disabled"},
		},
	}
	for _, c := range cases {
		for _, w := range c.want {
			if !strings.Contains(c.got, w) {
				t.Errorf("%s: %q lacks %q", c.name, c.got, w)
			}
		}
		if emptyParens.MatchString(c.got) {
			t.Errorf("%s: %q shows an empty pair of parentheses", c.name, c.got)
		}
	}
}

func TestInParens(t *testing.T) {
	for in, want := range map[string]string{"": "", "grace@example.com": " (grace@example.com)"} {
		if got := inParens(in); got != want {
			t.Errorf("inParens(%q) = %q, want %q", in, got, want)
		}
	}
}
