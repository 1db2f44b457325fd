package questionpro

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// wireError is the error object of questionpro-api.md §2.1. The id is a
// number on the error-codes page and a string in the per-operation schemas,
// so both are accepted.
type wireError struct {
	Name           string          `json:"name"`
	HTTPStatusCode int             `json:"httpStatusCode"`
	ID             json.RawMessage `json:"id"`
	Message        string          `json:"message"`
}

// decodeError reads {"response":{"error":{...}}} into a code such as
// "UNAUTHORIZED 1010" (name, then id; the 429 answer has an empty name) and
// the vendor's message. A body that is not the envelope falls back to its
// text.
func decodeError(_ int, _ http.Header, body []byte) (code, message string) {
	var env struct {
		Response struct {
			Error *wireError `json:"error"`
		} `json:"response"`
	}
	if json.Unmarshal(body, &env) != nil || env.Response.Error == nil {
		return "", apiclient.BodyText(body)
	}
	e := env.Response.Error
	id := strings.Trim(strings.TrimSpace(string(e.ID)), `"`)
	if id == "null" {
		id = ""
	}
	return strings.TrimSpace(e.Name + " " + id), e.Message
}

var errorIDPattern = regexp.MustCompile(`\b(\d{4})$`)

// errorID is the vendor's numeric error id carried in Error.Code, or "".
func errorID(e *apiclient.Error) string {
	if m := errorIDPattern.FindStringSubmatch(e.Code); m != nil {
		return m[1]
	}
	return ""
}

// hint suggests the next step for the error ids whose cause is known
// (§2.2), falling back on the status when the body was not the envelope.
func hint(e *apiclient.Error) string {
	id := errorID(e)
	switch {
	case e.Status == http.StatusTooManyRequests:
		return "QuestionPro allows 300 calls per 60 seconds per API key and 2,400 per organization, and a licence's call allowance can run out (then every call gets 429 until more calls are bought). Lower questionpro.requests_per_second, reduce Terraform's -parallelism, or try again later."
	case id == "1010" || (id == "" && e.Status == http.StatusUnauthorized):
		return "QuestionPro rejected the API key (1010). Check questionpro.api_key (or " + EnvAPIKey + ") and that questionpro.datacenter (or base_url) matches the account's datacenter: a key is valid only in its own datacenter. Keys regenerated in QuestionPro expire the old one."
	case id == "1013" || id == "1011" || (id == "" && e.Status == http.StatusForbidden):
		return "The API key's user lacks rights for this call (1013): creating, updating, deleting and listing users needs the key of an administrator of the organization, and search by e-mail (import by e-mail, adopt_existing, the data source by e-mail) needs the key of the organization's primary user. Also check questionpro.organization_id: a key acts only in its own organization."
	case id == "1040":
		return "QuestionPro has no such resource (1040): check the user id, department_id and organization_id, and whether the user was deleted in QuestionPro."
	case id == "" && e.Status == http.StatusNotFound:
		return "The 404 did not carry QuestionPro's error envelope (NOT_FOUND 1040), so it came from a web server that is not QuestionPro's API. " + checkBaseURLShort
	case id == "" && e.Status >= 200 && e.Status < 300:
		return "The answer was not the JSON of QuestionPro's API (an HTML page, for example). " + checkBaseURLShort
	}
	return ""
}
