package questionpro

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// maxBody bounds request bodies; user and department bodies are a few hundred
// bytes.
const maxBody = 1 << 20

// request is one authenticated call as a handler sees it.
type request struct {
	*http.Request
	body []byte
	key  *SeedAPIKey
}

// reply is what a handler answers; endpoint writes it after releasing the
// lock.
type reply struct {
	status     int
	body       any
	err        *apiError
	retryAfter time.Duration
}

// envelope is the success envelope of questionpro-api.md §1.3. requestID is
// always present ([I] §1.3: some old examples omit it); pagination only on
// list calls.
type envelope struct {
	Response   any         `json:"response"`
	Pagination *pagination `json:"pagination,omitempty"`
	RequestID  string      `json:"requestID"`
}

// success is a 200 answer. [I] §5.2/§5.4: the document never shows 201 or 204,
// so creates and deletes answer 200 too.
func success(response any) reply {
	return reply{status: http.StatusOK, body: envelope{Response: response, RequestID: newRequestID()}}
}

// successPage is a 200 answer of a list call (§3 "Pagination").
func successPage(response any, p *pagination) reply {
	return reply{status: http.StatusOK, body: envelope{Response: response, Pagination: p, RequestID: newRequestID()}}
}

// fail is an error answer (§2.1).
func fail(err *apiError) reply { return reply{status: err.status, err: err} }

// endpoint wraps a handler with what every call goes through, in order:
// authentication (§1.1), the rate limits and call allowance (§3), then the
// handler, all under the one lock. The body is read before locking so a slow
// client cannot stall the others.
func (e *Emulator) endpoint(h func(*request) reply) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, readErr := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))

		e.mu.Lock()
		rep := e.serve(r, body, readErr, h)
		idAsString, omitRetryAfter := e.opts.ErrorIDAsString, e.opts.OmitRetryAfter
		e.mu.Unlock()

		payload := rep.body
		if rep.err != nil {
			payload = rep.err.envelope(resourceURL(r), idAsString)
		}
		if rep.retryAfter > 0 && !omitRetryAfter {
			// [I] §3: no rate-limit header is documented; Retry-After in
			// whole seconds, rounded up, is what clients are told to honour.
			secs := int(math.Ceil(rep.retryAfter.Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rep.status)
		_ = json.NewEncoder(w).Encode(payload)
	}
}

// serve runs the common steps and the handler. Callers hold mu.
func (e *Emulator) serve(r *http.Request, body []byte, readErr error, h func(*request) reply) reply {
	key, aerr := e.authenticate(r)
	if aerr != nil {
		// [I] §3: calls refused at the door are not counted against a key.
		return fail(aerr)
	}
	if rep, limited := e.admit(key); limited {
		return rep
	}
	if readErr != nil {
		return fail(errBadJSON("The request body could not be read"))
	}
	return h(&request{Request: r, body: body, key: key})
}

// resourceURL is the request's full URL, query string included, as the
// error examples show it (§2.1). It uses the URI as received, so the mount
// prefix of the sandbox server stays in it.
func resourceURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	uri := r.RequestURI
	if uri == "" {
		uri = r.URL.RequestURI()
	}
	return scheme + "://" + r.Host + uri
}

// newRequestID is a random UUID, like the document's examples (§1.3).
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// pathID reads a positive integer path parameter; anything else is 400/1000.
func (rq *request) pathID(name string) (int, *apiError) {
	n, err := strconv.Atoi(rq.PathValue(name))
	if err != nil || n <= 0 {
		return 0, errBadPath()
	}
	return n, nil
}

// decodeObject splits a JSON object body into its keys, so handlers can tell
// an omitted key from a zero value. Not JSON: 400/1001; JSON but not an
// object: 400/1002 (§2.2).
func decodeObject(body []byte) (map[string]json.RawMessage, *apiError) {
	if !json.Valid(body) {
		return nil, errBadJSON("The request body is not valid JSON")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		return nil, errSchema("The request body must be a JSON object")
	}
	return obj, nil
}

// field is one key of a request body: whether it was sent, and its value.
// A JSON null counts as sent with the zero value.
type field[T any] struct {
	set bool
	v   T
}

// bodyFields reads the keys of a body object. writable lists the keys the
// operation accepts, each with a pointer to where its value goes; readOnly
// lists keys of the object that exist but may not be written. Read-only and
// unknown keys get 400/1002 unless lenient. Keys are checked in sorted order
// so the message is stable.
func bodyFields(obj map[string]json.RawMessage, writable map[string]any, readOnly []string, lenient bool) *apiError {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dst, ok := writable[k]
		if !ok {
			if lenient {
				continue
			}
			for _, ro := range readOnly {
				if ro == k {
					return errSchema(fmt.Sprintf("%s is read-only", k))
				}
			}
			return errSchema(fmt.Sprintf("%s is not a known field", k))
		}
		if err := decodeField(obj[k], dst); err != nil {
			return errSchema(fmt.Sprintf("%s: %v", k, err))
		}
	}
	return nil
}

// decodeField decodes one value into a *field[string] or *field[int].
func decodeField(raw json.RawMessage, dst any) error {
	switch f := dst.(type) {
	case *field[string]:
		f.set = true
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			f.v = ""
			return nil
		}
		if err := json.Unmarshal(raw, &f.v); err != nil {
			return errors.New("must be a string")
		}
	case *field[int]:
		f.set = true
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			f.v = 0
			return nil
		}
		if err := json.Unmarshal(raw, &f.v); err != nil {
			return errors.New("must be an integer")
		}
	default:
		return fmt.Errorf("unsupported field type %T", dst)
	}
	return nil
}
