package quickhelp

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

func TestDecodeError(t *testing.T) {
	cases := map[string]string{
		`{"statusCode":401,"message":"Access denied due to missing subscription key."}`:                                                          "Access denied due to missing subscription key.",
		`{"message":"Authorization has been denied for this request."}`:                                                                          "Authorization has been denied for this request.",
		`{"email":{"value":{"attemptedValue":"x","culture":"en-US","rawValue":"x"},"errors":[{"exception":null,"errorMessage":"Bad e-mail."}]}}`: "invalid fields: email: Bad e-mail.",
		`{"message":"The request is invalid.","modelState":{"roles[0]":["Not a Guid."],"email":["Bad."]}}`:                                       "invalid fields: email: Bad.; roles[0]: Not a Guid.",
		"plain\n text":    "plain text",
		``:                "",
		`{"other":"obj"}`: `{"other":"obj"}`,
	}
	for body, want := range cases {
		if _, got := decodeError(400, nil, []byte(body)); got != want {
			t.Errorf("decodeError(%s) = %q, want %q", body, got, want)
		}
	}
}

func TestOffendingAttributes(t *testing.T) {
	body := `{"roles[1]":{"errors":[{"errorMessage":"x"}]},"firstName":{"errors":[{"errorMessage":"y"}]},"customerId":{"errors":[{"errorMessage":"z"}]},"users[0].userId":{"errors":[{"errorMessage":"w"}]}}`
	got := offendingAttributes([]byte(body))
	if !slices.Equal(got, []string{"customer_id", "first_name", "roles"}) {
		t.Fatalf("offendingAttributes = %v", got)
	}
}

func TestHintNamesTheKey(t *testing.T) {
	gw := hint(&apiclient.Error{Status: http.StatusUnauthorized, Message: "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."})
	be := hint(&apiclient.Error{Status: http.StatusUnauthorized, Message: "Authorization has been denied for this request."})
	if !strings.Contains(gw, "quickhelp.subscription_key") || strings.Contains(gw, "quickhelp.api_key") {
		t.Errorf("gateway 401 hint: %s", gw)
	}
	if !strings.Contains(be, "quickhelp.api_key") || strings.Contains(be, "quickhelp.subscription_key") {
		t.Errorf("backend 401 hint: %s", be)
	}
	if q := hint(&apiclient.Error{Status: http.StatusForbidden, Message: "Out of call volume quota. Quota will be replenished in 02:00:00."}); !strings.Contains(q, "quota") {
		t.Errorf("quota hint: %s", q)
	}
}
