package questionpro

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Every shape a reading of §5.7 allows decodes to the user or to no match;
// shapes no reading allows, and hits that are not the user asked for, are
// errors, never a no match and never a user.
func TestDecodeSearch(t *testing.T) {
	const email = "ada@example.com"
	ada := `{"userID":7,"emailAddress":"Ada@Example.com","firstName":"Ada"}`
	cases := []struct {
		name, raw string
		wantID    int64  // 0: no match
		err       string // "" : no error
	}{
		{"object", ada, 7, ""},
		{"list of one", "[" + ada + "]", 7, ""},
		{"list with others", `[{"userID":8,"emailAddress":"bob@example.com"},` + ada + `]`, 7, ""},
		{"empty list", "[]", 0, ""},
		{"null", "null", 0, ""},
		{"no response key", "", 0, "no response"},
		{"empty object", "{}", 0, "without a userID"},
		{"object without id", `{"emailAddress":"ada@example.com"}`, 0, "without a userID"},
		{"id 0", `{"userID":0,"emailAddress":"ada@example.com"}`, 0, "without a userID"},
		{"another user", `{"userID":8,"emailAddress":"bob@example.com"}`, 0, `"bob@example.com", not ada@example.com`},
		{"list of others only", `[{"userID":8,"emailAddress":"bob@example.com"}]`, 0, "0 of them with the e-mail"},
		{"list with two matches", "[" + ada + "," + strings.Replace(ada, "7", "9", 1) + "]", 0, "2 of them"},
		{"list hit without id", `[{"emailAddress":"ada@example.com"}]`, 0, "without a userID"},
		{"a string", `"ok"`, 0, "neither a user nor a list"},
		{"list of strings", `["ada@example.com"]`, 0, "not a list of users"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, err := decodeSearch("GET /organizations/1/users/search", email, []byte(c.raw))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "base_url") {
					t.Fatalf("err = %v, want one containing %q and naming base_url", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case c.wantID == 0 && u != nil:
				t.Fatalf("want no match, got user %d", u.UserID)
			case c.wantID != 0 && (u == nil || u.UserID != c.wantID):
				t.Fatalf("want user %d, got %+v", c.wantID, u)
			}
		})
	}
}

// fakeAPI answers each "METHOD path" with a fixed body and status, and
// counts the calls.
type fakeAPI struct {
	mu      sync.Mutex
	answers map[string]string
	calls   []string
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := r.Method + " " + r.URL.Path
	f.calls = append(f.calls, key)
	body, ok := f.answers[key]
	w.Header().Set("Content-Type", "application/json")
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		_, _ = fmt.Fprint(w, `{"response":{"error":{"name":"NOT_FOUND","httpStatusCode":404,"id":1040,"message":"no"}}}`)
		return
	}
	_, _ = fmt.Fprint(w, body)
}

func fakeClient(t *testing.T, answers map[string]string) (*Client, *fakeAPI) {
	t.Helper()
	f := &fakeAPI{answers: answers}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	base, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, BaseURL: base, DecodeError: decodeError, Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h, 1), f
}

// A PUT answered 2xx without the user (null or no response, §1.3) is read
// back with GET; a PUT answered with another user or a user without an id
// is an error, and nothing is read or written after it.
func TestUpdateUserAnswers(t *testing.T) {
	user := `{"response":{"userID":7,"emailAddress":"ada@example.com","firstName":"Read back"}}`
	for _, c := range []struct {
		name, put string
		wantName  string
		err       string
		wantGET   bool
	}{
		{"user", `{"response":{"userID":7,"emailAddress":"ada@example.com","firstName":"Echoed"}}`, "Echoed", "", false},
		{"null response", `{"response":null,"requestID":"r"}`, "Read back", "", true},
		{"no response key", `{"requestID":"r"}`, "Read back", "", true},
		{"empty object", `{"response":{}}`, "", "without a userID", false},
		{"another user", `{"response":{"userID":8}}`, "", "user 8 instead of user 7", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cl, f := fakeClient(t, map[string]string{"PUT /users/7": c.put, "GET /users/7": user})
			u, err := cl.UpdateUser(context.Background(), 7, UserUpdate{EmailAddress: "ada@example.com"})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
			} else if err != nil || u.FirstName != c.wantName {
				t.Fatalf("got %+v, %v; want first name %q", u, err, c.wantName)
			}
			if got := len(f.calls) == 2 && f.calls[1] == "GET /users/7"; got != c.wantGET || len(f.calls) > 2 {
				t.Fatalf("calls %v; want a GET after the PUT: %v", f.calls, c.wantGET)
			}
		})
	}
}

// A POST answered 2xx without the user is errCreatedWithoutUser, for the
// resource to settle with a lookup; an answer with a user without an id is
// another error.
func TestCreateUserAnswers(t *testing.T) {
	for _, c := range []struct{ post, err string }{
		{`{"response":null}`, "no user in the response"},
		{`{"requestID":"r"}`, "no user in the response"},
		{`{"response":{}}`, "without a userID"},
	} {
		cl, _ := fakeClient(t, map[string]string{"POST /users": c.post})
		_, err := cl.CreateUser(context.Background(), UserCreate{EmailAddress: "ada@example.com"})
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: err = %v, want %q", c.post, err, c.err)
		}
		if wantSentinel := !strings.Contains(c.post, "{}"); errors.Is(err, errCreatedWithoutUser) != wantSentinel {
			t.Errorf("%s: errors.Is(errCreatedWithoutUser) = %v", c.post, !wantSentinel)
		}
	}
}

// findCreated takes the user a lookup finds only when the e-mail was free
// before the POST; otherwise, or when the lookup finds nothing, it stops
// with an error that says to import the user.
func TestFindCreated(t *testing.T) {
	hit := `{"response":{"userID":7,"emailAddress":"ada@example.com"}}`
	cl, f := fakeClient(t, map[string]string{"GET /organizations/1/users/search": hit})
	u, err := findCreated(context.Background(), cl, 1, "ada@example.com", true)
	if err != nil || u.UserID != 7 {
		t.Fatalf("checked: got %+v, %v", u, err)
	}
	calls := len(f.calls)
	if _, err := findCreated(context.Background(), cl, 1, "ada@example.com", false); err == nil || !strings.Contains(err.Error(), "terraform import") {
		t.Fatalf("unchecked: err = %v, want the import command", err)
	}
	if len(f.calls) != calls {
		t.Fatalf("unchecked: a lookup was sent, and its hit could be someone else's user")
	}
	none, _ := fakeClient(t, map[string]string{"GET /organizations/1/users/search": `{"response":[]}`})
	if _, err := findCreated(context.Background(), none, 1, "ada@example.com", true); err == nil || !strings.Contains(err.Error(), "does not find") {
		t.Fatalf("no hit: err = %v", err)
	}
}
