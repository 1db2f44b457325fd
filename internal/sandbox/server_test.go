package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeEmulator is the smallest Emulator: enough routes to exercise the core.
type fakeEmulator struct {
	name string
	base string

	mu   sync.Mutex
	data json.RawMessage
}

func (f *fakeEmulator) Name() string     { return f.name }
func (f *fakeEmulator) BasePath() string { return f.base }

func (f *fakeEmulator) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /things/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"id":%q}`, r.PathValue("id"))
	})
	mux.HandleFunc("POST /things", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(body)
	})
	mux.HandleFunc("GET /panic", func(http.ResponseWriter, *http.Request) {
		panic("boom")
	})
}

func (f *fakeEmulator) Seed(raw json.RawMessage) error {
	if !json.Valid(raw) || raw[0] != '{' {
		return fmt.Errorf("want an object")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.data = append(json.RawMessage(nil), raw...)
	return nil
}

func (f *fakeEmulator) Snapshot() any {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.data == nil {
		return map[string]any{}
	}
	return f.data
}

// startServer serves two fake vendors: "fake" under /fake/api/v1 and "other"
// under /other.
func startServer(t *testing.T) *Server {
	t.Helper()
	s := NewServer(&fakeEmulator{name: "fake", base: "/api/v1"}, &fakeEmulator{name: "other"})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// call sends one request on a fresh connection, so a dropped connection is
// never retried behind the test's back.
func call(t *testing.T, method, url, body string, header http.Header) (*http.Response, []byte, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(resp.Body)
	return resp, data, err
}

func mustCall(t *testing.T, method, url, body string) (*http.Response, []byte) {
	t.Helper()
	resp, data, err := call(t, method, url, body, nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	return resp, data
}

func TestServer_URLs(t *testing.T) {
	s := NewServer(&fakeEmulator{name: "fake", base: "/api/v1"})
	if s.URL() != "" || s.BaseURL("fake") != "" {
		t.Fatal("URL before Start should be empty")
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := s.Start("127.0.0.1:0"); err == nil {
		t.Error("second Start should fail")
	}
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL = %q", s.URL())
	}
	if got, want := s.BaseURL("fake"), s.URL()+"/fake/api/v1"; got != want {
		t.Errorf("BaseURL = %q, want %q", got, want)
	}
	if s.BaseURL("nope") != "" {
		t.Error("BaseURL of an unknown vendor should be empty")
	}
	if s.Emulator("fake") == nil || s.Emulator("nope") != nil {
		t.Error("Emulator lookup")
	}
	resp, body := mustCall(t, "GET", s.BaseURL("fake")+"/things/42", "")
	if resp.StatusCode != 200 || string(body) != `{"id":"42"}` {
		t.Errorf("got %d %s", resp.StatusCode, body)
	}
}

func TestNewServer_RejectsDuplicateNames(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("want a panic for duplicate names")
		}
	}()
	NewServer(&fakeEmulator{name: "a"}, &fakeEmulator{name: "a"})
}

func TestServer_RequestLog(t *testing.T) {
	s := startServer(t)
	h := http.Header{"Authorization": {"Basic c2VjcmV0"}, "X-Trace": {"t1"}}
	resp, _, err := call(t, "POST", s.BaseURL("fake")+"/things?x=1", `{"Phone":"555"}`, h)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status %d", resp.StatusCode)
	}
	mustCall(t, "GET", s.BaseURL("other")+"/things/7", "")

	got := s.Requests("fake")
	if len(got) != 1 {
		t.Fatalf("fake requests = %d, want 1", len(got))
	}
	r := got[0]
	checks := map[string][2]string{
		"vendor": {r.Vendor, "fake"},
		"method": {r.Method, "POST"},
		"path":   {r.Path, "/fake/api/v1/things"},
		"query":  {r.RawQuery, "x=1"},
		"route":  {r.Route, "POST /things"},
		"auth":   {r.Header.Get("Authorization"), "Basic c2VjcmV0"},
		"trace":  {r.Header.Get("X-Trace"), "t1"},
		"body":   {string(r.Body), `{"Phone":"555"}`},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if r.Status != http.StatusCreated || r.Fault != "" || r.Time.IsZero() || r.Duration <= 0 {
		t.Errorf("status/fault/time/duration = %d %q %v %v", r.Status, r.Fault, r.Time, r.Duration)
	}
	if n := len(s.Requests("")); n != 2 {
		t.Errorf("all requests = %d, want 2", n)
	}

	// The log hands out copies.
	got[0].Body[0] = 'X'
	got[0].Header.Set("X-Trace", "changed")
	again := s.Requests("fake")[0]
	if again.Body[0] != '{' || again.Header.Get("X-Trace") != "t1" {
		t.Error("Requests must return copies")
	}

	s.ResetRequests()
	if len(s.Requests("")) != 0 || len(s.Stats("")) != 0 {
		t.Error("ResetRequests should empty the log and the counters")
	}
}

func TestServer_Stats(t *testing.T) {
	s := startServer(t)
	mustCall(t, "GET", s.BaseURL("fake")+"/things/1", "")
	mustCall(t, "GET", s.BaseURL("fake")+"/things/2", "")
	resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/nothing/here", "")
	if resp.StatusCode != 404 {
		t.Errorf("unmatched status %d", resp.StatusCode)
	}
	mustCall(t, "DELETE", s.BaseURL("fake")+"/things/1", "") // 405 from the mux
	adminJSON(t, s, "GET", "stats", "", 200, nil)            // admin: not counted

	st := s.Stats("fake")
	if got := st["GET /things/{id}"]; got.Calls != 2 || got.ByStatus[200] != 2 {
		t.Errorf("GET /things/{id} = %+v", got)
	}
	if got := st[Unmatched]; got.Calls != 2 || got.ByStatus[404] != 1 || got.ByStatus[405] != 1 {
		t.Errorf("UNMATCHED = %+v", got)
	}
	if len(st) != 2 {
		t.Errorf("routes = %v", st)
	}
	if _, ok := s.Stats("")["fake GET /things/{id}"]; !ok {
		t.Errorf("Stats(\"\") keys = %v", s.Stats(""))
	}
	if len(s.Requests("")) != 4 {
		t.Errorf("admin requests must not be logged: %d", len(s.Requests("")))
	}
}

func TestServer_EmulatorPanicIs500(t *testing.T) {
	s := startServer(t)
	resp, body := mustCall(t, "GET", s.BaseURL("fake")+"/panic", "")
	if resp.StatusCode != 500 || !bytes.Contains(body, []byte("boom")) {
		t.Errorf("got %d %s", resp.StatusCode, body)
	}
	if st := s.Stats("fake")["GET /panic"]; st.ByStatus[500] != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestServer_Seed(t *testing.T) {
	fake := &fakeEmulator{name: "fake"}
	other := &fakeEmulator{name: "other"}
	s := NewServer(fake, other)

	if err := s.Seed([]byte(`{"fake":{"a":1},"nope":{}}`)); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown vendor: err = %v", err)
	}
	if fake.data != nil {
		t.Error("nothing may be seeded when a key is unknown")
	}
	if err := s.Seed([]byte(`[1]`)); err == nil {
		t.Error("a non-object seed must fail")
	}
	if err := s.Seed([]byte(`{"fake":[1]}`)); err == nil || !strings.Contains(err.Error(), "fake") {
		t.Errorf("emulator error should name the vendor: %v", err)
	}
	if err := s.Seed([]byte(`{"fake":{"a":1}}`)); err != nil {
		t.Fatal(err)
	}
	snap, err := json.Marshal(s.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if string(snap) != `{"fake":{"a":1},"other":{}}` {
		t.Errorf("snapshot = %s", snap)
	}

	path := t.TempDir() + "/seed.json"
	if err := writeFile(path, `{"other":{"b":2}}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedFile(path); err != nil {
		t.Fatal(err)
	}
	if string(other.data) != `{"b":2}` || string(fake.data) != `{"a":1}` {
		t.Errorf("after SeedFile: fake=%s other=%s", fake.data, other.data)
	}
	if err := s.SeedFile(path + ".missing"); err == nil {
		t.Error("missing seed file must fail")
	}
}

func TestServer_Concurrent(t *testing.T) {
	s := startServer(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				if j%3 == 0 {
					s.SetFaults("fake", Fault{Route: "GET /things/{id}", Status: 503, Times: 1})
				}
				resp, _, err := call(t, "GET", fmt.Sprintf("%s/things/%d", s.BaseURL("fake"), i), "", nil)
				if err != nil {
					t.Error(err)
					return
				}
				_ = resp
				_ = s.Stats("")
				_ = s.Requests("fake")
			}
		}()
	}
	wg.Wait()
	st := s.Stats("fake")["GET /things/{id}"]
	if st.Calls != 80 || st.ByStatus[200]+st.ByStatus[503] != 80 {
		t.Errorf("stats %+v", st)
	}
}

func (f *fakeEmulator) MergeOptions(raw json.RawMessage) error {
	var opts struct {
		Loud bool `json:"loud"`
	}
	return MergeOptionsJSON(raw, &opts)
}
