package quickhelp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Default credentials and tenant, used when a seed gives none.
const (
	DefaultAPIKey          = "sandbox-quickhelp-api-key"
	DefaultSubscriptionKey = "sandbox-quickhelp-subscription-key"
	DefaultCustomerID      = 1001
)

// SeedData is the seed format, and what Snapshot returns:
//
//	{"options": {...}, "keys": [{"api_key", "subscription_key", "partner",
//	"customer_ids"}], "customers": [{"id", "name"}], "roles": [{"id", "name"}],
//	"users": [{...User}]}
//
// In a seed, absent "keys" means the default key pair for DefaultCustomerID
// and absent "roles" means DefaultRoles; a key entry without its secrets gets
// derived defaults (see Seed). Customers that keys or users refer to are
// added when "customers" does not list them. Absent "options" keeps the
// options the emulator has.
type SeedData struct {
	Options   Options    `json:"options"`
	Keys      []Key      `json:"keys"`
	Customers []Customer `json:"customers"`
	Roles     []Role     `json:"roles"`
	Users     []User     `json:"users"`
}

// seedInput tells an absent list from an empty one.
type seedInput struct {
	Options   *Options   `json:"options"`
	Keys      *[]Key     `json:"keys"`
	Customers []Customer `json:"customers"`
	Roles     *[]Role    `json:"roles"`
	Users     []User     `json:"users"`
}

// DefaultRoles are the admin roles the vendor's support articles name
// (quickhelp-api.md §4). [I] Their GUIDs are the emulator's own: the document
// has no list of role ids.
func DefaultRoles() []Role {
	return []Role{
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000001", Name: "Assignment Administrator"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000002", Name: "Communication Administrator"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000003", Name: "Library Administrator"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000004", Name: "System Group Administrator"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000005", Name: "User Administrator"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000006", Name: "Partner Administrator"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000007", Name: "Account Manager"},
		{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000008", Name: "Simulated Phishing Administrator"},
	}
}

// DefaultSeed is the data a new emulator starts with: one customer, its
// customer-level key pair, the default roles and no users (QuickHelp users
// cannot be created through the API, §0; tests add them with AddUser).
func DefaultSeed() SeedData {
	return SeedData{
		Keys: []Key{{
			APIKey:          DefaultAPIKey,
			SubscriptionKey: DefaultSubscriptionKey,
			CustomerIDs:     []int{DefaultCustomerID},
		}},
		Customers: []Customer{{ID: DefaultCustomerID, Name: "Sandbox Customer"}},
		Roles:     DefaultRoles(),
		Users:     []User{},
	}
}

// defaultKeyPair is the secrets a seed's key entry i gets when it leaves them
// out, as a seed made from Snapshot does: the defaults for the first entry,
// numbered variants for the others.
func defaultKeyPair(i int) (apiKey, subscriptionKey string) {
	if i == 0 {
		return DefaultAPIKey, DefaultSubscriptionKey
	}
	return fmt.Sprintf("%s-%d", DefaultAPIKey, i+1), fmt.Sprintf("%s-%d", DefaultSubscriptionKey, i+1)
}

// Seed replaces the emulator's data with raw (the SeedData format). Empty or
// null raw means DefaultSeed. Unknown JSON fields are errors, so a typo in a
// seed file does not pass silently. Rate-limit and quota windows restart.
func (e *Emulator) Seed(raw json.RawMessage) error {
	var in seedInput
	if trimmed := bytes.TrimSpace(raw); len(trimmed) > 0 && !bytes.Equal(trimmed, []byte("null")) {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return fmt.Errorf("quickhelp seed: %w", err)
		}
	} else {
		d := DefaultSeed()
		in = seedInput{Keys: &d.Keys, Customers: d.Customers, Roles: &d.Roles, Users: d.Users}
	}
	if in.Options != nil {
		if err := in.Options.validate(); err != nil {
			return fmt.Errorf("quickhelp seed: %w", err)
		}
	}
	st, err := buildStore(in)
	if err != nil {
		return fmt.Errorf("quickhelp seed: %w", err)
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	if in.Options != nil {
		opts := *in.Options
		opts.Now = e.opts.Now
		e.opts = opts
	}
	e.data = st
	e.resetLimits()
	return nil
}

// Snapshot returns the current data as SeedData, with every key's secrets
// left out so that a snapshot can be logged or shared.
func (e *Emulator) Snapshot() any {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := SeedData{
		Options:   e.opts,
		Keys:      make([]Key, 0, len(e.data.keys)),
		Customers: make([]Customer, 0, len(e.data.customers)),
		Roles:     make([]Role, 0, len(e.data.roles)),
		Users:     e.data.sortedUsers(nil),
	}
	out.Options.Now = nil
	for _, k := range e.data.keys {
		k = k.clone()
		k.APIKey, k.SubscriptionKey = "", ""
		out.Keys = append(out.Keys, k)
	}
	for _, c := range e.data.customers {
		out.Customers = append(out.Customers, c)
	}
	sort.Slice(out.Customers, func(i, j int) bool { return out.Customers[i].ID < out.Customers[j].ID })
	for _, r := range e.data.roles {
		out.Roles = append(out.Roles, r)
	}
	sort.Slice(out.Roles, func(i, j int) bool { return out.Roles[i].ID < out.Roles[j].ID })
	return out
}

// buildStore checks a seed and turns it into a store.
func buildStore(in seedInput) (store, error) {
	st := store{customers: map[int]Customer{}, roles: map[string]Role{}, users: map[int]User{}}

	keys := []Key{{CustomerIDs: []int{DefaultCustomerID}}}
	if in.Keys != nil {
		keys = *in.Keys
	}
	apiKeys := map[string]bool{}
	for i, k := range keys {
		k = k.clone()
		defAPI, defSub := defaultKeyPair(i)
		if k.APIKey == "" {
			k.APIKey = defAPI
		}
		if k.SubscriptionKey == "" {
			k.SubscriptionKey = defSub
		}
		if apiKeys[k.APIKey] {
			return store{}, fmt.Errorf("keys[%d]: api_key is used by an earlier key", i)
		}
		apiKeys[k.APIKey] = true
		switch {
		case len(k.CustomerIDs) == 0:
			return store{}, fmt.Errorf("keys[%d]: customer_ids is required", i)
		case !k.Partner && len(k.CustomerIDs) != 1:
			return store{}, fmt.Errorf("keys[%d]: a customer key (partner false) has exactly one customer id, got %d", i, len(k.CustomerIDs))
		}
		for _, id := range k.CustomerIDs {
			if err := checkID(id); err != nil {
				return store{}, fmt.Errorf("keys[%d].customer_ids: %w", i, err)
			}
		}
		st.keys = append(st.keys, k)
	}

	for i, c := range in.Customers {
		if err := checkID(c.ID); err != nil {
			return store{}, fmt.Errorf("customers[%d].id: %w", i, err)
		}
		if _, dup := st.customers[c.ID]; dup {
			return store{}, fmt.Errorf("customers[%d]: id %d is listed twice", i, c.ID)
		}
		st.customers[c.ID] = c
	}
	for _, k := range st.keys {
		for _, id := range k.CustomerIDs {
			st.ensureCustomer(id)
		}
	}

	roles := DefaultRoles()
	if in.Roles != nil {
		roles = *in.Roles
	}
	for i, r := range roles {
		if !isGUID(r.ID) {
			return store{}, fmt.Errorf("roles[%d].id: %q is not a GUID", i, r.ID)
		}
		r.ID = strings.ToLower(r.ID)
		if _, dup := st.roles[r.ID]; dup {
			return store{}, fmt.Errorf("roles[%d]: id %s is listed twice", i, r.ID)
		}
		st.roles[r.ID] = r
	}

	maxID := 0
	for _, u := range in.Users {
		maxID = max(maxID, u.UserID)
	}
	for i, u := range in.Users {
		u = u.clone()
		if u.UserID == 0 {
			maxID++
			u.UserID = maxID
		}
		if err := checkID(u.UserID); err != nil {
			return store{}, fmt.Errorf("users[%d].userId: %w", i, err)
		}
		if _, dup := st.users[u.UserID]; dup {
			return store{}, fmt.Errorf("users[%d]: userId %d is listed twice", i, u.UserID)
		}
		if u.CustomerID == 0 {
			u.CustomerID = st.homeCustomer()
		}
		if err := checkID(u.CustomerID); err != nil {
			return store{}, fmt.Errorf("users[%d].customerId: %w", i, err)
		}
		st.ensureCustomer(u.CustomerID)
		for j, id := range u.Roles {
			id = strings.ToLower(id)
			if _, ok := st.roles[id]; !ok {
				return store{}, fmt.Errorf("users[%d].roles[%d]: %q is not one of the seed's roles", i, j, u.Roles[j])
			}
			u.Roles[j] = id
		}
		st.users[u.UserID] = u
	}
	st.nextUserID = maxID + 1
	return st, nil
}

// checkID accepts the positive int32 ids the document's schemas use.
func checkID(id int) error {
	if id <= 0 || id > math.MaxInt32 {
		return errors.New("must be a positive 32-bit integer")
	}
	return nil
}
