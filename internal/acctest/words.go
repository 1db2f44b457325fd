package acctest

import (
	"regexp"
	"strings"
)

// Words matches the given phrases in order, whatever whitespace and line
// breaks the CLI puts between their words when it wraps a diagnostic, so
// ExpectError patterns can be written as the sentences a user reads.
func Words(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		fields := strings.Fields(p)
		for j, f := range fields {
			fields[j] = regexp.QuoteMeta(f)
		}
		quoted[i] = strings.Join(fields, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}
