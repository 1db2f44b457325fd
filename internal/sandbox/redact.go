package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Redacted replaces credentials in the admin API's view of the request log:
// header values, and the values of credential fields in JSON bodies, form
// bodies and query strings. The Go API (Requests) keeps requests as
// received, so tests can assert on what the provider sent.
const Redacted = "REDACTED"

// OpaqueBodyViewBytes is how much of a body that is neither JSON nor a form
// the admin API shows: such a body cannot be masked field by field, so only
// its start is kept, enough to recognise it.
const OpaqueBodyViewBytes = 256

// credentialWords mark a header, JSON key, form field or query parameter as
// carrying a credential when its name contains one of them, in any case. The
// four vendors send Basic credentials, API keys, subscription keys, bearer
// tokens, client secrets, passwords and PINs; matching on words catches each
// spelling (api_key, apiKey, Ocp-Apim-Subscription-Key, client_secret,
// UserPassword, passwd).
var credentialWords = []string{"auth", "cookie", "key", "secret", "token", "passw", "pwd", "credential"}

// credentialNames are credentials only as a whole name, compared without
// case, "_" or "-": "pin" is also inside "shipping" and "mapping".
var credentialNames = []string{"pin", "pincode"}

// isCredentialName is the one rule for headers and body and query fields.
func isCredentialName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range credentialWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	n = strings.NewReplacer("_", "", "-", "").Replace(n)
	for _, w := range credentialNames {
		if n == w {
			return true
		}
	}
	return false
}

// redactHeader returns the header with every credential's values replaced.
func redactHeader(h map[string][]string) map[string][]string {
	out := make(map[string][]string, len(h))
	for k, vals := range h {
		if isCredentialName(k) {
			vals = []string{Redacted}
		}
		out[k] = vals
	}
	return out
}

// redactBody is the admin API's view of a request body, cut to at most
// LoggedBodyBytes; cut reports that something was left out. JSON is rewritten
// with credential values masked at any depth, a form keeps its fields with
// credential values masked, and any other body is cut to
// OpaqueBodyViewBytes, since nothing in it can be told apart.
func redactBody(body []byte, contentType string) (view []byte, cut bool) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		view = body
	case trimmed[0] == '{' || trimmed[0] == '[' || json.Valid(body):
		var complete bool
		view, complete = redactJSON(body)
		cut = !complete
	case isFormBody(body, contentType):
		view = []byte(redactForm(string(body)))
	default:
		view, cut = cutUTF8(body, OpaqueBodyViewBytes)
	}
	view, shortened := cutUTF8(view, LoggedBodyBytes)
	return view, cut || shortened
}

// isFormBody is true for a declared form, and for a body that reads as one
// (printable ASCII holding "="), which a client may send without the header.
func isFormBody(body []byte, contentType string) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && mt == "application/x-www-form-urlencoded" {
		return true
	}
	for _, c := range body {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return bytes.IndexByte(body, '=') > 0
}

// redactForm masks the value of every credential field of a form body or a
// query string, keeping the fields' order and encoding.
func redactForm(s string) string {
	if s == "" {
		return s
	}
	fields := strings.Split(s, "&")
	for i, f := range fields {
		key, _, hasValue := strings.Cut(f, "=")
		name, err := url.QueryUnescape(key)
		if err != nil {
			name = key
		}
		if hasValue && isCredentialName(name) {
			fields[i] = key + "=" + Redacted
		}
	}
	return strings.Join(fields, "&")
}

// redactJSON rewrites a JSON document compactly, in its own key order, with
// the value of every credential key replaced by Redacted at any depth. A
// document that ends early (a body cut by a size limit) or breaks the
// grammar gives what was rewritten up to there and complete false: the rest
// is left out rather than shown unmasked.
func redactJSON(body []byte) (out []byte, complete bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // numbers keep their text
	var buf bytes.Buffer
	if err := copyRedacted(dec, &buf); err != nil {
		return buf.Bytes(), false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return buf.Bytes(), false // a second value or trailing garbage
	}
	return buf.Bytes(), true
}

// copyRedacted copies the next value from dec to out.
func copyRedacted(dec *json.Decoder, out *bytes.Buffer) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		return copyContainer(dec, out, t)
	case string:
		writeJSONString(out, t)
	case json.Number:
		out.WriteString(t.String())
	case bool:
		if t {
			out.WriteString("true")
		} else {
			out.WriteString("false")
		}
	case nil:
		out.WriteString("null")
	}
	return nil
}

// copyContainer copies an object or array whose opening delimiter dec has
// just returned, masking the values of credential keys without reading
// them into the output.
func copyContainer(dec *json.Decoder, out *bytes.Buffer, open json.Delim) error {
	out.WriteByte(byte(open))
	for i := 0; dec.More(); i++ {
		if i > 0 {
			out.WriteByte(',')
		}
		if open == '{' {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := tok.(string) // the decoder only returns a string here
			writeJSONString(out, key)
			out.WriteByte(':')
			if isCredentialName(key) {
				var skipped json.RawMessage
				if err := dec.Decode(&skipped); err != nil {
					return err
				}
				writeJSONString(out, Redacted)
				continue
			}
		}
		if err := copyRedacted(dec, out); err != nil {
			return err
		}
	}
	closing, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := closing.(json.Delim); ok {
		out.WriteByte(byte(d))
	}
	return nil
}

// writeJSONString writes s as a JSON string without escaping HTML
// characters, which a log reader wants to see as they were sent.
func writeJSONString(out *bytes.Buffer, s string) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)           // a string always encodes
	out.Truncate(out.Len() - 1) // Encode ends with a newline
}

// cutUTF8 shortens b to at most n bytes without splitting a UTF-8 sequence,
// so cut text stays text.
func cutUTF8(b []byte, n int) ([]byte, bool) {
	if len(b) <= n {
		return b, false
	}
	end := n
	for end > 0 && end > n-utf8.UTFMax && !utf8.RuneStart(b[end]) {
		end--
	}
	if !utf8.RuneStart(b[end]) {
		end = n // not UTF-8 anyway
	}
	return b[:end], true
}
