package quickhelp

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Helpers for tests that change data behind the provider's back, the way an
// admin in the QuickHelp portal, a Graph sync or SSO provisioning would
// (quickhelp-api.md §4, §6). They bypass the API: no keys, no validation.

// Users returns copies of every stored user, by id, including the fields the
// list does not return (confirmed, bypassSso, customerId).
func (e *Emulator) Users() []User {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.data.sortedUsers(nil)
}

// AddUser stores u as a user created outside the API (the only way QuickHelp
// users come into being, §6) and returns what was stored. A zero UserID gets
// the next free id; a zero CustomerID gets the first key's own customer, and
// a customer the emulator does not know is added. Role ids are lower-cased;
// unknown roles are kept and listed with an empty name. A user with the same
// id is replaced.
func (e *Emulator) AddUser(u User) User {
	e.mu.Lock()
	defer e.mu.Unlock()
	u = u.clone()
	if u.UserID <= 0 {
		u.UserID = e.data.nextUserID
	}
	if u.CustomerID <= 0 {
		u.CustomerID = e.data.homeCustomer()
	}
	e.data.ensureCustomer(u.CustomerID)
	for i, id := range u.Roles {
		u.Roles[i] = strings.ToLower(id)
	}
	e.data.users[u.UserID] = u
	e.data.nextUserID = max(e.data.nextUserID, u.UserID+1)
	return u.clone()
}

// DeleteUserHard removes a user without going through the API, as if an
// admin had deleted it in the portal. An unknown or malformed id is ignored.
func (e *Emulator) DeleteUserHard(id string) {
	n, err := strconv.Atoi(strings.TrimSpace(id))
	if err != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.data.users, n)
}

// ListCalls is how many getUserList requests were answered with 200 since
// the emulator was built (seeding does not reset it), for tests of the
// provider's caching.
func (e *Emulator) ListCalls() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.listCalls
}

// SetUserField changes one field of a stored user. field is the document's
// JSON name ("firstName", "licensed", "bypassSso", ...), matched without
// regard to case or underscores, so "bypass_sso" and "license_issued" work
// too. value must fit the field: a string for text fields, a bool for
// licensed/confirmed/bypassSso, an integer for customerId, []string for
// roles, []Group for groups, SSO, *SSO or nil for sso. userId cannot be
// changed.
func (e *Emulator) SetUserField(id string, field string, value any) error {
	n, err := strconv.Atoi(strings.TrimSpace(id))
	if err != nil {
		return fmt.Errorf("quickhelp: user id %q is not a number", id)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.data.users[n]
	if !ok {
		return fmt.Errorf("quickhelp: no user %d", n)
	}
	if err := setField(&u, field, value); err != nil {
		return fmt.Errorf("quickhelp: user %d: %w", n, err)
	}
	e.data.ensureCustomer(u.CustomerID)
	e.data.users[n] = u
	return nil
}

func setField(u *User, field string, value any) error {
	norm := strings.ToLower(strings.ReplaceAll(field, "_", ""))
	strField := map[string]*string{
		"firstname": &u.FirstName, "lastname": &u.LastName, "email": &u.Email,
		"department": &u.Department, "jobtitle": &u.JobTitle, "country": &u.Country,
	}
	boolField := map[string]*bool{
		"licensed": &u.Licensed, "licenseissued": &u.Licensed,
		"confirmed": &u.Confirmed, "bypasssso": &u.BypassSSO,
	}
	if dst, ok := strField[norm]; ok {
		s, ok := value.(string)
		if !ok && value != nil {
			return fmt.Errorf("field %s takes a string, got %T", field, value)
		}
		*dst = s
		return nil
	}
	if dst, ok := boolField[norm]; ok {
		b, ok := value.(bool)
		if !ok {
			return fmt.Errorf("field %s takes a bool, got %T", field, value)
		}
		*dst = b
		return nil
	}
	switch norm {
	case "customerid":
		c, ok := asInt(value)
		if !ok || c <= 0 || c > math.MaxInt32 {
			return fmt.Errorf("field %s takes a positive 32-bit integer, got %v", field, value)
		}
		u.CustomerID = c
	case "roles":
		switch r := value.(type) {
		case nil:
			u.Roles = nil
		case []string:
			u.Roles = make([]string, len(r))
			for i, id := range r {
				u.Roles[i] = strings.ToLower(id)
			}
		default:
			return fmt.Errorf("field %s takes []string, got %T", field, value)
		}
	case "groups":
		g, ok := value.([]Group)
		if !ok && value != nil {
			return fmt.Errorf("field %s takes []Group, got %T", field, value)
		}
		u.Groups = slices.Clone(g)
	case "sso":
		switch s := value.(type) {
		case nil:
			u.SSO = nil
		case SSO:
			s.CustomFields = slices.Clone(s.CustomFields)
			u.SSO = &s
		case *SSO:
			if s == nil {
				u.SSO = nil
				break
			}
			c := *s
			c.CustomFields = slices.Clone(c.CustomFields)
			u.SSO = &c
		default:
			return fmt.Errorf("field %s takes SSO, *SSO or nil, got %T", field, value)
		}
	case "userid":
		return fmt.Errorf("field %s cannot be changed", field)
	default:
		return fmt.Errorf("unknown field %q", field)
	}
	return nil
}

// asInt accepts the integer forms a test is likely to pass.
func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(n), true
	case float64:
		if n == math.Trunc(n) {
			return int(n), true
		}
	case string:
		i, err := strconv.Atoi(n)
		return i, err == nil
	}
	return 0, false
}
