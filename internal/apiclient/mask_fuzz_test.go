package apiclient

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// echoForms are the ways a vendor's answer may carry a secret it echoes:
// plain, inside a JSON string, in a query string, in a path, HTML-escaped by
// a gateway's error page (with either entity style).
func echoForms(secret string) map[string]string {
	j, _ := json.Marshal(secret)
	h := html.EscapeString(secret)
	return map[string]string{
		"plain": secret,
		"json":  string(j[1 : len(j)-1]),
		"query": url.QueryEscape(secret),
		"path":  url.PathEscape(secret),
		"html":  h,
		"quot":  strings.NewReplacer("&#34;", "&quot;", "&#39;", "&#x27;").Replace(h),
	}
}

// FuzzVendorAnswersNeverLeakSecrets feeds error answers of every shape that
// echo the configured secret in every form, at any status, and checks that
// neither the error a diagnostic is built from nor any log line carries the
// secret in any form.
func FuzzVendorAnswersNeverLeakSecrets(f *testing.F) {
	for _, seed := range []struct {
		secret string
		status int
		shape  uint8
	}{
		{"hunter2-hunter2", 400, 0},
		{`p<a>ss"w&rd'`, 500, 1},
		{"key with spaces/and?query=1", 404, 2},
		{"ünïcode-sécret", 403, 3},
		{`back\slash{"x"}`, 429, 4},
		{"semi;colon,comma", 200, 0},
	} {
		f.Add(seed.secret, seed.status, seed.shape)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret := r.Header.Get("Api-Key")
		status, _ := strconv.Atoi(r.URL.Query().Get("status"))
		shape, _ := strconv.Atoi(r.URL.Query().Get("shape"))
		forms := echoForms(secret)
		var body string
		switch shape % 5 {
		case 0: // JSON envelope
			b, _ := json.Marshal(map[string]any{"message": "bad key " + secret, "errors": []string{secret}})
			body = string(b)
		case 1: // a gateway's HTML page
			w.Header().Set("Content-Type", "text/html")
			body = "<html><body><p>Denied for " + forms["html"] + " (" + forms["quot"] + ")</p></body></html>"
		case 2: // a redirect-style text naming a URL with the key in it
			body = "see https://vendor.example/path/" + forms["path"] + "?key=" + forms["query"]
		case 3: // JSON text inside a JSON string
			body = `{"Message":"request {\"password\":\"` + forms["json"] + `\"} rejected"}`
		default: // every form at once, as plain text
			for _, v := range forms {
				body += v + " | "
			}
		}
		w.Header().Set("X-Echo", forms["query"])
		if status < 200 || status > 599 || (status >= 300 && status < 400) {
			status = 400
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	f.Cleanup(srv.Close)

	f.Fuzz(func(t *testing.T, fuzzed string, status int, shape uint8) {
		if !utf8.ValidString(fuzzed) || strings.ContainsAny(fuzzed, "\x00\r\n") || len(fuzzed) > 200 {
			t.Skip("not a value a header can carry")
		}
		// The markers make the secret long and unlike any text the client
		// writes itself, so finding it means it leaked.
		secret := "Zq#" + fuzzed + "#qZ"
		c := newTestClient(t, srv.URL, func(cfg *Config) {
			cfg.MaxRetries = -1 // no retries: one answer is what is checked
			cfg.Secrets = []string{secret}
			cfg.Authenticate = func(r *http.Request) error {
				r.Header.Set("api-key", secret)
				return nil
			}
		})
		// Each client has its own pool: close it, or thousands of runs
		// exhaust the machine's connections.
		defer c.http.CloseIdleConnections()
		var buf bytes.Buffer
		ctx := tflogtest.RootLogger(t.Context(), &buf)
		query := url.Values{"status": {strconv.Itoa(status)}, "shape": {strconv.Itoa(int(shape))}}
		_, err := c.Do(ctx, Request{Path: "/users/" + secret, Query: query}, nil)
		var surfaces []string
		if err != nil {
			surfaces = append(surfaces, err.Error())
			if e, ok := AsError(err); ok {
				surfaces = append(surfaces, e.Detail(), e.Body, e.Message, e.Code, e.Path)
			}
		}
		surfaces = append(surfaces, buf.String())
		for name, form := range echoForms(secret) {
			for _, s := range surfaces {
				if strings.Contains(s, form) {
					t.Fatalf("the %s form of the secret survived:\n%s", name, s)
				}
			}
		}
	})
}
