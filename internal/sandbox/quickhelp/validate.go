package quickhelp

import (
	"net/mail"
	"regexp"
	"strings"
)

// guidPattern is a GUID in .NET's "D" form. [I] quickhelp-api.md §4: roles are
// "uuid" strings; the braced and undashed forms Guid.Parse would also take
// are refused so that a client sends the form the list returns.
var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func isGUID(s string) bool { return guidPattern.MatchString(s) }

// isEmail accepts a bare address with a dotted domain. [I] quickhelp-api.md
// §4: format checks are [UNKNOWN]; this is at least as strict as .NET's
// EmailAddressAttribute for the addresses a directory holds.
func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
