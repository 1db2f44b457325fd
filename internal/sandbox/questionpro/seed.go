package questionpro

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Credentials and ids of the default seed.
const (
	// DefaultAPIKey is the administrator key of the default organization;
	// its user is the organization's primary user.
	DefaultAPIKey = "sandbox-questionpro-key"
	// ViewerAPIKey belongs to a user of the default organization without
	// administration rights: user administration answers 403/1013.
	ViewerAPIKey = "sandbox-questionpro-viewer-key"
	// OtherOrgAPIKey is the administrator key of a second organization, for
	// tests of organization scoping.
	OtherOrgAPIKey = "sandbox-questionpro-other-org-key"

	DefaultOrganizationID = 1001
	OtherOrganizationID   = 1002
	DefaultAdminUserID    = 3001
	DefaultViewerUserID   = 3002
	OtherOrgAdminUserID   = 3101
	DefaultDepartmentID   = 2001
	ResearchDepartmentID  = 2002
	OtherOrgDepartmentID  = 2101
)

// SeedData is the emulator's seed format and what Snapshot returns. The top
// level and the organization, department and key entries use snake_case;
// users are spelled exactly as the API's user object (camelCase, §4) plus a
// write-only "password".
type SeedData struct {
	// Options replaces the emulator's options when present; absent, the
	// current options stay.
	Options       *Options           `json:"options,omitempty"`
	APIKeys       []SeedAPIKey       `json:"api_keys"`
	Organizations []SeedOrganization `json:"organizations"`
	Departments   []SeedDepartment   `json:"departments"`
	Users         []SeedUser         `json:"users"`
}

// SeedAPIKey binds a key to an organization and a user. Snapshot leaves Key
// empty; Seed keeps entries without a key as descriptions that grant nothing,
// so a snapshot seeds the same data back without revealing a key.
type SeedAPIKey struct {
	Key            string `json:"key,omitempty"`
	OrganizationID int    `json:"organization_id"`
	UserID         int    `json:"user_id"`
	Admin          bool   `json:"admin"`
}

// SeedOrganization is an organization. PrimaryAccountID defaults to the user
// of the organization's first admin key; License is the organization
// object's `license` (§5.8).
type SeedOrganization struct {
	ID               int    `json:"id"`
	Name             string `json:"name"`
	License          string `json:"license,omitempty"`
	PrimaryAccountID int    `json:"primary_account_id,omitempty"`
}

// SeedDepartment is a department of an organization (§5.9).
type SeedDepartment struct {
	ID               int    `json:"id"`
	OrganizationID   int    `json:"organization_id"`
	Name             string `json:"name"`
	PrimaryAccountID int    `json:"primary_account_id,omitempty"`
}

// SeedUser is a user in the API's spelling plus its password, which Seed
// stores and Snapshot never returns. Empty userType, licenseType and dates
// get the values POST /users would give.
type SeedUser struct {
	User
	Password string `json:"password,omitempty"`
}

// defaultSeedData is what New starts with and what an empty seed restores:
// two organizations, three departments, three users and three keys.
func defaultSeedData() SeedData {
	return SeedData{
		APIKeys: []SeedAPIKey{
			{Key: DefaultAPIKey, OrganizationID: DefaultOrganizationID, UserID: DefaultAdminUserID, Admin: true},
			{Key: ViewerAPIKey, OrganizationID: DefaultOrganizationID, UserID: DefaultViewerUserID, Admin: false},
			{Key: OtherOrgAPIKey, OrganizationID: OtherOrganizationID, UserID: OtherOrgAdminUserID, Admin: true},
		},
		Organizations: []SeedOrganization{
			{ID: DefaultOrganizationID, Name: "Sandbox Organization", License: "Enterprise Annual", PrimaryAccountID: DefaultAdminUserID},
			{ID: OtherOrganizationID, Name: "Other Sandbox Organization", License: "Enterprise Annual", PrimaryAccountID: OtherOrgAdminUserID},
		},
		Departments: []SeedDepartment{
			{ID: DefaultDepartmentID, OrganizationID: DefaultOrganizationID, Name: "Headquarters", PrimaryAccountID: DefaultAdminUserID},
			{ID: ResearchDepartmentID, OrganizationID: DefaultOrganizationID, Name: "Research", PrimaryAccountID: DefaultAdminUserID},
			{ID: OtherOrgDepartmentID, OrganizationID: OtherOrganizationID, Name: "Headquarters", PrimaryAccountID: OtherOrgAdminUserID},
		},
		Users: []SeedUser{
			{User: User{
				UserID: DefaultAdminUserID, DepartmentID: DefaultDepartmentID, OrganizationID: DefaultOrganizationID,
				FirstName: "Sandbox", LastName: "Admin", EmailAddress: "admin@sandbox.example.com",
				LicenseType: "Enterprise Annual", LicenseStartDate: "2024-01-01", CreationDate: "2024-01-01", UserType: "License",
			}},
			{User: User{
				UserID: DefaultViewerUserID, DepartmentID: ResearchDepartmentID, OrganizationID: DefaultOrganizationID,
				FirstName: "Sandbox", LastName: "Viewer", EmailAddress: "viewer@sandbox.example.com",
				LicenseType: defaultLicenseType, LicenseStartDate: "2024-01-01", CreationDate: "2024-01-01", UserType: "License",
			}},
			{User: User{
				UserID: OtherOrgAdminUserID, DepartmentID: OtherOrgDepartmentID, OrganizationID: OtherOrganizationID,
				FirstName: "Other", LastName: "Admin", EmailAddress: "admin@other.example.com",
				LicenseType: "Enterprise Annual", LicenseStartDate: "2024-01-01", CreationDate: "2024-01-01", UserType: "License",
			}},
		},
	}
}

// DefaultSeed is the default seed as JSON, keys included, for tools that
// write a starting seed file.
func DefaultSeed() json.RawMessage {
	b, err := json.Marshal(defaultSeedData())
	if err != nil {
		panic("questionpro: default seed does not marshal: " + err.Error())
	}
	return b
}

// Seed replaces all data with raw (the SeedData format); empty or null raw
// restores the default seed. Rate-limit windows, the call allowance and the
// 429 counter start over. On error nothing changes.
func (e *Emulator) Seed(raw json.RawMessage) error {
	data := defaultSeedData()
	if t := bytes.TrimSpace(raw); len(t) != 0 && !bytes.Equal(t, []byte("null")) {
		data = SeedData{}
		if err := strictUnmarshal(t, &data); err != nil {
			return fmt.Errorf("questionpro seed: %w", err)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.load(data); err != nil {
		return fmt.Errorf("questionpro seed: %w", err)
	}
	return nil
}

// load validates data and swaps it in. Callers hold mu (or own e).
func (e *Emulator) load(data SeedData) error {
	opts := e.opts
	if data.Options != nil {
		clock := opts.Clock
		opts = *data.Options
		if opts.Clock == nil {
			opts.Clock = clock
		}
	}

	orgs := map[int]*SeedOrganization{}
	for i, o := range data.Organizations {
		if o.ID <= 0 {
			return fmt.Errorf("organizations[%d]: id must be positive", i)
		}
		if orgs[o.ID] != nil {
			return fmt.Errorf("organizations[%d]: duplicate id %d", i, o.ID)
		}
		orgs[o.ID] = &o
	}

	users := map[int]*User{}
	passwords := map[int]string{}
	emails := map[string]int{}
	lastUser := 0
	for i, su := range data.Users {
		u := su.User
		switch {
		case u.UserID <= 0:
			return fmt.Errorf("users[%d]: userID must be positive", i)
		case users[u.UserID] != nil:
			return fmt.Errorf("users[%d]: duplicate userID %d", i, u.UserID)
		case orgs[u.OrganizationID] == nil:
			return fmt.Errorf("users[%d]: organizationID %d is not a seeded organization", i, u.OrganizationID)
		case u.EmailAddress == "":
			return fmt.Errorf("users[%d]: emailAddress is required", i)
		}
		lower := strings.ToLower(u.EmailAddress)
		if other, dup := emails[lower]; dup {
			return fmt.Errorf("users[%d]: emailAddress %s is already used by user %d", i, u.EmailAddress, other)
		}
		emails[lower] = u.UserID
		users[u.UserID] = &u
		if su.Password != "" {
			passwords[u.UserID] = su.Password
		}
		lastUser = max(lastUser, u.UserID)
	}
	userIn := func(id, org int) bool { u := users[id]; return u != nil && u.OrganizationID == org }

	depts := map[int]*SeedDepartment{}
	lastDept := 0
	for i, d := range data.Departments {
		switch {
		case d.ID <= 0:
			return fmt.Errorf("departments[%d]: id must be positive", i)
		case depts[d.ID] != nil:
			return fmt.Errorf("departments[%d]: duplicate id %d", i, d.ID)
		case orgs[d.OrganizationID] == nil:
			return fmt.Errorf("departments[%d]: organization_id %d is not a seeded organization", i, d.OrganizationID)
		case d.PrimaryAccountID != 0 && !userIn(d.PrimaryAccountID, d.OrganizationID):
			return fmt.Errorf("departments[%d]: primary_account_id %d is not a user of organization %d", i, d.PrimaryAccountID, d.OrganizationID)
		}
		depts[d.ID] = &d
		lastDept = max(lastDept, d.ID)
	}
	for id, u := range users {
		if d := depts[u.DepartmentID]; u.DepartmentID != 0 && (d == nil || d.OrganizationID != u.OrganizationID) {
			return fmt.Errorf("user %d: departmentID %d is not a department of organization %d", id, u.DepartmentID, u.OrganizationID)
		}
	}

	keys := map[string]*SeedAPIKey{}
	var described []SeedAPIKey
	for i, k := range data.APIKeys {
		switch {
		case k.Key != "" && keys[k.Key] != nil:
			return fmt.Errorf("api_keys[%d]: duplicate key", i)
		case orgs[k.OrganizationID] == nil:
			return fmt.Errorf("api_keys[%d]: organization_id %d is not a seeded organization", i, k.OrganizationID)
		case k.UserID != 0 && !userIn(k.UserID, k.OrganizationID):
			return fmt.Errorf("api_keys[%d]: user_id %d is not a user of organization %d", i, k.UserID, k.OrganizationID)
		}
		if k.Key == "" {
			// A snapshot's description of a key: kept for the next
			// snapshot, grants nothing.
			described = append(described, k)
			continue
		}
		keys[k.Key] = &k
		if o := orgs[k.OrganizationID]; o.PrimaryAccountID == 0 && k.Admin && k.UserID != 0 {
			o.PrimaryAccountID = k.UserID
		}
	}
	for _, o := range orgs {
		if o.PrimaryAccountID != 0 && !userIn(o.PrimaryAccountID, o.ID) {
			return fmt.Errorf("organization %d: primary_account_id %d is not a user of it", o.ID, o.PrimaryAccountID)
		}
	}

	e.opts = opts
	e.orgs, e.depts, e.users, e.passwords, e.keys = orgs, depts, users, passwords, keys
	e.describedKeys = described
	e.lastUserID, e.lastDeptID = lastUser, lastDept
	for _, u := range e.users {
		e.fillUserDefaults(u)
	}
	e.keyCalls, e.orgCalls = callLog[string]{}, callLog[int]{}
	e.allowanceUsed = map[int]int{}
	e.rateLimited = 0
	return nil
}

// Snapshot returns the current data in the seed format, without secrets:
// API keys have no "key" and users no "password".
func (e *Emulator) Snapshot() any {
	e.mu.Lock()
	defer e.mu.Unlock()
	opts := e.opts
	opts.Clock = nil
	s := SeedData{
		Options:       &opts,
		APIKeys:       []SeedAPIKey{},
		Organizations: []SeedOrganization{},
		Departments:   []SeedDepartment{},
		Users:         []SeedUser{},
	}
	keys := append([]SeedAPIKey(nil), e.describedKeys...)
	for _, k := range e.keys {
		keys = append(keys, *k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.OrganizationID != b.OrganizationID {
			return a.OrganizationID < b.OrganizationID
		}
		if a.UserID != b.UserID {
			return a.UserID < b.UserID
		}
		return a.Key < b.Key
	})
	for _, k := range keys {
		k.Key = ""
		s.APIKeys = append(s.APIKeys, k)
	}
	for _, o := range e.orgs {
		s.Organizations = append(s.Organizations, *o)
	}
	sort.Slice(s.Organizations, func(i, j int) bool { return s.Organizations[i].ID < s.Organizations[j].ID })
	for _, d := range e.depts {
		s.Departments = append(s.Departments, *d)
	}
	sort.Slice(s.Departments, func(i, j int) bool { return s.Departments[i].ID < s.Departments[j].ID })
	for _, u := range e.users {
		s.Users = append(s.Users, SeedUser{User: *u})
	}
	sort.Slice(s.Users, func(i, j int) bool { return s.Users[i].UserID < s.Users[j].UserID })
	return s
}

// strictUnmarshal decodes one JSON value and refuses unknown keys and
// trailing data, so mistakes in a seed file are reported, not ignored.
func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}
