package qacomplete

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Default accounts and departments, used when a seed names none. The
// passwords are public, sandbox-only values.
const (
	DefaultAdminLogin     = "admin@example.com"
	DefaultAdminPassword  = "sandbox-admin-password"
	DefaultViewerLogin    = "viewer@example.com"
	DefaultViewerPassword = "sandbox-viewer-password"

	// DefaultDepartmentID is the document's sample department (§5.4.2),
	// "Your Company Name"; SecondDepartmentID exists for primary-department
	// tests.
	DefaultDepartmentID = 8162
	SecondDepartmentID  = 8163
)

// dateLayout is the .NET round-trip format without offset that QAComplete
// answers with (§4.1): seven fractional digits, server time zone.
const dateLayout = "2006-01-02T15:04:05.0000000"

// dateOfAnniv is the constant §4.1 shows for a column the data dictionary
// calls unused.
const dateOfAnniv = "1900-01-01T00:00:00.0000000"

// Account is a login the emulator accepts (§1: HTTP Basic with the login
// e-mail and password). Admin decides access to /depts/{DeptId}/users.
// [I] qacomplete-api.md §1 "Emulator notes": accounts are a table of their
// own, not rows of the user list.
type Account struct {
	Login    string `json:"login"`
	Password string `json:"password,omitempty"`
	Admin    bool   `json:"admin"`
}

// Department is one row of §5.4.
type Department struct {
	ID       int    `json:"id"`
	DeptName string `json:"dept_name"`
}

// record is the emulator's stored user and the user entry of the seed
// format. Optional strings are pointers: nil is "never set" and is omitted
// from responses, "" is an empty value and is answered as "".
type record struct {
	ID              int       `json:"id,omitempty"`
	DeptID          int       `json:"dept_id,omitempty"` // primary department
	FirstName       string    `json:"first_name"`
	MiddleName      *string   `json:"middle_name,omitempty"`
	LastName        string    `json:"last_name"`
	Email           string    `json:"email"`
	Phone           *string   `json:"phone,omitempty"` // answered as work_phone
	CompanyName     *string   `json:"company_name,omitempty"`
	TimeZone        *string   `json:"time_zone,omitempty"`
	IsSecurityAdmin bool      `json:"is_security_admin"`
	IsADAccount     bool      `json:"is_a_d_account"`
	ADSearchValue   *string   `json:"a_d_search_value,omitempty"`
	IsActive        bool      `json:"is_active"`
	Custom1         *string   `json:"custom1,omitempty"`
	Custom2         *string   `json:"custom2,omitempty"`
	Custom3         *string   `json:"custom3,omitempty"`
	Custom4         *string   `json:"custom4,omitempty"`
	Custom5         *string   `json:"custom5,omitempty"`
	Custom6         *string   `json:"custom6,omitempty"`
	Custom7         *string   `json:"custom7,omitempty"`
	Custom8         *string   `json:"custom8,omitempty"`
	Custom9         *string   `json:"custom9,omitempty"`
	Custom10        *string   `json:"custom10,omitempty"`
	Title           *string   `json:"title,omitempty"`        // read-only in the API (§4.3)
	Grouping        *string   `json:"grouping,omitempty"`     // read-only in the API (§4.3)
	SubGrouping     *string   `json:"sub_grouping,omitempty"` // read-only in the API (§4.3)
	IsLoggedOn      bool      `json:"is_logged_on,omitempty"`
	NbrTimesLogon   int       `json:"nbr_times_logon,omitempty"`
	LogonAttempts   int       `json:"logon_attempts,omitempty"`
	DateCreated     Timestamp `json:"date_created,omitzero"`
	DateUpdated     Timestamp `json:"date_updated,omitzero"`
}

// customs lists the addresses of Custom1..Custom10 in order.
func (u *record) customs() [10]**string {
	return [10]**string{
		&u.Custom1, &u.Custom2, &u.Custom3, &u.Custom4, &u.Custom5,
		&u.Custom6, &u.Custom7, &u.Custom8, &u.Custom9, &u.Custom10,
	}
}

// clone copies u deeply, so callers never share a string pointer with the
// emulator's state.
func (u record) clone() record {
	c := u
	for _, p := range []**string{&c.MiddleName, &c.Phone, &c.CompanyName, &c.TimeZone, &c.ADSearchValue, &c.Title, &c.Grouping, &c.SubGrouping} {
		*p = copyStr(*p)
	}
	for _, p := range c.customs() {
		*p = copyStr(*p)
	}
	return c
}

// User is a plain-value copy of one stored user, for tests. An optional
// string that was never set reads as "", like one that is empty.
type User struct {
	ID              int
	DeptID          int // primary department
	FirstName       string
	MiddleName      string
	LastName        string
	Email           string
	Phone           string // answered as work_phone
	CompanyName     string
	TimeZone        string
	IsSecurityAdmin bool
	IsADAccount     bool
	ADSearchValue   string
	IsActive        bool
	Custom1         string
	Custom2         string
	Custom3         string
	Custom4         string
	Custom5         string
	Custom6         string
	Custom7         string
	Custom8         string
	Custom9         string
	Custom10        string
	Title           string
	Grouping        string
	SubGrouping     string
	IsLoggedOn      bool
	NbrTimesLogon   int
	LogonAttempts   int
	DateCreated     time.Time
	DateUpdated     time.Time
}

func (u *User) customs() [10]*string {
	return [10]*string{
		&u.Custom1, &u.Custom2, &u.Custom3, &u.Custom4, &u.Custom5,
		&u.Custom6, &u.Custom7, &u.Custom8, &u.Custom9, &u.Custom10,
	}
}

// toUser flattens a record into its plain-value form.
func (u *record) toUser() User {
	out := User{
		ID: u.ID, DeptID: u.DeptID, FirstName: u.FirstName, MiddleName: deref(u.MiddleName),
		LastName: u.LastName, Email: u.Email, Phone: deref(u.Phone), CompanyName: deref(u.CompanyName),
		TimeZone: deref(u.TimeZone), IsSecurityAdmin: u.IsSecurityAdmin, IsADAccount: u.IsADAccount,
		ADSearchValue: deref(u.ADSearchValue), IsActive: u.IsActive, Title: deref(u.Title),
		Grouping: deref(u.Grouping), SubGrouping: deref(u.SubGrouping), IsLoggedOn: u.IsLoggedOn,
		NbrTimesLogon: u.NbrTimesLogon, LogonAttempts: u.LogonAttempts,
		DateCreated: u.DateCreated.Time, DateUpdated: u.DateUpdated.Time,
	}
	dst := out.customs()
	for i, p := range u.customs() {
		*dst[i] = deref(*p)
	}
	return out
}

// toRecord is the reverse of toUser: an empty optional string becomes
// "never set".
func (u *User) toRecord() record {
	out := record{
		ID: u.ID, DeptID: u.DeptID, FirstName: u.FirstName, MiddleName: optional(u.MiddleName),
		LastName: u.LastName, Email: u.Email, Phone: optional(u.Phone), CompanyName: optional(u.CompanyName),
		TimeZone: optional(u.TimeZone), IsSecurityAdmin: u.IsSecurityAdmin, IsADAccount: u.IsADAccount,
		ADSearchValue: optional(u.ADSearchValue), IsActive: u.IsActive, Title: optional(u.Title),
		Grouping: optional(u.Grouping), SubGrouping: optional(u.SubGrouping), IsLoggedOn: u.IsLoggedOn,
		NbrTimesLogon: u.NbrTimesLogon, LogonAttempts: u.LogonAttempts,
		DateCreated: Timestamp{u.DateCreated}, DateUpdated: Timestamp{u.DateUpdated},
	}
	dst := out.customs()
	for i, p := range u.customs() {
		*dst[i] = optional(*p)
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func copyStr(p *string) *string {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Timestamp is a date in QAComplete's wire format. In a seed it may also be
// written as RFC 3339 or a bare date.
type Timestamp struct{ time.Time }

// String formats the date as QAComplete does.
func (t Timestamp) String() string { return t.Format(dateLayout) }

// MarshalJSON writes the QAComplete format.
func (t Timestamp) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// UnmarshalJSON accepts the QAComplete format, RFC 3339 or YYYY-MM-DD.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("date must be a string: %w", err)
	}
	parsed, err := parseDate(s)
	if err != nil {
		return err
	}
	t.Time = parsed
	return nil
}

// parseDate reads a date written the way QAComplete writes it, or as RFC 3339,
// or as a bare date; dates without an offset are in the server's time zone
// (§4.1).
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05.9999999", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date (want %s, RFC 3339 or YYYY-MM-DD)", s, dateLayout)
}

func defaultAccounts() []Account {
	return []Account{
		{Login: DefaultAdminLogin, Password: DefaultAdminPassword, Admin: true},
		{Login: DefaultViewerLogin, Password: DefaultViewerPassword, Admin: false},
	}
}

// defaultDepartments mirror the document's samples: 8162 "Your Company
// Name" (§5.4.2) and a second one for primary-department tests.
func defaultDepartments() []Department {
	return []Department{
		{ID: DefaultDepartmentID, DeptName: "Your Company Name"},
		{ID: SecondDepartmentID, DeptName: "Second Department"},
	}
}
