package quickhelp

import (
	"slices"
	"sort"
	"strings"
)

// User is one QuickHelp user as the emulator stores it: the union of
// updateUserAccount's input and getUserList's output (quickhelp-api.md §3,
// §4), with the document's JSON names. Confirmed, BypassSSO and CustomerID
// are stored but never listed (§3's field mapping). It is also the element of
// a seed's "users" array.
type User struct {
	UserID     int    `json:"userId"`
	CustomerID int    `json:"customerId,omitempty"`
	FirstName  string `json:"firstName,omitempty"`
	LastName   string `json:"lastName,omitempty"`
	Email      string `json:"email,omitempty"`
	Department string `json:"department,omitempty"`
	JobTitle   string `json:"jobTitle,omitempty"`
	// Licensed is update's "licensed" and the list's "licenseIssued".
	Licensed  bool `json:"licensed"`
	Confirmed bool `json:"confirmed"`
	BypassSSO bool `json:"bypassSso"`
	// Roles are role GUIDs in lower case, as .NET prints a Guid.
	Roles []string `json:"roles,omitempty"`
	// Groups, Country and SSO are read-only through the API (§6).
	Groups  []Group `json:"groups,omitempty"`
	Country string  `json:"country,omitempty"`
	SSO     *SSO    `json:"sso,omitempty"`
}

// Group is a user's group as getUserList shows it (§3).
type Group struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// SSO is the user's single-sign-on detail block in getUserList (§3).
type SSO struct {
	UserID       string        `json:"userId"`
	Company      string        `json:"company"`
	Location     string        `json:"location"`
	Platform     string        `json:"platform"`
	CustomFields []CustomField `json:"customFields"`
}

// CustomField is one entry of SSO.CustomFields.
type CustomField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Role is an admin role; users carry role GUIDs (§4).
type Role struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Customer is a QuickHelp customer account (tenant); every user belongs to
// one (§6).
type Customer struct {
	ID   int    `json:"id"`
	Name string `json:"name,omitempty"`
}

// Key is one credential pair. The subscription key opens the APIM gateway;
// the API key (Authorization) picks the customer context (§1). A partner key
// may act for every customer in CustomerIDs; a customer key has exactly one.
// The first customer id is the key's own account, used when a call names no
// customer. Snapshot never returns the two secrets.
type Key struct {
	APIKey          string `json:"api_key,omitempty"`
	SubscriptionKey string `json:"subscription_key,omitempty"`
	Partner         bool   `json:"partner"`
	CustomerIDs     []int  `json:"customer_ids"`
}

// store is everything the emulator knows; Emulator.mu guards it.
type store struct {
	keys      []Key
	customers map[int]Customer
	roles     map[string]Role // by lower-case GUID
	users     map[int]User
	// nextUserID never goes down, so a GDPR-deleted user's id is never
	// handed out again (§5: such users cannot be re-created by an admin).
	nextUserID int
}

func (u User) clone() User {
	u.Roles = slices.Clone(u.Roles)
	u.Groups = slices.Clone(u.Groups)
	if u.SSO != nil {
		s := *u.SSO
		s.CustomFields = slices.Clone(s.CustomFields)
		u.SSO = &s
	}
	return u
}

func (k Key) clone() Key {
	k.CustomerIDs = slices.Clone(k.CustomerIDs)
	return k
}

// sortedUsers returns copies of the users, by id.
func (s *store) sortedUsers(keep func(User) bool) []User {
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		if keep == nil || keep(u) {
			out = append(out, u.clone())
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UserID < out[j].UserID })
	return out
}

// userByEmail finds a user by email, ignoring case, skipping one id.
func (s *store) userByEmail(email string, skip int) (User, bool) {
	for _, u := range s.users {
		if u.UserID != skip && u.Email != "" && strings.EqualFold(u.Email, email) {
			return u, true
		}
	}
	return User{}, false
}

// ensureCustomer adds a customer the data refers to but does not list.
func (s *store) ensureCustomer(id int) {
	if _, ok := s.customers[id]; !ok {
		s.customers[id] = Customer{ID: id}
	}
}

// homeCustomer is where a user added without a customer goes: the first
// key's own account.
func (s *store) homeCustomer() int {
	if len(s.keys) > 0 && len(s.keys[0].CustomerIDs) > 0 {
		return s.keys[0].CustomerIDs[0]
	}
	return DefaultCustomerID
}
