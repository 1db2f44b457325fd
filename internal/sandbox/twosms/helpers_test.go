package twosms

import (
	"strings"
	"testing"
	"time"
)

func TestSetUserField(t *testing.T) {
	when := time.Date(2023, 5, 6, 7, 8, 9, 123456789, time.UTC)
	tests := []struct {
		field   string
		value   any
		wireKey string
		want    any // the wire value after; ignored when wantErr is set
		wantErr string
	}{
		{field: "DisplayName", value: "Bobby", wireKey: "DisplayName", want: "Bobby"},
		{field: "mobilephone", value: "not a phone", wireKey: "MobilePhone", want: "not a phone"},
		{field: "DPAVersion", value: nil, wireKey: "DPAVersion", want: nil},
		{field: "Enabled", value: false, wireKey: "Enabled", want: false},
		{field: "AdminUser", value: true, wireKey: "AdminUser", want: true},
		{field: "Preferences", value: 7, wireKey: "Preferences", want: float64(7)},
		{field: "Preferences", value: float64(2), wireKey: "Preferences", want: float64(2)},
		{field: "LanguageID", value: strings.ToUpper(langEN), wireKey: "LanguageID", want: langEN},
		{field: "AccountID", value: acctMain, wireKey: "AccountID", want: acctMain},
		{field: "AgreementDate", value: when, wireKey: "AgreementDate", want: "2023-05-06T07:08:09.1234567+00:00"},
		{field: "AgreementDate", value: nil, wireKey: "AgreementDate", want: nil},
		{field: "DeclineDate", value: "2023-05-06T07:08:09+02:00", wireKey: "DeclineDate", want: "2023-05-06T05:08:09.0000000+00:00"},
		{field: "DateModified", value: when, wireKey: "DateModified", want: "2023-05-06T07:08:09.1234567+00:00"},
		{field: "ID", value: idAlice, wantErr: "cannot change"},
		{field: "Nickname", value: "x", wantErr: "no such field"},
		{field: "Enabled", value: "yes", wantErr: "want a bool"},
		{field: "Preferences", value: 1.5, wantErr: "want an integer"},
		{field: "LanguageID", value: "english", wantErr: "not a GUID"},
		{field: "DateCreated", value: nil, wantErr: "not nullable"},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			h := newHarness(t, Options{}, fixture)
			h.clock.Advance(time.Minute)
			err := h.e.SetUserField(idBob, tt.field, tt.value)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			u := h.getUser(h.adminToken(), idBob)
			if u[tt.wireKey] != tt.want {
				t.Errorf("%s = %#v, want %#v", tt.wireKey, u[tt.wireKey], tt.want)
			}
			if tt.wireKey != "DateModified" && u["DateModified"] != wireTime(h.clock.Now()) {
				t.Errorf("DateModified %v not bumped", u["DateModified"])
			}
		})
	}
	h := newHarness(t, Options{}, fixture)
	if err := h.e.SetUserField(idMissing, "DisplayName", "x"); err == nil {
		t.Error("SetUserField on an unknown user succeeded")
	}
}

func TestSetUserField_SecretsAndSuperUser(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	for field, value := range map[string]any{"Password": "pw", "Pin": "9999", "SuperUser": true} {
		if err := h.e.SetUserField(idAlice, field, value); err != nil {
			t.Fatal(err)
		}
	}
	if h.e.Password(idAlice) != "pw" || h.e.PIN(strings.ToUpper(idAlice)) != "9999" {
		t.Errorf("secrets %q %q", h.e.Password(idAlice), h.e.PIN(idAlice))
	}
	env := decodeEnvelope(t, h.api("GET", "/api/v1/admin/users", h.adminToken(), ""))
	for _, name := range detailUsernames(t, env) {
		if name == "alice" {
			t.Error("a super user is listed without IncludeSuperUsers")
		}
	}
}

func TestDeleteUserHard(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	h.e.DeleteUserHard(strings.ToUpper(idBob))
	h.e.DeleteUserHard(idMissing)
	h.e.DeleteUserHard("not-a-guid")
	rec := h.api("GET", "/api/v1/admin/users/"+idBob, tok, "")
	if env := decodeEnvelope(t, rec); env.code() != codeUserNotFound {
		t.Errorf("deleted user: %s", rec.Body)
	}
	if h.e.Password(idBob) != "" || len(h.e.Users()) != 3 {
		t.Errorf("after delete: %q, %d users", h.e.Password(idBob), len(h.e.Users()))
	}
}

func TestAddUser(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	got := h.e.AddUser(User{
		DisplayName: "Carol", EmailAddress: "carol@example.com", Enabled: true, MobilePhone: "12345",
		TimeZone: "UTC", Username: "carol", Password: "carol-pw", Pin: "1111",
	})
	if _, ok := parseGUID(got.ID); !ok || got.AccountID != acctMain || got.LanguageID != langEN ||
		!got.DateCreated.Equal(wireTruncate(epoch)) || !got.DateModified.Equal(got.DateCreated) {
		t.Errorf("defaults %+v", got)
	}
	if got.Password != "" || got.Pin != "" {
		t.Errorf("AddUser returns secrets: %+v", got)
	}
	if h.e.Password(got.ID) != "carol-pw" || h.e.PIN(got.ID) != "1111" {
		t.Errorf("secrets not stored")
	}
	if u := h.getUser(h.adminToken(), got.ID); u["Username"] != "carol" {
		t.Errorf("GET %v", u)
	}

	// The same ID replaces the user.
	replaced := h.e.AddUser(User{ID: strings.ToUpper(got.ID), DisplayName: "Caroline", AccountID: acctBranch})
	if replaced.ID != got.ID || len(h.e.Users()) != 5 || h.e.Password(got.ID) != "" {
		t.Errorf("replace: %+v, %d users", replaced, len(h.e.Users()))
	}

	defer func() {
		if recover() == nil {
			t.Error("AddUser with an unknown account did not panic")
		}
	}()
	h.e.AddUser(User{AccountID: idMissing})
}

func TestUsers_NoSecrets(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	users := h.e.Users()
	if len(users) != 4 || users[0].Username != "ada" || users[3].Username != "root" || !users[3].SuperUser {
		t.Fatalf("users %+v", users)
	}
	for _, u := range users {
		if u.Password != "" || u.Pin != "" {
			t.Errorf("%s carries secrets", u.Username)
		}
	}
	// The copies are the caller's.
	users[2].DisplayName = "changed"
	*users[2].AgreementDate = time.Time{}
	if u := h.e.Users()[2]; u.DisplayName != "Bob" || u.AgreementDate.IsZero() {
		t.Errorf("Users shares state: %+v", u)
	}
}
