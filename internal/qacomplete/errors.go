package qacomplete

import (
	"encoding/json"
	"net/http"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// decodeError reads QAComplete's error body. The API documents none: it "may"
// describe the error in the body, which in practice can be an ASP.NET JSON
// object ({"Message": ...} or {"message": ...}), an IIS HTML page or plain
// text. The status code stays the primary signal.
func decodeError(_ int, _ http.Header, body []byte) (code, message string) {
	var obj map[string]any
	if json.Unmarshal(body, &obj) == nil {
		for _, k := range []string{"message", "Message", "error", "ExceptionMessage"} {
			if s, ok := obj[k].(string); ok && s != "" {
				return "", s
			}
		}
	}
	return "", apiclient.BodyText(body)
}

// hint suggests the next step for the statuses whose cause is known.
func hint(e *apiclient.Error) string {
	switch e.Status {
	case http.StatusUnauthorized:
		return "Check qacomplete.username and qacomplete.password (or QACOMPLETE_USERNAME and QACOMPLETE_PASSWORD). The login is the user's e-mail; single sign-on credentials cannot be used with the REST API."
	case http.StatusForbidden:
		return "User operations need a QAComplete account with administrator privileges, and PUT and DELETE act only in the user's primary department."
	case http.StatusNotFound:
		// A wrong base URL also answers 404 to everything, so it is named too.
		return "Check that the department and user ids exist and that the user's primary department is dept_id. If every QAComplete call answers 404, check qacomplete.base_url (or " + EnvBaseURL + ") first: it must be the REST API v1 root, up to and including /api/v1."
	}
	return ""
}
