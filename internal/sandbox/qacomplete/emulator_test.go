package qacomplete

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// harness drives an emulator in-process through its own mux.
type harness struct {
	t    *testing.T
	e    *Emulator
	mux  *http.ServeMux
	user string
	pass string
}

// t0 is the pinned clock's start; each reading moves it one second on.
var t0 = time.Date(2024, 1, 2, 3, 4, 5, 123456700, time.Local)

func newHarness(t *testing.T, opts Options, seed string) *harness {
	t.Helper()
	e := New(opts)
	tick := t0
	e.SetClock(func() time.Time { tick = tick.Add(time.Second); return tick })
	if seed != "" {
		if err := e.Seed(json.RawMessage(seed)); err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
	mux := http.NewServeMux()
	e.Routes(mux)
	return &harness{t: t, e: e, mux: mux, user: DefaultAdminLogin, pass: DefaultAdminPassword}
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.body, &m); err != nil {
		t.Fatalf("body %q: %v", a.body, err)
	}
	return m
}

func (a answer) message(t *testing.T) string {
	t.Helper()
	msg, _ := a.json(t)["message"].(string)
	return msg
}

// do sends one request; a non-empty body goes as application/json.
func (h *harness) do(method, path, body string) answer {
	h.t.Helper()
	req := httptest.NewRequestWithContext(h.t.Context(), method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if h.user != "" {
		req.SetBasicAuth(h.user, h.pass)
	}
	rec := httptest.NewRecorder()
	h.mux.ServeHTTP(rec, req)
	data, _ := io.ReadAll(rec.Result().Body)
	return answer{status: rec.Code, header: rec.Header(), body: data}
}

// listAnswer is the list envelope as a client decodes it; Results is nil
// when the key is absent.
type listAnswer struct {
	Metadata listMetadata      `json:"metadata"`
	Results  *[]map[string]any `json:"results"`
}

func (a answer) list(t *testing.T) listAnswer {
	t.Helper()
	var l listAnswer
	if err := json.Unmarshal(a.body, &l); err != nil {
		t.Fatalf("body %q: %v", a.body, err)
	}
	return l
}

func (l listAnswer) items() []map[string]any {
	if l.Results == nil {
		return nil
	}
	return *l.Results
}

func (h *harness) want(a answer, status int) answer {
	h.t.Helper()
	if a.status != status {
		h.t.Fatalf("status %d, want %d; body %s", a.status, status, a.body)
	}
	return a
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestAuth(t *testing.T) {
	cases := []struct {
		name, user, pass, path string
		status                 int
		message                string
	}{
		{"no credentials", "", "", "/depts/8162/users", 401, msgUnauthorized},
		{"wrong password", DefaultAdminLogin, "nope", "/depts/8162/users", 401, msgUnauthorized},
		{"unknown login", "who@example.com", DefaultAdminPassword, "/depts", 401, msgUnauthorized},
		{"password is case-sensitive", DefaultAdminLogin, strings.ToUpper(DefaultAdminPassword), "/depts", 401, msgUnauthorized},
		{"viewer on users", DefaultViewerLogin, DefaultViewerPassword, "/depts/8162/users", 403, msgForbidden},
		{"viewer on one user", DefaultViewerLogin, DefaultViewerPassword, "/depts/8162/users/1", 403, msgForbidden},
		{"viewer on departments", DefaultViewerLogin, DefaultViewerPassword, "/depts", 200, ""},
		{"admin", DefaultAdminLogin, DefaultAdminPassword, "/depts/8162/users", 200, ""},
		{"login is case-insensitive", "ADMIN@example.com", DefaultAdminPassword, "/depts/8162/users", 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{}, "")
			h.user, h.pass = c.user, c.pass
			a := h.want(h.do("GET", c.path, ""), c.status)
			if c.status == 401 && a.header.Get("WWW-Authenticate") != `Basic realm="QAComplete"` {
				t.Errorf("WWW-Authenticate = %q", a.header.Get("WWW-Authenticate"))
			}
			if c.message != "" {
				if got := a.message(t); got != c.message || !strings.Contains(got, "Access is denied") {
					t.Errorf("message %q, want %q", got, c.message)
				}
				if ct := a.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
					t.Errorf("Content-Type %q", ct)
				}
			}
		})
	}
}

func TestAuth_SeededAccounts(t *testing.T) {
	h := newHarness(t, Options{}, `{"accounts":[{"login":"boss@corp.test","password":"pw1","admin":true}]}`)
	h.want(h.do("GET", "/depts/8162/users", ""), 401) // the defaults are gone
	h.user, h.pass = "boss@corp.test", "pw1"
	h.want(h.do("GET", "/depts/8162/users", ""), 200)
}

func TestDepartments(t *testing.T) {
	h := newHarness(t, Options{}, "")
	list := h.want(h.do("GET", "/depts", ""), 200).list(t)
	if rs := list.Metadata.ResultSet; rs != (resultSet{Count: 2, Offset: 0, Limit: 25, Total: 2}) {
		t.Errorf("result_set %+v", rs)
	}
	if acl := list.Metadata.Permissions.ACL; acl != 7 {
		t.Errorf("admin acl %v", acl)
	}
	one := h.want(h.do("GET", "/depts/8162", ""), 200)
	if string(one.body) != `{"id":8162,"dept_name":"Your Company Name"}` {
		t.Errorf("dept %s", one.body)
	}
	filtered := h.want(h.do("GET", "/depts?Filter="+urlEncode("dept_name ~ 'second'"), ""), 200).list(t)
	if res := filtered.items(); len(res) != 1 || res[0]["id"] != 8163.0 {
		t.Errorf("filtered %+v", res)
	}
	for _, p := range []string{"/depts/9999", "/depts/abc"} {
		if a := h.want(h.do("GET", p, ""), 404); a.message(t) != msgNotFound {
			t.Errorf("%s: %s", p, a.body)
		}
	}
	h.want(h.do("GET", "/depts?filter="+urlEncode("bogus = 1"), ""), 400)

	h.user, h.pass = DefaultViewerLogin, DefaultViewerPassword
	viewer := h.want(h.do("GET", "/depts", ""), 200).list(t)
	if acl := viewer.Metadata.Permissions.ACL; acl != 1 {
		t.Errorf("viewer acl %v", acl)
	}
}

// TestMountedInSandbox runs the emulator behind the shared server, the way
// acceptance tests and saas-sandbox do.
func TestMountedInSandbox(t *testing.T) {
	s := sandbox.NewServer(New(Options{}))
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if want := s.URL() + "/qacomplete/rest-api/service/api/v1"; s.BaseURL(VendorName) != want {
		t.Fatalf("BaseURL %q, want %q", s.BaseURL(VendorName), want)
	}
	body := `{"FirstName":"Ann","LastName":"Lee","Email":"ann@example.com","Phone":"555"}`
	req, _ := http.NewRequestWithContext(t.Context(), "POST", s.BaseURL(VendorName)+"/depts/8162/users", strings.NewReader(body))
	req.SetBasicAuth(DefaultAdminLogin, DefaultAdminPassword)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST: %d", resp.StatusCode)
	}
	st := s.Stats(VendorName)["POST /depts/{DeptId}/users"]
	if st.Calls != 1 || st.ByStatus[200] != 1 {
		t.Errorf("stats %+v", st)
	}
	if got := string(s.Requests(VendorName)[0].Body); got != body {
		t.Errorf("logged body %s", got)
	}
	snap, _ := json.Marshal(s.Snapshot())
	if !strings.Contains(string(snap), `"email":"ann@example.com"`) || strings.Contains(string(snap), DefaultAdminPassword) {
		t.Errorf("snapshot %s", snap)
	}
}
