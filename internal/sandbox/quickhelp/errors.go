package quickhelp

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// The backend's error bodies (quickhelp-api.md §2.2).

// modelStateEntry is one field's entry in the documented 400 body: the value
// the model binder saw and the errors about it.
type modelStateEntry struct {
	Value  *valueProviderResult `json:"value"`
	Errors []modelError         `json:"errors"`
}

type valueProviderResult struct {
	AttemptedValue string `json:"attemptedValue"`
	Culture        string `json:"culture"`
	RawValue       any    `json:"rawValue"`
}

// modelError carries the message in errorMessage. [I] §2.2: exception is
// always null; Json.NET conversion failures on the real service may fill it
// instead of the message.
type modelError struct {
	Exception    any    `json:"exception"`
	ErrorMessage string `json:"errorMessage"`
}

// httpError is Web API 2's runtime form of the same errors (§2.2), sent with
// Options.ValidationBody = "httperror".
type httpError struct {
	Message    string              `json:"message"`
	ModelState map[string][]string `json:"modelState"`
}

// validation collects the 400 errors of one request, keyed by the field
// name the document uses ("email", "roles[1]", "users[0].userId").
type validation struct {
	entries map[string]*modelStateEntry
}

// add records an error about key. raw is the JSON value the request gave
// (nil when it gave none); format and args make the message.
func (v *validation) add(key string, raw json.RawMessage, format string, args ...any) {
	if v.entries == nil {
		v.entries = map[string]*modelStateEntry{}
	}
	ent := v.entries[key]
	if ent == nil {
		ent = &modelStateEntry{Value: valueOf(raw)}
		v.entries[key] = ent
	}
	ent.Errors = append(ent.Errors, modelError{ErrorMessage: fmt.Sprintf(format, args...)})
}

func (v *validation) failed() bool { return len(v.entries) > 0 }

// write sends the collected errors as a 400 in the configured shape.
func (v *validation) write(w http.ResponseWriter, opts Options) {
	if opts.ValidationBody == ValidationBodyHTTPError {
		body := httpError{Message: msgRequestInvalid, ModelState: map[string][]string{}}
		for key, ent := range v.entries {
			for _, e := range ent.Errors {
				body.ModelState[key] = append(body.ModelState[key], e.ErrorMessage)
			}
		}
		writeJSON(w, http.StatusBadRequest, body)
		return
	}
	writeJSON(w, http.StatusBadRequest, v.entries)
}

// valueOf describes a request value as a ValueProviderResult: the text the
// client sent and the value itself.
func valueOf(raw json.RawMessage) *valueProviderResult {
	if raw == nil {
		return nil
	}
	var val any
	if err := json.Unmarshal(raw, &val); err != nil {
		val = string(raw)
	}
	return &valueProviderResult{AttemptedValue: attempted(raw), Culture: modelStateCulture, RawValue: val}
}

// attempted is the text of a request value: a JSON string's content, or any
// other JSON value as written.
func attempted(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return string(raw)
}

// textValue turns a query-string value into the JSON form validation takes.
func textValue(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

// message is the {"message": ...} body Web API 2 sends for its own errors.
type message struct {
	Message string `json:"message"`
}

func writeMessage(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, message{Message: msg})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// A failed write means the client went away; nobody is left to tell.
	_ = json.NewEncoder(w).Encode(body)
}
