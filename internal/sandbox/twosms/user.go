package twosms

import "time"

// User is one 2sms user as the emulator stores it. The JSON names are the
// document's (twosms-api.md §3.1), so a User is also a seed entry. Three
// fields differ from the wire:
//   - Password and Pin are write-only: set by the seed, AddUser or PUT, read
//     back only through Password(id) and PIN(id), never in Snapshot, a
//     helper's return value or an API answer. Pin "" is the document's null:
//     "a random PIN is generated at each login".
//   - SuperUser is the emulator's own marker for the users the list hides
//     unless IncludeSuperUsers=true (§4.1); it never appears on the wire.
type User struct {
	ID                   string     `json:"ID"`
	AgreementDate        *time.Time `json:"AgreementDate,omitempty"`
	AccountID            string     `json:"AccountID"`
	AdminUser            bool       `json:"AdminUser"`
	DateCreated          time.Time  `json:"DateCreated,omitzero"`
	DateModified         time.Time  `json:"DateModified,omitzero"`
	DeclineDate          *time.Time `json:"DeclineDate,omitempty"`
	DisplayName          string     `json:"DisplayName"`
	DPAVersion           string     `json:"DPAVersion,omitempty"`
	EmailAddress         string     `json:"EmailAddress"`
	Enabled              bool       `json:"Enabled"`
	LanguageID           string     `json:"LanguageID"`
	MobilePhone          string     `json:"MobilePhone"`
	Password             string     `json:"Password,omitempty"`
	Pin                  string     `json:"Pin,omitempty"`
	Preferences          int        `json:"Preferences"`
	PrivacyPolicyVersion string     `json:"PrivacyPolicyVersion,omitempty"`
	SSOEnabled           bool       `json:"SSOEnabled"`
	TimeZone             string     `json:"TimeZone"`
	Username             string     `json:"Username"`
	SuperUser            bool       `json:"SuperUser,omitempty"`
}

// public is the copy of u a helper may hand out: no Password, no Pin.
func (u *User) public() User {
	c := *u
	c.Password, c.Pin = "", ""
	c.AgreementDate = cloneTime(u.AgreementDate)
	c.DeclineDate = cloneTime(u.DeclineDate)
	return c
}

func cloneTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}

// wireUser is the User model exactly as the JSON samples of §3.1 and §4.4
// spell and order it, including the sample's trailing UserPassword.
type wireUser struct {
	ID                   string  `json:"ID"`
	AgreementDate        *string `json:"AgreementDate"`
	AccountID            string  `json:"AccountID"`
	AdminUser            bool    `json:"AdminUser"`
	DateCreated          string  `json:"DateCreated"`
	DateModified         string  `json:"DateModified"`
	DeclineDate          *string `json:"DeclineDate"`
	DisplayName          *string `json:"DisplayName"`
	DPAVersion           *string `json:"DPAVersion"`
	EmailAddress         *string `json:"EmailAddress"`
	Enabled              bool    `json:"Enabled"`
	LanguageID           string  `json:"LanguageID"`
	MobilePhone          *string `json:"MobilePhone"`
	Password             *string `json:"Password"`
	Pin                  *string `json:"Pin"`
	Preferences          int     `json:"Preferences"`
	PrivacyPolicyVersion *string `json:"PrivacyPolicyVersion"`
	SSOEnabled           bool    `json:"SSOEnabled"`
	TimeZone             *string `json:"TimeZone"`
	Username             *string `json:"Username"`
	UserPassword         *string `json:"UserPassword"`
}

// wireTimeLayout is the date-time form of §2.2: ISO-8601 with seven
// fractional digits and an offset, 2025-01-18T05:05:13.8136891+00:00.
const wireTimeLayout = "2006-01-02T15:04:05.0000000-07:00"

// emptyGUID is how .NET writes an unset (non-nullable) Guid.
const emptyGUID = "00000000-0000-0000-0000-000000000000"

// maskedSecret is what MaskSecretsOnRead puts in a set Password or Pin.
const maskedSecret = "********"

// toWire renders a stored user for an answer. Callers hold e.mu.
//
// [I] twosms-api.md §3.1: unset .NET strings and nullable dates are null;
// Password, Pin and UserPassword are never echoed (whether the real service
// does is [UNKNOWN]), unless MaskSecretsOnRead asks for a mask or
// ReturnPinOnRead for the PIN itself.
func (e *Emulator) toWire(u *User) wireUser {
	w := wireUser{
		ID:                   guidOrEmpty(u.ID),
		AgreementDate:        wireTimePtr(u.AgreementDate),
		AccountID:            guidOrEmpty(u.AccountID),
		AdminUser:            u.AdminUser,
		DateCreated:          wireTime(u.DateCreated),
		DateModified:         wireTime(u.DateModified),
		DeclineDate:          wireTimePtr(u.DeclineDate),
		DisplayName:          nullable(u.DisplayName),
		DPAVersion:           nullable(u.DPAVersion),
		EmailAddress:         nullable(u.EmailAddress),
		Enabled:              u.Enabled,
		LanguageID:           guidOrEmpty(u.LanguageID),
		MobilePhone:          nullable(u.MobilePhone),
		Preferences:          u.Preferences,
		PrivacyPolicyVersion: nullable(u.PrivacyPolicyVersion),
		SSOEnabled:           u.SSOEnabled,
		TimeZone:             nullable(u.TimeZone),
		Username:             nullable(u.Username),
	}
	switch {
	case e.opts.MaskSecretsOnRead:
		if u.Password != "" {
			w.Password = nullable(maskedSecret)
		}
		if u.Pin != "" {
			w.Pin = nullable(maskedSecret)
		}
	case e.opts.ReturnPinOnRead:
		w.Pin = nullable(u.Pin)
	}
	return w
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func guidOrEmpty(s string) string {
	if s == "" {
		return emptyGUID
	}
	return s
}

func wireTime(t time.Time) string {
	return t.UTC().Format(wireTimeLayout)
}

func wireTimePtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := wireTime(*t)
	return &s
}
