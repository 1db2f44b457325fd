package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// start runs the command in the background and returns the root URL from
// -url-file and a stop function that waits for a clean exit and returns its
// stdout.
func start(t *testing.T, args ...string) (string, func() string) {
	t.Helper()
	sv := startServing(t, args...)
	return sv.root, sv.stop
}

// serving is a command running in the background.
type serving struct {
	root   string        // from -url-file
	token  string        // from -token-file, present when the URL file is
	banner func() string // stdout, waited for, while the command still serves
	stop   func() string // cancels, waits for a clean exit, returns stdout
}

func startServing(t *testing.T, args ...string) serving {
	t.Helper()
	dir := t.TempDir()
	urlFile, tokenFile := filepath.Join(dir, "url"), filepath.Join(dir, "token")
	ctx, cancel := context.WithCancel(t.Context())
	var stdout lockedBuffer
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-listen", "127.0.0.1:0", "-url-file", urlFile, "-token-file", tokenFile}, args...), &stdout, &stderr)
	}()

	var sv serving
	deadline := time.Now().Add(5 * time.Second)
	for sv.root == "" {
		if data, err := os.ReadFile(urlFile); err == nil {
			sv.root = strings.TrimSpace(string(data))
			break
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("run exited early: %v\n%s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("the url file never appeared")
		}
	}
	// The token file is written before the URL file.
	data, err := os.ReadFile(tokenFile)
	if err != nil {
		cancel()
		t.Fatalf("the URL file appeared before the token file: %v", err)
	}
	sv.token = strings.TrimSpace(string(data))
	if info, err := os.Stat(tokenFile); err != nil {
		t.Error(err)
	} else if info.Mode().Perm() != 0o600 {
		t.Errorf("token file mode %v, want 0600: the token is a credential", info.Mode().Perm())
	}

	sv.stop = func() string {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("run did not return after cancellation")
		}
		for _, f := range []string{urlFile, tokenFile} {
			if _, err := os.Stat(f); !os.IsNotExist(err) {
				t.Errorf("%s file left behind: %v", filepath.Base(f), err)
			}
		}
		return stdout.String()
	}
	// The banner is written in one piece right after the URL file.
	sv.banner = func() string {
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if out := stdout.String(); out != "" {
				return out
			}
		}
		t.Fatal("the banner never appeared")
		return ""
	}
	return sv
}

// lockedBuffer is stdout shared by the command and a test that reads it
// while the command runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func get(t *testing.T, url, user, pass string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}

// adminGet calls the admin API with the Host and headers given.
func adminGet(t *testing.T, url, host string, header http.Header) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, body
}

func bearer(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }

func TestRun_ServesTheExampleSeed(t *testing.T) {
	sv := startServing(t, "-seed", filepath.Join("testdata", "seed.json"))
	root, stop := sv.root, sv.stop
	if !strings.HasPrefix(root, "http://127.0.0.1:") {
		t.Fatalf("root %q", root)
	}
	base := root + "/qacomplete/rest-api/service/api/v1"
	status, body := get(t, base+"/depts/8162/users", "admin@example.com", "sandbox-admin-password")
	if status != 200 {
		t.Fatalf("list: %d %s", status, body)
	}
	var list struct {
		Metadata struct {
			ResultSet struct{ Total int } `json:"result_set"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(body, &list); err != nil || list.Metadata.ResultSet.Total != 3 {
		t.Errorf("seeded list: %s (%v)", body, err)
	}
	if status, _, body := adminGet(t, root+"/_sandbox/stats?vendor=qacomplete", "", bearer(sv.token)); status != 200 {
		t.Errorf("admin API: %d %s", status, body)
	}

	out := stop()
	if !strings.Contains(out, "saas-sandbox listening on "+root+"\n") {
		t.Errorf("banner lacks the root URL:\n%s", out)
	}
	// The seed file keeps the default administrator, so the banner's
	// credentials still log in; it says they are the default seed's.
	b := parseBanner(t, out)
	if b.block["qacomplete"]["base_url"] != base || b.block["qacomplete"]["username"] != "admin@example.com" ||
		b.env["QACOMPLETE_PASSWORD"] != "sandbox-admin-password" {
		t.Errorf("qacomplete settings %v %v", b.block["qacomplete"], b.env)
	}
	if !strings.Contains(out, "-seed file replaces") {
		t.Errorf("the banner does not warn that a seed may replace credentials:\n%s", out)
	}
}

func TestRun_VendorsFlag(t *testing.T) {
	root, stop := start(t, "-vendors", " twosms ,qacomplete,twosms")
	if status, _ := get(t, root+"/qacomplete/rest-api/service/api/v1/depts", "admin@example.com", "sandbox-admin-password"); status != 200 {
		t.Errorf("depts: %d", status)
	}
	if status, _ := get(t, root+"/questionpro/a/api/v2/users/1", "", ""); status != 404 {
		t.Errorf("questionpro is served: %d", status)
	}
	b := parseBanner(t, stop())
	if vendors := slices.Sorted(maps.Keys(b.block)); !slices.Equal(vendors, []string{"qacomplete", "twosms"}) {
		t.Errorf("banner block names %v", vendors)
	}
	for name := range b.env {
		if !strings.HasPrefix(name, "QACOMPLETE_") && !strings.HasPrefix(name, "TWOSMS_") {
			t.Errorf("banner exports %s for a vendor not served", name)
		}
	}
	if strings.Contains(b.text, "-seed file") {
		t.Error("the banner warns about a seed file that was not given")
	}
}

func TestRun_Rejects(t *testing.T) {
	seedDir := t.TempDir()
	badSeed := filepath.Join(seedDir, "bad.json")
	if err := os.WriteFile(badSeed, []byte(`{"nope":{}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"all interfaces", []string{"-listen", ":0"}, "-allow-remote"},
		{"public address", []string{"-listen", "0.0.0.0:0"}, "-allow-remote"},
		{"no port", []string{"-listen", "127.0.0.1"}, "-listen"},
		{"unknown vendor", []string{"-listen", "127.0.0.1:0", "-vendors", "nope"}, "unknown vendor"},
		{"empty vendor list", []string{"-listen", "127.0.0.1:0", "-vendors", ","}, "no vendor"},
		{"unknown seed vendor", []string{"-listen", "127.0.0.1:0", "-seed", badSeed}, "nope"},
		{"missing seed", []string{"-listen", "127.0.0.1:0", "-seed", badSeed + ".missing"}, "seed"},
		{"stray argument", []string{"-listen", "127.0.0.1:0", "extra"}, "unexpected"},
		{"bad flag", []string{"-nope"}, "not defined"},
		{"short admin token", []string{"-listen", "127.0.0.1:0", "-admin-token", "short"}, "-admin-token"},
		{"admin token with a space", []string{"-listen", "127.0.0.1:0", "-admin-token", "has a space in it 0123"}, "-admin-token"},
		{"empty request log", []string{"-listen", "127.0.0.1:0", "-request-log-limit", "0"}, "-request-log-limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			err := run(t.Context(), c.args, io.Discard, &stderr)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "localhost": true, "LOCALHOST": true,
		"": false, "0.0.0.0": false, "::": false, "192.168.1.5": false, "example.com": false,
	} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v", host, got)
		}
	}
}

func TestQuoting(t *testing.T) {
	if got := exportLine("X", "it's"); got != `export X='it'\''s'` {
		t.Errorf("exportLine %s", got)
	}
}

// The admin API needs the run's token, which the banner prints with a curl
// line and -token-file holds, and answers only loopback Host names.
func TestRun_AdminAPINeedsTokenAndLoopbackHost(t *testing.T) {
	sv := startServing(t, "-vendors", "twosms")
	host := strings.TrimPrefix(sv.root, "http://")
	port := host[strings.LastIndex(host, ":")+1:]
	stats := sv.root + "/_sandbox/stats"
	if len(sv.token) < 26 {
		t.Fatalf("token %q: want a random one of 26 characters", sv.token)
	}

	if status, header, body := adminGet(t, stats, host, nil); status != 401 || header.Get("WWW-Authenticate") == "" || !strings.Contains(string(body), "-token-file") {
		t.Errorf("no token: %d %s", status, body)
	}
	if status, _, _ := adminGet(t, stats, host, bearer(sv.token+"x")); status != 401 {
		t.Errorf("wrong token: %d", status)
	}
	for _, h := range []string{host, "localhost:" + port, "[::1]:" + port} {
		if status, _, body := adminGet(t, stats, h, bearer(sv.token)); status != 200 {
			t.Errorf("Host %s with the token: %d %s", h, status, body)
		}
	}
	if status, _, body := adminGet(t, stats, "rebound.example:"+port, bearer(sv.token)); status != 403 || !strings.Contains(string(body), "loopback") {
		t.Errorf("a rebound name: %d %s", status, body)
	}
	// The vendor API answers whatever the Host: here 2sms's own 401 for a
	// call without its bearer token, not the admin API's refusal.
	if status, _, body := adminGet(t, sv.root+"/twosms/api/v1/admin/users", "api.2sms.example", nil); status != 401 || strings.Contains(string(body), "admin API") {
		t.Errorf("the vendor API with a public Host: %d %s", status, body)
	}

	out := sv.stop()
	for _, want := range []string{
		"admin token: " + sv.token + " (random for this run; -admin-token or " + adminTokenEnv + " fixes it",
		"  curl -H 'Authorization: Bearer " + sv.token + "' " + sv.root + "/_sandbox/stats\n",
		"request log: the newest 1000 requests, 4 KiB of each body",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the banner lacks %q:\n%s", want, out)
		}
	}
	parseBanner(t, out) // the token adds no export line and breaks no block
}

func TestRun_AdminTokenGiven(t *testing.T) {
	const fromEnv, fromFlag = "token-from-the-environment", "token-from-the-flag-0123"
	t.Setenv(adminTokenEnv, fromEnv)

	sv := startServing(t, "-vendors", "twosms")
	if sv.token != fromEnv {
		t.Errorf("token %q, want the environment's", sv.token)
	}
	if status, _, body := adminGet(t, sv.root+"/_sandbox/vendors", "", bearer(fromEnv)); status != 200 {
		t.Errorf("the environment's token: %d %s", status, body)
	}
	if out := sv.stop(); !strings.Contains(out, "admin token: "+fromEnv+" (from "+adminTokenEnv+")") {
		t.Errorf("the banner does not say where the token came from:\n%s", out)
	}

	sv = startServing(t, "-vendors", "twosms", "-admin-token", fromFlag)
	if sv.token != fromFlag {
		t.Errorf("token %q: the flag must win over the environment", sv.token)
	}
	if status, _, _ := adminGet(t, sv.root+"/_sandbox/vendors", "", bearer(fromEnv)); status != 401 {
		t.Errorf("the environment's token still works: %d", status)
	}
	if out := sv.stop(); !strings.Contains(out, "(from -admin-token)") {
		t.Errorf("the banner does not say where the token came from:\n%s", out)
	}

	t.Setenv(adminTokenEnv, "too-short")
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second) // should it serve after all
	defer cancel()
	err := run(ctx, []string{"-listen", "127.0.0.1:0"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), adminTokenEnv) {
		t.Errorf("a bad token in the environment: %v", err)
	}
}

func TestRun_AdminHostsAndLogLimit(t *testing.T) {
	sv := startServing(t, "-vendors", "twosms", "-admin-hosts", "sandbox, ci-sandbox", "-request-log-limit", "2")
	defer sv.stop()
	port := sv.root[strings.LastIndex(sv.root, ":")+1:]
	for _, h := range []string{"sandbox:" + port, "CI-Sandbox"} {
		if status, _, body := adminGet(t, sv.root+"/_sandbox/stats", h, bearer(sv.token)); status != 200 {
			t.Errorf("Host %s named by -admin-hosts: %d %s", h, status, body)
		}
	}
	if status, _, _ := adminGet(t, sv.root+"/_sandbox/stats", "other:"+port, bearer(sv.token)); status != 403 {
		t.Errorf("a Host not named: %d", status)
	}

	for range 3 {
		get(t, sv.root+"/twosms/api/v1/admin/users", "", "")
	}
	status, header, body := adminGet(t, sv.root+"/_sandbox/requests", "", bearer(sv.token))
	var log []map[string]any
	if err := json.Unmarshal(body, &log); status != 200 || err != nil || len(log) != 2 || header.Get("X-Sandbox-Requests-Dropped") != "1" {
		t.Errorf("with -request-log-limit 2 after 3 requests: %d, %d entries, dropped %q", status, len(log), header.Get("X-Sandbox-Requests-Dropped"))
	}
	_, _, body = adminGet(t, sv.root+"/_sandbox/stats?vendor=twosms", "", bearer(sv.token))
	if !strings.Contains(string(body), `"calls": 3`) {
		t.Errorf("the counters must count every request: %s", body)
	}
}
