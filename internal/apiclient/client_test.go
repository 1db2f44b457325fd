package apiclient

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseBaseURLRejects(t *testing.T) {
	tests := map[string]string{
		"empty base URL":     "",
		"relative base URL":  "/api/v1",
		"other scheme":       "ftp://api.example.com",
		"no host":            "https://",
		"unparsable":         "https://exa mple.com:port",
		"credentials in URL": "https://user:hunter2@api.example.com",
		"secret in query":    "ftp://api.example.com/v1?key=hunter2",
	}
	for name, raw := range tests {
		t.Run(name, func(t *testing.T) {
			u, err := ParseBaseURL("Vendor", raw)
			if err == nil {
				t.Fatalf("ParseBaseURL accepted %q as %v", raw, u)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error leaks a secret of the URL: %v", err)
			}
		})
	}
}

func TestParseBaseURLTrimsTheTrailingSlash(t *testing.T) {
	u, err := ParseBaseURL("Vendor", " http://127.0.0.1:1/rest-api/service/api/v1/#frag ")
	if err != nil {
		t.Fatal(err)
	}
	if got := u.String(); got != "http://127.0.0.1:1/rest-api/service/api/v1" {
		t.Errorf("got %s", got)
	}
}

func TestNewValidatesConfig(t *testing.T) {
	base := mustBaseURL(t, "https://api.example.com")
	tests := map[string]Config{
		"no vendor":     {BaseURL: base},
		"no base URL":   {Vendor: "v"},
		"negative rate": {Vendor: "v", BaseURL: base, RequestsPerSecond: -1},
	}
	for name, cfg := range tests {
		t.Run(name, func(t *testing.T) {
			c, err := New(cfg)
			if err == nil {
				t.Fatalf("New accepted %+v", cfg)
			}
			if c != nil {
				t.Error("New returned a client with an error")
			}
		})
	}

	c, err := New(Config{Vendor: "qacomplete", BaseURL: mustBaseURL(t, "http://127.0.0.1:1/rest-api/service/api/v1/")})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if c.Vendor() != "qacomplete" || c.DisplayName() != "qacomplete" {
		t.Errorf("Vendor/DisplayName = %q/%q", c.Vendor(), c.DisplayName())
	}
}

func TestDoJoinsPathsOntoTheBaseURL(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, 200) })
	tests := []struct {
		base, path string
		query      url.Values
		want       string
	}{
		{"/rest-api/service/api/v1", "/depts/1/users", nil, "/rest-api/service/api/v1/depts/1/users"},
		{"/rest-api/service/api/v1/", "/depts/1/users", nil, "/rest-api/service/api/v1/depts/1/users"},
		{"/rest-api/service/api/v1/", "depts/1/users", nil, "/rest-api/service/api/v1/depts/1/users"},
		{"", "/v1/User/Update", nil, "/v1/User/Update"},
		{"/api/v1", "", nil, "/api/v1"},
		{"/api/v1", "/users?offset=10", url.Values{"limit": {"5"}}, "/api/v1/users?limit=5&offset=10"},
		{"/api/v1?tenant=t1", "/users", url.Values{"filter": {"Email = 'a@b.c'"}}, "/api/v1/users?filter=Email+%3D+%27a%40b.c%27&tenant=t1"},
		{"/api/v1", "/users/" + url.PathEscape("a/b c@d"), nil, "/api/v1/users/a%2Fb%20c@d"},
	}
	for _, tt := range tests {
		c := newTestClient(t, srv.URL+tt.base, nil)
		before := len(srv.requests())
		if _, err := c.Do(t.Context(), Request{Path: tt.path, Query: tt.query}, nil); err != nil {
			t.Fatalf("Do(%q): %v", tt.path, err)
		}
		got := srv.requests()[before].RequestURI
		if got != tt.want {
			t.Errorf("base %q + path %q: server saw %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

func TestDoRejectsAnInvalidPathWithoutSending(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, 200) })
	c := newTestClient(t, srv.URL, nil)
	_, err := c.Do(t.Context(), Request{Path: "/users/\x7f"}, nil)
	e := mustError(t, err)
	if e.Attempts != 0 || srv.hits.Load() != 0 {
		t.Errorf("attempts=%d hits=%d, want 0 and 0", e.Attempts, srv.hits.Load())
	}
	if !strings.Contains(e.Error(), "invalid request path") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestDoSendsHeadersAndJSONAndDecodes(t *testing.T) {
	type user struct {
		ID    int64  `json:"id"`
		Email string `json:"email"`
	}
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"id":42,"email":"a@example.com"}`)
	})
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.UserAgent = "ua-test/1"
		cfg.Authenticate = func(r *http.Request) error {
			r.SetBasicAuth("a@example.com", "pw")
			return nil
		}
	})
	var out user
	res, err := c.Do(t.Context(), Request{
		Method: http.MethodPost,
		Path:   "/users",
		Body:   map[string]string{"email": "a@example.com"},
		Header: http.Header{"X-Extra": {"1"}},
	}, &out)
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if out.ID != 42 || out.Email != "a@example.com" {
		t.Errorf("decoded %+v", out)
	}
	if res.Status != http.StatusCreated || !strings.Contains(string(res.Body), `"id":42`) {
		t.Errorf("response %d %s", res.Status, res.Body)
	}
	got := srv.requests()[0]
	for k, want := range map[string]string{
		"Content-Type":  "application/json",
		"Accept":        "application/json",
		"User-Agent":    "ua-test/1",
		"X-Extra":       "1",
		"Authorization": "Basic YUBleGFtcGxlLmNvbTpwdw==",
	} {
		if v := got.Header.Get(k); v != want {
			t.Errorf("header %s = %q, want %q", k, v, want)
		}
	}
	if string(got.Body) != `{"email":"a@example.com"}` {
		t.Errorf("body %s", got.Body)
	}
}

func TestDoSendsFormAndRawBodies(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	c := newTestClient(t, srv.URL, nil)

	if _, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/token", Body: url.Values{"grant_type": {"client_credentials"}, "scope": {"a b"}}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(t.Context(), Request{Method: http.MethodPut, Path: "/raw", Body: []byte(`{"a":1}`)}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/xml", Body: []byte(`<a/>`), Header: http.Header{"Content-Type": {"application/xml"}}}, nil); err != nil {
		t.Fatal(err)
	}
	seen := srv.requests()
	checks := []struct{ contentType, body string }{
		{"application/x-www-form-urlencoded", "grant_type=client_credentials&scope=a+b"},
		{"application/json", `{"a":1}`},
		{"application/xml", `<a/>`},
	}
	for i, want := range checks {
		if ct := seen[i].Header.Get("Content-Type"); ct != want.contentType {
			t.Errorf("request %d Content-Type %q, want %q", i, ct, want.contentType)
		}
		if string(seen[i].Body) != want.body {
			t.Errorf("request %d body %q, want %q", i, seen[i].Body, want.body)
		}
	}
}

func TestDoDecodingEdges(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/empty":
			w.WriteHeader(http.StatusOK)
		case "/html":
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<html>maintenance</html>")
		case "/ok":
			status(w, http.StatusOK)
		}
	})
	c := newTestClient(t, srv.URL, nil)
	var out map[string]any
	if _, err := c.Do(t.Context(), Request{Path: "/empty"}, &out); err != nil {
		t.Errorf("empty body with out: %v", err)
	}
	_, err := c.Do(t.Context(), Request{Path: "/html"}, &out)
	e := mustError(t, err)
	if e.Status != 200 || !strings.Contains(e.Message, "not the JSON expected") || e.Err == nil {
		t.Errorf("undecodable body: %+v", e)
	}
	// ExpectStatus narrows what counts as success.
	_, err = c.Do(t.Context(), Request{Path: "/ok", ExpectStatus: []int{http.StatusCreated}}, nil)
	if e := mustError(t, err); e.Status != http.StatusOK {
		t.Errorf("ExpectStatus: status %d", e.Status)
	}
	if _, err := c.Do(t.Context(), Request{Path: "/ok", ExpectStatus: []int{http.StatusOK, http.StatusCreated}}, nil); err != nil {
		t.Errorf("ExpectStatus with 200 listed: %v", err)
	}
}

func TestDoSetsUserAgentAndCredentialsOnEveryAttempt(t *testing.T) {
	srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n < 3 {
			status(w, http.StatusServiceUnavailable)
			return
		}
		status(w, http.StatusOK)
	})
	var authCalls atomic.Int32
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.UserAgent = UserAgent("1.2.3", "1.5.7")
		cfg.Authenticate = func(r *http.Request) error {
			authCalls.Add(1)
			r.Header.Set("api-key", "k")
			return nil
		}
	})
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	seen := srv.requests()
	if len(seen) != 3 || authCalls.Load() != 3 {
		t.Fatalf("requests=%d authenticate calls=%d, want 3 and 3", len(seen), authCalls.Load())
	}
	for i, r := range seen {
		if ua := r.Header.Get("User-Agent"); ua != UserAgent("1.2.3", "1.5.7") {
			t.Errorf("attempt %d User-Agent %q", i+1, ua)
		}
		if r.Header.Get("api-key") != "k" {
			t.Errorf("attempt %d has no credential header", i+1)
		}
	}

	// Without a configured User-Agent the provider's default is still sent.
	c = newTestClient(t, srv.URL, nil)
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if ua := srv.requests()[3].Header.Get("User-Agent"); !strings.HasPrefix(ua, "terraform-provider-saas/") {
		t.Errorf("default User-Agent %q", ua)
	}
}

func TestDoReportsAuthenticateFailure(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, 200) })
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.Authenticate = func(*http.Request) error { return io.ErrUnexpectedEOF }
	})
	_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
	if e := mustError(t, err); srv.hits.Load() != 0 || !strings.Contains(e.Error(), "setting TestVendor credentials") {
		t.Errorf("hits=%d err=%v", srv.hits.Load(), err)
	}
}

func TestDoReadsBodiesFullySoConnectionsAreReused(t *testing.T) {
	big := strings.Repeat("x", 256<<10)
	srv := newTestServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"data":"`+big+`"}`)
		case "/missing":
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, big)
		case "/flaky":
			if n%2 == 1 {
				w.WriteHeader(http.StatusBadGateway)
				_, _ = io.WriteString(w, big)
				return
			}
			status(w, http.StatusOK)
		case "/bad":
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, big)
		}
	})
	c := newTestClient(t, srv.URL, nil)
	var out map[string]any
	if _, err := c.Do(t.Context(), Request{Path: "/big"}, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(t.Context(), Request{Path: "/missing"}, nil); !IsNotFound(err) {
		t.Fatalf("want 404, got %v", err)
	}
	if _, err := c.Do(t.Context(), Request{Path: "/flaky"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/bad", Body: map[string]int{"a": 1}}, nil); !IsStatus(err, http.StatusBadRequest) {
		t.Fatalf("want 400, got %v", err)
	}
	if _, err := c.Do(t.Context(), Request{Method: http.MethodHead, Path: "/big"}, nil); err != nil {
		t.Fatal(err)
	}
	if got := srv.conns.Load(); got != 1 {
		t.Errorf("server accepted %d connections for %d requests, want 1 (bodies not drained?)", got, srv.hits.Load())
	}
}

func TestDoFollowsRedirectsOnlyWithinTheHost(t *testing.T) {
	other := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/api/users", http.StatusFound)
		case "/away":
			http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
		default:
			status(w, http.StatusOK)
		}
	})
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.Authenticate = func(r *http.Request) error {
			r.Header.Set("api-key", "k")
			return nil
		}
	})
	if _, err := c.Do(t.Context(), Request{Path: "/moved"}, nil); err != nil {
		t.Fatalf("same-host redirect: %v", err)
	}
	_, err := c.Do(t.Context(), Request{Path: "/away"}, nil)
	e := mustError(t, err)
	if other.hits.Load() != 0 || e.Attempts != 1 || !strings.Contains(e.Error(), "refusing to follow a redirect") {
		t.Errorf("cross-host redirect: other host hits=%d attempts=%d err=%v", other.hits.Load(), e.Attempts, err)
	}
}

func TestDoCapsResponseBodies(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		chunk := strings.Repeat("a", 1<<20)
		for range 9 {
			_, _ = io.WriteString(w, chunk)
		}
	})
	c := newTestClient(t, srv.URL, nil)
	var out json.RawMessage
	_, err := c.Do(t.Context(), Request{Path: "/huge"}, &out)
	e := mustError(t, err)
	if !strings.Contains(e.Error(), "larger than 8 MiB") {
		t.Errorf("Error() = %q", e.Error())
	}
	if e.Attempts != 1 || srv.hits.Load() != 1 {
		t.Errorf("an oversized body was retried: attempts=%d hits=%d", e.Attempts, srv.hits.Load())
	}
}

func TestDoDecodeErrorAndHint(t *testing.T) {
	const secret = "configured-secret-xyz"
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		_, _ = io.WriteString(w, `{"code":"E42","message":"Email taken; key `+secret+`","password":"resp-pass-456"}`)
	})
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.Secrets = []string{secret}
		cfg.DecodeError = func(status int, _ http.Header, body []byte) (string, string) {
			var env struct{ Code, Message string }
			if json.Unmarshal(body, &env) != nil || status == 0 {
				return "", ""
			}
			return env.Code, env.Message
		}
		cfg.Hint = func(e *Error) string {
			if e.Code == "E42" {
				return "Import the existing user instead."
			}
			return ""
		}
	})
	_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/depts/1/users", Query: url.Values{"api_key": {"query-key"}}}, nil)
	e := mustError(t, err)
	want := "TestVendor API answered 409 Conflict for POST /depts/1/users: E42: Email taken; key ***"
	if e.Error() != want {
		t.Errorf("Error() =\n %q\nwant\n %q", e.Error(), want)
	}
	if e.Hint != "Import the existing user instead." || !strings.Contains(e.Detail(), e.Hint) {
		t.Errorf("hint %q detail %q", e.Hint, e.Detail())
	}
	if e.Ambiguous {
		t.Error("a 409 is a definite answer, not ambiguous")
	}
	for _, leak := range []string{secret, "resp-pass-456", "query-key"} {
		if strings.Contains(e.Body, leak) || strings.Contains(e.Error(), leak) || strings.Contains(e.Message, leak) {
			t.Errorf("%q leaked into the error: %+v", leak, e)
		}
	}
}

func TestDoDefaultErrorMessageIsTheCappedBody(t *testing.T) {
	long := strings.Repeat("é", 600)
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, "  "+long+"  \n")
	})
	c := newTestClient(t, srv.URL, nil)
	_, err := c.Do(t.Context(), Request{Path: "/x"}, nil)
	e := mustError(t, err)
	if len(e.Message) > maxErrorMessage+3 || !strings.HasPrefix(e.Message, "é") || !strings.HasSuffix(e.Message, "...") {
		t.Errorf("message %d bytes: %q...", len(e.Message), e.Message[:20])
	}
	if !strings.Contains(e.Message, "é") || strings.ContainsRune(e.Message, '\uFFFD') {
		t.Error("message cut inside a rune")
	}
}

func TestSettleContext(t *testing.T) {
	type key struct{}
	c := newTestClient(t, "https://example.com", func(cfg *Config) { cfg.RequestTimeout = time.Second })
	live := context.WithValue(t.Context(), key{}, "v")
	if got, cancel := c.SettleContext(live); got != live {
		t.Error("a live context is used as is")
	} else {
		cancel()
	}

	ended, stop := context.WithCancel(live)
	stop()
	got, cancel := c.SettleContext(ended)
	defer cancel()
	if got.Err() != nil || got.Value(key{}) != "v" {
		t.Errorf("an ended context is replaced by a live one with its values: err %v, value %v", got.Err(), got.Value(key{}))
	}
	if d, ok := got.Deadline(); !ok || time.Until(d) > 2*time.Second {
		t.Errorf("the settling context is bounded by two request timeouts: deadline %v, %v", d, ok)
	}
}
