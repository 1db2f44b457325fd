package qacomplete

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// §1 Auth: HTTP Basic with login e-mail and password on every request.
// [I] qacomplete-api.md §1: the "security token" flow is cut off in the
// document; plain Basic on every request is all the emulator accepts.

// realm is sent with every 401.
// [I] qacomplete-api.md §2: "probably with WWW-Authenticate: Basic"; the
// realm name is the emulator's choice.
const realm = `Basic realm="QAComplete"`

// authenticated wraps a handler that any valid account may call (§5.4).
func (e *Emulator) authenticated(next func(http.ResponseWriter, *http.Request, Account)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if acct, ok := e.login(w, r); ok {
			next(w, r, acct)
		}
	}
}

// administrator wraps a handler that needs administrator privileges
// (§1 Rights: every /depts/{DeptId}/users... operation).
// [I] qacomplete-api.md §2: a valid non-admin login gets 403 "Access is
// denied" (the document allows 401 or 403).
func (e *Emulator) administrator(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		acct, ok := e.login(w, r)
		if !ok {
			return
		}
		if !acct.Admin {
			writeError(w, http.StatusForbidden, msgForbidden)
			return
		}
		next(w, r)
	}
}

// login checks the Basic credentials and answers 401 itself when they are
// missing or wrong.
// [I] qacomplete-api.md §1: logins are e-mails, so they match
// case-insensitively; passwords match exactly.
func (e *Emulator) login(w http.ResponseWriter, r *http.Request) (Account, bool) {
	user, pass, ok := r.BasicAuth()
	if ok {
		e.mu.Lock()
		for _, a := range e.accounts {
			if strings.EqualFold(a.Login, user) && subtle.ConstantTimeCompare([]byte(a.Password), []byte(pass)) == 1 {
				e.mu.Unlock()
				return a, true
			}
		}
		e.mu.Unlock()
	}
	w.Header().Set("WWW-Authenticate", realm)
	writeError(w, http.StatusUnauthorized, msgUnauthorized)
	return Account{}, false
}
