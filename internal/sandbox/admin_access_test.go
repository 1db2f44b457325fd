package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// callHost sends one request on a fresh connection with the Host header
// given, the way a browser that rebound a name to 127.0.0.1 would.
func callHost(t *testing.T, method, url, host string, header http.Header) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for k, v := range header {
		req.Header[k] = v
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s (Host %q): %v", method, url, host, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func TestAdmin_AnswersOnlyLoopbackHosts(t *testing.T) {
	s := startServer(t)
	port := s.URL()[strings.LastIndex(s.URL(), ":")+1:]
	for _, host := range []string{
		"127.0.0.1:" + port, "127.0.0.1", "127.1.2.3:9", "localhost", "LocalHost:" + port, "[::1]:" + port, "[::1]",
		"[::ffff:127.0.0.1]:" + port,
	} {
		if status, _, body := callHost(t, "GET", s.URL()+AdminPrefix+"stats", host, adminHeader(s)); status != http.StatusOK {
			t.Errorf("Host %q: %d %s, want 200", host, status, body)
		}
	}
	for _, host := range []string{
		"attacker.example", "attacker.example:" + port, "127.0.0.1.attacker.example", "localhost.attacker.example:" + port,
		"192.168.1.5:" + port, "0.0.0.0:" + port, "[::]:" + port, "sandbox:" + port,
	} {
		status, _, body := callHost(t, "GET", s.URL()+AdminPrefix+"stats", host, adminHeader(s))
		if status != http.StatusForbidden || !strings.Contains(body, "loopback host") || !strings.Contains(body, host) {
			t.Errorf("Host %q: %d %s, want 403 naming the Host and the rule", host, status, body)
		}
	}
	// Every admin path is behind the check, not only the known ones.
	if status, _, _ := callHost(t, "GET", s.URL()+AdminPrefix+"nope", "attacker.example", adminHeader(s)); status != http.StatusForbidden {
		t.Errorf("unknown admin path: %d, want 403", status)
	}
	// The vendor APIs answer whatever the Host, as the real services do.
	if status, _, body := callHost(t, "GET", s.BaseURL("fake")+"/things/1", "api.vendor.example", nil); status != http.StatusOK {
		t.Errorf("vendor route with a public Host: %d %s", status, body)
	}

	s.AllowAdminHosts(" Sandbox ", "")
	if status, _, body := callHost(t, "GET", s.URL()+AdminPrefix+"stats", "sandbox:"+port, adminHeader(s)); status != http.StatusOK {
		t.Errorf("Host allowed by AllowAdminHosts: %d %s", status, body)
	}
	if status, _, _ := callHost(t, "GET", s.URL()+AdminPrefix+"stats", "attacker.example", adminHeader(s)); status != http.StatusForbidden {
		t.Errorf("AllowAdminHosts let another Host in: %d", status)
	}
}

func TestAdmin_RequiresTheToken(t *testing.T) {
	s := startServer(t)
	host := strings.TrimPrefix(s.URL(), "http://")
	url := s.URL() + AdminPrefix + "faults"
	token := s.AdminToken()

	for name, h := range map[string]http.Header{
		"no token":             nil,
		"wrong bearer":         {"Authorization": {"Bearer " + strings.ToLower(token)}},
		"token prefix":         {"Authorization": {"Bearer " + token[:len(token)-1]}},
		"token without scheme": {"Authorization": {token}},
		"basic scheme":         {"Authorization": {"Basic " + token}},
		"wrong header token":   {AdminTokenHeader: {token + "x"}},
		"empty bearer":         {"Authorization": {"Bearer "}},
	} {
		status, header, body := callHost(t, "GET", url, host, h)
		if status != http.StatusUnauthorized || !strings.Contains(body, "Authorization: Bearer <token>") {
			t.Errorf("%s: %d %s, want 401 saying how to send the token", name, status, body)
		}
		if !strings.HasPrefix(header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: WWW-Authenticate %q", name, header.Get("WWW-Authenticate"))
		}
		if strings.Contains(body, token) {
			t.Errorf("%s: the refusal shows the token", name)
		}
	}
	for name, h := range map[string]http.Header{
		"bearer":           {"Authorization": {"Bearer " + token}},
		"lower-case codes": {"Authorization": {"bearer " + token}},
		"own header":       {AdminTokenHeader: {token}},
	} {
		if status, _, body := callHost(t, "GET", url, host, h); status != http.StatusOK {
			t.Errorf("%s: %d %s, want 200", name, status, body)
		}
	}
	// A refused call changes nothing.
	if status, _, _ := callHost(t, "DELETE", s.URL()+AdminPrefix+"faults", host, nil); status != http.StatusUnauthorized {
		t.Errorf("DELETE without a token: %d", status)
	}
	if status, _, _ := callHost(t, "GET", s.URL()+AdminPrefix+"nope", host, nil); status != http.StatusUnauthorized {
		t.Errorf("an unknown admin path without a token: %d, want 401 before 404", status)
	}
	// The vendor APIs need no admin token.
	if resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("vendor route: %d", resp.StatusCode)
	}
}

func TestAdmin_TokenIsRandomUnlessSet(t *testing.T) {
	a, b := NewServer(), NewServer()
	if a.AdminToken() == b.AdminToken() || len(a.AdminToken()) < 26 {
		t.Errorf("tokens %q and %q: want two different random tokens of 26 characters or more", a.AdminToken(), b.AdminToken())
	}
	for _, bad := range []string{"", "short", "sixteen chars ok", "has\ttab-in-it-0123", "non-ascii-é-0123456"} {
		if err := a.SetAdminToken(bad); err == nil {
			t.Errorf("SetAdminToken(%q) accepted", bad)
		}
	}

	s := startServer(t)
	old := s.AdminToken()
	const chosen = "ci-token-0123456789"
	if err := s.SetAdminToken(chosen); err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(s.URL(), "http://")
	if status, _, _ := callHost(t, "GET", s.URL()+AdminPrefix+"vendors", host, http.Header{AdminTokenHeader: {old}}); status != http.StatusUnauthorized {
		t.Errorf("the replaced token still works: %d", status)
	}
	status, _, body := callHost(t, "GET", s.URL()+AdminPrefix+"vendors", host, http.Header{AdminTokenHeader: {chosen}})
	var vendors []map[string]string
	if status != http.StatusOK || json.Unmarshal([]byte(body), &vendors) != nil || len(vendors) != 2 {
		t.Errorf("the chosen token: %d %s", status, body)
	}
}
