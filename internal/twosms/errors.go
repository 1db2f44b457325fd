package twosms

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

const (
	vendorKey   = "twosms"
	displayName = "2sms"
)

// decodeError reads the bodies a non-2xx answer may carry (§2.3): the
// Response<T> envelope with Error filled in, ASP.NET's {"Message": ...} (the
// 401 of a refused token, a 400 model-binding failure, with ModelState), or
// an OAuth {"error": ...}.
func decodeError(_ int, _ http.Header, body []byte) (code, message string) {
	var obj struct {
		Error      json.RawMessage     `json:"Error"`
		Message    string              `json:"Message"`
		ModelState map[string][]string `json:"ModelState"`
		OAuth      string              `json:"error"`
	}
	if json.Unmarshal(body, &obj) != nil {
		// A proxy's HTML page or a plain-text failure: one line, capped,
		// so a whole page never lands in a diagnostic.
		return "", apiclient.BodyText(body)
	}
	var env envelopeError
	if len(obj.Error) > 0 && json.Unmarshal(obj.Error, &env) == nil && (deref(env.ErrorCode) != "" || deref(env.ErrorReason) != "") {
		return deref(env.ErrorCode), deref(env.ErrorReason)
	}
	if obj.Message != "" {
		msg := obj.Message
		// Sorted, so the same answer always reads the same way.
		for _, field := range slices.Sorted(maps.Keys(obj.ModelState)) {
			msg += fmt.Sprintf(" %s: %s", field, strings.Join(obj.ModelState[field], " "))
		}
		return "", msg
	}
	return obj.OAuth, ""
}

// hint suggests the next step where the cause is known. ErrorCode values are
// undocumented, so hints key on the status only.
func hint(e *apiclient.Error) string {
	switch e.Status {
	case http.StatusUnauthorized:
		return "The 2sms API refused the call even with a fresh token. The API client acts as the portal user it is bound to; that user must be an enabled admin with permission over the target user."
	case http.StatusNotFound:
		return "Check twosms.base_url (or " + EnvBaseURL + ", or twosms.region) first: it must be the root of the 2sms deployment that holds the user, and the user ids of one regional 2sms deployment are unknown to the others."
	}
	return ""
}

var notFoundText = regexp.MustCompile(`(?i)not[\s_-]*found`)

// IsUserNotFound reports whether err is 2sms's own answer that the user does
// not exist: the Response<T> envelope with Error filled in (§2.1), on a 404
// or, on any other status, with a code or reason that says "not found". The
// vendor documents neither (§4.3), so the text is matched loosely. A bare
// 404, an HTML page or ASP.NET's {"Message": ...} is not the vendor's word
// about a user: a wrong base_url answers that way too.
func IsUserNotFound(err error) bool {
	e, ok := apiclient.AsError(err)
	if !ok || !carriesEnvelopeError(e.Body) {
		return false
	}
	return e.Status == http.StatusNotFound || notFoundText.MatchString(e.Code) || notFoundText.MatchString(e.Message)
}

// carriesEnvelopeError reports whether body is the vendor's envelope with
// its Error filled in.
func carriesEnvelopeError(body string) bool {
	var env struct {
		Error *envelopeError `json:"Error"`
	}
	if json.Unmarshal([]byte(body), &env) != nil || env.Error == nil {
		return false
	}
	return strings.TrimSpace(deref(env.Error.ErrorCode)) != "" || strings.TrimSpace(deref(env.Error.ErrorReason)) != ""
}

// ambiguousEmailError is an e-mail shared by several users, so it cannot
// pick one.
type ambiguousEmailError struct {
	email string
	users []string
}

func (e *ambiguousEmailError) Error() string {
	return fmt.Sprintf("several 2sms users have the e-mail address %s: %s. Identify the user by user_id or username instead.", e.email, strings.Join(e.users, ", "))
}
