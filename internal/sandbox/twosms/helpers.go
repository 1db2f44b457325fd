package twosms

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
)

// The helpers below change or read data behind the API's back, as someone
// working in the 2sms portal would. They skip the API's validation, so a
// test can build states PUT would refuse. None of them returns a password,
// PIN or secret except Password and PIN themselves.

// Users returns every user, super users included, ordered by DisplayName,
// without Password or Pin.
func (e *Emulator) Users() []User {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]User, 0, len(e.users))
	for _, u := range e.sortedUsers() {
		out = append(out, u.public())
	}
	return out
}

// AddUser stores u, replacing any user with the same ID, and returns it as
// stored (without Password or Pin). An empty ID gets a new GUID, an empty
// AccountID or LanguageID the first seeded one, a zero DateCreated now. It
// panics when an ID is not a GUID or names an account (or, without
// AcceptUnknownLanguages, a language) the seed lacks: a bad fixture is a bug
// in the test.
func (e *Emulator) AddUser(u User) User {
	e.mu.Lock()
	defer e.mu.Unlock()
	st := state{opts: e.opts, accounts: e.accounts, languages: e.languages}
	if err := st.normalizeUser(&u, e.now()); err != nil {
		panic("twosms: AddUser: " + err.Error())
	}
	e.users[u.ID] = &u
	return u.public()
}

// DeleteUserHard removes a user outright, as no API call can (§4.10). An
// unknown id is ignored.
func (e *Emulator) DeleteUserHard(id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if g, ok := parseGUID(id); ok {
		delete(e.users, g)
	}
}

// Password returns the user's stored password, "" when none or no such user.
func (e *Emulator) Password(id string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if u := e.lookup(id); u != nil {
		return u.Password
	}
	return ""
}

// PIN returns the user's stored PIN; "" is the document's null (a random PIN
// at each login) or no such user.
func (e *Emulator) PIN(id string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if u := e.lookup(id); u != nil {
		return u.Pin
	}
	return ""
}

// SetUserField sets one field of a stored user, named as the wire spells it
// (case-insensitively), plus "Password", "Pin" and "SuperUser". Values are Go
// values: string (GUIDs as strings), bool, an integer for Preferences, and
// time.Time, *time.Time or an RFC 3339 string for dates; nil clears a
// nullable field. ID cannot change. DateModified becomes now unless it is
// the field being set, as it would after an edit in the portal.
func (e *Emulator) SetUserField(id, field string, value any) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	u := e.lookup(id)
	if u == nil {
		return fmt.Errorf("twosms: SetUserField: no user %q", id)
	}
	next := *u
	if err := setField(&next, field, value); err != nil {
		return fmt.Errorf("twosms: SetUserField %s: %w", field, err)
	}
	if !strings.EqualFold(field, "DateModified") {
		next.DateModified = e.now()
	}
	e.users[next.ID] = &next
	return nil
}

func (e *Emulator) lookup(id string) *User {
	g, ok := parseGUID(id)
	if !ok {
		return nil
	}
	return e.users[g]
}

func setField(u *User, field string, value any) error {
	var err error
	switch strings.ToLower(field) {
	case "id":
		return fmt.Errorf("ID cannot change; use DeleteUserHard and AddUser")
	case "agreementdate":
		u.AgreementDate, err = asTimePtr(value)
	case "declinedate":
		u.DeclineDate, err = asTimePtr(value)
	case "datecreated":
		u.DateCreated, err = asTime(value)
	case "datemodified":
		u.DateModified, err = asTime(value)
	case "accountid":
		u.AccountID, err = asGUID(value)
	case "languageid":
		u.LanguageID, err = asGUID(value)
	case "adminuser":
		u.AdminUser, err = asBool(value)
	case "enabled":
		u.Enabled, err = asBool(value)
	case "ssoenabled":
		u.SSOEnabled, err = asBool(value)
	case "superuser":
		u.SuperUser, err = asBool(value)
	case "preferences":
		u.Preferences, err = asInt(value)
	case "displayname":
		u.DisplayName, err = asString(value)
	case "dpaversion":
		u.DPAVersion, err = asString(value)
	case "emailaddress":
		u.EmailAddress, err = asString(value)
	case "mobilephone":
		u.MobilePhone, err = asString(value)
	case "password":
		u.Password, err = asString(value)
	case "pin":
		u.Pin, err = asString(value)
	case "privacypolicyversion":
		u.PrivacyPolicyVersion, err = asString(value)
	case "timezone":
		u.TimeZone, err = asString(value)
	case "username":
		u.Username, err = asString(value)
	default:
		return fmt.Errorf("no such field")
	}
	return err
}

func asString(v any) (string, error) {
	switch s := v.(type) {
	case nil:
		return "", nil
	case string:
		return s, nil
	case *string:
		if s == nil {
			return "", nil
		}
		return *s, nil
	}
	return "", fmt.Errorf("want a string, got %T", v)
}

func asGUID(v any) (string, error) {
	s, err := asString(v)
	if err != nil {
		return "", err
	}
	g, ok := parseGUID(s)
	if !ok {
		return "", fmt.Errorf("%q is not a GUID", s)
	}
	return g, nil
}

func asBool(v any) (bool, error) {
	if b, ok := v.(bool); ok {
		return b, nil
	}
	return false, fmt.Errorf("want a bool, got %T", v)
}

func asInt(v any) (int, error) {
	switch n := v.(type) {
	case int:
		return n, nil
	case int32:
		return int(n), nil
	case int64:
		return int(n), nil
	case float64:
		if n == math.Trunc(n) {
			return int(n), nil
		}
	case json.Number:
		i, err := n.Int64()
		return int(i), err
	}
	return 0, fmt.Errorf("want an integer, got %T %v", v, v)
}

func asTime(v any) (time.Time, error) {
	t, err := asTimePtr(v)
	if err != nil {
		return time.Time{}, err
	}
	if t == nil {
		return time.Time{}, fmt.Errorf("the field is not nullable")
	}
	return *t, nil
}

func asTimePtr(v any) (*time.Time, error) {
	var t time.Time
	switch x := v.(type) {
	case nil:
		return nil, nil
	case time.Time:
		t = x
	case *time.Time:
		if x == nil {
			return nil, nil
		}
		t = *x
	case string:
		var ok bool
		if t, ok = parseWireTime(x); !ok {
			return nil, fmt.Errorf("%q is not a date-time", x)
		}
	default:
		return nil, fmt.Errorf("want a time.Time, got %T", v)
	}
	t = wireTruncate(t)
	return &t, nil
}
