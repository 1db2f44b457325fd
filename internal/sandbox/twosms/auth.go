package twosms

import (
	"net/http"
	"strings"
)

// caller is who an admin call acts as: the API client whose token it
// carries and the user that client is bound to (§1.2: "Each client is bound
// to a UserID"). userID is empty for a client seeded without one.
type caller struct {
	clientID string
	userID   string
}

// messageBody is ASP.NET Web API's own error body, {"Message":"…"}, used for
// the 401 an [Authorize] controller answers. [I] twosms-api.md §2.3: it is
// not the envelope.
type messageBody struct {
	Message string `json:"Message"`
}

const deniedMessage = "Authorization has been denied for this request."

// bearer guards an admin route as twosms-api.md §1.2 and §2.3 describe: every
// api/... call carries "Authorization: Bearer {access_token}"; a missing,
// unknown or expired token gets HTTP 401.
//
// [I] twosms-api.md §1.2: the scheme name is matched case-insensitively, a
// token outlives neither its 8 hours nor its client, and the 401 carries the
// OWIN bearer challenge "WWW-Authenticate: Bearer".
func (e *Emulator) bearer(next func(http.ResponseWriter, *http.Request, caller)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := e.authenticate(r.Header.Get("Authorization"))
		if !ok {
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeJSON(w, http.StatusUnauthorized, messageBody{Message: deniedMessage})
			return
		}
		next(w, r, c)
	})
}

func (e *Emulator) authenticate(header string) (caller, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return caller{}, false
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	t, ok := e.access[token]
	if !ok {
		return caller{}, false
	}
	if !e.now().Before(t.expires) {
		delete(e.access, token)
		return caller{}, false
	}
	c, ok := e.clients[t.clientID]
	if !ok {
		return caller{}, false
	}
	return caller{clientID: c.ClientID, userID: c.UserID}, true
}

// mayManageUsers is the "logged in user must have permission" of §4.1 and
// §4.3/§4.4. [I] twosms-api.md §1.2: a token acts as its client's user, who
// must exist, be enabled and be an admin; a client bound to no user acts for
// the whole account. Callers hold e.mu.
func (e *Emulator) mayManageUsers(c caller) bool {
	if c.userID == "" {
		return true
	}
	u, ok := e.users[c.userID]
	return ok && u.AdminUser && u.Enabled
}

// callerAccount is the account §4.2 falls back to when accountID is omitted:
// the caller's own. [I] twosms-api.md §4.2: a client bound to no user belongs
// to the default (first seeded) account. Callers hold e.mu.
func (e *Emulator) callerAccount(c caller) string {
	if u, ok := e.users[c.userID]; ok && u.AccountID != "" {
		return u.AccountID
	}
	if len(e.accounts) > 0 {
		return e.accounts[0].ID
	}
	return ""
}
