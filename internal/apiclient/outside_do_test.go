package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// The derived client never calls the hook and sends no credential header;
// the client it came from still does.
func TestWithoutAuthenticationSkipsOnlyTheHook(t *testing.T) {
	srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			status(w, http.StatusServiceUnavailable)
			return
		}
		status(w, http.StatusOK)
	})
	var hookCalls atomic.Int32
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.Authenticate = func(r *http.Request) error {
			hookCalls.Add(1)
			r.Header.Set("api-key", "key-from-the-hook")
			return nil
		}
	})
	bare := c.WithoutAuthentication()
	if _, err := bare.Do(t.Context(), Request{Method: http.MethodPost, Path: "/Token", Idempotent: ptr(true)}, nil); err != nil {
		t.Fatalf("the derived client must retry as the client does: %v", err)
	}
	if n := hookCalls.Load(); n != 0 {
		t.Fatalf("the derived client called the hook %d times", n)
	}
	for i, r := range srv.requests() {
		if r.Header.Get("api-key") != "" {
			t.Fatalf("attempt %d carried a credential header", i+1)
		}
		if !strings.HasPrefix(r.Header.Get("User-Agent"), "terraform-provider-saas/") {
			t.Fatalf("attempt %d lost the User-Agent: %q", i+1, r.Header.Get("User-Agent"))
		}
	}
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if hookCalls.Load() != 1 || srv.requests()[2].Header.Get("api-key") != "key-from-the-hook" {
		t.Fatal("the original client no longer authenticates")
	}
}

// The derived client keeps the redirect rule: a request whose body carries
// a secret never reaches another host.
func TestWithoutAuthenticationKeepsTheRedirectRule(t *testing.T) {
	other := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	bare := newTestClient(t, srv.URL, nil).WithoutAuthentication()
	form := url.Values{"client_id": {"id"}, "client_secret": {"the-secret"}}
	_, err := bare.Do(t.Context(), Request{Method: http.MethodPost, Path: "/Token", Body: form, Idempotent: ptr(true)}, nil)
	e := mustError(t, err)
	if other.hits.Load() != 0 || e.Attempts != 1 || !strings.Contains(e.Error(), "refusing to follow a redirect to http://"+other.Listener.Addr().String()) {
		t.Fatalf("other host hits=%d attempts=%d err=%v", other.hits.Load(), e.Attempts, err)
	}
}

// The derived client spends the same client-side rate budget.
func TestWithoutAuthenticationSharesTheRateLimit(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.RequestsPerSecond = 0.001 // one request, then one every 1000 s
		cfg.Burst = 1
	})
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	_, err := c.WithoutAuthentication().Do(ctx, Request{Method: http.MethodPost, Path: "/Token"}, nil)
	if e := mustError(t, err); !strings.Contains(e.Error(), "client-side rate limit") || srv.hits.Load() != 1 {
		t.Fatalf("the derived client must wait on the client's bucket: hits=%d err=%v", srv.hits.Load(), err)
	}
}

// The derived client's requests are logged, masked, like the client's.
func TestWithoutAuthenticationLogsMasked(t *testing.T) {
	const configured, formSecret, answered = "configured-id-123", "form-secret-456", "answered-token-789"
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"access_token":"`+answered+`","token_type":"bearer"}`)
	})
	bare := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Secrets = []string{configured} }).WithoutAuthentication()
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &buf)
	form := url.Values{"client_id": {configured}, "client_secret": {formSecret}}
	var out map[string]string
	if _, err := bare.Do(ctx, Request{Method: http.MethodPost, Path: "/Token", Body: form}, &out); err != nil {
		t.Fatal(err)
	}
	log := buf.String()
	if !strings.Contains(log, "Sending HTTP request") || !strings.Contains(log, "Received HTTP response") {
		t.Fatalf("the request is not logged:\n%s", log)
	}
	for _, secret := range []string{configured, formSecret, answered} {
		if strings.Contains(log, secret) {
			t.Errorf("the log contains %q", secret)
		}
	}
}

func TestMask(t *testing.T) {
	c := newTestClient(t, "https://api.example.com", func(cfg *Config) { cfg.Secrets = []string{"p@ss word"} })
	got := c.Mask(`plain p@ss word, query p%40ss+word, path p@ss%20word, "json p@ss word"`)
	if strings.Contains(got, "p@ss") || strings.Count(got, maskPlaceholder) != 4 {
		t.Fatalf("Mask = %q", got)
	}
}

// An error built from a 2xx answer is masked exactly as Do masks the same
// echo on a 4xx: configured secrets, the sensitive values the request sent
// (in its body and its query) and sensitive keys in the body.
func TestAnswerErrorIsMaskedLikeDo(t *testing.T) {
	const (
		configured = "configured-secret-1a"
		pin        = "246813579"
		password   = "request-password-2b"
		queryKey   = "query-key-3c"
	)
	echo := func() []byte {
		b, _ := json.Marshal(map[string]any{
			"code":     "Rejected " + configured,
			"message":  "pin " + pin + " and " + password + " refused for key " + queryKey,
			"password": "answered-password-4d",
		})
		return b
	}
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write(echo())
	})
	c := newTestClient(t, srv.URL+"/api", func(cfg *Config) {
		cfg.Secrets = []string{configured}
		cfg.DecodeError = func(_ int, _ http.Header, body []byte) (string, string) {
			var e struct{ Code, Message string }
			_ = json.Unmarshal(body, &e)
			return e.Code, e.Message
		}
		cfg.Hint = func(e *Error) string { return "hint for " + e.Code }
	})
	req := Request{
		Method: http.MethodPut,
		Path:   "/users/" + url.PathEscape(pin) + "?api_key=" + queryKey,
		Body:   map[string]any{"name": "Ada", "security": map[string]string{"pin": pin, "password": password}},
	}
	_, err := c.Do(t.Context(), req, nil)
	fromDo := mustError(t, err)

	res := &Response{Status: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}}, Body: echo()}
	var e struct{ Code, Message string }
	_ = json.Unmarshal(res.Body, &e)
	got := c.AnswerError(req, res, " "+e.Code+" ", e.Message)

	if got.Status != http.StatusOK || got.Method != http.MethodPut || got.Vendor != "TestVendor" {
		t.Fatalf("AnswerError = %+v", got)
	}
	if got.Path != fromDo.Path || got.Code != fromDo.Code || got.Message != fromDo.Message || got.Body != fromDo.Body {
		t.Fatalf("AnswerError and Do mask the same echo differently:\n%+v\n%+v", got, fromDo)
	}
	if got.Hint != "hint for "+got.Code {
		t.Fatalf("Hint = %q", got.Hint)
	}
	text := got.Detail() + "\n" + got.Body
	if !strings.Contains(text, "Rejected ***") || !strings.Contains(text, "/users/***") {
		t.Fatalf("the error lost its text: %s", text)
	}
	for _, secret := range []string{configured, pin, password, queryKey, "answered-password-4d"} {
		if strings.Contains(text, secret) {
			t.Errorf("the error holds %q: %s", secret, text)
		}
	}
}
