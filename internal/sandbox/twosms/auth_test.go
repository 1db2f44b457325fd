package twosms

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// adminRoutes are one request for every route behind the bearer check.
var adminRoutes = []struct{ method, path string }{
	{"GET", "/api/v1/admin/users"},
	{"GET", "/api/v1/admin/users/" + idAlice},
	{"PUT", "/api/v1/admin/users/" + idAlice},
	{"PATCH", "/api/v1/admin/users/" + idAlice + "/access"},
	{"GET", "/api/v1/UserAdminAPI/GetAllUsers"},
}

func TestBearer_Refused(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	valid := h.adminToken()
	h.clock.Advance(-accessTokenTTL)
	expired := h.adminToken()
	h.clock.Advance(accessTokenTTL)

	headers := map[string]string{
		"missing":           "",
		"empty bearer":      "Bearer ",
		"unknown token":     "Bearer not-a-token",
		"basic scheme":      "Basic " + valid,
		"token alone":       valid,
		"expired token":     "Bearer " + expired,
		"token with suffix": "Bearer " + valid + "x",
	}
	for _, rt := range adminRoutes {
		for name, header := range headers {
			t.Run(rt.method+" "+rt.path+"/"+name, func(t *testing.T) {
				req := httptest.NewRequest(rt.method, rt.path, strings.NewReader(`{}`))
				req.Header.Set("Content-Type", "application/json")
				if header != "" {
					req.Header.Set("Authorization", header)
				}
				rec := h.do(req)
				if rec.Code != http.StatusUnauthorized {
					t.Fatalf("status %d, want 401: %s", rec.Code, rec.Body)
				}
				if got := rec.Header().Get("WWW-Authenticate"); got != "Bearer" {
					t.Errorf("WWW-Authenticate %q", got)
				}
				if got, want := strings.TrimSpace(rec.Body.String()),
					`{"Message":"Authorization has been denied for this request."}`; got != want {
					t.Errorf("body %s, want %s", got, want)
				}
			})
		}
	}
}

func TestBearer_SchemeCaseInsensitive(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	for _, scheme := range []string{"Bearer", "bearer", "BEARER"} {
		req := httptest.NewRequest("GET", "/api/v1/admin/users", nil)
		req.Header.Set("Authorization", scheme+" "+tok)
		if rec := h.do(req); rec.Code != 200 {
			t.Errorf("%s: %d", scheme, rec.Code)
		}
	}
}

func TestBearer_ClientRemovedBySeed(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.token("plain-client", "plain-secret").AccessToken
	admin := h.adminToken()
	if err := h.e.Seed([]byte(`{"clients":[{"client_id":"admin-client"}]}`)); err != nil {
		t.Fatal(err)
	}
	if rec := h.api("GET", "/api/v1/admin/users", tok, ""); rec.Code != 401 {
		t.Errorf("token of a removed client: %d", rec.Code)
	}
	if rec := h.api("GET", "/api/v1/admin/users", admin, ""); rec.Code != 200 {
		t.Errorf("token of a kept client: %d %s", rec.Code, rec.Body)
	}
}

func TestPermission(t *testing.T) {
	tests := []struct {
		name     string
		clientID string
		secret   string
		prepare  func(*Emulator)
		want     int
		wantUser string
	}{
		{name: "admin", clientID: "admin-client", secret: "admin-secret", want: 200, wantUser: idAdmin},
		{name: "client bound to no user", clientID: "account-client", secret: "account-secret", want: 200, wantUser: ""},
		{name: "standard user", clientID: "plain-client", secret: "plain-secret", want: 401, wantUser: idAlice},
		{
			name: "disabled admin", clientID: "admin-client", secret: "admin-secret", want: 401, wantUser: idAdmin,
			prepare: func(e *Emulator) { _ = e.SetUserField(idAdmin, "Enabled", false) },
		},
		{
			name: "deleted admin", clientID: "admin-client", secret: "admin-secret", want: 401, wantUser: idAdmin,
			prepare: func(e *Emulator) { e.DeleteUserHard(idAdmin) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{}, fixture)
			tok := h.token(tt.clientID, tt.secret).AccessToken
			if tt.prepare != nil {
				tt.prepare(h.e)
			}
			for _, rt := range adminRoutes {
				body := ""
				if rt.method == "PUT" {
					body = putBody(t, wireMap(t, h.e, idAlice), nil)
				}
				rec := h.api(rt.method, rt.path, tok, body)
				if rec.Code != tt.want {
					t.Errorf("%s %s: status %d, want %d: %s", rt.method, rt.path, rec.Code, tt.want, rec.Body)
					continue
				}
				env := decodeEnvelope(t, rec)
				if env.ResponseData.Identification.UserId != tt.wantUser {
					t.Errorf("%s %s: UserId %q, want %q", rt.method, rt.path, env.ResponseData.Identification.UserId, tt.wantUser)
				}
				if tt.want == 401 && env.code() != codeAccessDenied {
					t.Errorf("%s %s: ErrorCode %q", rt.method, rt.path, env.code())
				}
			}
		})
	}
}
