package apiclient

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestLogsAreMasked(t *testing.T) {
	const (
		username         = "admin@example.com"
		basicPassword    = "S3cr3t-Pa55-basic"
		bodyPassword     = "body-pass-123"
		nestedPin        = "918273645"
		apiKey           = "key-abc-123-header"
		configuredSecret = "configured-secret-xyz"
		responsePassword = "resp-pass-456"
		queryKey         = "query-key-777"
	)
	basicBlob := base64.StdEncoding.EncodeToString([]byte(username + ":" + basicPassword))
	secrets := []string{basicPassword, basicBlob, bodyPassword, nestedPin, apiKey, configuredSecret, responsePassword, queryKey}

	srv := newTestServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodPost && n == 1:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"message":"slow down"}`)
		case r.Method == http.MethodPost:
			w.Header().Set("Set-Cookie", "session="+configuredSecret)
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":7,"note":"echo `+configuredSecret+`","password":"`+responsePassword+`"}`)
		default:
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"message":"bad key `+queryKey+` / `+basicPassword+`"}`)
		}
	})
	c := newTestClient(t, srv.URL+"/api/v1", func(cfg *Config) {
		cfg.Secrets = []string{configuredSecret}
		cfg.SensitiveFields = []string{"security_answer"}
		cfg.Authenticate = func(r *http.Request) error {
			r.SetBasicAuth(username, basicPassword)
			r.Header.Set("api-key", apiKey)
			return nil
		}
	})

	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &buf)
	body := map[string]any{
		"email":           username,
		"password":        bodyPassword,
		"note":            "uses " + configuredSecret,
		"security_answer": "blue",
		"profile":         map[string]any{"items": []any{map[string]any{"Pin": nestedPin}}},
	}
	if _, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/users", Body: body}, nil); err != nil {
		t.Fatalf("POST: %v", err)
	}
	_, err := c.Do(ctx, Request{Path: "/users", Query: url.Values{"api_key": {queryKey}, "limit": {"5"}}}, nil)
	e := mustError(t, err)

	// A caller logging in the client's LogContext is masked too.
	tflog.SubsystemDebug(c.LogContext(ctx), "testvendor", "caller log", map[string]any{"password": "caller-pass", "detail": "has " + configuredSecret})

	out := buf.String()
	for _, s := range append(secrets, "caller-pass", "blue") {
		if strings.Contains(out, s) {
			t.Errorf("log output contains secret %q", s)
		}
		if strings.Contains(e.Error(), s) || strings.Contains(e.Body, s) || strings.Contains(e.Message, s) {
			t.Errorf("error contains secret %q: %s", s, e.Error())
		}
	}
	if !strings.Contains(out, maskPlaceholder) {
		t.Fatal("no masked placeholder in the log")
	}

	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var sent, received, retried int
	for _, entry := range entries {
		if module, _ := entry["@module"].(string); !strings.HasSuffix(module, "testvendor") {
			continue
		}
		switch entry["@message"] {
		case "Sending HTTP request":
			sent++
			if entry["@level"] != "debug" || entry["http_method"] == nil || entry["http_attempt"] == nil || entry["User-Agent"] == nil {
				t.Errorf("request entry lacks fields: %v", entry)
			}
			if entry["Authorization"] != maskPlaceholder || entry["Api-Key"] != maskPlaceholder {
				t.Errorf("credential headers not masked: %v", entry)
			}
			if entry["http_method"] == http.MethodPost {
				b, _ := entry["http_request_body"].(string)
				if !strings.Contains(b, `"password":"***"`) || !strings.Contains(b, `"Pin":"***"`) || !strings.Contains(b, `"email":"admin@example.com"`) {
					t.Errorf("request body not masked as expected: %s", b)
				}
			} else if u, _ := entry["http_url"].(string); !strings.Contains(u, "api_key=%2A%2A%2A") || !strings.Contains(u, "limit=5") {
				t.Errorf("URL not masked as expected: %s", u)
			}
		case "Received HTTP response":
			received++
			if entry["http_status"] == nil || entry["http_duration_ms"] == nil || entry["http_attempt"] == nil {
				t.Errorf("response entry lacks fields: %v", entry)
			}
			if entry["http_status"] == float64(201) {
				b, _ := entry["http_response_body"].(string)
				if !strings.Contains(b, `"password":"***"`) || !strings.Contains(b, `"note":"echo ***"`) {
					t.Errorf("response body not masked as expected: %s", b)
				}
				if entry["Set-Cookie"] != maskPlaceholder {
					t.Errorf("Set-Cookie not masked: %v", entry["Set-Cookie"])
				}
			}
		case "caller log":
			if entry["password"] != maskPlaceholder || entry["detail"] != "has ***" {
				t.Errorf("caller's fields not masked: %v", entry)
			}
		default:
			if msg, _ := entry["@message"].(string); strings.HasPrefix(msg, "Retrying TestVendor API request") {
				retried++
				reason, _ := entry["http_retry_reason"].(string)
				if entry["@level"] != "warn" || !strings.Contains(reason, "429") || entry["http_retry_wait_ms"] == nil {
					t.Errorf("retry entry: %v", entry)
				}
			}
		}
	}
	if sent != 3 || received != 3 || retried != 1 {
		t.Errorf("sent=%d received=%d retried=%d entries, want 3, 3, 1:\n%s", sent, received, retried, out)
	}
}

func TestLogsNotRetryingDecision(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusServiceUnavailable) })
	c := newTestClient(t, srv.URL, nil)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &buf)
	if _, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/users"}, nil); err == nil {
		t.Fatal("want an error")
	}
	if !strings.Contains(buf.String(), "Not retrying TestVendor API request: a POST request is not retried after a server error") {
		t.Errorf("no decision logged:\n%s", buf.String())
	}
}

func TestMaskerBodies(t *testing.T) {
	m := newMasker(nil, []string{"Answer"}, []string{"p@ss w/rd<&>"})
	tests := []struct {
		name, contentType, in, want string
	}{
		{"nested JSON, any case", "application/json",
			`{"user":{"PASSWORD":"a","NewPassword":"b","list":[{"apiKey":"c"},{"answer":"d"}]},"keep":1.50}`,
			`{"keep":1.50,"user":{"NewPassword":"***","PASSWORD":"***","list":[{"apiKey":"***"},{"answer":"***"}]}}`},
		{"JSON array", "", `[{"client_secret":"x"}]`, `[{"client_secret":"***"}]`},
		{"form", "application/x-www-form-urlencoded; charset=utf-8", "client_id=me&client_secret=s3&scope=a", "client_id=me&client_secret=%2A%2A%2A&scope=a"},
		{"secret inside a JSON string", "application/json", `{"note":"p@ss w/rd<&>"}`, `{"note":"***"}`},
		{"secret escaped in JSON", "text/plain", `{"note":"p@ss w/rd\u003c\u0026\u003e"`, `{"note":"***"`},
		{"secret in a query string", "text/plain", "x=p%40ss+w%2Frd%3C%26%3E", "x=***"},
		{"plain text", "text/plain", "login failed for p@ss w/rd<&>", "login failed for ***"},
		{"empty", "application/json", "  ", ""},
	}
	for _, tt := range tests {
		if got := m.body([]byte(tt.in), tt.contentType); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.name, got, tt.want)
		}
	}
}

func TestMaskerCredentialSecrets(t *testing.T) {
	m := newMasker([]string{"X-Vendor-Token"}, nil, nil)
	h := http.Header{}
	r := &http.Request{Header: h}
	r.SetBasicAuth("user@example.com", "basic-pw")
	h.Set("X-Vendor-Token", "tok-1")
	h.Set("Ocp-Apim-Subscription-Key", "sub-1")
	h.Set("X-Not-Secret", "visible")
	got := strings.Join(m.credentialSecrets(h), "|")
	for _, want := range []string{"basic-pw", "tok-1", "sub-1", r.Header.Get("Authorization")} {
		if !strings.Contains(got, want) {
			t.Errorf("credential secrets %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "visible") || strings.Contains(got, "user@example.com|") {
		t.Errorf("credential secrets include non-secrets: %q", got)
	}

	fields := map[string]any{}
	m.headerFields(h, fields)
	if fields["Authorization"] != maskPlaceholder || fields["X-Vendor-Token"] != maskPlaceholder || fields["X-Not-Secret"] != "visible" {
		t.Errorf("header fields %v", fields)
	}
}

func TestMaskerURL(t *testing.T) {
	m := newMasker(nil, nil, []string{"pathsecret"})
	u, _ := url.Parse("https://u:p@api.example.com/v1/keys/pathsecret?access_token=t&Password=x&page=2")
	got := m.url(u)
	want := "https://api.example.com/v1/keys/***?Password=%2A%2A%2A&access_token=%2A%2A%2A&page=2"
	if got != want {
		t.Errorf("url:\n got  %s\n want %s", got, want)
	}
}
