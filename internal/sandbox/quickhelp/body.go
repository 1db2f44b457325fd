package quickhelp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// maxBody bounds a request body; the largest legitimate one, a deleteUser
// batch of 100, is a few kilobytes.
const maxBody = 1 << 20

// jsonObject is a request body's top-level object with lower-cased keys.
// [I] quickhelp-api.md §2.2: Json.NET, behind the Web API 2 backend the
// document fingerprints, matches property names without regard to case.
type jsonObject map[string]json.RawMessage

// get returns the value of key, treating JSON null as absent: a .NET model
// binder leaves a null property at its default, as if it were omitted.
func (o jsonObject) get(key string) (json.RawMessage, bool) {
	raw, ok := o[strings.ToLower(key)]
	if !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, false
	}
	return raw, true
}

// bodyHandler is an operation that takes a JSON object body.
type bodyHandler func(http.ResponseWriter, caller, jsonObject)

// jsonBody follows quickhelp-api.md §8: the operations with a body take JSON.
// [I] §8: XML (application/xml, text/xml), which the ASP.NET defaults would
// accept, and every other media type get 415; so does a body sent without a
// Content-Type, which Web API 2 reads as application/octet-stream.
// application/json and text/json (the Web API 2 JSON formatter's types) are
// accepted, with any charset.
func (e *Emulator) jsonBody(h bodyHandler) backendHandler {
	return func(w http.ResponseWriter, r *http.Request, c caller) {
		ct := r.Header.Get("Content-Type")
		mt := "application/octet-stream"
		if ct != "" {
			parsed, _, err := mime.ParseMediaType(ct)
			if err != nil {
				parsed = ct
			}
			mt = parsed
		}
		if mt != "application/json" && mt != "text/json" {
			writeMessage(w, http.StatusUnsupportedMediaType, fmt.Sprintf(msgUnsupportedMediaType, mt))
			return
		}

		data, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
		if err != nil {
			writeBodyError(w, e.options(), fmt.Sprintf(msgBodyNotJSON, err))
			return
		}
		obj, problem := decodeObject(data)
		if problem != "" {
			writeBodyError(w, e.options(), problem)
			return
		}
		h(w, c, obj)
	}
}

// writeBodyError answers a body that is not one JSON object with a 400 on
// the body as a whole (§2.2).
func writeBodyError(w http.ResponseWriter, opts Options, problem string) {
	var v validation
	v.add(modelStateBodyKey, nil, "%s", problem)
	v.write(w, opts)
}

// decodeObject parses a body that must be exactly one JSON object. The
// second result is the client-facing message when it is not.
func decodeObject(data []byte) (jsonObject, string) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, msgBodyRequired
	}
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Sprintf(msgBodyNotJSON, describeJSONError(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Sprintf(msgBodyNotJSON, "unexpected data after the object")
	}
	if m == nil {
		return nil, msgBodyRequired
	}
	obj := make(jsonObject, len(m))
	for k, raw := range m {
		obj[strings.ToLower(k)] = raw
	}
	return obj, ""
}

// describeJSONError says what is wrong with a body in terms of JSON, not of
// the emulator's Go types.
func describeJSONError(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("syntax error at offset %d", syntax.Offset)
	case errors.As(err, &typ):
		return "expected an object, got " + typ.Value
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "unexpected end of input"
	}
	return err.Error()
}

// field is one property read from a body: set when the body gave a usable
// value, bad when it gave one of the wrong type (already reported).
type field[T any] struct {
	set bool
	bad bool
	val T
	raw json.RawMessage
}

// readField reads key from obj with parse, reporting a value of the wrong
// type as ASP.NET's "is not valid" error. [I] §2.2: stricter than Json.NET,
// which would turn 5 into "5" or "5" into 5, so a client's type slips show.
func readField[T any](obj jsonObject, key string, v *validation, parse func(json.RawMessage) (T, bool)) field[T] {
	return readFieldAs(obj, key, key, v, parse)
}

// readFieldAs is readField for a property nested in the body: name is the
// property, key the full name errors are reported under ("users[3].email").
func readFieldAs[T any](obj jsonObject, name, key string, v *validation, parse func(json.RawMessage) (T, bool)) field[T] {
	raw, ok := obj.get(name)
	if !ok {
		return field[T]{}
	}
	val, ok := parse(raw)
	if !ok {
		v.add(key, raw, msgNotValid, attempted(raw), key)
		return field[T]{bad: true, raw: raw}
	}
	return field[T]{set: true, val: val, raw: raw}
}

func parseString(raw json.RawMessage) (string, bool) {
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// parseInt32 takes the int32 the document's schemas declare, written as a
// JSON integer.
func parseInt32(raw json.RawMessage) (int, bool) {
	n, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 32)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

func parseBool(raw json.RawMessage) (bool, bool) {
	switch string(bytes.TrimSpace(raw)) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// parseArray takes a JSON array and returns its elements unparsed.
func parseArray(raw json.RawMessage) ([]json.RawMessage, bool) {
	var items []json.RawMessage
	if len(raw) == 0 || raw[0] != '[' || json.Unmarshal(raw, &items) != nil {
		return nil, false
	}
	return items, true
}

// parseObject takes a JSON object, keys lower-cased like a body's.
func parseObject(raw json.RawMessage) (jsonObject, bool) {
	var m map[string]json.RawMessage
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &m) != nil {
		return nil, false
	}
	obj := make(jsonObject, len(m))
	for k, v := range m {
		obj[strings.ToLower(k)] = v
	}
	return obj, true
}
