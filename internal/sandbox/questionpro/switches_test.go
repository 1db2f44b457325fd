package questionpro

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Search by e-mail under each reading of its two open points (§5.7): a hit
// is an object or a list holding the user; no match is 404/1040, an empty
// list or a null response.
func TestSearchReadings(t *testing.T) {
	base := "/organizations/1001/users/search?emailAddress="
	for _, tc := range []struct {
		answer, noMatch string
		wantList        bool
		wantNoMatch     string // raw response, or "" for 404/1040
	}{
		{"", "", false, ""},
		{SearchAnswerObject, NoMatchNotFound, false, ""},
		{SearchAnswerList, NoMatchNotFound, true, ""},
		{SearchAnswerObject, NoMatchEmptyList, false, "[]"},
		{SearchAnswerObject, NoMatchNull, false, "null"},
	} {
		t.Run(tc.answer+"/"+tc.noMatch, func(t *testing.T) {
			h := newHarness(t, Options{SearchAnswer: tc.answer, SearchNoMatch: tc.noMatch})
			id := h.createUser(map[string]any{"emailAddress": "find.me@example.com"})

			a := h.call("GET", base+"find.me@example.com", DefaultAPIKey, nil)
			a.wantOK(t)
			if tc.wantList {
				if l := a.list(t); len(l) != 1 || num(l[0], "userID") != id {
					t.Errorf("want a list holding user %d: %s", id, a.raw)
				}
			} else if num(a.response(t), "userID") != id {
				t.Errorf("want user %d as an object: %s", id, a.raw)
			}

			miss := h.call("GET", base+"nobody@example.com", DefaultAPIKey, nil)
			if tc.wantNoMatch == "" {
				miss.wantError(t, 404, 1040, "NOT_FOUND")
				return
			}
			miss.wantOK(t)
			var env struct {
				Response json.RawMessage `json:"response"`
			}
			if err := json.Unmarshal([]byte(miss.raw), &env); err != nil || string(env.Response) != tc.wantNoMatch {
				t.Errorf("no match answered %s, want response %s", miss.raw, tc.wantNoMatch)
			}
		})
	}
}

// POST and PUT of a user answer with the user, a null response, or an
// envelope without a response key (§1.3, §5.2, §5.3); the write happens under
// every reading.
func TestUserWriteAnswerReadings(t *testing.T) {
	for _, reading := range []string{WriteAnswerUser, WriteAnswerNull, WriteAnswerOmitted} {
		t.Run(reading, func(t *testing.T) {
			h := newHarness(t, Options{UserWriteAnswer: reading})
			created := h.call("POST", "/users", DefaultAPIKey, map[string]any{"emailAddress": "w@example.com", "firstName": "W"})
			created.wantOK(t)
			users := h.e.Users()
			u := users[len(users)-1]
			if u.EmailAddress != "w@example.com" {
				t.Fatalf("POST did not create the user: %+v", u)
			}
			updated := h.call("PUT", "/users/"+strconv.Itoa(u.UserID), DefaultAPIKey, map[string]any{"emailAddress": "w@example.com", "firstName": "V"})
			updated.wantOK(t)
			if got, _ := h.e.User(u.UserID); got.FirstName != "V" {
				t.Errorf("PUT did not update: %+v", got)
			}
			for _, a := range []answer{created, updated} {
				resp, has := a.body["response"]
				if _, hasID := a.body["requestID"]; !hasID {
					t.Errorf("no requestID: %s", a.raw)
				}
				switch reading {
				case WriteAnswerUser:
					if m, ok := resp.(map[string]any); !ok || num(m, "userID") != u.UserID {
						t.Errorf("want the user: %s", a.raw)
					}
				case WriteAnswerNull:
					if !has || resp != nil {
						t.Errorf("want response null: %s", a.raw)
					}
				case WriteAnswerOmitted:
					if has {
						t.Errorf("want no response key: %s", a.raw)
					}
				}
			}
		})
	}
}

// MergeOptions moves only the switches it names: the others, the rate
// window and the clock stay as they were, so a matrix position set on a
// configured emulator changes one reading at a time. Unknown keys and
// readings are refused.
func TestMergeOptionsKeepsTheOthers(t *testing.T) {
	clock := newFakeClock()
	e := New(Options{MergeOnUpdate: true, KeyRateLimit: 5, RateWindow: 30 * time.Second, SearchAnswer: SearchAnswerList, Clock: clock.Now})
	if err := e.MergeOptions([]byte(`{"search_no_match":"null","error_id_as_string":true}`)); err != nil {
		t.Fatal(err)
	}
	got := e.opts
	if !got.MergeOnUpdate || got.KeyRateLimit != 5 || got.RateWindow != 30*time.Second || got.SearchAnswer != SearchAnswerList || got.Clock == nil {
		t.Errorf("merge lost options it did not name: %+v", got)
	}
	if got.SearchNoMatch != NoMatchNull || !got.ErrorIDAsString {
		t.Errorf("merge did not set the named options: %+v", got)
	}
	// The default reading, named explicitly, selects it again.
	if err := e.MergeOptions([]byte(`{"search_answer":"object","merge_on_update":false}`)); err != nil {
		t.Fatal(err)
	}
	if e.opts.SearchAnswer != SearchAnswerObject || e.opts.MergeOnUpdate || e.opts.KeyRateLimit != 5 {
		t.Errorf("second merge: %+v", e.opts)
	}
	for _, bad := range []string{`{"no_such_option":true}`, `{"search_answer":"array"}`, `{"search_no_match":"204"}`, `{"user_write_answer":"empty"}`} {
		if err := e.MergeOptions([]byte(bad)); err == nil {
			t.Errorf("%s was accepted", bad)
		} else if !strings.Contains(err.Error(), "option") && !strings.Contains(err.Error(), "want one of") && !strings.Contains(err.Error(), "unknown field") {
			t.Errorf("%s: unhelpful error %v", bad, err)
		}
	}
}
