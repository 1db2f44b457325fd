package qacomplete

import (
	"encoding/json"
	"strings"
	"testing"
)

// Options.EmailFilter: by default a filter naming Email is refused like an
// unknown field; "ignored" answers the whole department; "applied" filters.
// Filters on other fields work under every reading.
func TestListUsers_EmailFilterReadings(t *testing.T) {
	byEmail := "/depts/8162/users?filter=" + urlEncode("Email = 'mary@example.com'")
	byName := "/depts/8162/users?Filter=" + urlEncode("LastName = 'Morstan'")
	for _, c := range []struct {
		reading   string
		status    int
		emailHits int
	}{
		{"", 400, 0},
		{EmailFilterRejected, 400, 0},
		{EmailFilterIgnored, 200, 2},
		{EmailFilterApplied, 200, 1},
	} {
		t.Run("reading "+c.reading, func(t *testing.T) {
			h := newHarness(t, Options{EmailFilter: c.reading}, fullUser)
			h.e.AddUser(User{DeptID: 8162, FirstName: "Mary", LastName: "Morstan", Email: "mary@example.com", IsActive: true})
			a := h.want(h.do("GET", byEmail, ""), c.status)
			if c.status == 400 {
				if msg := a.message(t); !strings.Contains(msg, "Invalid filter") || !strings.Contains(msg, "Email") {
					t.Errorf("message %q should refuse the Email field", msg)
				}
			} else if l := a.list(t); len(l.items()) != c.emailHits || l.Metadata.ResultSet.Total != c.emailHits {
				t.Errorf("%d items (total %d), want %d", len(l.items()), l.Metadata.ResultSet.Total, c.emailHits)
			}
			l := h.want(h.do("GET", byName, ""), 200).list(t)
			if items := l.items(); len(items) != 1 || items[0]["email"] != "mary@example.com" {
				t.Errorf("a LastName filter should still apply: %+v", items)
			}
		})
	}
}

// Options.WriteAnswer: by default POST, PUT and PATCH answer 200 with no
// body; "object" answers the user with 200; "created" answers the created
// user with 201 and updates with 200.
func TestWriteAnswerReadings(t *testing.T) {
	const post = `{"FirstName":"Mary","LastName":"Morstan","Email":"mary@example.com"}`
	const put = `{"FirstName":"John","LastName":"Smith","Email":"john@example.com"}`
	for _, c := range []struct {
		reading    string
		postStatus int
		withBody   bool
	}{
		{"", 200, false},
		{WriteAnswerEmpty, 200, false},
		{WriteAnswerObject, 200, true},
		{WriteAnswerCreated, 201, true},
	} {
		t.Run("reading "+c.reading, func(t *testing.T) {
			h := newHarness(t, Options{WriteAnswer: c.reading}, fullUser)
			answers := []answer{
				h.want(h.do("POST", "/depts/8162/users", post), c.postStatus),
				h.want(h.do("PUT", "/depts/8162/users/500", put), 200),
				h.want(h.do("PATCH", "/depts/8162/users/500", `{"Phone":"1"}`), 200),
			}
			for i, a := range answers {
				if !c.withBody {
					if len(a.body) != 0 {
						t.Errorf("answer %d: body %q, want none", i, a.body)
					}
					continue
				}
				if m := a.json(t); m["id"] == nil || m["email"] == nil {
					t.Errorf("answer %d: %s is not the user", i, a.body)
				}
			}
			// The writes happened whatever the answer.
			if u, _ := h.e.User(500); u.LastName != "Smith" || u.Phone != "1" {
				t.Errorf("user 500 = %+v", u)
			}
			if len(h.e.Users(8162)) != 2 {
				t.Errorf("the POST made no user")
			}
		})
	}
}

// A value no reading names is refused by MergeOptions and by a seed, and
// leaves the options as they were.
func TestOptions_UnknownReadingRefused(t *testing.T) {
	e := New(Options{})
	for _, raw := range []string{`{"email_filter":"maybe"}`, `{"write_answer":"json"}`, `{"no_such_option":true}`} {
		if err := e.MergeOptions(json.RawMessage(raw)); err == nil {
			t.Errorf("MergeOptions(%s) accepted", raw)
		}
		if err := e.Seed(json.RawMessage(`{"options":` + raw + `}`)); err == nil {
			t.Errorf("Seed with options %s accepted", raw)
		}
	}
	if err := e.MergeOptions(json.RawMessage(`{"email_filter":"ignored","write_answer":"created"}`)); err != nil {
		t.Fatal(err)
	}
	if o := e.Options(); o.EmailFilter != EmailFilterIgnored || o.WriteAnswer != WriteAnswerCreated || o.StrictPatch {
		t.Errorf("options %+v", o)
	}
}
