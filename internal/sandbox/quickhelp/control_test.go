package quickhelp_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

func TestAddUser(t *testing.T) {
	e := quickhelp.New(quickhelp.Options{})
	a := e.AddUser(quickhelp.User{Email: "a@example.com", Roles: []string{strings.ToUpper(roleUserAdmin)}})
	if a.UserID != 1 || a.CustomerID != quickhelp.DefaultCustomerID || a.Roles[0] != roleUserAdmin {
		t.Errorf("first user %+v", a)
	}
	b := e.AddUser(quickhelp.User{UserID: 40, CustomerID: 555, Email: "b@example.com"})
	c := e.AddUser(quickhelp.User{Email: "c@example.com"})
	if b.UserID != 40 || c.UserID != 41 {
		t.Errorf("ids %d and %d, want 40 and 41", b.UserID, c.UserID)
	}
	snap := snapshot(t, e)
	if len(snap.Customers) != 2 || snap.Customers[0].ID != 555 {
		t.Errorf("customers %+v: want the new customer 555 added", snap.Customers)
	}
	// What AddUser returns is a copy.
	a.Roles[0] = "changed"
	if e.Users()[0].Roles[0] != roleUserAdmin {
		t.Error("AddUser's result aliases the stored user")
	}
}

func TestSetUserField(t *testing.T) {
	sso := quickhelp.SSO{UserID: "x", Platform: "Okta"}
	tests := []struct {
		field string
		value any
		check func(u quickhelp.User) bool
	}{
		{"firstName", "Augusta", func(u quickhelp.User) bool { return u.FirstName == "Augusta" }},
		{"job_title", "Countess", func(u quickhelp.User) bool { return u.JobTitle == "Countess" }},
		{"email", nil, func(u quickhelp.User) bool { return u.Email == "" }},
		{"licenseIssued", false, func(u quickhelp.User) bool { return !u.Licensed }},
		{"bypass_sso", false, func(u quickhelp.User) bool { return !u.BypassSSO }},
		{"Confirmed", false, func(u quickhelp.User) bool { return !u.Confirmed }},
		{"roles", []string{strings.ToUpper(roleAssignment)}, func(u quickhelp.User) bool { return reflect.DeepEqual(u.Roles, []string{roleAssignment}) }},
		{"roles", nil, func(u quickhelp.User) bool { return u.Roles == nil }},
		{"groups", []quickhelp.Group{{ID: 9, Name: "G"}}, func(u quickhelp.User) bool { return u.Groups[0].ID == 9 }},
		{"sso", sso, func(u quickhelp.User) bool { return u.SSO.Platform == "Okta" }},
		{"sso", &sso, func(u quickhelp.User) bool { return u.SSO.Platform == "Okta" }},
		{"sso", nil, func(u quickhelp.User) bool { return u.SSO == nil }},
		{"customerId", 2002, func(u quickhelp.User) bool { return u.CustomerID == 2002 }},
		{"country", "FR", func(u quickhelp.User) bool { return u.Country == "FR" }},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			e := quickhelp.New(quickhelp.Options{})
			e.AddUser(fullUser())
			if err := e.SetUserField("7", tt.field, tt.value); err != nil {
				t.Fatal(err)
			}
			if u := e.Users()[0]; !tt.check(u) {
				t.Errorf("after setting %s to %v: %+v", tt.field, tt.value, u)
			}
		})
	}

	e := quickhelp.New(quickhelp.Options{})
	e.AddUser(fullUser())
	for _, bad := range []struct {
		id, field string
		value     any
	}{
		{"8", "firstName", "x"},
		{"seven", "firstName", "x"},
		{"7", "nickname", "x"},
		{"7", "firstName", 5},
		{"7", "licensed", "yes"},
		{"7", "roles", "one"},
		{"7", "customerId", -1},
		{"7", "userId", 9},
	} {
		if err := e.SetUserField(bad.id, bad.field, bad.value); err == nil {
			t.Errorf("SetUserField(%q, %q, %v): no error", bad.id, bad.field, bad.value)
		}
	}
	if got := e.Users()[0]; !reflect.DeepEqual(got.FirstName, "Ada") {
		t.Errorf("a failed SetUserField changed the user: %+v", got)
	}
}

func TestSetUserField_ShowsInList(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	env.emu.AddUser(fullUser())
	if err := env.emu.SetUserField("7", "licensed", false); err != nil {
		t.Fatal(err)
	}
	if rec := env.list(t, "", nil).Records[0]; rec["licenseIssued"] != false {
		t.Errorf("licenseIssued %v after a change behind the API's back", rec["licenseIssued"])
	}
}

func TestDeleteUserHard(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	env.emu.AddUser(fullUser())
	env.emu.DeleteUserHard("7")
	env.emu.DeleteUserHard("not-a-number")
	env.emu.DeleteUserHard("999")
	if l := env.list(t, "", nil); l.TotalCount != 0 {
		t.Errorf("totalCount %d after DeleteUserHard", l.TotalCount)
	}
}
