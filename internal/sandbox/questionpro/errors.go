package questionpro

import (
	"net/http"
	"strconv"
)

// apiError is one answer from the error-code table of questionpro-api.md §2.2:
// the HTTP status, the numeric id, the name and this call's message.
type apiError struct {
	status  int
	id      int
	name    string
	message string
}

// errorDocs is the `docs` value of every error. [I] §2.1: the examples show
// two spellings, one of them not valid JSON; this is the valid one.
const errorDocs = "https://www.questionpro.com/api/error-codes.html"

// Messages the document gives word for word (§2.2 examples).
const (
	msgBadKey      = "Incorrect API Key"
	msgForbidden   = "The user does not have permission to access the resource"
	msgNotFound    = "The resource that you're trying to access doesn't exist"
	msgBadURLParam = "Invalid URL parameters"
)

// errBadPath is 400/1000 for a path parameter that is not a positive integer.
// [I] §2.2: 1000 and 1003 overlap; the per-operation examples answer "Invalid
// URL parameters" with 1000, so path parameters use it.
func errBadPath() *apiError {
	return &apiError{http.StatusBadRequest, 1000, "BAD_REQUEST", msgBadURLParam}
}

// errBadJSON is 400/1001: the body is not parseable JSON (§2.2).
func errBadJSON(msg string) *apiError {
	return &apiError{http.StatusBadRequest, 1001, "BAD_REQUEST", msg}
}

// errSchema is 400/1002: the body does not fit the operation (§2.2). It also
// answers validation failures the document does not cover (duplicate email,
// unknown department, unknown keys): [I] §2.2 lists no 409 nor any
// validation error, so every such case is a 400 with this id.
func errSchema(msg string) *apiError {
	return &apiError{http.StatusBadRequest, 1002, "BAD_REQUEST", msg}
}

// errQuery is 400/1003: a query parameter is invalid (§2.2).
func errQuery(msg string) *apiError {
	return &apiError{http.StatusBadRequest, 1003, "BAD_REQUEST", msg}
}

// errUnauthorized is 401/1010, the only documented auth failure (§1.1).
func errUnauthorized() *apiError {
	return &apiError{http.StatusUnauthorized, 1010, "UNAUTHORIZED", msgBadKey}
}

// errForbidden is 403/1013: the key may not act on this resource (§2.2).
func errForbidden() *apiError {
	return &apiError{http.StatusForbidden, 1013, "FORBIDDEN", msgForbidden}
}

// errNotFound is 404/1040 (§2.2).
func errNotFound() *apiError {
	return &apiError{http.StatusNotFound, 1040, "NOT_FOUND", msgNotFound}
}

// errRateLimited is the limits page's 429 example (§3): id 1013 again and an
// empty name, as the document shows it.
func errRateLimited(msg string) *apiError {
	return &apiError{http.StatusTooManyRequests, 1013, "", msg}
}

// wireError is the error object of §2.1, fields in the document's order.
type wireError struct {
	Docs           string `json:"docs"`
	Name           string `json:"name"`
	HTTPStatusCode int    `json:"httpStatusCode"`
	ID             any    `json:"id"`
	Message        string `json:"message"`
	ResourceURL    string `json:"resourceUrl"`
}

// errorEnvelope is {"response":{"error":{...}}}; no requestID, as in every
// error example of §2.1.
type errorEnvelope struct {
	Response struct {
		Error wireError `json:"error"`
	} `json:"response"`
}

// envelope renders the error for the request at resourceURL. The id is a
// JSON number unless idAsString (§2.1: the two parts of the document
// disagree).
func (a *apiError) envelope(resourceURL string, idAsString bool) errorEnvelope {
	var env errorEnvelope
	env.Response.Error = wireError{
		Docs:           errorDocs,
		Name:           a.name,
		HTTPStatusCode: a.status,
		ID:             a.id,
		Message:        a.message,
		ResourceURL:    resourceURL,
	}
	if idAsString {
		env.Response.Error.ID = strconv.Itoa(a.id)
	}
	return env
}
