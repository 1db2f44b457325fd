package qacomplete

import (
	"testing"
	"time"
)

func TestHelpers_AddAndList(t *testing.T) {
	h := newHarness(t, Options{}, "")
	a := h.e.AddUser(User{FirstName: "A", LastName: "A", Email: "a@x.test", IsActive: true})
	b := h.e.AddUser(User{DeptID: 8163, FirstName: "B", LastName: "B", Email: "b@x.test", Phone: "9", TimeZone: "UTC", Custom4: "four"})
	c := h.e.AddUser(User{ID: 30000, FirstName: "C", LastName: "C", Email: "c@x.test", IsActive: true})
	if a.ID != 24793 || a.DeptID != 8162 || !a.IsActive || a.DateCreated.IsZero() || !a.DateUpdated.Equal(a.DateCreated) {
		t.Errorf("a %+v", a)
	}
	if b.ID != 24794 || b.DeptID != 8163 || b.IsActive || b.Phone != "9" || b.TimeZone != "UTC" || b.Custom4 != "four" {
		t.Errorf("b %+v", b)
	}
	// Through the API: b is disabled, its phone answered, its unset middle name omitted.
	got := h.want(h.do("GET", "/depts/8163/users/24794", ""), 200).json(t)
	if _, has := got["middle_name"]; has || got["work_phone"] != "9" || got["is_active"] != false {
		t.Errorf("API view of b %v", got)
	}
	if d := h.e.AddUser(User{FirstName: "D", LastName: "D", Email: "d@x.test"}); d.ID != c.ID+1 {
		t.Errorf("ids after an explicit one: %d", d.ID)
	}
	if got := h.e.Users(8163); len(got) != 1 || got[0].ID != b.ID {
		t.Errorf("Users(8163) %+v", got)
	}
	if got := h.e.Users(0); len(got) != 4 {
		t.Errorf("Users(0) %d", len(got))
	}

	for name, u := range map[string]User{
		"id in use":          {ID: a.ID, Email: "z@x.test"},
		"unknown department": {DeptID: 1, Email: "z@x.test"},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: want a panic", name)
				}
			}()
			h.e.AddUser(u)
		}()
	}
}

func TestHelpers_SetUserField(t *testing.T) {
	h := newHarness(t, Options{}, fullUser)
	before, _ := h.e.User(500)
	steps := []struct {
		field string
		value any
	}{
		{"first_name", "Johnny"},
		{"phone", nil},
		{"CompanyName", "NewCo"},
		{"work_phone", "123"},
		{"is_active", false},
		{"IsSecurityAdmin", false},
		{"custom3", "three"},
		{"dept_id", 8163},
		{"logon_attempts", 4.0},
		{"middle_name", new("M")},
	}
	for _, s := range steps {
		if err := h.e.SetUserField(500, s.field, s.value); err != nil {
			t.Fatalf("%s: %v", s.field, err)
		}
	}
	u, _ := h.e.User(500)
	if u.FirstName != "Johnny" || u.Phone != "123" || u.CompanyName != "NewCo" || u.IsActive ||
		u.IsSecurityAdmin || u.Custom3 != "three" || u.DeptID != 8163 || u.LogonAttempts != 4 || u.MiddleName != "M" {
		t.Errorf("after SetUserField %+v", u)
	}
	if !u.DateUpdated.After(before.DateUpdated) {
		t.Error("SetUserField should move date_updated")
	}
	// The change is visible through the API, in the new department.
	got := h.want(h.do("GET", "/depts/8163/users/500", ""), 200).json(t)
	if got["company_name"] != "NewCo" || got["is_active"] != false {
		t.Errorf("API view %v", got)
	}
	h.want(h.do("GET", "/depts/8162/users/500", ""), 404)

	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.Local)
	if err := h.e.SetUserField(500, "date_updated", stamp); err != nil {
		t.Fatal(err)
	}
	if u, _ := h.e.User(500); !u.DateUpdated.Equal(stamp) {
		t.Errorf("date_updated %v", u.DateUpdated)
	}

	for _, bad := range []struct {
		id    int
		field string
		value any
	}{
		{500, "nope", "x"},
		{500, "id", 1},
		{500, "is_selected", true},
		{500, "first_name", nil},
		{500, "is_active", "yes"},
		{500, "logon_attempts", 1.5},
		{500, "dept_id", 1},
		{500, "date_created", "soon"},
		{999, "first_name", "x"},
	} {
		if err := h.e.SetUserField(bad.id, bad.field, bad.value); err == nil {
			t.Errorf("SetUserField(%d, %q, %v): want an error", bad.id, bad.field, bad.value)
		}
	}
	if u2, _ := h.e.User(500); u2.DeptID != 8163 {
		t.Error("a failed SetUserField must change nothing")
	}
}

// SetUserField tells null (omitted from answers) from "" (answered as "").
func TestHelpers_SetUserFieldNullOrEmpty(t *testing.T) {
	h := newHarness(t, Options{}, fullUser)
	if err := h.e.SetUserField(500, "phone", nil); err != nil {
		t.Fatal(err)
	}
	if err := h.e.SetUserField(500, "middle_name", ""); err != nil {
		t.Fatal(err)
	}
	got := h.want(h.do("GET", "/depts/8162/users/500", ""), 200).json(t)
	if _, has := got["work_phone"]; has || got["middle_name"] != "" {
		t.Errorf("work_phone must be omitted, middle_name empty: %v", got)
	}
}

func TestHelpers_DisableAndDeleteHard(t *testing.T) {
	h := newHarness(t, Options{}, fullUser)
	h.e.Disable(500)
	h.e.Disable(12345) // unknown: nothing happens
	got := h.want(h.do("GET", "/depts/8162/users/500", ""), 200).json(t)
	if got["is_active"] != false {
		t.Errorf("after Disable %v", got)
	}
	h.e.DeleteUserHard(500)
	h.want(h.do("GET", "/depts/8162/users/500", ""), 404)
	if _, ok := h.e.User(500); ok {
		t.Error("DeleteUserHard left the user")
	}
	// The e-mail is free again.
	h.want(h.do("POST", "/depts/8162/users", `{"FirstName":"J","LastName":"W","Email":"john@example.com"}`), 200)
}

func TestOptions_SetAndRead(t *testing.T) {
	e := New(Options{})
	e.SetOptions(Options{StrictPatch: true})
	if !e.Options().StrictPatch {
		t.Error("SetOptions")
	}
	if e.Name() != "qacomplete" || e.BasePath() != "/rest-api/service/api/v1" {
		t.Error("identity")
	}
}

// A deleted department is gone from GET /depts and answers 404 for itself,
// its user list and its users; other departments are untouched.
func TestDeleteDepartment(t *testing.T) {
	h := newHarness(t, Options{}, fullUser)
	h.e.DeleteDepartment(8162)
	for _, path := range []string{"/depts/8162", "/depts/8162/users", "/depts/8162/users/500"} {
		if a := h.want(h.do("GET", path, ""), 404); a.message(t) != msgNotFound {
			t.Errorf("%s: %q", path, a.message(t))
		}
	}
	l := h.want(h.do("GET", "/depts", ""), 200).list(t)
	for _, d := range l.items() {
		if d["id"] == 8162.0 {
			t.Errorf("GET /depts still lists 8162: %+v", l.items())
		}
	}
	if _, ok := h.e.User(501); !ok || len(h.e.Users(0)) != 1 {
		t.Errorf("only department 8162's users should go: %+v", h.e.Users(0))
	}
}
