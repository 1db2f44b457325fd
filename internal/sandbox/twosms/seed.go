package twosms

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// SeedData is the emulator's seed format, and what Snapshot returns:
//
//	{"options":{…},
//	 "clients":[{"client_id":"…","client_secret":"…","user_id":"…"}],
//	 "accounts":[{"id":"…","name":"…"}],
//	 "languages":[{"id":"…","name":"…"}]   (or plain GUID strings),
//	 "users":[{…User fields as the wire spells them…}]}
//
// A section left out (null) gets its default; an empty list means none.
type SeedData struct {
	Options   *Options   `json:"options,omitempty"`
	Clients   []Client   `json:"clients"`
	Accounts  []Account  `json:"accounts"`
	Languages []Language `json:"languages"`
	Users     []User     `json:"users"`
}

// Client is an API client, the credentials of POST /Token (§1.2, §4.12),
// bound to the user its tokens act as. Snapshot never includes the secret.
type Client struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret,omitempty"`
	UserID       string `json:"user_id,omitempty"`
}

// Account is an account users belong to (§3.6), reduced to what the user
// routes need.
type Account struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Language is an entry of the language table LanguageID refers to. The
// document knows no language list (§3.7), so the table is the seed's.
type Language struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// UnmarshalJSON takes either {"id":…,"name":…} or a bare GUID string.
func (l *Language) UnmarshalJSON(b []byte) error {
	var id string
	if err := json.Unmarshal(b, &id); err == nil {
		*l = Language{ID: id}
		return nil
	}
	type plain Language
	var p plain
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*l = Language(p)
	return nil
}

// The default seed: one account, its admin, two languages and one client. [I]
// twosms-api.md §5: the document's checklist asks for exactly this; the GUIDs
// are recognisably the sandbox's and the time zone is a Windows ID (§3.5).
const (
	DefaultClientID     = "sandbox-twosms-client"
	DefaultClientSecret = "sandbox-twosms-secret"
	DefaultAccountID    = "acc00000-0000-4000-8000-000000000001"
	DefaultAdminID      = "ad000000-0000-4000-8000-000000000001"
	DefaultLanguageID   = "1a000000-0000-4000-8000-000000000001" // English
	FrenchLanguageID    = "1a000000-0000-4000-8000-000000000002"
	DefaultTimeZone     = "GMT Standard Time"
)

func defaultAccounts() []Account {
	return []Account{{ID: DefaultAccountID, Name: "Sandbox Account"}}
}

func defaultLanguages() []Language {
	return []Language{
		{ID: DefaultLanguageID, Name: "English"},
		{ID: FrenchLanguageID, Name: "French"},
	}
}

func defaultUsers() []User {
	agreed := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return []User{{
		ID:                   DefaultAdminID,
		AgreementDate:        &agreed,
		AdminUser:            true,
		DateCreated:          agreed,
		DateModified:         agreed,
		DisplayName:          "Sandbox Admin",
		DPAVersion:           "1.0",
		EmailAddress:         "admin@sandbox.example",
		Enabled:              true,
		MobilePhone:          "+44 7700 900000",
		PrivacyPolicyVersion: "1.0",
		TimeZone:             DefaultTimeZone,
		Username:             "sandbox.admin",
	}}
}

// Seed replaces the emulator's data with a seed in the SeedData format.
// Unknown keys are errors, so a typo does not pass for a default. Options,
// when present, replace the current ones (the clock stays). Issued tokens
// stay valid while their client exists.
//
// Secrets left out of an entry (client_secret, Password, Pin) are kept from
// the current data for the same client or user, so Snapshot → Seed loses
// nothing; a client that has no secret either way is an error.
func (e *Emulator) Seed(raw json.RawMessage) error {
	var s SeedData
	if b := bytes.TrimSpace(raw); len(b) > 0 && !bytes.Equal(b, []byte("null")) {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return fmt.Errorf("twosms seed: %w", err)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	st, err := e.buildState(s)
	if err != nil {
		return fmt.Errorf("twosms seed: %w", err)
	}
	e.install(st)
	return nil
}

// Snapshot returns the current data as a SeedData with every secret left
// out: no client_secret, no Password, no Pin.
func (e *Emulator) Snapshot() any {
	e.mu.Lock()
	defer e.mu.Unlock()
	opts := e.opts
	opts.Now = nil
	s := SeedData{
		Options:   &opts,
		Clients:   []Client{},
		Accounts:  slices.Clone(e.accounts),
		Languages: slices.Clone(e.languages),
		Users:     []User{},
	}
	for _, c := range e.clients {
		s.Clients = append(s.Clients, Client{ClientID: c.ClientID, UserID: c.UserID})
	}
	slices.SortFunc(s.Clients, func(a, b Client) int { return strings.Compare(a.ClientID, b.ClientID) })
	for _, u := range e.sortedUsers() {
		s.Users = append(s.Users, u.public())
	}
	return s
}

// state is everything a seed sets, built apart and installed at once.
type state struct {
	opts      Options
	clients   map[string]Client
	accounts  []Account
	languages []Language
	users     map[string]*User
}

// buildState checks a seed and fills its defaults. Callers hold e.mu (or own
// e exclusively, as New does).
func (e *Emulator) buildState(s SeedData) (state, error) {
	st := state{opts: e.opts, clients: map[string]Client{}, users: map[string]*User{}}
	if s.Options != nil {
		st.opts = *s.Options
		st.opts.Now = e.opts.Now
		if err := st.opts.check(); err != nil {
			return state{}, err
		}
	}
	now := e.now()

	var err error
	if st.accounts, err = normalizeTable(s.Accounts, defaultAccounts(), "account",
		func(a Account) string { return a.ID }, func(a *Account, id string) { a.ID = id }); err != nil {
		return state{}, err
	}
	if st.languages, err = normalizeTable(s.Languages, defaultLanguages(), "language",
		func(l Language) string { return l.ID }, func(l *Language, id string) { l.ID = id }); err != nil {
		return state{}, err
	}

	users := s.Users
	if users == nil {
		users = defaultUsers()
	}
	for i, u := range users {
		if err := st.normalizeUser(&u, now); err != nil {
			return state{}, fmt.Errorf("users[%d]: %w", i, err)
		}
		if _, dup := st.users[u.ID]; dup {
			return state{}, fmt.Errorf("users[%d]: duplicate ID %s", i, u.ID)
		}
		if old, ok := e.users[u.ID]; ok {
			u.Password = cmp.Or(u.Password, old.Password)
			u.Pin = cmp.Or(u.Pin, old.Pin)
		}
		st.users[u.ID] = &u
	}

	clients := s.Clients
	if clients == nil {
		c := Client{ClientID: DefaultClientID, ClientSecret: DefaultClientSecret}
		if _, ok := st.users[DefaultAdminID]; ok {
			c.UserID = DefaultAdminID
		}
		clients = []Client{c}
	}
	for i, c := range clients {
		if c.ClientID == "" {
			return state{}, fmt.Errorf("clients[%d]: client_id is empty", i)
		}
		if _, dup := st.clients[c.ClientID]; dup {
			return state{}, fmt.Errorf("clients[%d]: duplicate client_id %q", i, c.ClientID)
		}
		if c.ClientSecret == "" {
			c.ClientSecret = e.clients[c.ClientID].ClientSecret
		}
		if c.ClientSecret == "" {
			return state{}, fmt.Errorf("clients[%d]: client %q has no client_secret", i, c.ClientID)
		}
		if c.UserID != "" {
			id, ok := parseGUID(c.UserID)
			if !ok {
				return state{}, fmt.Errorf("clients[%d]: user_id %q is not a GUID", i, c.UserID)
			}
			c.UserID = id
		}
		st.clients[c.ClientID] = c
	}
	return st, nil
}

// normalizeUser fills a seeded or added user's defaults and checks what must
// hold for the routes to make sense of it: GUIDs, and an AccountID and
// LanguageID the tables know (the language only unless AcceptUnknownLanguages).
func (st *state) normalizeUser(u *User, now time.Time) error {
	if u.ID == "" {
		u.ID = newGUID()
	}
	id, ok := parseGUID(u.ID)
	if !ok {
		return fmt.Errorf("ID %q is not a GUID", u.ID)
	}
	u.ID = id

	if u.AccountID == "" && len(st.accounts) > 0 {
		u.AccountID = st.accounts[0].ID
	}
	acct, ok := parseGUID(u.AccountID)
	if !ok || !slices.ContainsFunc(st.accounts, func(a Account) bool { return a.ID == acct }) {
		return fmt.Errorf("AccountID %q is not a seeded account", u.AccountID)
	}
	u.AccountID = acct

	if u.LanguageID == "" && len(st.languages) > 0 {
		u.LanguageID = st.languages[0].ID
	}
	lang, ok := parseGUID(u.LanguageID)
	if !ok {
		return fmt.Errorf("LanguageID %q is not a GUID", u.LanguageID)
	}
	if !st.opts.AcceptUnknownLanguages && !slices.ContainsFunc(st.languages, func(l Language) bool { return l.ID == lang }) {
		return fmt.Errorf("LanguageID %q is not a seeded language", u.LanguageID)
	}
	u.LanguageID = lang

	if u.DateCreated.IsZero() {
		u.DateCreated = now
	}
	if u.DateModified.IsZero() {
		u.DateModified = u.DateCreated
	}
	u.DateCreated = wireTruncate(u.DateCreated)
	u.DateModified = wireTruncate(u.DateModified)
	if u.AgreementDate != nil {
		t := wireTruncate(*u.AgreementDate)
		u.AgreementDate = &t
	}
	if u.DeclineDate != nil {
		t := wireTruncate(*u.DeclineDate)
		u.DeclineDate = &t
	}
	return nil
}

// normalizeTable checks a seeded account or language table: defaults when
// left out, GUID IDs in lower case, no duplicates.
func normalizeTable[T any](in, defaults []T, what string, idOf func(T) string, setID func(*T, string)) ([]T, error) {
	if in == nil {
		in = defaults
	}
	out := make([]T, 0, len(in))
	seen := map[string]bool{}
	for i, item := range in {
		id, ok := parseGUID(idOf(item))
		if !ok {
			return nil, fmt.Errorf("%ss[%d]: id %q is not a GUID", what, i, idOf(item))
		}
		if seen[id] {
			return nil, fmt.Errorf("%ss[%d]: duplicate id %s", what, i, id)
		}
		seen[id] = true
		setID(&item, id)
		out = append(out, item)
	}
	return out, nil
}

func (e *Emulator) install(st state) {
	e.opts = st.opts
	e.clients = st.clients
	e.accounts = st.accounts
	e.languages = st.languages
	e.users = st.users
}

// newGUID returns a random version-4 GUID in the lower-case form of §2.2.
func newGUID() string {
	b := randomBytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
