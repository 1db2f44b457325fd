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
// -url-file, a stop function that waits for a clean exit, and its stdout.
func start(t *testing.T, args ...string) (string, func() string) {
	t.Helper()
	root, _, stop := startServing(t, args...)
	return root, stop
}

// startServing is start with a third function that returns the banner while
// the command still serves.
func startServing(t *testing.T, args ...string) (string, func() string, func() string) {
	t.Helper()
	urlFile := filepath.Join(t.TempDir(), "url")
	ctx, cancel := context.WithCancel(t.Context())
	var stdout lockedBuffer
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-listen", "127.0.0.1:0", "-url-file", urlFile}, args...), &stdout, &stderr)
	}()

	var root string
	deadline := time.Now().Add(5 * time.Second)
	for root == "" {
		if data, err := os.ReadFile(urlFile); err == nil {
			root = strings.TrimSpace(string(data))
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
	stop := func() string {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("run did not return after cancellation")
		}
		if _, err := os.Stat(urlFile); !os.IsNotExist(err) {
			t.Errorf("url file left behind: %v", err)
		}
		return stdout.String()
	}
	// The banner is written in one piece right after the URL file.
	banner := func() string {
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if out := stdout.String(); out != "" {
				return out
			}
		}
		t.Fatal("the banner never appeared")
		return ""
	}
	return root, banner, stop
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

func TestRun_ServesTheExampleSeed(t *testing.T) {
	root, stop := start(t, "-seed", filepath.Join("testdata", "seed.json"))
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
	if status, _ := get(t, root+"/_sandbox/stats?vendor=qacomplete", "", ""); status != 200 {
		t.Errorf("admin API: %d", status)
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
