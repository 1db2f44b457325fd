package apiclient

import (
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// mustBaseURL is ParseBaseURL for a URL the test knows is good.
func mustBaseURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := ParseBaseURL("TestVendor", raw)
	if err != nil {
		t.Fatalf("ParseBaseURL(%q): %v", raw, err)
	}
	return u
}

// testConfig is a Config with waits small enough to keep the suite fast,
// and a cap of three retries that most tests count on; the budget tests
// lift it.
func testConfig(t testing.TB, baseURL string) Config {
	return Config{
		Vendor:         "testvendor",
		DisplayName:    "TestVendor",
		BaseURL:        mustBaseURL(t, baseURL),
		RequestTimeout: 2 * time.Second,
		RetryBudget:    30 * time.Second,
		MaxRetries:     3,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   5 * time.Millisecond,
	}
}

func newTestClient(t *testing.T, baseURL string, modify func(*Config)) *Client {
	t.Helper()
	cfg := testConfig(t, baseURL)
	if modify != nil {
		modify(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// testServer is an httptest server on 127.0.0.1 that counts the requests it
// handled and the connections it accepted, and keeps every request it saw.
type testServer struct {
	*httptest.Server
	hits  atomic.Int32
	conns atomic.Int32

	mu   sync.Mutex
	seen []seenRequest
}

type seenRequest struct {
	Method     string
	RequestURI string
	RawPath    string
	Header     http.Header
	Body       []byte
}

func newTestServer(t *testing.T, handler func(n int, w http.ResponseWriter, r *http.Request)) *testServer {
	t.Helper()
	s := &testServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.hits.Add(1))
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, seenRequest{
			Method:     r.Method,
			RequestURI: r.RequestURI,
			RawPath:    r.URL.EscapedPath(),
			Header:     r.Header.Clone(),
			Body:       body,
		})
		s.mu.Unlock()
		handler(n, w, r)
	}))
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *testServer) requests() []seenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seenRequest(nil), s.seen...)
}

// status answers with a status and a small JSON body.
func status(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_, _ = io.WriteString(w, `{"message":"`+http.StatusText(code)+`"}`)
}

// refusedURL is an http URL on 127.0.0.1 where nothing listens.
func refusedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return "http://" + addr
}

func ptr[T any](v T) *T { return &v }

func mustError(t *testing.T, err error) *Error {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got nil")
	}
	e, ok := AsError(err)
	if !ok {
		t.Fatalf("expected an *Error, got %T: %v", err, err)
	}
	return e
}
