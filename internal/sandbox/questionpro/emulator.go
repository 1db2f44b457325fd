// Package questionpro emulates the user, department and organization calls of
// the QuestionPro API v2 (questionpro-api.md), for the provider's acceptance
// tests, its demo and users who want to try configurations offline.
//
// It is written from the vendor document alone and shares no code with the
// provider's client. Where the document is silent the emulator takes the least
// forgiving reading; every such choice is marked "[I]" with the section it
// extends, and the kinder readings sit behind Options.
package questionpro

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Identity of the emulator on the shared sandbox server.
const (
	// name is the vendor key the shared server mounts the emulator under.
	name = "questionpro"
	// basePath is the API's path on a real host (questionpro-api.md §1.2:
	// https://api.questionpro.{{env}}/a/api/v2).
	basePath = "/a/api/v2"
)

// Options switches the emulator between the strict reading of the document
// (the zero value) and kinder ones, and turns the documented limits on. It can
// be given to New or in the seed's "options" object (JSON names in tags).
type Options struct {
	// AllowLegacyAuth accepts the key in the retired forms, the `apiKey`
	// header and the `apiKey` query parameter (§1.1). Off: those forms get
	// 401/1010 like a wrong key.
	AllowLegacyAuth bool `json:"allow_legacy_auth,omitempty"`

	// MergeOnUpdate makes PUT /users/{user-id} and the department and
	// organization PUTs keep the fields their body omits. Off: omitted
	// writable fields are reset (§5.3 leaves it open).
	MergeOnUpdate bool `json:"merge_on_update,omitempty"`

	// IgnoreUnknownFields makes request bodies ignore read-only and unknown
	// keys. Off: such keys get 400/1002.
	IgnoreUnknownFields bool `json:"ignore_unknown_fields,omitempty"`

	// OrgListDepartmentIDs makes GET /organizations/{id}/users report each
	// user's real departmentID. Off: that list reports departmentID 0, as the
	// document's example does (§4, §5.5).
	OrgListDepartmentIDs bool `json:"org_list_department_ids,omitempty"`

	// RequirePasswordOnCreate makes POST /users refuse a body without
	// `password` (§5.2 leaves it open).
	RequirePasswordOnCreate bool `json:"require_password_on_create,omitempty"`

	// ErrorIDAsString writes the error `id` as a numeric string ("1010"), as
	// the per-operation error schemas declare, instead of a number (§2.1).
	ErrorIDAsString bool `json:"error_id_as_string,omitempty"`

	// SearchAnswer is the shape of a search-by-e-mail hit (§5.7):
	// SearchAnswerObject (the default; "" means it too), one user object as
	// the document's example and schema show, or SearchAnswerList, an array
	// holding the user, as a third-party wrapper shows it.
	SearchAnswer string `json:"search_answer,omitempty"`

	// SearchNoMatch is the answer to a search by e-mail that matches nobody,
	// which §5.7 leaves undocumented: NoMatchNotFound (the default; ""
	// means it too), 404 NOT_FOUND 1040; NoMatchEmptyList, 200 with an
	// empty response array; NoMatchNull, 200 with a null response.
	SearchNoMatch string `json:"search_no_match,omitempty"`

	// UserWriteAnswer is what a successful POST /users or PUT
	// /users/{user-id} carries: WriteAnswerUser (the default; "" means it
	// too), the user, as the §5.2/§5.3 examples show; WriteAnswerNull, a
	// null response (§1.3 allows null); WriteAnswerOmitted, an envelope
	// with no response key at all, only requestID.
	UserWriteAnswer string `json:"user_write_answer,omitempty"`

	// KeyRateLimit is the number of calls one API key may make per
	// RateWindow (the document's value is 300, §3). 0: no limit.
	KeyRateLimit int `json:"key_rate_limit,omitempty"`

	// OrgRateLimit is the number of calls all keys of one organization may
	// make per RateWindow (the document's value is 2400, §3). 0: no limit.
	OrgRateLimit int `json:"org_rate_limit,omitempty"`

	// RateWindow is the sliding window both limits count over; 0 means the
	// documented 60 seconds. JSON: a Go duration string such as "60s".
	RateWindow time.Duration `json:"-"`

	// CallAllowance is the licence's allowance of calls per organization
	// (§3: 5,000 to 20,000, 500 on trials); once used up every call gets 429
	// until the emulator is seeded again. 0: no allowance.
	CallAllowance int `json:"call_allowance,omitempty"`

	// OmitRetryAfter drops the Retry-After header from 429 answers, which
	// the document never mentions (§3), so a client's own backoff is tested.
	OmitRetryAfter bool `json:"omit_retry_after,omitempty"`

	// MaxPerPage caps perPage on list calls; larger values are clamped and
	// the pagination block reports the page size used. 0 means 1000 (§3).
	MaxPerPage int `json:"max_per_page,omitempty"`

	// Clock replaces time.Now for rate limits and creation dates, so tests
	// move time instead of sleeping. Never part of the seed.
	Clock func() time.Time `json:"-"`
}

// optionsJSON is Options on the wire: RateWindow as a duration string.
type optionsJSON struct {
	AllowLegacyAuth         bool   `json:"allow_legacy_auth,omitempty"`
	MergeOnUpdate           bool   `json:"merge_on_update,omitempty"`
	IgnoreUnknownFields     bool   `json:"ignore_unknown_fields,omitempty"`
	OrgListDepartmentIDs    bool   `json:"org_list_department_ids,omitempty"`
	RequirePasswordOnCreate bool   `json:"require_password_on_create,omitempty"`
	ErrorIDAsString         bool   `json:"error_id_as_string,omitempty"`
	SearchAnswer            string `json:"search_answer,omitempty"`
	SearchNoMatch           string `json:"search_no_match,omitempty"`
	UserWriteAnswer         string `json:"user_write_answer,omitempty"`
	KeyRateLimit            int    `json:"key_rate_limit,omitempty"`
	OrgRateLimit            int    `json:"org_rate_limit,omitempty"`
	RateWindow              string `json:"rate_window,omitempty"`
	CallAllowance           int    `json:"call_allowance,omitempty"`
	OmitRetryAfter          bool   `json:"omit_retry_after,omitempty"`
	MaxPerPage              int    `json:"max_per_page,omitempty"`
}

// MarshalJSON writes the options in the seed's spelling.
func (o Options) MarshalJSON() ([]byte, error) {
	w := optionsJSON{
		AllowLegacyAuth:         o.AllowLegacyAuth,
		MergeOnUpdate:           o.MergeOnUpdate,
		IgnoreUnknownFields:     o.IgnoreUnknownFields,
		OrgListDepartmentIDs:    o.OrgListDepartmentIDs,
		RequirePasswordOnCreate: o.RequirePasswordOnCreate,
		ErrorIDAsString:         o.ErrorIDAsString,
		SearchAnswer:            o.SearchAnswer,
		SearchNoMatch:           o.SearchNoMatch,
		UserWriteAnswer:         o.UserWriteAnswer,
		KeyRateLimit:            o.KeyRateLimit,
		OrgRateLimit:            o.OrgRateLimit,
		CallAllowance:           o.CallAllowance,
		OmitRetryAfter:          o.OmitRetryAfter,
		MaxPerPage:              o.MaxPerPage,
	}
	if o.RateWindow != 0 {
		w.RateWindow = o.RateWindow.String()
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the seed's spelling and refuses unknown keys, so a typo
// in a seed file fails loudly instead of silently leaving a switch off.
func (o *Options) UnmarshalJSON(b []byte) error {
	var w optionsJSON
	if err := strictUnmarshal(b, &w); err != nil {
		return err
	}
	var window time.Duration
	if w.RateWindow != "" {
		d, err := time.ParseDuration(w.RateWindow)
		if err != nil || d < 0 {
			return fmt.Errorf("rate_window %q: want a positive Go duration such as \"60s\"", w.RateWindow)
		}
		window = d
	}
	for _, c := range []struct {
		key, v  string
		allowed []string
	}{
		{"search_answer", w.SearchAnswer, []string{SearchAnswerObject, SearchAnswerList}},
		{"search_no_match", w.SearchNoMatch, []string{NoMatchNotFound, NoMatchEmptyList, NoMatchNull}},
		{"user_write_answer", w.UserWriteAnswer, []string{WriteAnswerUser, WriteAnswerNull, WriteAnswerOmitted}},
	} {
		if c.v != "" && !slices.Contains(c.allowed, c.v) {
			return fmt.Errorf("%s %q: want one of %s", c.key, c.v, strings.Join(c.allowed, ", "))
		}
	}
	if w.KeyRateLimit < 0 || w.OrgRateLimit < 0 || w.CallAllowance < 0 || w.MaxPerPage < 0 {
		return fmt.Errorf("limits must not be negative")
	}
	*o = Options{
		AllowLegacyAuth:         w.AllowLegacyAuth,
		MergeOnUpdate:           w.MergeOnUpdate,
		IgnoreUnknownFields:     w.IgnoreUnknownFields,
		OrgListDepartmentIDs:    w.OrgListDepartmentIDs,
		RequirePasswordOnCreate: w.RequirePasswordOnCreate,
		ErrorIDAsString:         w.ErrorIDAsString,
		SearchAnswer:            w.SearchAnswer,
		SearchNoMatch:           w.SearchNoMatch,
		UserWriteAnswer:         w.UserWriteAnswer,
		KeyRateLimit:            w.KeyRateLimit,
		OrgRateLimit:            w.OrgRateLimit,
		RateWindow:              window,
		CallAllowance:           w.CallAllowance,
		OmitRetryAfter:          w.OmitRetryAfter,
		MaxPerPage:              w.MaxPerPage,
	}
	return nil
}

// User is the user object of questionpro-api.md §4, spelled and ordered as
// the wire shows it. The password is write-only and kept apart.
type User struct {
	UserID           int    `json:"userID"`
	DepartmentID     int    `json:"departmentID"`
	OrganizationID   int    `json:"organizationID"`
	FirstName        string `json:"firstName"`
	LastName         string `json:"lastName"`
	EmailAddress     string `json:"emailAddress"`
	Phone            string `json:"phone"`
	LicenseType      string `json:"licenseType"`
	LicenseStartDate string `json:"licenseStartDate"`
	CreationDate     string `json:"creationDate"`
	UserType         string `json:"userType"`
}

// Emulator is the QuestionPro API v2 emulator. All state sits in plain maps
// behind mu.
type Emulator struct {
	mu   sync.Mutex
	opts Options

	orgs      map[int]*SeedOrganization
	depts     map[int]*SeedDepartment
	users     map[int]*User
	passwords map[int]string
	keys      map[string]*SeedAPIKey
	// describedKeys are seed entries without a key (from a snapshot).
	describedKeys []SeedAPIKey

	lastUserID int
	lastDeptID int

	keyCalls      callLog[string]
	orgCalls      callLog[int]
	allowanceUsed map[int]int
	rateLimited   int
}

// New returns an emulator holding the default seed (see DefaultSeed) and the
// given options.
func New(opts Options) *Emulator {
	e := &Emulator{opts: opts}
	if err := e.load(defaultSeedData()); err != nil {
		panic("questionpro: default seed is invalid: " + err.Error())
	}
	return e
}

// Name is the vendor key.
func (e *Emulator) Name() string { return name }

// BasePath is the API's base path on a real host (§1.2).
func (e *Emulator) BasePath() string { return basePath }

// Routes registers the documented calls, section by section. Go ServeMux
// wildcards must be identifiers, so the document's {user-id} is {userID},
// {organization-id} is {organizationID} and {department-id} is {departmentID}.
func (e *Emulator) Routes(mux *http.ServeMux) {
	// §5.1–§5.7: users.
	mux.HandleFunc("GET /users/{userID}", e.endpoint(e.getUser))
	mux.HandleFunc("POST /users", e.endpoint(e.createUser))
	mux.HandleFunc("PUT /users/{userID}", e.endpoint(e.updateUser))
	mux.HandleFunc("DELETE /organizations/{organizationID}/users/{userID}", e.endpoint(e.deleteUser))
	mux.HandleFunc("GET /organizations/{organizationID}/users", e.endpoint(e.listOrganizationUsers))
	mux.HandleFunc("GET /organizations/{organizationID}/departments/{departmentID}/users", e.endpoint(e.listDepartmentUsers))
	mux.HandleFunc("GET /organizations/{organizationID}/users/search", e.endpoint(e.searchUser))

	// §5.8: the organization.
	mux.HandleFunc("GET /organizations/{organizationID}", e.endpoint(e.getOrganization))
	mux.HandleFunc("PUT /organizations/{organizationID}", e.endpoint(e.updateOrganization))

	// §5.9: departments.
	mux.HandleFunc("GET /organizations/{organizationID}/departments", e.endpoint(e.listDepartments))
	mux.HandleFunc("POST /organizations/{organizationID}/departments", e.endpoint(e.createDepartment))
	mux.HandleFunc("GET /organizations/{organizationID}/departments/{departmentID}", e.endpoint(e.getDepartment))
	mux.HandleFunc("PUT /organizations/{organizationID}/departments/{departmentID}", e.endpoint(e.updateDepartment))
}

// now reads the injectable clock. Callers hold mu.
func (e *Emulator) now() time.Time {
	if e.opts.Clock != nil {
		return e.opts.Clock()
	}
	return time.Now()
}

// today is the date format of licenseStartDate and creationDate (§4).
func (e *Emulator) today() string { return e.now().UTC().Format("2006-01-02") }

// ---- helpers for tests that change data behind the provider's back ----

// Users returns every user of every organization, by userID.
func (e *Emulator) Users() []User {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]User, 0, len(e.users))
	for _, u := range e.users {
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UserID < out[j].UserID })
	return out
}

// User returns one user and whether it exists.
func (e *Emulator) User(id int) (User, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.users[id]
	if !ok {
		return User{}, false
	}
	return *u, true
}

// Password returns the last password the API received for a user ("" when
// none). It exists so tests can check a write-only value reached the server.
func (e *Emulator) Password(id int) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.passwords[id]
}

// AddUser stores a user as if it had been made in the QuestionPro web app.
// A zero UserID gets the next id, a zero OrganizationID the lowest
// organization id, and empty userType, licenseType and dates get the values
// POST /users would give. An existing UserID is overwritten. No validation:
// tests may build states the API would refuse.
func (e *Emulator) AddUser(u User) User {
	e.mu.Lock()
	defer e.mu.Unlock()
	if u.UserID == 0 {
		e.lastUserID++
		u.UserID = e.lastUserID
	} else if u.UserID > e.lastUserID {
		e.lastUserID = u.UserID
	}
	if u.OrganizationID == 0 {
		u.OrganizationID = e.lowestOrgID()
	}
	e.fillUserDefaults(&u)
	stored := u
	e.users[u.UserID] = &stored
	return u
}

// DeleteUserHard removes a user outright, as if deleted in the web app, with
// the API keys that belonged to it; departments and organizations that named
// it as primary account name nobody.
func (e *Emulator) DeleteUserHard(id int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for k, key := range e.keys {
		if key.UserID == id {
			delete(e.keys, k)
		}
	}
	e.removeUser(id)
}

// removeUser deletes a user and the references to it. Callers hold mu.
func (e *Emulator) removeUser(id int) {
	delete(e.users, id)
	delete(e.passwords, id)
	for _, d := range e.depts {
		if d.PrimaryAccountID == id {
			d.PrimaryAccountID = 0
		}
	}
	for _, o := range e.orgs {
		if o.PrimaryAccountID == id {
			o.PrimaryAccountID = 0
		}
	}
	kept := e.describedKeys[:0]
	for _, k := range e.describedKeys {
		if k.UserID != id {
			kept = append(kept, k)
		}
	}
	e.describedKeys = kept
}

// SetUserField changes one field of a stored user without going through the
// API. field is the wire name ("firstName", "departmentID", ...) or its
// snake_case form ("first_name"); "password" sets the stored password.
// String fields take a string, integer fields an int (or an integral float64
// or json.Number, as decoded JSON gives them). userID cannot be changed.
func (e *Emulator) SetUserField(id int, field string, value any) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.users[id]
	if !ok {
		return fmt.Errorf("questionpro: no user %d", id)
	}
	key := strings.ToLower(strings.ReplaceAll(field, "_", ""))
	if key == "password" {
		s, err := asString(field, value)
		if err != nil {
			return err
		}
		e.passwords[id] = s
		return nil
	}
	ints := map[string]*int{
		"departmentid":   &u.DepartmentID,
		"organizationid": &u.OrganizationID,
	}
	strs := map[string]*string{
		"firstname":        &u.FirstName,
		"lastname":         &u.LastName,
		"emailaddress":     &u.EmailAddress,
		"phone":            &u.Phone,
		"licensetype":      &u.LicenseType,
		"licensestartdate": &u.LicenseStartDate,
		"creationdate":     &u.CreationDate,
		"usertype":         &u.UserType,
	}
	if p, ok := ints[key]; ok {
		n, err := asInt(field, value)
		if err != nil {
			return err
		}
		*p = n
		return nil
	}
	if p, ok := strs[key]; ok {
		s, err := asString(field, value)
		if err != nil {
			return err
		}
		*p = s
		return nil
	}
	return fmt.Errorf("questionpro: user field %q cannot be set", field)
}

// RateLimited is the number of 429 answers given since the last seed.
func (e *Emulator) RateLimited() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.rateLimited
}

func asString(field string, v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("questionpro: field %q wants a string, got %T", field, v)
	}
	return s, nil
}

func asInt(field string, v any) (int, error) {
	switch n := v.(type) {
	case int:
		return n, nil
	case int64:
		return int(n), nil
	case float64:
		if n == float64(int(n)) {
			return int(n), nil
		}
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return int(i), nil
		}
	}
	return 0, fmt.Errorf("questionpro: field %q wants an integer, got %T %v", field, v, v)
}

// lowestOrgID is the default organization for helpers. Callers hold mu.
func (e *Emulator) lowestOrgID() int {
	lowest := 0
	for id := range e.orgs {
		if lowest == 0 || id < lowest {
			lowest = id
		}
	}
	return lowest
}

// fillUserDefaults gives a user what POST /users gives a new one.
// Callers hold mu.
func (e *Emulator) fillUserDefaults(u *User) {
	if u.UserType == "" {
		u.UserType = defaultUserType
	}
	if u.LicenseType == "" {
		u.LicenseType = defaultLicenseType
	}
	if u.LicenseStartDate == "" {
		u.LicenseStartDate = e.today()
	}
	if u.CreationDate == "" {
		u.CreationDate = e.today()
	}
}

// Values a new sub-account gets. [I] questionpro-api.md §4/§5.2: the document
// only shows "License" for userType and "Enterprise Sub Account Annual" for
// a sub-account's licenseType, so new users get those.
const (
	defaultUserType    = "License"
	defaultLicenseType = "Enterprise Sub Account Annual"
)

// MergeOptions replaces the options raw names and keeps the others; see
// sandbox.Emulator. Options.UnmarshalJSON sets every option (a seed's
// "options" object is complete), so the merge happens on the wire form: the
// current options, then raw's keys over them. Clock is not on the wire and
// is kept.
func (e *Emulator) MergeOptions(raw json.RawMessage) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var named map[string]json.RawMessage
	if err := json.Unmarshal(raw, &named); err != nil {
		return fmt.Errorf("emulator options: %w", err)
	}
	cur, err := json.Marshal(e.opts)
	if err != nil {
		return err
	}
	merged := map[string]json.RawMessage{}
	if err := json.Unmarshal(cur, &merged); err != nil {
		return err
	}
	maps.Copy(merged, named)
	b, err := json.Marshal(merged)
	if err != nil {
		return err
	}
	var next Options
	if err := sandbox.MergeOptionsJSON(b, &next); err != nil {
		return err
	}
	next.Clock = e.opts.Clock
	e.opts = next
	return nil
}

// Readings of the options that take one of several answers.
const (
	SearchAnswerObject = "object"
	SearchAnswerList   = "list"

	NoMatchNotFound  = "not_found"
	NoMatchEmptyList = "empty_list"
	NoMatchNull      = "null"

	WriteAnswerUser    = "user"
	WriteAnswerNull    = "null"
	WriteAnswerOmitted = "omitted"
)
