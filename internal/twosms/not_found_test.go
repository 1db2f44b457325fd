package twosms

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

const otherID = "0bad0000-0000-4000-8000-000000000000"

// fakeAPI relays POST /Token to the emulator, so the token is real, and
// answers the user and the list with the given status and bodies.
func fakeAPI(t *testing.T, userStatus int, userBody string, listStatus int, listBody string) *Client {
	t.Helper()
	srv, _ := startEmulator(t)
	relay := srv.BaseURL("twosms")
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && strings.EqualFold(r.URL.Path, "/Token"):
			res, err := http.Post(relay+"/Token", r.Header.Get("Content-Type"), r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			defer func() { _ = res.Body.Close() }()
			w.Header().Set("Content-Type", res.Header.Get("Content-Type"))
			w.WriteHeader(res.StatusCode)
			_, _ = io.Copy(w, res.Body)
		case r.URL.Path == "/api/v1/admin/users":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(listStatus)
			_, _ = io.WriteString(w, listBody)
		default:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(userStatus)
			_, _ = io.WriteString(w, userBody)
		}
	}))
	t.Cleanup(api.Close)
	return clientAt(t, api.URL, smssandbox.DefaultClientID, smssandbox.DefaultClientSecret, 0)
}

const (
	listOK       = `{"Error":null,"ResponseData":{"Result":"Success","Detail":[]}}`
	envNotFound  = `{"Error":{"ErrorCode":"USER_NOT_FOUND","ErrorReason":"User was not found."},"ResponseData":{"Result":"Failure"}}`
	envOtherCode = `{"Error":{"ErrorCode":"E42","ErrorReason":"No such record."},"ResponseData":{"Result":"Failure"}}`
	listWithUser = `{"Error":null,"ResponseData":{"Result":"Success","Detail":[{"ID":"` + smssandbox.DefaultAdminID + `"}]}}`
)

// A 2xx without the user, or with another user, is an error that names what
// was missing, never a blank user a PUT could be built from.
func TestGetUserRejectsSuccessWithoutTheUser(t *testing.T) {
	for name, body := range map[string]string{
		"no ResponseData": `{"Error":null}`,
		"null Detail":     `{"Error":null,"ResponseData":{"Result":"Success","Detail":null}}`,
		"empty Detail":    `{"Error":null,"ResponseData":{"Result":"Success","Detail":{}}}`,
		"another user":    `{"Error":null,"ResponseData":{"Result":"Success","Detail":{"ID":"` + otherID + `"}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			c := fakeAPI(t, http.StatusOK, body, http.StatusOK, listOK)
			u, err := c.GetUser(context.Background(), smssandbox.DefaultAdminID)
			var missing *missingObjectError
			if u != nil || !errors.As(err, &missing) {
				t.Fatalf("want a missingObjectError and no user, got %+v, %v", u, err)
			}
			if !strings.Contains(err.Error(), "twosms.base_url") {
				t.Fatalf("the error must name twosms.base_url: %s", err)
			}
		})
	}
}

// Only 2sms's own not-found, confirmed by a list call that answers as 2sms
// does, proves a user gone; everything else keeps it.
func TestConfirmGone(t *testing.T) {
	cases := []struct {
		name       string
		userStatus int
		userBody   string
		listStatus int
		listBody   string
		gone       bool
	}{
		{"envelope not-found on 200, list answers", http.StatusOK, envNotFound, http.StatusOK, listOK, true},
		{"envelope on 404, list answers", http.StatusNotFound, envOtherCode, http.StatusOK, listOK, true},
		{"bare 404", http.StatusNotFound, "404 page not found", http.StatusOK, listOK, false},
		{"ASP.NET route 404", http.StatusNotFound, `{"Message":"No HTTP resource was found that matches the request URI."}`, http.StatusOK, listOK, false},
		{"envelope not-found, list is a bare 404", http.StatusOK, envNotFound, http.StatusNotFound, "404 page not found", false},
		{"envelope not-found, list without the list", http.StatusOK, envNotFound, http.StatusOK, `{"Error":null}`, false},
		{"envelope not-found, list with null Detail", http.StatusOK, envNotFound, http.StatusOK, `{"Error":null,"ResponseData":{"Detail":null}}`, false},
		{"envelope not-found, list still holds the user", http.StatusOK, envNotFound, http.StatusOK, listWithUser, false},
		{"envelope not-found, list entry without an ID", http.StatusOK, envNotFound, http.StatusOK, `{"Error":null,"ResponseData":{"Detail":[{"Username":"x"}]}}`, false},
		{"another code and wording on 200, list lacks the user", http.StatusOK, envOtherCode, http.StatusOK, listOK, true},
		{"another code and wording on 200, list is a bare 404", http.StatusOK, envOtherCode, http.StatusNotFound, "404 page not found", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := fakeAPI(t, tc.userStatus, tc.userBody, tc.listStatus, tc.listBody)
			ctx := context.Background()
			_, readErr := c.GetUser(ctx, smssandbox.DefaultAdminID)
			if readErr == nil {
				t.Fatal("the read must fail")
			}
			err := c.confirmGone(ctx, smssandbox.DefaultAdminID, readErr)
			if tc.gone != (err == nil) {
				t.Fatalf("gone = %v, want %v (%v)", err == nil, tc.gone, err)
			}
			if !tc.gone && !strings.Contains(err.Error(), "twosms.base_url (or "+EnvBaseURL) {
				t.Fatalf("the error must name twosms.base_url and %s: %s", EnvBaseURL, err)
			}
		})
	}
}

// An error envelope whose wording does not say "not found" is no proof on
// its own: when the list still holds the user, or the envelope comes with a
// refusal status, the read error stands as 2sms gave it and nothing is
// removed.
func TestConfirmGoneKeepsUsersTheListHolds(t *testing.T) {
	for name, status := range map[string]int{"on 200": http.StatusOK, "on 403": http.StatusForbidden} {
		t.Run(name, func(t *testing.T) {
			c := fakeAPI(t, status, envOtherCode, http.StatusOK, listWithUser)
			ctx := context.Background()
			_, readErr := c.GetUser(ctx, smssandbox.DefaultAdminID)
			err := c.confirmGone(ctx, smssandbox.DefaultAdminID, readErr)
			if err == nil || !strings.Contains(err.Error(), "E42") || !strings.Contains(err.Error(), "No such record.") {
				t.Fatalf("want the read error with 2sms's code and reason, got %v", err)
			}
		})
	}
}

// A PUT answered with success but without the updated user is an error, so
// no state is built from a blank user.
func TestUpdateUserRejectsSuccessWithoutTheUser(t *testing.T) {
	for name, body := range map[string]string{
		"null Detail":  `{"Error":null,"ResponseData":{"Result":"Success","Detail":null}}`,
		"another user": `{"Error":null,"ResponseData":{"Result":"Success","Detail":{"ID":"` + otherID + `"}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			c := fakeAPI(t, http.StatusOK, body, http.StatusOK, listOK)
			u, err := c.UpdateUser(context.Background(), smssandbox.DefaultAdminID, &User{ID: smssandbox.DefaultAdminID})
			var missing *missingObjectError
			if u != nil || !errors.As(err, &missing) || !strings.Contains(err.Error(), "state was left as it was") {
				t.Fatalf("want a missingObjectError and no user, got %+v, %v", u, err)
			}
		})
	}
}
