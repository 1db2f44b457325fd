package apiclient

import (
	"bytes"
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"html"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// maskPlaceholder is what tflog writes for a masked value; the package's own
// masking uses the same text so that logs look the same either way.
const maskPlaceholder = "***"

// maxLoggedBody caps each body written to the log.
const maxLoggedBody = 16 << 10

// logLevelEnvPrefix plus the vendor key names an environment variable that
// sets the vendor's log level on its own, e.g.
// TF_LOG_PROVIDER_SAAS_QACOMPLETE=DEBUG.
const logLevelEnvPrefix = "TF_LOG_PROVIDER_SAAS"

// Credentials and credential-bearing headers every vendor uses; Config adds
// vendor-specific ones.
var defaultSensitiveHeaders = []string{
	"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
	"api-key", "X-Api-Key", "Ocp-Apim-Subscription-Key",
}

// JSON and form keys whose values are secrets. Matching is case-insensitive
// at any depth.
var defaultSensitiveFields = []string{
	"password", "Password", "pin", "Pin", "PIN", "client_secret",
	"api_key", "apiKey", "access_token", "refresh_token", "secret",
}

// sensitiveFieldParts: a key containing one of these is masked too, so
// "NewPassword" or "password_confirmation" cannot slip through because a
// vendor spelled it differently.
var sensitiveFieldParts = []string{"password", "passwd", "secret"}

// masker removes secrets from everything that is logged or put in an error.
// It masks by key (headers, JSON and form fields, query parameters) and by
// value (literal secrets, wherever they appear).
type masker struct {
	headers map[string]bool // lower-case header names
	fields  map[string]bool // lower-case body/query keys
	names   []string        // every key as configured, for tflog's exact matching
	secrets []string        // literal values, longest first
}

func newMasker(headers, fields, secrets []string) *masker {
	m := &masker{headers: map[string]bool{}, fields: map[string]bool{}}
	for _, h := range slices.Concat(defaultSensitiveHeaders, headers) {
		if h = strings.TrimSpace(h); h != "" {
			m.headers[strings.ToLower(h)] = true
			m.names = append(m.names, h, strings.ToLower(h), http.CanonicalHeaderKey(h))
		}
	}
	for _, f := range slices.Concat(defaultSensitiveFields, fields) {
		if f = strings.TrimSpace(f); f != "" {
			m.fields[strings.ToLower(f)] = true
			m.names = append(m.names, f, strings.ToLower(f))
		}
	}
	slices.Sort(m.names)
	m.names = slices.Compact(m.names)
	return m.withSecrets(secrets...)
}

// withSecrets returns a copy that also masks the given values and their
// escaped forms (a secret inside a JSON string, a query string or a path
// does not appear verbatim).
func (m *masker) withSecrets(secrets ...string) *masker {
	out := &masker{headers: m.headers, fields: m.fields, names: m.names, secrets: slices.Clone(m.secrets)}
	for _, s := range secrets {
		if s == "" {
			continue
		}
		out.secrets = append(out.secrets, s, url.QueryEscape(s), url.PathEscape(s))
		// An HTML error page (a gateway's, IIS's) echoes a value with
		// entities, and encoders differ on which: html.EscapeString's
		// &#34; and &#39;, or &quot;, &apos; and &#x27;.
		h := html.EscapeString(s)
		out.secrets = append(out.secrets, h,
			strings.NewReplacer("&#34;", "&quot;", "&#39;", "&apos;").Replace(h),
			strings.NewReplacer("&#34;", "&quot;", "&#39;", "&#x27;").Replace(h))
		if j, err := json.Marshal(s); err == nil {
			out.secrets = append(out.secrets, string(j[1:len(j)-1]))
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if enc.Encode(s) == nil {
			j := bytes.TrimSpace(buf.Bytes())
			out.secrets = append(out.secrets, string(j[1:len(j)-1]))
		}
	}
	// Longest first, so a secret that contains another is masked whole.
	slices.SortFunc(out.secrets, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	out.secrets = slices.Compact(out.secrets)
	return out
}

// credentialSecrets extracts the secret values from credential headers that
// Authenticate set: the header value, the token after the scheme and, for
// Basic, the decoded password, so the password is masked even where it shows
// up on its own (an error body echoing it, say).
func (m *masker) credentialSecrets(h http.Header) []string {
	var out []string
	for name, values := range h {
		if !m.sensitiveHeader(name) {
			continue
		}
		for _, v := range values {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			out = append(out, v)
			scheme, token, ok := strings.Cut(v, " ")
			if !ok {
				continue
			}
			token = strings.TrimSpace(token)
			out = append(out, token)
			if !strings.EqualFold(scheme, "Basic") {
				continue
			}
			if raw, err := base64.StdEncoding.DecodeString(token); err == nil {
				if _, password, ok := strings.Cut(string(raw), ":"); ok {
					out = append(out, password)
				}
			}
		}
	}
	return out
}

// requestSecrets extracts the values of sensitive fields from an outgoing
// body and query, so that a server echoing one back (in an error message,
// say) has it masked there too, not only under its own key.
func (m *masker) requestSecrets(body []byte, contentType string, query url.Values) []string {
	var out []string
	for k, vs := range query {
		if m.sensitiveField(k) {
			out = append(out, vs...)
		}
	}
	if len(body) == 0 {
		return out
	}
	if mediaType, _, err := mime.ParseMediaType(contentType); err == nil && mediaType == "application/x-www-form-urlencoded" {
		if values, err := url.ParseQuery(string(body)); err == nil {
			for k, vs := range values {
				if m.sensitiveField(k) {
					out = append(out, vs...)
				}
			}
		}
		return out
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) == nil {
		out = m.collect(v, false, out)
	}
	return out
}

// collect appends the scalar values found under sensitive keys.
func (m *masker) collect(v any, sensitive bool, out []string) []string {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			out = m.collect(child, sensitive || m.sensitiveField(k), out)
		}
	case []any:
		for _, child := range t {
			out = m.collect(child, sensitive, out)
		}
	case string:
		if sensitive {
			out = append(out, t)
		}
	case json.Number:
		if sensitive {
			out = append(out, t.String())
		}
	}
	return out
}

func (m *masker) sensitiveHeader(name string) bool { return m.headers[strings.ToLower(name)] }

func (m *masker) sensitiveField(key string) bool {
	k := strings.ToLower(key)
	if m.fields[k] {
		return true
	}
	for _, part := range sensitiveFieldParts {
		if strings.Contains(k, part) {
			return true
		}
	}
	return false
}

// text replaces every literal secret in s.
func (m *masker) text(s string) string {
	for _, secret := range m.secrets {
		s = strings.ReplaceAll(s, secret, maskPlaceholder)
	}
	return s
}

// headerFields turns headers into log fields named after the header, the
// shape tflog's key masking works on; sensitive values are masked here
// already.
func (m *masker) headerFields(h http.Header, fields map[string]any) {
	for name, values := range h {
		key := http.CanonicalHeaderKey(name)
		if m.sensitiveHeader(name) {
			fields[key] = maskPlaceholder
			continue
		}
		fields[key] = m.text(strings.Join(values, ", "))
	}
}

// body masks a request or response body for the log or an error: JSON is
// parsed and sensitive keys replaced at any depth; form bodies get the same
// treatment; anything else is masked by value only.
func (m *masker) body(b []byte, contentType string) string {
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 {
		return ""
	}
	if trimmed[0] == '{' || trimmed[0] == '[' {
		if s, ok := m.json(trimmed); ok {
			return m.text(s)
		}
	}
	if mediaType, _, err := mime.ParseMediaType(contentType); err == nil && mediaType == "application/x-www-form-urlencoded" {
		if values, err := url.ParseQuery(string(trimmed)); err == nil {
			return m.text(m.values(values).Encode())
		}
	}
	return m.text(string(b))
}

func (m *masker) json(b []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return "", false
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m.walk(v)); err != nil {
		return "", false
	}
	return strings.TrimSpace(buf.String()), true
}

func (m *masker) walk(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			if m.sensitiveField(k) {
				t[k] = maskPlaceholder
			} else {
				t[k] = m.walk(child)
			}
		}
	case []any:
		for i, child := range t {
			t[i] = m.walk(child)
		}
	}
	return v
}

func (m *masker) values(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		if m.sensitiveField(k) {
			out[k] = []string{maskPlaceholder}
			continue
		}
		out[k] = vs
	}
	return out
}

// url renders u for the log: no user info, sensitive query parameters
// masked, then any literal secret masked.
func (m *masker) url(u *url.URL) string {
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		if q, err := url.ParseQuery(c.RawQuery); err == nil {
			c.RawQuery = m.values(q).Encode()
		}
	}
	return m.text(c.String())
}

// logKeys lists the field keys tflog masks on its own, as a second line of
// defence for anything logged in the subsystem.
func (m *masker) logKeys() []string { return m.names }

var callSeq atomic.Uint64

// LogContext returns ctx with the vendor's tflog subsystem, masking
// installed, for vendor code that logs about its calls (a lookup by e-mail,
// an adoption decision): log with tflog.SubsystemDebug(ctx, c.Vendor(), ...)
// and Config.Secrets and every sensitive key are masked. Do does this on
// its own; callers never need it to call Do.
func (c *Client) LogContext(ctx context.Context) context.Context {
	return c.logContext(ctx, c.mask)
}

// logContext creates the vendor's tflog subsystem for one call and installs
// the masking there, once, so that nothing logged in it can carry a known
// secret. m holds Config.Secrets plus the call's own credential values.
func (c *Client) logContext(ctx context.Context, m *masker) context.Context {
	ctx = tflog.NewSubsystem(ctx, c.vendor,
		tflog.WithLevelFromEnv(logLevelEnvPrefix, c.vendor),
		tflog.WithRootFields(),
	)
	ctx = tflog.SubsystemMaskFieldValuesWithFieldKeys(ctx, c.vendor, m.logKeys()...)
	if len(m.secrets) > 0 {
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, c.vendor, m.secrets...)
		ctx = tflog.SubsystemMaskMessageStrings(ctx, c.vendor, m.secrets...)
	}
	return ctx
}

// loggingTransport logs each attempt's request and response at DEBUG. It
// sits below the rate limiter, so the duration it logs is the server's and
// the network's, not time spent queueing.
type loggingTransport struct {
	vendor string
	next   http.RoundTripper
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	st := callFrom(req.Context())
	if st == nil {
		return t.next.RoundTrip(req)
	}
	ctx := req.Context()
	fields := map[string]any{
		"http_method":  req.Method,
		"http_url":     st.mask.url(req.URL),
		"http_attempt": st.attempt,
	}
	st.mask.headerFields(req.Header, fields)
	if st.requestBodyLog != "" {
		fields["http_request_body"] = st.requestBodyLog
	}
	tflog.SubsystemDebug(ctx, t.vendor, "Sending HTTP request", fields)

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	elapsed := time.Since(start)
	if err != nil {
		tflog.SubsystemDebug(ctx, t.vendor, "HTTP request failed", map[string]any{
			"http_method":      req.Method,
			"http_url":         st.mask.url(req.URL),
			"http_attempt":     st.attempt,
			"http_duration_ms": elapsed.Milliseconds(),
			"http_error":       st.mask.text(err.Error()),
		})
		return nil, err
	}
	fields = map[string]any{
		"http_method":      req.Method,
		"http_url":         st.mask.url(req.URL),
		"http_attempt":     st.attempt,
		"http_status":      resp.StatusCode,
		"http_duration_ms": elapsed.Milliseconds(),
	}
	st.mask.headerFields(resp.Header, fields)
	if body := bufferedBytes(resp); len(body) > 0 {
		fields["http_response_body"] = truncate(st.mask.body(body, resp.Header.Get("Content-Type")), maxLoggedBody)
	}
	tflog.SubsystemDebug(ctx, t.vendor, "Received HTTP response", fields)
	return resp, nil
}

func (t *loggingTransport) CloseIdleConnections() { closeIdleConnections(t.next) }
