package qacomplete

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

const richSeed = `{
  "options": {"strict_patch": true, "write_answer": "object"},
  "accounts": [
    {"login": "root@corp.test", "password": "s3cret", "admin": true},
    {"login": "reader@corp.test", "password": "r3ad", "admin": false}
  ],
  "departments": [{"id": 10, "dept_name": "Ten"}, {"id": 20}],
  "users": [
    {"id": 100, "dept_id": 20, "first_name": "A", "last_name": "B", "email": "a@corp.test",
     "middle_name": "", "phone": "1", "company_name": "Co", "time_zone": "UTC", "is_security_admin": true,
     "is_a_d_account": true, "a_d_search_value": "ad", "is_active": false, "custom5": "five",
     "date_created": "2020-05-06T07:08:09.1000000"},
    {"first_name": "C", "last_name": "D", "email": "c@corp.test"}
  ]
}`

func TestSeed_DefaultsAndSnapshot(t *testing.T) {
	h := newHarness(t, Options{}, richSeed)
	snap := h.e.snapshot()

	if !snap.Options.StrictPatch || snap.Options.PutClearsCreateOnly {
		t.Errorf("options %+v", snap.Options)
	}
	for _, a := range snap.Accounts {
		if a.Password != "***" {
			t.Errorf("snapshot leaks a password: %+v", a)
		}
	}
	if len(snap.Departments) != 2 || snap.Departments[1].DeptName != "Department 20" {
		t.Errorf("departments %+v", snap.Departments)
	}
	if len(snap.Users) != 2 {
		t.Fatalf("users %+v", snap.Users)
	}
	a, c := snap.Users[0], snap.Users[1]
	if a.ID != 100 || a.IsActive || deref(a.Custom5) != "five" || a.MiddleName == nil || *a.MiddleName != "" ||
		a.DateCreated.String() != "2020-05-06T07:08:09.1000000" || a.DateUpdated != a.DateCreated {
		t.Errorf("explicit user %+v", a)
	}
	// Defaults: ids from 24793, lowest department, active, dates now.
	if c.ID != 24793 || c.DeptID != 10 || !c.IsActive || c.DateCreated.IsZero() || c.MiddleName != nil {
		t.Errorf("defaulted user %+v", c)
	}

	h.user, h.pass = "root@corp.test", "s3cret"
	h.want(h.do("GET", "/depts/20/users/100", ""), 200)
	created := h.want(h.do("POST", "/depts/10/users", `{"FirstName":"E","LastName":"F","Email":"e@corp.test"}`), 200).json(t)
	if created["id"] != 24794.0 {
		t.Errorf("next id %v", created["id"])
	}
}

func TestSeed_RoundTrip(t *testing.T) {
	first := newHarness(t, Options{}, richSeed)
	data, err := json.Marshal(first.e.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "s3cret") {
		t.Fatal("snapshot holds a password")
	}

	// Loading a snapshot into the same emulator keeps the passwords it masked.
	if err := first.e.Seed(data); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(first.e.Snapshot())
	if string(again) != string(data) {
		t.Errorf("round trip changed the data:\n%s\n%s", data, again)
	}
	first.user, first.pass = "root@corp.test", "s3cret"
	first.want(first.do("GET", "/depts/10/users", ""), 200)

	// A fresh emulator does not know the masked passwords.
	if err := New(Options{}).Seed(data); err == nil || !strings.Contains(err.Error(), "needs a password") {
		t.Errorf("err = %v", err)
	}

	// A snapshot of the defaults reloads anywhere: the defaults' passwords are known.
	def := New(Options{})
	defData, _ := json.Marshal(def.Snapshot())
	if err := New(Options{}).Seed(defData); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

func TestSeed_IDsContinueAfterTheHighest(t *testing.T) {
	e := New(Options{})
	if err := e.Seed(json.RawMessage(`{"users":[{"email":"a@x.test"},{"id":30000,"email":"b@x.test"}]}`)); err != nil {
		t.Fatal(err)
	}
	users := e.Users(0)
	if len(users) != 2 || users[0].ID != 30000 || users[1].ID != 30001 {
		t.Errorf("ids %+v", users)
	}
	if u := e.AddUser(User{Email: "c@x.test"}); u.ID != 30002 {
		t.Errorf("next id %d", u.ID)
	}
}

func TestSeed_EmptyMeansDefaults(t *testing.T) {
	for _, raw := range []string{``, `null`, `{}`, `{"accounts":[],"departments":[]}`} {
		e := New(Options{StrictPatch: true})
		e.AddUser(User{FirstName: "x", LastName: "y", Email: "x@y.test"})
		if err := e.Seed(json.RawMessage(raw)); err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		snap := e.snapshot()
		if len(snap.Users) != 0 || len(snap.Accounts) != 2 || snap.Accounts[0].Login != DefaultAdminLogin ||
			len(snap.Departments) != 2 || snap.Departments[0].ID != 8162 || !snap.Options.StrictPatch {
			t.Errorf("%q: %+v", raw, snap)
		}
	}
}

func TestSeed_Errors(t *testing.T) {
	cases := map[string]string{
		"unknown top key":     `{"userz":[]}`,
		"unknown user key":    `{"users":[{"email":"a@b.c","frist_name":"x"}]}`,
		"no email":            `{"users":[{"first_name":"x"}]}`,
		"duplicate email":     `{"users":[{"email":"a@b.c"},{"email":"A@b.c"}]}`,
		"duplicate id":        `{"users":[{"id":5,"email":"a@b.c"},{"id":5,"email":"b@b.c"}]}`,
		"negative id":         `{"users":[{"id":-5,"email":"a@b.c"}]}`,
		"unknown department":  `{"users":[{"dept_id":1,"email":"a@b.c"}]}`,
		"bad date":            `{"users":[{"email":"a@b.c","date_created":"soon"}]}`,
		"department id":       `{"departments":[{"dept_name":"x"}]}`,
		"duplicate dept":      `{"departments":[{"id":1},{"id":1}]}`,
		"account login":       `{"accounts":[{"password":"x"}]}`,
		"duplicate account":   `{"accounts":[{"login":"a","password":"x"},{"login":"A","password":"y"}]}`,
		"account no password": `{"accounts":[{"login":"new@x.test"}]}`,
		"not an object":       `[1]`,
		"trailing data":       `{} {}`,
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			e := New(Options{})
			kept := e.AddUser(User{FirstName: "k", LastName: "k", Email: "k@k.test"})
			if err := e.Seed(json.RawMessage(raw)); err == nil {
				t.Fatal("want an error")
			}
			if _, ok := e.User(kept.ID); !ok {
				t.Error("a failed seed must change nothing")
			}
		})
	}
}

func TestTimestamp(t *testing.T) {
	for in, want := range map[string]string{
		`"2016-01-01T00:00:00.0000000"`: "2016-01-01T00:00:00.0000000",
		`"2016-01-01T10:11:12.5"`:       "2016-01-01T10:11:12.5000000",
		`"2016-01-01"`:                  "2016-01-01T00:00:00.0000000",
	} {
		var ts Timestamp
		if err := json.Unmarshal([]byte(in), &ts); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if ts.String() != want {
			t.Errorf("%s -> %s, want %s", in, ts, want)
		}
	}
	ts := Timestamp{time.Date(2024, 1, 2, 3, 4, 5, 123456789, time.UTC)}
	out, _ := json.Marshal(ts)
	if string(out) != `"2024-01-02T03:04:05.1234567"` {
		t.Errorf("marshal %s", out)
	}
	var bad Timestamp
	if err := json.Unmarshal([]byte(`12`), &bad); err == nil {
		t.Error("a number is not a date")
	}
}
