package twosms

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

var _ sandbox.Emulator = (*Emulator)(nil)

// IDs of the test fixture.
const (
	acctMain   = "acc00000-0000-4000-8000-000000000001"
	acctBranch = "acc00000-0000-4000-8000-000000000002"
	langEN     = "1a000000-0000-4000-8000-000000000001"
	langFR     = "1a000000-0000-4000-8000-000000000002"
	idAdmin    = "ad000000-0000-4000-8000-000000000001"
	idAlice    = "b0000000-0000-4000-8000-000000000001"
	idBob      = "b0000000-0000-4000-8000-000000000002"
	idRoot     = "c0000000-0000-4000-8000-000000000001"
	idMissing  = "dead0000-0000-4000-8000-000000000001"
)

// fixture is a seed with two accounts, an admin (bound to admin-client), a
// standard user (bound to plain-client), a user with secrets and GDPR dates,
// and a super user.
const fixture = `{
  "accounts": [
    {"id": "acc00000-0000-4000-8000-000000000001", "name": "Main"},
    {"id": "ACC00000-0000-4000-8000-000000000002", "name": "Branch"}
  ],
  "languages": [
    {"id": "1a000000-0000-4000-8000-000000000001", "name": "English"},
    "1a000000-0000-4000-8000-000000000002"
  ],
  "clients": [
    {"client_id": "admin-client", "client_secret": "admin-secret", "user_id": "ad000000-0000-4000-8000-000000000001"},
    {"client_id": "plain-client", "client_secret": "plain-secret", "user_id": "b0000000-0000-4000-8000-000000000001"},
    {"client_id": "account-client", "client_secret": "account-secret"}
  ],
  "users": [
    {"ID": "ad000000-0000-4000-8000-000000000001", "AdminUser": true, "Enabled": true,
     "DisplayName": "Ada Admin", "EmailAddress": "ada@example.com", "MobilePhone": "+44 7700 900001",
     "TimeZone": "GMT Standard Time", "Username": "ada",
     "DateCreated": "2024-03-28T08:12:49.3595132+00:00", "DateModified": "2024-03-28T08:12:49.3595132+00:00"},
    {"ID": "b0000000-0000-4000-8000-000000000001", "Enabled": true,
     "DisplayName": "Alice", "EmailAddress": "alice@example.com", "MobilePhone": "07700 900002",
     "TimeZone": "GMT Standard Time", "Username": "alice",
     "DateCreated": "2024-03-28T08:12:49Z"},
    {"ID": "b0000000-0000-4000-8000-000000000002", "AccountID": "acc00000-0000-4000-8000-000000000002",
     "LanguageID": "1a000000-0000-4000-8000-000000000002", "Enabled": true,
     "DisplayName": "Bob", "EmailAddress": "bob@example.com", "MobilePhone": "+61 (4) 1234-5678",
     "TimeZone": "AUS Eastern Standard Time", "Username": "bob",
     "Password": "bob-password", "Pin": "4321", "Preferences": 3, "SSOEnabled": true,
     "AgreementDate": "2024-01-02T03:04:05.1234567+00:00", "DeclineDate": "2024-02-03T04:05:06+00:00",
     "DPAVersion": "2.1", "PrivacyPolicyVersion": "3.4",
     "DateCreated": "2024-03-28T08:12:49Z"},
    {"ID": "c0000000-0000-4000-8000-000000000001", "SuperUser": true, "AdminUser": true, "Enabled": true,
     "DisplayName": "Root", "EmailAddress": "root@example.com", "MobilePhone": "0000000000",
     "TimeZone": "UTC", "Username": "root", "DateCreated": "2024-03-28T08:12:49Z"}
  ]
}`

// epoch is where every test clock starts.
var epoch = time.Date(2025, 1, 18, 5, 5, 13, 813689100, time.UTC)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type harness struct {
	t     *testing.T
	e     *Emulator
	mux   *http.ServeMux
	clock *testClock
}

// newHarness builds an emulator on its own mux with a test clock, seeded with
// seed unless it is empty.
func newHarness(t *testing.T, opts Options, seed string) *harness {
	t.Helper()
	clock := &testClock{t: epoch}
	opts.Now = clock.Now
	e := New(opts)
	if seed != "" {
		if err := e.Seed(json.RawMessage(seed)); err != nil {
			t.Fatalf("Seed: %v", err)
		}
	}
	mux := http.NewServeMux()
	e.Routes(mux)
	return &harness{t: t, e: e, mux: mux, clock: clock}
}

func (h *harness) do(req *http.Request) *httptest.ResponseRecorder {
	h.t.Helper()
	rec := httptest.NewRecorder()
	h.mux.ServeHTTP(rec, req)
	return rec
}

// tokenRequest posts a form to /Token.
func (h *harness) tokenRequest(form url.Values, edit func(*http.Request)) *httptest.ResponseRecorder {
	h.t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/Token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if edit != nil {
		edit(req)
	}
	return h.do(req)
}

// token gets an access token for a client with the documented form grant.
func (h *harness) token(clientID, secret string) tokenResponse {
	h.t.Helper()
	rec := h.tokenRequest(url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {clientID},
		"client_secret": {secret},
	}, nil)
	if rec.Code != http.StatusOK {
		h.t.Fatalf("POST /Token: %d %s", rec.Code, rec.Body)
	}
	var tr tokenResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &tr); err != nil {
		h.t.Fatalf("token body: %v", err)
	}
	return tr
}

func (h *harness) adminToken() string {
	h.t.Helper()
	return h.token("admin-client", "admin-secret").AccessToken
}

// api calls an admin route with a bearer token and, for a non-empty body, a
// JSON Content-Type.
func (h *harness) api(method, path, token, body string) *httptest.ResponseRecorder {
	h.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return h.do(req)
}

// testEnvelope is a client-side reading of the §2.1 envelope.
type testEnvelope struct {
	Error *struct {
		ErrorCode   *string
		ErrorReason *string
	}
	ResponseData *struct {
		Identification struct{ UserId string } //nolint:revive // the wire's spelling
		Result         string
		Detail         json.RawMessage
	}
}

func (env testEnvelope) code() string {
	if env.Error == nil || env.Error.ErrorCode == nil {
		return ""
	}
	return *env.Error.ErrorCode
}

func (env testEnvelope) reason() string {
	if env.Error == nil || env.Error.ErrorReason == nil {
		return ""
	}
	return *env.Error.ErrorReason
}

func decodeEnvelope(t *testing.T, rec *httptest.ResponseRecorder) testEnvelope {
	t.Helper()
	var env testEnvelope
	if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
		t.Fatalf("envelope: %v in %s", err, rec.Body)
	}
	if env.ResponseData == nil {
		t.Fatalf("envelope without ResponseData: %s", rec.Body)
	}
	return env
}

// detailUser decodes Detail as a wire user into a generic map, so tests see
// exactly what the wire carries.
func detailUser(t *testing.T, env testEnvelope) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(env.ResponseData.Detail, &m); err != nil {
		t.Fatalf("Detail: %v in %s", err, env.ResponseData.Detail)
	}
	return m
}

func detailUsernames(t *testing.T, env testEnvelope) []string {
	t.Helper()
	var list []map[string]any
	if err := json.Unmarshal(env.ResponseData.Detail, &list); err != nil {
		t.Fatalf("Detail: %v in %s", err, env.ResponseData.Detail)
	}
	names := []string{}
	for _, u := range list {
		s, _ := u["Username"].(string)
		names = append(names, s)
	}
	return names
}

// getUser reads one user through the API and fails the test on an error.
func (h *harness) getUser(token, id string) map[string]any {
	h.t.Helper()
	rec := h.api(http.MethodGet, "/api/v1/admin/users/"+id, token, "")
	env := decodeEnvelope(h.t, rec)
	if rec.Code != http.StatusOK || env.code() != "" {
		h.t.Fatalf("GET user %s: %d %s", id, rec.Code, rec.Body)
	}
	return detailUser(h.t, env)
}

// putBody is a complete PUT body for a user read from the API, with changes
// applied; a nil change value removes the key.
func putBody(t *testing.T, base map[string]any, changes map[string]any) string {
	t.Helper()
	m := map[string]any{}
	for k, v := range base {
		m[k] = v
	}
	for k, v := range changes {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// In putBody's changes, remove leaves a key out of the body and jsonNull
// sends an explicit null.
var (
	remove   any
	jsonNull = json.RawMessage("null")
)

// wireMap renders a stored user as the API would, without a request.
func wireMap(t *testing.T, e *Emulator, id string) map[string]any {
	t.Helper()
	e.mu.Lock()
	u, ok := e.users[id]
	var w wireUser
	if ok {
		w = e.toWire(u)
	}
	e.mu.Unlock()
	if !ok {
		t.Fatalf("no user %s", id)
	}
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
