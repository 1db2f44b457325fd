package quickhelp

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// QuickHelp answers errors in four shapes (quickhelp-api.md §2):
//   - Azure APIM's gateway errors, {"statusCode": 401, "message": "..."}
//     (401 subscription key, 403 quota, 429 rate limit);
//   - the documented 400, a ModelState map
//     {"<field>": {"value": {...}, "errors": [{"errorMessage": "..."}]}};
//   - Web API 2's runtime form of the same, {"message": "...",
//     "modelState": {"<field>": ["..."]}}, which the document thinks the live
//     service may send instead;
//   - other backend errors, {"message": "..."}.

type modelStateEntry struct {
	Errors []struct {
		ErrorMessage string `json:"errorMessage"`
		Exception    any    `json:"exception"`
	} `json:"errors"`
}

// fieldErrors reads the offending fields and their messages from a 400 body
// in either ModelState shape; nil when the body is neither.
func fieldErrors(body []byte) map[string][]string {
	var wrapped struct {
		ModelState map[string][]string `json:"modelState"`
	}
	if json.Unmarshal(body, &wrapped) == nil && len(wrapped.ModelState) > 0 {
		return wrapped.ModelState
	}
	var ms map[string]modelStateEntry
	if json.Unmarshal(body, &ms) != nil {
		return nil
	}
	out := map[string][]string{}
	for field, e := range ms {
		for _, m := range e.Errors {
			msg := m.ErrorMessage
			if msg == "" && m.Exception != nil {
				msg = fmt.Sprint(m.Exception)
			}
			out[field] = append(out[field], msg)
		}
		if len(e.Errors) == 0 {
			// Not a ModelState entry: this is some other JSON object.
			return nil
		}
	}
	return out
}

// decodeError turns any of the shapes into a message; for a 400 it lists
// every offending field with its messages.
func decodeError(_ int, _ http.Header, body []byte) (code, message string) {
	if fields := fieldErrors(body); len(fields) > 0 {
		names := make([]string, 0, len(fields))
		for f := range fields {
			names = append(names, f)
		}
		sort.Strings(names)
		parts := make([]string, 0, len(names))
		for _, f := range names {
			parts = append(parts, fmt.Sprintf("%s: %s", f, strings.Join(fields[f], " ")))
		}
		return "", "invalid fields: " + strings.Join(parts, "; ")
	}
	var obj struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &obj) == nil && obj.Message != "" {
		return "", obj.Message
	}
	return "", apiclient.BodyText(body)
}

// attributeFor maps the API's field names (as ModelState keys them, e.g.
// "roles[1]") to the resource's attributes.
var attributeFor = map[string]string{
	"userid": "user_id", "firstname": "first_name", "lastname": "last_name", "email": "email",
	"department": "department", "jobtitle": "job_title", "customerid": "customer_id",
	"licensed": "licensed", "confirmed": "confirmed", "bypasssso": "bypass_sso", "roles": "roles",
	"customerids": "customer_ids",
}

var indexSuffix = regexp.MustCompile(`\[\d+\].*$`)

// offendingAttributes lists the Terraform attributes a 400 names.
func offendingAttributes(body []byte) []string {
	seen := map[string]bool{}
	var out []string
	for field := range fieldErrors(body) {
		key := strings.ToLower(indexSuffix.ReplaceAllString(field, ""))
		if a, ok := attributeFor[key]; ok && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// hint suggests the next step for the answers whose cause is known.
func hint(e *apiclient.Error) string {
	lower := strings.ToLower(e.Message)
	switch e.Status {
	case http.StatusUnauthorized:
		if strings.Contains(lower, "subscription key") {
			return "The Azure API Management gateway refused the subscription key before the request reached QuickHelp. Check quickhelp.subscription_key (or QUICKHELP_SUBSCRIPTION_KEY): it is the key shown in your profile on the QuickHelp API developer portal, sent as Ocp-Apim-Subscription-Key."
		}
		return "The gateway accepted the subscription key but QuickHelp refused the Customer API key. Check quickhelp.api_key (or QUICKHELP_API_KEY): it is generated in the QuickHelp Admin Portal and sent bare in the Authorization header."
	case http.StatusForbidden:
		if strings.Contains(lower, "quota") {
			return "The API subscription's call quota is used up; QuickHelp accepts no more calls until it is replenished (the message says when). Retrying now does not help."
		}
		return "The Customer API key lacks the rights for this call. customer_id works only for BSI or Partner accounts."
	case http.StatusBadRequest:
		if attrs := offendingAttributes([]byte(e.Body)); len(attrs) > 0 {
			h := "QuickHelp rejected the values of these attributes: " + strings.Join(attrs, ", ") + "."
			if slices.Contains(attrs, "customer_id") || slices.Contains(attrs, "customer_ids") {
				h += " customer_id (and customer_ids) must name a customer your partner key manages; customer-level keys must not send it."
			}
			return h
		}
	case http.StatusNotFound:
		if !isGatewayEnvelope([]byte(e.Body)) {
			return "This 404 carries no QuickHelp error envelope, so it did not come from QuickHelp's API gateway: something else answers at this URL. " + baseURLCheck
		}
		return "QuickHelp's gateway knows no such operation. The list and delete paths are not documented (" + pathList + ", " + pathDelete + " are guesses). " + baseURLCheck
	case http.StatusUnsupportedMediaType:
		return "QuickHelp accepts JSON bodies only; this is a bug in the provider."
	}
	if e.Status >= 200 && e.Status < 300 {
		// A success whose body is not JSON (an HTML page, a plain-text
		// banner) comes from whatever answers at the base URL, not the API.
		return "The answer is not the JSON QuickHelp's Customer API sends. " + baseURLCheck
	}
	return ""
}

// isGatewayEnvelope reports whether body is the Azure APIM error object
// QuickHelp's gateway answers with, {"statusCode": <int>, "message": "..."}
// (quickhelp-api.md §2.1), or one of the backend's own error bodies.
func isGatewayEnvelope(body []byte) bool {
	var obj struct {
		StatusCode *int   `json:"statusCode"`
		Message    string `json:"message"`
	}
	if json.Unmarshal(body, &obj) == nil && (obj.StatusCode != nil || obj.Message != "") {
		return true
	}
	return len(fieldErrors(body)) > 0
}
