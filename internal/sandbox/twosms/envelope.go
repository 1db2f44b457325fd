package twosms

import (
	"encoding/json"
	"net/http"
)

// envelope is Response<T> of twosms-api.md §2.1 (ResponseOfUser,
// ResponseOfListOfUser, ResponseOfString), fields in the JSON sample's order.
type envelope struct {
	Error        *envelopeError `json:"Error"`
	ResponseData *responseData  `json:"ResponseData"`
}

// envelopeError is the Error type of §2.1. Its fields are .NET strings, so an
// unset one is null.
type envelopeError struct {
	ErrorCode   *string `json:"ErrorCode"`
	ErrorReason *string `json:"ErrorReason"`
}

// responseData is ResponseDataOf<T> of §2.1.
type responseData struct {
	Identification identification `json:"Identification"`
	Result         string         `json:"Result"`
	Detail         any            `json:"Detail"`
}

// identification carries the caller's user ID, a string rather than a GUID
// (§2.1).
type identification struct {
	UserID string `json:"UserId"`
}

// The ErrorCode values are [UNKNOWN] (§2.1), so the emulator uses its own,
// clearly fake and stable. Clients should show them, not branch on them.
const (
	codeValidation   = "SANDBOX_VALIDATION_FAILED"
	codeUserNotFound = "SANDBOX_USER_NOT_FOUND"
	codeAcctNotFound = "SANDBOX_ACCOUNT_NOT_FOUND"
	codeAccessDenied = "SANDBOX_ACCESS_DENIED"
)

// [I] twosms-api.md §2.1: Result is a short status text; the emulator says
// "Success" or "Failure".
const (
	resultSuccess = "Success"
	resultFailure = "Failure"
)

// reply is a handler's answer, built under the lock and written after it.
type reply struct {
	status int
	body   any
}

// ok wraps detail in a successful envelope. [I] twosms-api.md §2.1: on
// success Error is an object whose fields are null (what a .NET Response with
// an initialised Error property serialises to); NullErrorOnSuccess makes it
// null instead.
func (e *Emulator) ok(c caller, detail any) reply {
	env := envelope{ResponseData: &responseData{
		Identification: identification{UserID: c.userID},
		Result:         resultSuccess,
		Detail:         detail,
	}}
	if !e.opts.NullErrorOnSuccess {
		env.Error = &envelopeError{}
	}
	return reply{status: http.StatusOK, body: env}
}

// fail is an envelope carrying a business error. [I] twosms-api.md §2.1:
// ErrorCode and ErrorReason are filled in and Detail is null; the HTTP status
// is the caller's choice (often 200, see Options).
func (e *Emulator) fail(c caller, status int, code, reason string) reply {
	return reply{status: status, body: envelope{
		Error: &envelopeError{ErrorCode: &code, ErrorReason: &reason},
		ResponseData: &responseData{
			Identification: identification{UserID: c.userID},
			Result:         resultFailure,
		},
	}}
}

// The forms of NotFoundAnswer besides the default.
const (
	NotFoundOpaque = "opaque"
	NotFoundEmpty  = "empty"
)

// codeOpaqueMissing and reasonOpaqueMissing are the NotFoundOpaque answer:
// a code and reason that say what happened without the words "not found".
const (
	codeOpaqueMissing   = "SANDBOX_E1042"
	reasonOpaqueMissing = "No record matches the given identifier."
)

// notFound reports an unknown user or account. [I] twosms-api.md §4.3: "not
// found" is [UNKNOWN]; the least forgiving reading is an envelope error on
// HTTP 200, which a client that only looks at the status takes for success.
// NotFoundAnswer selects the other forms (see Options).
func (e *Emulator) notFound(c caller, code, reason string) reply {
	status := statusOr(e.opts.NotFoundStatus)
	switch e.opts.NotFoundAnswer {
	case NotFoundOpaque:
		return e.fail(c, status, codeOpaqueMissing, reasonOpaqueMissing)
	case NotFoundEmpty:
		rp := e.ok(c, nil)
		rp.status = status
		return rp
	}
	return e.fail(c, status, code, reason)
}

// invalid reports failed validation. [I] twosms-api.md §2.3: a business
// failure comes back in the envelope, on HTTP 200 unless
// ValidationErrorStatus says otherwise.
func (e *Emulator) invalid(c caller, reason string) reply {
	return e.fail(c, statusOr(e.opts.ValidationErrorStatus), codeValidation, reason)
}

// denied answers a caller without the rights an operation needs. §4.1
// documents HTTP 401 for the list; [I] twosms-api.md §4.3: the single-user
// operations, which name no status, answer the same, with the envelope.
func (e *Emulator) denied(c caller) reply {
	return e.fail(c, http.StatusUnauthorized, codeAccessDenied,
		"The logged in user does not have permission to perform this action.")
}

func statusOr(s int) int {
	if s == 0 {
		return http.StatusOK
	}
	return s
}

// invalidRequest is the ASP.NET Web API model-binding failure. [I]
// twosms-api.md §2.3: HTTP 400 with a Message and, when fields are at fault,
// ModelState; it is not the envelope.
type invalidRequest struct {
	Message       string              `json:"Message"`
	MessageDetail string              `json:"MessageDetail,omitempty"`
	ModelState    map[string][]string `json:"ModelState,omitempty"`
}

const invalidMessage = "The request is invalid."

func badRequest(modelState map[string][]string) reply {
	return reply{status: http.StatusBadRequest, body: invalidRequest{Message: invalidMessage, ModelState: modelState}}
}

// badRouteID is what Web API answers when a route's {id} is not a GUID.
func badRouteID(method string) reply {
	return reply{status: http.StatusBadRequest, body: invalidRequest{
		Message: invalidMessage,
		MessageDetail: "The parameters dictionary contains a null entry for parameter 'id' of non-nullable type " +
			"'System.Guid' for method '" + method + "'. An optional parameter must be a reference type, " +
			"a nullable type, or be declared as an optional parameter.",
	}}
}

// unsupportedMedia is Web API's 415 for a body no formatter reads. [I]
// twosms-api.md §2.2: the emulator reads JSON only, so XML and form bodies
// land here too.
func unsupportedMedia(mediaType string) reply {
	return reply{status: http.StatusUnsupportedMediaType, body: messageBody{
		Message: "The request entity's media type '" + mediaType + "' is not supported for this resource.",
	}}
}

func (rp reply) write(w http.ResponseWriter) {
	writeJSON(w, rp.status, rp.body)
}

// writeJSON writes v as JSON. [I] twosms-api.md §2.2: the emulator always
// answers JSON, whatever the Accept header asks for.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
