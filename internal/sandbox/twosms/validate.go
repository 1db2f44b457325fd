package twosms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// phonePatternDoc is the MobilePhone pattern exactly as §3.1 documents it; it
// appears in the validation message.
const phonePatternDoc = `^(?=.*?\d.*?\d.*?\d.*?\d.*?\d)([+]?)([\d\s\(\)-]{5,20})$`

// phoneShape is phonePatternDoc without its look-ahead, which Go's RE2 cannot
// express (§3.1 validation notes): an optional "+", then 5 to 20 characters
// drawn from digits, white space, "(", ")" and "-". minPhoneDigits stands
// for the look-ahead.
//
// [I] twosms-api.md §3.1: .NET's \d and \s also match non-ASCII digits and
// spaces; the emulator takes the stricter ASCII reading (\s as tab, LF, VT,
// FF, CR and space).
var phoneShape = regexp.MustCompile(`^\+?[0-9\t\n\v\f\r ()\-]{5,20}$`)

const minPhoneDigits = 5

// validPhone reports whether s matches the documented MobilePhone pattern.
// The look-ahead (?=.*?\d…) is anchored at the start and its "." stops at a
// line feed, so only the digits before the first "\n" count.
func validPhone(s string) bool {
	if !phoneShape.MatchString(s) {
		return false
	}
	head, _, _ := strings.Cut(s, "\n")
	digits := 0
	for _, r := range head {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= minPhoneDigits
}

// emailPatternDoc is the account model's EmailAddress pattern (§3.6), used
// for users only when Options.ValidateEmail is set.
const emailPatternDoc = `^([0-9a-zA-Z]([-.\w']*[0-9a-zA-Z])*@([0-9a-zA-Z][-\w']*[0-9a-zA-Z]\.)+[a-zA-Z]{2,9})$`

var emailPattern = regexp.MustCompile(emailPatternDoc)

// blank is .NET's [Required] test for strings: null, empty or white space.
func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// parseGUID accepts what .NET's Guid parser accepts for a route or body
// value (the "D", "N", "B" and "P" forms, any case, surrounding white space)
// and returns the lower-case hyphenated form of §2.2.
func parseGUID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 38 && (s[0] == '{' && s[37] == '}' || s[0] == '(' && s[37] == ')') {
		s = s[1:37]
	}
	if len(s) == 32 && isHex(s) {
		s = s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
	}
	if len(s) != 36 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return "", false
			}
		default:
			if !isHex(s[i : i+1]) {
				return "", false
			}
		}
	}
	return strings.ToLower(s), true
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
		default:
			return false
		}
	}
	return true
}

// parseWireTime reads a date-time as .NET's JSON reader would: ISO-8601
// with or without an offset (none means UTC) or a bare date.
func parseWireTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.9999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return wireTruncate(t), true
		}
	}
	return time.Time{}, false
}

// present is one field of a PUT body: whether the body carried it and, if
// so, whether it was null.
type present struct {
	set  bool
	null bool
}

type putString struct {
	present
	v string
}

type putBool struct {
	present
	v bool
}

type putInt struct {
	present
	v int
}

// userPut is a PUT body after model binding (§4.4): every writable field of
// §3.1 with whether the body carried it. The read-only and server-owned
// fields are type-checked and then dropped, because PUT ignores them.
type userPut struct {
	AdminUser    putBool
	DisplayName  putString
	EmailAddress putString
	Enabled      putBool
	LanguageID   putString // lower-case GUID when set
	MobilePhone  putString
	Password     putString
	Pin          putString
	Preferences  putInt
	SSOEnabled   putBool
	TimeZone     putString
	Username     putString
}

// modelPrefix names the action's parameter in ModelState keys. [I]
// twosms-api.md §4.4: the parameter's name is not documented; "user" is what
// the help page calls it.
const modelPrefix = "user."

// decodeUserPut binds a PUT body to a User the way ASP.NET Web API and
// Json.NET do.
//
// [I] twosms-api.md §2.3: property names match case-insensitively (the last
// of two spellings in the body wins) and unknown properties are ignored; a
// value of the wrong JSON type (a string for a bool, a malformed GUID or
// date, null for a non-nullable bool, int or Guid) is a model-binding error,
// which the caller answers with HTTP 400 and ModelState. Strings must be JSON
// strings: Json.NET would coerce a number, the emulator does not.
func decodeUserPut(body []byte) (userPut, map[string][]string) {
	if b := bytes.TrimSpace(body); len(b) == 0 || bytes.Equal(b, []byte("null")) {
		return userPut{}, map[string][]string{"user": {"A value is required but was not present in the request."}}
	}
	fields, ok := jsonObjectFolded(body)
	if !ok {
		return userPut{}, map[string][]string{"user": {"The request body is not one JSON object."}}
	}

	var p userPut
	ms := map[string][]string{}
	bad := func(name string, v json.RawMessage, typ string) {
		ms[modelPrefix+name] = append(ms[modelPrefix+name],
			fmt.Sprintf("Error converting value %s to type '%s'.", compactJSON(v), typ))
	}
	str := func(name string, dst *putString) {
		v, ok := fields[strings.ToLower(name)]
		if !ok {
			return
		}
		dst.set = true
		if isNull(v) {
			dst.null = true
			return
		}
		if err := json.Unmarshal(v, &dst.v); err != nil {
			bad(name, v, "System.String")
		}
	}
	boolean := func(name string, dst *putBool) {
		v, ok := fields[strings.ToLower(name)]
		if !ok {
			return
		}
		dst.set = true
		if isNull(v) || json.Unmarshal(v, &dst.v) != nil {
			bad(name, v, "System.Boolean")
		}
	}
	integer := func(name string, dst *putInt, typ string) {
		v, ok := fields[strings.ToLower(name)]
		if !ok {
			return
		}
		dst.set = true
		var n int32
		if isNull(v) || json.Unmarshal(v, &n) != nil {
			bad(name, v, typ)
		}
		dst.v = int(n)
	}
	guid := func(name string, dst *putString) {
		v, ok := fields[strings.ToLower(name)]
		if !ok {
			return
		}
		dst.set = true
		var s string
		if isNull(v) || json.Unmarshal(v, &s) != nil {
			bad(name, v, "System.Guid")
			return
		}
		g, ok := parseGUID(s)
		if !ok {
			bad(name, v, "System.Guid")
			return
		}
		dst.v = g
	}
	date := func(name string) {
		v, ok := fields[strings.ToLower(name)]
		if !ok || isNull(v) {
			return
		}
		var s string
		if json.Unmarshal(v, &s) != nil {
			bad(name, v, "System.DateTime")
			return
		}
		if _, ok := parseWireTime(s); !ok {
			bad(name, v, "System.DateTime")
		}
	}

	// Bound and checked, then ignored: the read-only fields of §3.1 and,
	// [I] twosms-api.md §3.1, ID, AccountID, DateCreated, DateModified
	// and UserPassword.
	var ignoredGUID, ignoredString putString
	guid("ID", &ignoredGUID)
	date("AgreementDate")
	guid("AccountID", &ignoredGUID)
	date("DateCreated")
	date("DateModified")
	date("DeclineDate")
	str("DPAVersion", &ignoredString)
	str("PrivacyPolicyVersion", &ignoredString)
	str("UserPassword", &ignoredString)

	boolean("AdminUser", &p.AdminUser)
	str("DisplayName", &p.DisplayName)
	str("EmailAddress", &p.EmailAddress)
	boolean("Enabled", &p.Enabled)
	guid("LanguageID", &p.LanguageID)
	str("MobilePhone", &p.MobilePhone)
	str("Password", &p.Password)
	str("Pin", &p.Pin)
	integer("Preferences", &p.Preferences, "TwoSms.CustomerPortalRole.API.Admin.Users.Preferences")
	boolean("SSOEnabled", &p.SSOEnabled)
	str("TimeZone", &p.TimeZone)
	str("Username", &p.Username)

	if len(ms) > 0 {
		return userPut{}, ms
	}
	return p, nil
}

// jsonObjectFolded reads one JSON object into its members keyed by lower-case
// name, later members replacing earlier ones as in Json.NET. It fails on
// anything but a single object (null, an array, bad JSON, trailing data).
func jsonObjectFolded(body []byte) (map[string]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	fields := map[string]json.RawMessage{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, false
		}
		name, ok := t.(string)
		if !ok {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		fields[strings.ToLower(name)] = v
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		return nil, false
	}
	return fields, true
}

func isNull(v json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(v), []byte("null"))
}

func compactJSON(v json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		return string(v)
	}
	if b.String() == "null" {
		return "{null}"
	}
	return b.String()
}

// Validation messages, worded as .NET's data annotations and Web API's JSON
// formatter word them.
func msgMissing(field string) string {
	return "Required property '" + field + "' not found in JSON."
}

func msgRequired(field string) string {
	return "The " + field + " field is required."
}

func msgPattern(field, pattern string) string {
	return "The field " + field + " must match the regular expression '" + pattern + "'."
}

// validateUser runs the §3.1 rules on the user a PUT would store: the
// required fields, the MobilePhone pattern and, [I] twosms-api.md §3.5/§3.7,
// a LanguageID from the seeded table (unless AcceptUnknownLanguages), a
// Username no other user has (compared case-insensitively), and the email
// pattern when ValidateEmail is set. Messages come in the document's field
// order. Callers hold e.mu.
func (e *Emulator) validateUser(u *User, missing map[string]bool) []string {
	var msgs []string
	required := func(field, v string) bool {
		switch {
		case missing[field]:
			msgs = append(msgs, msgMissing(field))
		case blank(v):
			msgs = append(msgs, msgRequired(field))
		default:
			return true
		}
		return false
	}

	required("DisplayName", u.DisplayName)
	if required("EmailAddress", u.EmailAddress) && e.opts.ValidateEmail && !emailPattern.MatchString(u.EmailAddress) {
		msgs = append(msgs, msgPattern("EmailAddress", emailPatternDoc))
	}
	if missing["Enabled"] {
		msgs = append(msgs, msgMissing("Enabled"))
	}
	switch {
	case missing["LanguageID"]:
		msgs = append(msgs, msgMissing("LanguageID"))
	case !e.opts.AcceptUnknownLanguages && !e.hasLanguage(u.LanguageID):
		msgs = append(msgs, "The LanguageID '"+guidOrEmpty(u.LanguageID)+"' is not a known language.")
	}
	if required("MobilePhone", u.MobilePhone) && !validPhone(u.MobilePhone) {
		msgs = append(msgs, msgPattern("MobilePhone", phonePatternDoc))
	}
	required("TimeZone", u.TimeZone)
	if required("Username", u.Username) {
		for id, other := range e.users {
			if id != u.ID && strings.EqualFold(other.Username, u.Username) {
				msgs = append(msgs, "The Username '"+u.Username+"' is already in use.")
				break
			}
		}
	}
	return msgs
}

func (e *Emulator) hasLanguage(id string) bool {
	for _, l := range e.languages {
		if l.ID == id {
			return true
		}
	}
	return false
}

func (e *Emulator) hasAccount(id string) bool {
	for _, a := range e.accounts {
		if a.ID == id {
			return true
		}
	}
	return false
}
