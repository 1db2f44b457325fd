package twosms

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestToken_Grants(t *testing.T) {
	good := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {"admin-client"},
		"client_secret": {"admin-secret"},
	}
	with := func(kv ...string) url.Values {
		v := url.Values{}
		for k, vs := range good {
			v[k] = vs
		}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == "" {
				v.Del(kv[i])
			} else {
				v.Set(kv[i], kv[i+1])
			}
		}
		return v
	}
	basic := func(r *http.Request) { r.SetBasicAuth("admin-client", "admin-secret") }

	tests := []struct {
		name      string
		opts      Options
		form      url.Values
		edit      func(*http.Request)
		wantCode  int
		wantError string // "" means a token
	}{
		{name: "client credentials in the form", form: good, wantCode: 200},
		{name: "bad secret", form: with("client_secret", "wrong"), wantCode: 400, wantError: "invalid_client"},
		{name: "unknown client", form: with("client_id", "nobody"), wantCode: 400, wantError: "invalid_client"},
		{name: "no secret", form: with("client_secret", ""), wantCode: 400, wantError: "invalid_client"},
		{name: "no credentials", form: url.Values{"grant_type": {"client_credentials"}}, wantCode: 400, wantError: "invalid_client"},
		{
			name: "basic header refused by default", form: url.Values{"grant_type": {"client_credentials"}},
			edit: basic, wantCode: 400, wantError: "invalid_client",
		},
		{
			name: "basic header with AllowBasicClientAuth", opts: Options{AllowBasicClientAuth: true},
			form: url.Values{"grant_type": {"client_credentials"}}, edit: basic, wantCode: 200,
		},
		{
			name: "form still works with AllowBasicClientAuth", opts: Options{AllowBasicClientAuth: true},
			form: good, wantCode: 200,
		},
		{name: "password grant", form: with("grant_type", "password"), wantCode: 400, wantError: "unsupported_grant_type"},
		{name: "no grant", form: with("grant_type", ""), wantCode: 400, wantError: "unsupported_grant_type"},
		{name: "refresh without refresh_token", form: with("grant_type", "refresh_token"), wantCode: 400, wantError: "invalid_request"},
		{
			name: "unknown refresh_token", form: with("grant_type", "refresh_token", "refresh_token", "nope"),
			wantCode: 400, wantError: "invalid_grant",
		},
		{
			name: "JSON body", form: good,
			edit:     func(r *http.Request) { r.Header.Set("Content-Type", "application/json") },
			wantCode: 400, wantError: "invalid_request",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts, fixture)
			rec := h.tokenRequest(tt.form, tt.edit)
			if rec.Code != tt.wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.wantCode, rec.Body)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q", got)
			}
			if tt.wantError != "" {
				if got, want := strings.TrimSpace(rec.Body.String()), `{"error":"`+tt.wantError+`"}`; got != want {
					t.Errorf("body %s, want %s", got, want)
				}
				if h.e.TokensIssued() != 0 {
					t.Errorf("TokensIssued %d after a failure", h.e.TokensIssued())
				}
				return
			}
			var body map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if len(body) != 4 || body["token_type"] != "bearer" || body["expires_in"] != float64(28800) ||
				body["access_token"] == "" || body["refresh_token"] == "" {
				t.Errorf("token body %s", rec.Body)
			}
			if h.e.TokensIssued() != 1 {
				t.Errorf("TokensIssued %d, want 1", h.e.TokensIssued())
			}
		})
	}
}

func TestToken_Refresh(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	first := h.token("admin-client", "admin-secret")
	refresh := func(clientID, secret, rt string) (int, string) {
		rec := h.tokenRequest(url.Values{
			"grant_type":    {"refresh_token"},
			"refresh_token": {rt},
			"client_id":     {clientID},
			"client_secret": {secret},
		}, nil)
		return rec.Code, rec.Body.String()
	}

	if code, body := refresh("plain-client", "plain-secret", first.RefreshToken); code != 400 || !strings.Contains(body, "invalid_grant") {
		t.Fatalf("another client's refresh token: %d %s", code, body)
	}
	code, body := refresh("admin-client", "admin-secret", first.RefreshToken)
	if code != 200 {
		t.Fatalf("refresh: %d %s", code, body)
	}
	var second tokenResponse
	if err := json.Unmarshal([]byte(body), &second); err != nil {
		t.Fatal(err)
	}
	if second.AccessToken == first.AccessToken || second.RefreshToken == first.RefreshToken {
		t.Error("refresh returned the old tokens")
	}
	if rec := h.api("GET", "/api/v1/admin/users", second.AccessToken, ""); rec.Code != 200 {
		t.Errorf("refreshed token: %d", rec.Code)
	}
	if code, body := refresh("admin-client", "admin-secret", first.RefreshToken); code != 400 || !strings.Contains(body, "invalid_grant") {
		t.Errorf("reused refresh token: %d %s", code, body)
	}
	if code, body := refresh("admin-client", "wrong", second.RefreshToken); code != 400 || !strings.Contains(body, "invalid_client") {
		t.Errorf("refresh with a bad secret: %d %s", code, body)
	}
	if got := h.e.TokensIssued(); got != 2 {
		t.Errorf("TokensIssued %d, want 2", got)
	}

	h.clock.Advance(refreshTokenTTL)
	if code, body := refresh("admin-client", "admin-secret", second.RefreshToken); code != 400 || !strings.Contains(body, "invalid_grant") {
		t.Errorf("expired refresh token: %d %s", code, body)
	}
}

func TestToken_ExpiresAfterEightHours(t *testing.T) {
	tests := []struct {
		after time.Duration
		want  int
	}{
		{0, 200},
		{8*time.Hour - time.Microsecond, 200},
		{8 * time.Hour, 401},
		{9 * time.Hour, 401},
	}
	for _, tt := range tests {
		t.Run(tt.after.String(), func(t *testing.T) {
			h := newHarness(t, Options{}, fixture)
			tok := h.adminToken()
			h.clock.Advance(tt.after)
			if rec := h.api("GET", "/api/v1/admin/users", tok, ""); rec.Code != tt.want {
				t.Errorf("status %d, want %d", rec.Code, tt.want)
			}
		})
	}
}

func TestExpireAllTokens(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	a := h.token("admin-client", "admin-secret")
	b := h.adminToken()
	h.e.ExpireAllTokens()
	for _, tok := range []string{a.AccessToken, b} {
		rec := h.api("GET", "/api/v1/admin/users/"+idAlice, tok, "")
		if rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") != "Bearer" {
			t.Errorf("old token: %d %v", rec.Code, rec.Header())
		}
	}
	if rec := h.api("GET", "/api/v1/admin/users", h.adminToken(), ""); rec.Code != 200 {
		t.Errorf("new token: %d", rec.Code)
	}
	rec := h.tokenRequest(url.Values{
		"grant_type": {"refresh_token"}, "refresh_token": {a.RefreshToken},
		"client_id": {"admin-client"}, "client_secret": {"admin-secret"},
	}, nil)
	if rec.Code != 200 {
		t.Errorf("refresh after ExpireAllTokens: %d %s", rec.Code, rec.Body)
	}
	if got := h.e.TokensIssued(); got != 4 {
		t.Errorf("TokensIssued %d, want 4", got)
	}
}

func TestToken_DefaultClient(t *testing.T) {
	h := newHarness(t, Options{}, "")
	tok := h.token(DefaultClientID, DefaultClientSecret)
	env := decodeEnvelope(t, h.api("GET", "/api/v1/admin/users/"+DefaultAdminID, tok.AccessToken, ""))
	if env.ResponseData.Identification.UserId != DefaultAdminID {
		t.Errorf("Identification.UserId %q", env.ResponseData.Identification.UserId)
	}
}

func TestToken_GetNotRouted(t *testing.T) {
	h := newHarness(t, Options{}, "")
	rec := h.api("GET", "/Token", "", "")
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /Token: %d", rec.Code)
	}
}
