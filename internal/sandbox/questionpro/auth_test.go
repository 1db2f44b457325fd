package questionpro

import (
	"net/http"
	"strconv"
	"testing"
)

func TestAuth(t *testing.T) {
	userPath := "/users/" + strconv.Itoa(DefaultAdminUserID)
	tests := []struct {
		name    string
		legacy  bool
		path    string
		headers map[string]string
		want    int
	}{
		{name: "api-key header", headers: map[string]string{"api-key": DefaultAPIKey}, want: 200},
		{name: "header name is case-insensitive", headers: map[string]string{"API-KEY": DefaultAPIKey}, want: 200},
		{name: "missing key", want: 401},
		{name: "empty key", headers: map[string]string{"api-key": ""}, want: 401},
		{name: "wrong key", headers: map[string]string{"api-key": "nope"}, want: 401},
		{name: "legacy query rejected by default", path: "?apiKey=" + DefaultAPIKey, want: 401},
		{name: "legacy header rejected by default", headers: map[string]string{"apiKey": DefaultAPIKey}, want: 401},
		{name: "legacy query accepted with option", legacy: true, path: "?apiKey=" + DefaultAPIKey, want: 200},
		{name: "legacy header accepted with option", legacy: true, headers: map[string]string{"apiKey": DefaultAPIKey}, want: 200},
		{name: "legacy wrong key still refused", legacy: true, path: "?apiKey=nope", want: 401},
		{name: "current header wins over legacy query", legacy: true, path: "?apiKey=nope",
			headers: map[string]string{"api-key": DefaultAPIKey}, want: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{AllowLegacyAuth: tt.legacy})
			a := h.do(http.MethodGet, userPath+tt.path, nil, func(r *http.Request) {
				for k, v := range tt.headers {
					r.Header.Set(k, v)
				}
			})
			if tt.want == 200 {
				a.wantOK(t)
				if got := num(a.response(t), "userID"); got != DefaultAdminUserID {
					t.Errorf("userID %d, want %d", got, DefaultAdminUserID)
				}
				return
			}
			a.wantError(t, http.StatusUnauthorized, 1010, "UNAUTHORIZED")
			if msg := a.errorObject(t)["message"]; msg != msgBadKey {
				t.Errorf("message %q, want %q", msg, msgBadKey)
			}
		})
	}
}

func TestPermissions(t *testing.T) {
	admin, viewer := strconv.Itoa(DefaultAdminUserID), strconv.Itoa(DefaultViewerUserID)
	org, other := strconv.Itoa(DefaultOrganizationID), strconv.Itoa(OtherOrganizationID)
	tests := []struct {
		name   string
		key    string
		method string
		path   string
		body   any
		want   int
		wantID float64
	}{
		{"viewer reads itself", ViewerAPIKey, "GET", "/users/" + viewer, nil, 200, 0},
		{"viewer cannot read others", ViewerAPIKey, "GET", "/users/" + admin, nil, 403, 1013},
		{"viewer cannot create", ViewerAPIKey, "POST", "/users", map[string]any{"emailAddress": "x@example.com"}, 403, 1013},
		{"viewer cannot update itself", ViewerAPIKey, "PUT", "/users/" + viewer, map[string]any{"emailAddress": "viewer@sandbox.example.com"}, 403, 1013},
		{"viewer cannot delete", ViewerAPIKey, "DELETE", "/organizations/" + org + "/users/" + admin, nil, 403, 1013},
		{"viewer cannot list users", ViewerAPIKey, "GET", "/organizations/" + org + "/users", nil, 403, 1013},
		{"viewer cannot list department users", ViewerAPIKey, "GET", "/organizations/" + org + "/departments/2001/users", nil, 403, 1013},
		{"viewer cannot search", ViewerAPIKey, "GET", "/organizations/" + org + "/users/search?emailAddress=admin@sandbox.example.com", nil, 403, 1013},
		{"viewer lists departments", ViewerAPIKey, "GET", "/organizations/" + org + "/departments", nil, 200, 0},
		{"viewer reads the organization", ViewerAPIKey, "GET", "/organizations/" + org, nil, 200, 0},
		{"viewer cannot create departments", ViewerAPIKey, "POST", "/organizations/" + org + "/departments", map[string]any{"name": "X"}, 403, 1013},
		{"other org cannot read user", OtherOrgAPIKey, "GET", "/users/" + admin, nil, 403, 1013},
		{"other org cannot update user", OtherOrgAPIKey, "PUT", "/users/" + viewer, map[string]any{"emailAddress": "v@example.com"}, 403, 1013},
		{"other org path is forbidden", OtherOrgAPIKey, "GET", "/organizations/" + org + "/users", nil, 403, 1013},
		{"delete in own org path of foreign user is not found", OtherOrgAPIKey, "DELETE", "/organizations/" + other + "/users/" + viewer, nil, 404, 1040},
		{"a key's own user cannot be deleted", DefaultAPIKey, "DELETE", "/organizations/" + org + "/users/" + viewer, nil, 403, 1013},
		{"unknown user", DefaultAPIKey, "GET", "/users/999999", nil, 404, 1040},
		{"non-numeric id", DefaultAPIKey, "GET", "/users/abc", nil, 400, 1000},
		{"zero id", DefaultAPIKey, "GET", "/users/0", nil, 400, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			a := h.call(tt.method, tt.path, tt.key, tt.body)
			if tt.want == 200 {
				a.wantOK(t)
				return
			}
			names := map[int]string{400: "BAD_REQUEST", 403: "FORBIDDEN", 404: "NOT_FOUND"}
			a.wantError(t, tt.want, tt.wantID, names[tt.want])
		})
	}
}
