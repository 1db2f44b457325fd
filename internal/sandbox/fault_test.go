package sandbox

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

func writeFile(path, content string) error {
	return os.WriteFile(path, []byte(content), 0o600)
}

func TestFaults_StatusRetryAfterTimes(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake", Fault{Route: "GET /things/{id}", Status: 429, RetryAfter: 3, Times: 2})
	url := s.BaseURL("fake") + "/things/1"

	for i := range 2 {
		resp, body := mustCall(t, "GET", url, "")
		if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "3" {
			t.Fatalf("call %d: %d Retry-After=%q", i, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		if string(body) != `{"message":"Too Many Requests"}` {
			t.Errorf("default body %s", body)
		}
	}
	if resp, _ := mustCall(t, "GET", url, ""); resp.StatusCode != 200 {
		t.Errorf("after Times ran out: %d", resp.StatusCode)
	}
	if f := s.Faults(); len(f) != 0 {
		t.Errorf("expired fault still listed: %v", f)
	}
	st := s.Stats("fake")["GET /things/{id}"]
	if st.Calls != 3 || st.Faults != 2 || st.ByStatus[429] != 2 || st.ByStatus[200] != 1 {
		t.Errorf("stats %+v", st)
	}
	reqs := s.Requests("fake")
	if reqs[0].Fault != "status 429 retry-after 3" || reqs[2].Fault != "" {
		t.Errorf("faults logged: %q %q", reqs[0].Fault, reqs[2].Fault)
	}
}

func TestFaults_Matching(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake",
		Fault{Route: "POST /things", Status: 400, Body: "plain text"},
		Fault{Method: "GET", Status: 503},
	)
	s.SetFaults("", Fault{Status: 500})

	cases := []struct {
		vendor, method, path string
		status               int
		body                 string
	}{
		{"fake", "POST", "/things", 400, "plain text"},
		{"fake", "GET", "/things/1", 503, ""},
		{"fake", "GET", "/unknown", 503, ""}, // "" route covers UNMATCHED too
		{"other", "GET", "/things/1", 500, ""},
	}
	for _, c := range cases {
		resp, body := mustCall(t, c.method, s.BaseURL(c.vendor)+c.path, "{}")
		if resp.StatusCode != c.status {
			t.Errorf("%s %s %s: %d, want %d", c.vendor, c.method, c.path, resp.StatusCode, c.status)
		}
		if c.body != "" && (string(body) != c.body || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain")) {
			t.Errorf("body %q type %q", body, resp.Header.Get("Content-Type"))
		}
	}

	// Replacing one vendor's faults leaves the others alone; clearing removes all.
	s.SetFaults("fake")
	if resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", ""); resp.StatusCode != 500 {
		t.Errorf("global fault should still apply: %d", resp.StatusCode)
	}
	s.ClearFaults()
	if resp, _ := mustCall(t, "GET", s.BaseURL("other")+"/things/1", ""); resp.StatusCode != 200 {
		t.Errorf("after ClearFaults: %d", resp.StatusCode)
	}
}

func TestFaults_Latency(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake", Fault{Latency: 60 * time.Millisecond})
	start := time.Now()
	resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", "")
	if resp.StatusCode != 200 || time.Since(start) < 60*time.Millisecond {
		t.Errorf("status %d after %v", resp.StatusCode, time.Since(start))
	}
	r := s.Requests("fake")[0]
	if r.Fault != "latency 60ms" || r.Duration < 60*time.Millisecond {
		t.Errorf("logged %q %v", r.Fault, r.Duration)
	}

	// Latency combined with a status.
	s.SetFaults("fake", Fault{Latency: 20 * time.Millisecond, Status: 503})
	if resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", ""); resp.StatusCode != 503 {
		t.Errorf("latency+status: %d", resp.StatusCode)
	}
}

func TestFaults_LatencyHonoursCancellation(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake", Fault{Latency: 10 * time.Second})
	client := &http.Client{Timeout: 50 * time.Millisecond}
	start := time.Now()
	resp, err := client.Get(s.BaseURL("fake") + "/things/1")
	if err == nil {
		_ = resp.Body.Close()
		t.Fatal("want a client timeout")
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if reqs := s.Requests("fake"); len(reqs) == 1 {
			if reqs[0].Status != StatusClientGone {
				t.Errorf("status %d, want %d", reqs[0].Status, StatusClientGone)
			}
			if time.Since(start) > 5*time.Second {
				t.Error("the handler kept sleeping after the client left")
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the cancelled request was never logged")
}

func TestFaults_Drop(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake", Fault{Route: "GET /things/{id}", Drop: true, Times: 1})
	if _, _, err := call(t, "GET", s.BaseURL("fake")+"/things/1", "", nil); err == nil {
		t.Fatal("want a transport error for a dropped connection")
	}
	r := s.Requests("fake")[0]
	if r.Status != 0 || r.Fault != "drop" {
		t.Errorf("logged %d %q", r.Status, r.Fault)
	}
	if resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", ""); resp.StatusCode != 200 {
		t.Errorf("after the drop: %d", resp.StatusCode)
	}
}

// DropAfter lets the emulator act and then loses its answer: the log shows
// the emulator's status, the client sees only a broken connection.
func TestFaults_DropAfterHandling(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake", Fault{Route: "POST /things", DropAfter: true, Times: 1})
	if _, _, err := call(t, "POST", s.BaseURL("fake")+"/things", `{"n":1}`, nil); err == nil {
		t.Fatal("want a transport error: the answer must never arrive")
	}
	r := s.Requests("fake")[0]
	if r.Status != http.StatusCreated || r.Fault != "drop after handling" {
		t.Errorf("logged %d %q; want the emulator's 201 and the fault", r.Status, r.Fault)
	}
	if resp, _ := mustCall(t, "POST", s.BaseURL("fake")+"/things", `{"n":2}`); resp.StatusCode != http.StatusCreated {
		t.Errorf("after the fault expired: %d", resp.StatusCode)
	}
}

// StallAfter lets the emulator act and then holds the answer until the
// client gives up: the vendor's change stands though the client never
// heard of it.
func TestFaults_StallAfterHandling(t *testing.T) {
	s := startServer(t)
	s.SetFaults("fake", Fault{Route: "POST /things", StallAfter: time.Minute, Times: 1})
	client := &http.Client{Timeout: 200 * time.Millisecond}
	resp, err := client.Post(s.BaseURL("fake")+"/things", "application/json", strings.NewReader(`{"n":1}`))
	if err == nil {
		_ = resp.Body.Close()
		t.Fatal("want a client timeout: the answer is held back")
	}
	r := s.Requests("fake")[0]
	if r.Status != http.StatusCreated || r.Fault != "stall 1m0s after handling" {
		t.Errorf("logged %d %q; want the emulator's 201 and the fault", r.Status, r.Fault)
	}
	if resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("the stalled create did not stand: GET answered %d", resp.StatusCode)
	}
}

func TestFaults_ProbabilityIsSeedable(t *testing.T) {
	run := func(seed uint64) string {
		s := startServer(t)
		s.SetFaultSeed(seed)
		s.SetFaults("fake", Fault{Status: 503, Probability: 0.5})
		var b strings.Builder
		for range 40 {
			resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", "")
			if resp.StatusCode == 503 {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	a, b := run(7), run(7)
	if a != b {
		t.Errorf("same seed, different sequences:\n%s\n%s", a, b)
	}
	if !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Errorf("probability 0.5 should both hit and miss: %s", a)
	}
}

func TestFault_JSON(t *testing.T) {
	var f Fault
	if err := json.Unmarshal([]byte(`{"route":"GET /x","status":429,"retry_after":2,"latency":"250ms","times":3,"probability":0.25}`), &f); err != nil {
		t.Fatal(err)
	}
	want := Fault{Route: "GET /x", Status: 429, RetryAfter: 2, Latency: 250 * time.Millisecond, Times: 3, Probability: 0.25}
	if f != want {
		t.Errorf("got %+v", f)
	}
	if err := json.Unmarshal([]byte(`{"latency":1500}`), &f); err != nil || f.Latency != 1500*time.Millisecond {
		t.Errorf("numeric latency: %v %v", f.Latency, err)
	}
	if err := json.Unmarshal([]byte(`{"stall_after":"2s"}`), &f); err != nil || f.StallAfter != 2*time.Second {
		t.Errorf("stall_after: %v %v", f.StallAfter, err)
	}
	if err := json.Unmarshal([]byte(`{"stall_after":"later"}`), &f); err == nil || !strings.Contains(err.Error(), "stall_after") {
		t.Errorf("a bad stall_after must be named in the error, got %v", err)
	}
	for _, bad := range []string{`{"latency":"soon"}`, `{"latency":true}`} {
		if err := json.Unmarshal([]byte(bad), &f); err == nil {
			t.Errorf("%s: want an error", bad)
		}
	}
	out, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var back Fault
	if err := json.Unmarshal(out, &back); err != nil || back != want {
		t.Errorf("round trip %s -> %+v (%v)", out, back, err)
	}
}
