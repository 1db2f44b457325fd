package sandbox

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"strings"
)

// AdminTokenHeader carries the admin token for a client that keeps
// Authorization for something else; "Authorization: Bearer <token>" works
// as well.
const AdminTokenHeader = "X-Sandbox-Token"

// MinAdminTokenLength keeps a token given in advance from being guessable in
// a few tries.
const MinAdminTokenLength = 16

// newAdminToken is a fresh random token: 26 base32 characters, 130 bits.
func newAdminToken() string { return rand.Text() }

// AdminToken is the token every call to the admin API must carry. NewServer
// makes a random one; SetAdminToken replaces it.
func (s *Server) AdminToken() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.adminToken
}

// SetAdminToken replaces the random admin token, for a script that must know
// it before the server starts. The token must be at least
// MinAdminTokenLength printable ASCII characters without spaces, so it
// travels in a header as is.
func (s *Server) SetAdminToken(token string) error {
	if len(token) < MinAdminTokenLength {
		return fmt.Errorf("sandbox: the admin token must be at least %d characters", MinAdminTokenLength)
	}
	for _, c := range []byte(token) {
		if c <= ' ' || c > '~' {
			return fmt.Errorf("sandbox: the admin token may hold only printable ASCII characters without spaces")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.adminToken = token
	return nil
}

// AllowAdminHosts adds host names (without port) the admin API answers to
// besides loopback ones, for a sandbox reached by name from another machine
// or container (saas-sandbox -allow-remote). Every other Host is refused so
// that a web page cannot reach the admin API through DNS rebinding.
func (s *Server) AllowAdminHosts(hosts ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range hosts {
		if h = strings.TrimSpace(h); h != "" {
			s.adminHosts = append(s.adminHosts, strings.ToLower(h))
		}
	}
}

// guardAdmin lets through only admin calls addressed to an allowed host and
// carrying the token. The Host check comes first: a page in a browser that
// rebinds its own name to 127.0.0.1 still sends its own name as Host.
func (s *Server) guardAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.adminHostAllowed(r.Host) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": fmt.Sprintf(
				"the sandbox admin API answers only requests addressed to a loopback host (127.0.0.1, [::1] or localhost), not Host %q; "+
					"saas-sandbox -admin-hosts names others", r.Host)})
			return
		}
		if !s.adminTokenMatches(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="saas-sandbox"`)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "the sandbox admin API needs the token saas-sandbox printed when it started " +
				"(also in its -token-file): send \"Authorization: Bearer <token>\" or \"" + AdminTokenHeader + ": <token>\""})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// adminHostAllowed accepts a loopback IP or "localhost", with or without a
// port, and the names given to AllowAdminHosts.
func (s *Server) adminHostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range s.adminHosts {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// adminTokenMatches compares the token sent with the server's in constant
// time; hashing both first keeps the comparison from revealing the length.
func (s *Server) adminTokenMatches(r *http.Request) bool {
	got := r.Header.Get(AdminTokenHeader)
	if got == "" {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if ok && strings.EqualFold(scheme, "Bearer") {
			got = strings.TrimSpace(token)
		}
	}
	if got == "" {
		return false
	}
	sent, want := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(s.AdminToken()))
	return subtle.ConstantTimeCompare(sent[:], want[:]) == 1
}
