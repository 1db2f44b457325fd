package twosms

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"time"
)

const (
	// accessTokenTTL is documented: "an access token valid for 8 hours"
	// (§1.2).
	accessTokenTTL = 8 * time.Hour

	// refreshTokenTTL is not documented. [I] twosms-api.md §1.2: fourteen
	// days, the ASP.NET OAuth template's lifetime.
	refreshTokenTTL = 14 * 24 * time.Hour
)

type accessToken struct {
	clientID string
	expires  time.Time
}

type refreshToken struct {
	clientID string
	expires  time.Time
}

// tokenResponse is the body §1.2 expects from the OWIN authorization server.
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
}

// oauthError is the OWIN error body, {"error":"invalid_client"} and the like.
type oauthError struct {
	Error string `json:"error"`
}

// handleToken follows twosms-api.md §1.2: POST /Token with a form body
// grant_type=client_credentials&client_id=…&client_secret=…, answered with an
// access token valid for 8 hours and a refresh token.
//
// [I] twosms-api.md §1.2: the OWIN order of checks: the body must be
// form-encoded (invalid_request), the client is authenticated before the
// grant is looked at (invalid_client), then the grant
// (unsupported_grant_type, invalid_request, invalid_grant); every failure is
// HTTP 400.
func (e *Emulator) handleToken(w http.ResponseWriter, r *http.Request) {
	if !isFormEncoded(r) {
		writeOAuthError(w, "invalid_request")
		return
	}
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, "invalid_request")
		return
	}
	form := r.PostForm

	e.mu.Lock()
	defer e.mu.Unlock()

	clientID, secret := e.clientCredentials(r)

	c, ok := e.clients[clientID]
	if !ok || secret == "" || subtle.ConstantTimeCompare([]byte(c.ClientSecret), []byte(secret)) != 1 {
		writeOAuthError(w, "invalid_client")
		return
	}

	now := e.now()
	switch form.Get("grant_type") {
	case "client_credentials":
	case "refresh_token":
		// [I] twosms-api.md §1.2: refreshing also needs the client's
		// own credentials (checked above); a refresh token is
		// single-use and belongs to the client it was issued to.
		presented := form.Get("refresh_token")
		if presented == "" {
			writeOAuthError(w, "invalid_request")
			return
		}
		rt, ok := e.refresh[presented]
		if !ok || rt.clientID != clientID {
			writeOAuthError(w, "invalid_grant")
			return
		}
		delete(e.refresh, presented)
		if !now.Before(rt.expires) {
			writeOAuthError(w, "invalid_grant")
			return
		}
	default:
		// [I] twosms-api.md §1.2: grant_type=password is [UNKNOWN];
		// refused like any other grant.
		writeOAuthError(w, "unsupported_grant_type")
		return
	}

	resp := tokenResponse{
		AccessToken:  newOpaqueToken(),
		TokenType:    "bearer",
		ExpiresIn:    int(accessTokenTTL / time.Second),
		RefreshToken: newOpaqueToken(),
	}
	e.access[resp.AccessToken] = accessToken{clientID: clientID, expires: now.Add(accessTokenTTL)}
	e.refresh[resp.RefreshToken] = refreshToken{clientID: clientID, expires: now.Add(refreshTokenTTL)}
	e.issued++
	writeTokenJSON(w, http.StatusOK, resp)
}

// clientCredentials takes the client id and secret from the form body, as
// §1.2 documents, or, when AllowBasicClientAuth is set and the request has
// one, from an HTTP Basic header (whose parts RFC 6749 §2.3.1 form-encodes).
// Callers hold e.mu.
func (e *Emulator) clientCredentials(r *http.Request) (id, secret string) {
	if e.opts.AllowBasicClientAuth {
		if u, p, ok := r.BasicAuth(); ok {
			return formUnescape(u), formUnescape(p)
		}
	}
	return r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
}

func formUnescape(s string) string {
	if v, err := url.QueryUnescape(s); err == nil {
		return v
	}
	return s
}

func isFormEncoded(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// TokensIssued reports how many access tokens POST /Token has issued since
// New, whichever the grant.
func (e *Emulator) TokensIssued() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.issued
}

// ExpireAllTokens invalidates every access token issued so far, as if all had
// reached their 8 hours at once: the next admin call with any of them gets
// 401. Refresh tokens and client credentials keep working.
func (e *Emulator) ExpireAllTokens() {
	e.mu.Lock()
	defer e.mu.Unlock()
	clear(e.access)
}

// newOpaqueToken returns 256 random bits in URL-safe base64, the look of an
// OWIN token without its content.
func newOpaqueToken() string {
	return base64.RawURLEncoding.EncodeToString(randomBytes(32))
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	// crypto/rand.Read never fails on supported platforms (Go 1.24+).
	_, _ = rand.Read(b)
	return b
}

func writeOAuthError(w http.ResponseWriter, code string) {
	writeTokenJSON(w, http.StatusBadRequest, oauthError{Error: code})
}

// writeTokenJSON adds the no-cache headers the OWIN token endpoint sends with
// every answer ([I] twosms-api.md §1.2).
func writeTokenJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json;charset=UTF-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Pragma", "no-cache")
	h.Set("Expires", "-1")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
