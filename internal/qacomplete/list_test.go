package qacomplete

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// fakeClient is a client against a handler written by the test.
func fakeClient(t *testing.T, h http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := apiclient.New(apiclient.Config{Vendor: vendorKey, DisplayName: vendorName, BaseURL: mustBaseURL(t, srv.URL+"/api/v1"), DecodeError: decodeError})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(c)
}

// listServer serves users as GET .../users pages in QAComplete's envelope.
// pageCap caps limit (a server with a lower maximum); filter decides what
// a filter does: "reject" answers 400, "ignore" drops it, "apply" keeps
// the users whose e-mail the filter literal names. total, when not -1,
// replaces the reported total. ignoreOffset answers from 0 every time.
type listServer struct {
	users        []map[string]any
	pageCap      int
	filter       string
	total        int
	ignoreOffset bool
	calls        int
}

func (s *listServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls++
	q := r.URL.Query()
	items := s.users
	if f := q.Get("filter"); f != "" {
		switch s.filter {
		case "reject":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"message":"Invalid filter: unknown field \"Email\""}`))
			return
		case "apply":
			items = nil
			for _, u := range s.users {
				if email, _ := u["email"].(string); strings.Contains(strings.ToLower(f), "'"+strings.ToLower(email)+"'") {
					items = append(items, u)
				}
			}
		}
	}
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	if s.ignoreOffset {
		offset = 0
	}
	limit = min(limit, s.pageCap)
	start := min(offset, len(items))
	end := min(start+limit, len(items))
	total := len(items)
	if s.total >= 0 {
		total = s.total
	}
	body, _ := json.Marshal(map[string]any{
		"metadata": map[string]any{"result_set": map[string]any{"count": end - start, "offset": offset, "limit": limit, "total": total}},
		"results":  items[start:end],
	})
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

func manyUsers(n int) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"id": 1000 + i, "email": fmt.Sprintf("user%d@example.com", i), "is_active": true}
	}
	return out
}

// A server that pages smaller than asked is walked to the end by the
// count each page held, and the walk asks for the largest page size.
func TestListAllUsers_walksEveryPage(t *testing.T) {
	s := &listServer{users: manyUsers(230), pageCap: 100, total: -1}
	var limits []string
	c := fakeClient(t, func(w http.ResponseWriter, r *http.Request) {
		limits = append(limits, r.URL.Query().Get("limit"))
		s.ServeHTTP(w, r)
	})
	users, err := c.ListAllUsers(context.Background(), 8162, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 230 || users[229].ID != 1229 || s.calls != 3 {
		t.Errorf("got %d users in %d calls", len(users), s.calls)
	}
	if limits[0] != "1000" {
		t.Errorf("first page asked limit=%s, want the largest page size 1000", limits[0])
	}
}

// A walk that cannot be trusted as complete is an error, never a shorter
// list: pages that end before the reported total, a server that ignores
// offset and answers the first page again, an answer without the envelope.
func TestListAllUsers_refusesAnIncompleteWalk(t *testing.T) {
	cases := map[string]struct {
		handler http.Handler
		want    string
	}{
		"ends short of the total": {&listServer{users: manyUsers(150), pageCap: 100, total: 400}, "reported 400 users, but its pages ended after 150"},
		"repeats a page":          {&listServer{users: manyUsers(150), pageCap: 100, total: -1, ignoreOffset: true}, "answered user 1000 again at offset 100"},
		"not the list envelope": {http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"users":[]}`))
		}), "no metadata.result_set"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			users, err := fakeClient(t, c.handler.ServeHTTP).ListAllUsers(context.Background(), 8162, "")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("users %d, err %v; want an error with %q", len(users), err, c.want)
			}
			if !strings.Contains(err.Error()+apiclientHint(err), "base_url") {
				t.Errorf("the error should name base_url: %v", err)
			}
		})
	}
}

func apiclientHint(err error) string {
	if e, ok := apiclient.AsError(err); ok {
		return e.Hint
	}
	return ""
}

// A lookup by e-mail finds the user whatever the server does with the
// filter: rejected (400) falls back to the whole list, ignored (the whole
// list comes back) is matched row by row, so the first row is never taken
// for the user asked for.
func TestFindUserByEmail_everyFilterReading(t *testing.T) {
	for _, reading := range []string{"reject", "ignore", "apply"} {
		t.Run(reading, func(t *testing.T) {
			s := &listServer{users: manyUsers(1500), pageCap: 1000, filter: reading, total: -1}
			c := fakeClient(t, s.ServeHTTP)
			u, err := c.FindUserByEmail(context.Background(), 8162, "USER1234@example.com")
			if err != nil {
				t.Fatal(err)
			}
			if u == nil || u.ID != 2234 {
				t.Fatalf("found %+v, want user 2234", u)
			}
			none, err := c.FindUserByEmail(context.Background(), 8162, "nobody@example.com")
			if err != nil || none != nil {
				t.Fatalf("nobody: %+v, %v", none, err)
			}
		})
	}
}
