package questionpro

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// mount is where the shared sandbox server puts the emulator; tests mount it
// the same way so URLs in bodies carry the prefix.
const mount = "/questionpro" + basePath

// fakeClock is the injectable clock: tests move it instead of sleeping.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// harness is an emulator behind a ServeMux, mounted like the sandbox mounts it.
type harness struct {
	t       *testing.T
	e       *Emulator
	clock   *fakeClock
	handler http.Handler
}

func newHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	clock := newFakeClock()
	if opts.Clock == nil {
		opts.Clock = clock.Now
	}
	e := New(opts)
	inner := http.NewServeMux()
	e.Routes(inner)
	outer := http.NewServeMux()
	outer.Handle(mount+"/", http.StripPrefix(mount, inner))
	return &harness{t: t, e: e, clock: clock, handler: outer}
}

// answer is one HTTP answer, decoded.
type answer struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

// call sends a request with the `api-key` header (none when key is "").
// body may be nil, a string (sent as is) or a value to marshal.
func (h *harness) call(method, path, key string, body any) answer {
	h.t.Helper()
	return h.do(method, path, body, func(r *http.Request) {
		if key != "" {
			r.Header.Set("api-key", key)
		}
	})
}

func (h *harness) do(method, path string, body any, prepare func(*http.Request)) answer {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		rd = bytes.NewReader(buf)
	}
	req := httptest.NewRequest(method, mount+path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	prepare(req)
	rec := httptest.NewRecorder()
	h.handler.ServeHTTP(rec, req)
	a := answer{status: rec.Code, header: rec.Header(), raw: rec.Body.String()}
	if err := json.Unmarshal(rec.Body.Bytes(), &a.body); err != nil {
		h.t.Fatalf("%s %s: body is not a JSON object: %v\n%s", method, path, err, a.raw)
	}
	return a
}

// response is the "response" member as an object.
func (a answer) response(t *testing.T) map[string]any {
	t.Helper()
	m, ok := a.body["response"].(map[string]any)
	if !ok {
		t.Fatalf("response is not an object: %s", a.raw)
	}
	return m
}

// errorObject is response.error.
func (a answer) errorObject(t *testing.T) map[string]any {
	t.Helper()
	return object(t, a.response(t), "error")
}

// object reads m[k] as an object.
func object(t *testing.T, m map[string]any, k string) map[string]any {
	t.Helper()
	o, ok := m[k].(map[string]any)
	if !ok {
		t.Fatalf("%s is not an object: %v", k, m)
	}
	return o
}

// list is the "response" member as an array of objects.
func (a answer) list(t *testing.T) []map[string]any {
	t.Helper()
	arr, ok := a.body["response"].([]any)
	if !ok {
		t.Fatalf("response is not an array: %s", a.raw)
	}
	out := make([]map[string]any, len(arr))
	for i, v := range arr {
		out[i], _ = v.(map[string]any)
	}
	return out
}

// pagination is the "pagination" member.
func (a answer) pagination(t *testing.T) map[string]any {
	t.Helper()
	m, ok := a.body["pagination"].(map[string]any)
	if !ok {
		t.Fatalf("no pagination block: %s", a.raw)
	}
	return m
}

// wantError checks an error answer: status, id, name, and the envelope.
func (a answer) wantError(t *testing.T, status int, id float64, name string) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d: %s", a.status, status, a.raw)
	}
	errObj := a.errorObject(t)
	if got := errObj["id"]; got != id {
		t.Errorf("error id %v, want %v: %s", got, id, a.raw)
	}
	if got := errObj["name"]; got != name {
		t.Errorf("error name %q, want %q", got, name)
	}
	if got := errObj["httpStatusCode"]; got != float64(status) {
		t.Errorf("httpStatusCode %v, want %d", got, status)
	}
}

// wantOK checks a 200 answer.
func (a answer) wantOK(t *testing.T) {
	t.Helper()
	if a.status != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", a.status, a.raw)
	}
}

// num reads a JSON number field as int.
func num(m map[string]any, k string) int {
	f, _ := m[k].(float64)
	return int(f)
}

// createUser makes a user through the API and returns its id.
func (h *harness) createUser(body map[string]any) int {
	h.t.Helper()
	a := h.call(http.MethodPost, "/users", DefaultAPIKey, body)
	a.wantOK(h.t)
	return num(a.response(h.t), "userID")
}
