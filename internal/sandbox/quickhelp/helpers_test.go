package quickhelp_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// testEnv is one emulator served over its own mux, as the shared server
// would mount it, minus the mount prefix.
type testEnv struct {
	emu *quickhelp.Emulator
	srv *httptest.Server
}

func newEnv(t *testing.T, opts quickhelp.Options) *testEnv {
	t.Helper()
	emu := quickhelp.New(opts)
	mux := http.NewServeMux()
	emu.Routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &testEnv{emu: emu, srv: srv}
}

// seed loads a seed document or fails the test.
func (env *testEnv) seed(t *testing.T, doc string) {
	t.Helper()
	if err := env.emu.Seed(json.RawMessage(doc)); err != nil {
		t.Fatalf("Seed: %v", err)
	}
}

// headers are the request headers; a nil value removes a default header.
type headers map[string]*string

func str(s string) *string { return &s }

// reply is one answer.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, r.body)
	}
	return m
}

// do sends a request with the default keys (and a JSON content type when
// there is a body), overridden by hdr.
func (env *testEnv) do(t *testing.T, method, path, body string, hdr headers) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, env.srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Ocp-Apim-Subscription-Key", quickhelp.DefaultSubscriptionKey)
	req.Header.Set("Authorization", quickhelp.DefaultAPIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		if v == nil {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, *v)
		}
	}
	resp, err := env.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// list is one decoded getUserList answer.
type list struct {
	Records    []map[string]any `json:"records"`
	TotalCount int              `json:"totalCount"`
	Page       int              `json:"page"`
	PageSize   int              `json:"pageSize"`
}

func (env *testEnv) list(t *testing.T, query string, hdr headers) list {
	t.Helper()
	r := env.do(t, "GET", "/User/List"+query, "", hdr)
	if r.status != http.StatusOK {
		t.Fatalf("list%s: status %d: %s", query, r.status, r.body)
	}
	var l list
	if err := json.Unmarshal(r.body, &l); err != nil {
		t.Fatalf("list body: %v: %s", err, r.body)
	}
	return l
}

func ids(l list) []int {
	out := make([]int, 0, len(l.Records))
	for _, rec := range l.Records {
		id, _ := rec["userId"].(float64)
		out = append(out, int(id))
	}
	return out
}

// modelStateKeys returns the field names of a documented 400 body and checks
// each entry's shape (§2.2).
func modelStateKeys(t *testing.T, r reply) map[string]string {
	t.Helper()
	if r.status != http.StatusBadRequest {
		t.Fatalf("status %d, want 400: %s", r.status, r.body)
	}
	var body map[string]struct {
		Value *struct {
			AttemptedValue *string `json:"attemptedValue"`
			Culture        string  `json:"culture"`
			RawValue       any     `json:"rawValue"`
		} `json:"value"`
		Errors []struct {
			Exception    any    `json:"exception"`
			ErrorMessage string `json:"errorMessage"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("400 body is not a ModelState map: %v: %s", err, r.body)
	}
	out := map[string]string{}
	for k, ent := range body {
		if len(ent.Errors) == 0 || ent.Errors[0].ErrorMessage == "" {
			t.Errorf("entry %q has no error message: %s", k, r.body)
			continue
		}
		if ent.Value != nil && (ent.Value.AttemptedValue == nil || ent.Value.Culture == "") {
			t.Errorf("entry %q has an incomplete value: %s", k, r.body)
		}
		out[k] = ent.Errors[0].ErrorMessage
	}
	return out
}

// clock is a settable time source for the gateway limits.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

// snapshot returns the emulator's snapshot as SeedData.
func snapshot(t *testing.T, e *quickhelp.Emulator) quickhelp.SeedData {
	t.Helper()
	snap, ok := e.Snapshot().(quickhelp.SeedData)
	if !ok {
		t.Fatalf("Snapshot returned %T", e.Snapshot())
	}
	return snap
}

func newClock() *clock { return &clock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Role GUIDs of DefaultRoles used in tests.
const (
	roleAssignment = "3f8e2a10-5b1c-4d7e-9a01-000000000001"
	roleUserAdmin  = "3f8e2a10-5b1c-4d7e-9a01-000000000005"
)

// fullUser is a user with every field set, for the reset-on-omit tests.
func fullUser() quickhelp.User {
	return quickhelp.User{
		UserID: 7, FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com",
		Department: "Engineering", JobTitle: "Analyst", Licensed: true, Confirmed: true,
		BypassSSO: true, Roles: []string{roleUserAdmin},
		Groups:  []quickhelp.Group{{ID: 3, Name: "All Users"}},
		Country: "GB",
		SSO: &quickhelp.SSO{UserID: "ada@corp", Company: "Corp", Location: "London", Platform: "Entra ID",
			CustomFields: []quickhelp.CustomField{{Name: "costCenter", Value: "42"}}},
	}
}
