package questionpro

import (
	"errors"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Only QuestionPro's own envelope proves a not-found; a 404 from anything
// else does not.
func TestVendorNotFound(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"envelope", &apiclient.Error{Status: 404, Code: "NOT_FOUND 1040"}, true},
		{"id only", &apiclient.Error{Status: 404, Code: "1040"}, true},
		{"bare 404", &apiclient.Error{Status: 404, Message: "404 page not found"}, false},
		{"html 404", &apiclient.Error{Status: 404, Message: "Not Found"}, false},
		{"1040 with another status", &apiclient.Error{Status: 400, Code: "NOT_FOUND 1040"}, false},
		{"not an API error", errors.New("dial tcp: refused"), false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := vendorNotFound(c.err); got != c.want {
			t.Errorf("%s: vendorNotFound = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckUser(t *testing.T) {
	cases := []struct {
		name string
		u    *User
		want int64
		err  string
	}{
		{"asked user", &User{UserID: 7}, 7, ""},
		{"any real id", &User{UserID: 7}, 0, ""},
		{"null response", nil, 7, "no user object"},
		{"empty object", &User{}, 7, "without a userID"},
		{"empty object on create", &User{}, 0, "without a userID"},
		{"another user", &User{UserID: 8}, 7, "with user 8 instead of user 7"},
	}
	for _, c := range cases {
		err := checkUser("GET /users/7", c.u, c.want)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: unexpected error %v", c.name, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "questionpro.base_url")):
			t.Errorf("%s: error %v, want one containing %q and naming questionpro.base_url", c.name, err, c.err)
		}
	}
}

// A bare 404 and a 2xx that was not JSON point at base_url in the hint.
func TestHintNamesBaseURL(t *testing.T) {
	for _, e := range []*apiclient.Error{{Status: 404}, {Status: 200}} {
		if h := hint(e); !strings.Contains(h, "questionpro.base_url") || !strings.Contains(h, EnvBaseURL) {
			t.Errorf("status %d: hint %q does not name questionpro.base_url and %s", e.Status, h, EnvBaseURL)
		}
	}
	if h := hint(&apiclient.Error{Status: 404, Code: "NOT_FOUND 1040"}); strings.Contains(h, "base_url") {
		t.Errorf("QuestionPro's own not-found should not blame base_url: %q", h)
	}
}
