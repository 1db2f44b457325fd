package sandbox

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The log keeps DefaultRequestLogLimit requests however many arrive, the
// oldest going first, while the counters count them all.
func TestRequestLog_DefaultLimit(t *testing.T) {
	s := NewServer(&fakeEmulator{name: "fake"})
	for i := range DefaultRequestLogLimit + 5 {
		s.record(Request{Vendor: "fake", Route: "GET /things/{id}", Path: fmt.Sprintf("/fake/things/%d", i), Status: 200, Time: time.Now()}, nil)
	}
	got := s.Requests("")
	if len(got) != DefaultRequestLogLimit {
		t.Fatalf("the log holds %d requests, want %d", len(got), DefaultRequestLogLimit)
	}
	if got[0].Path != "/fake/things/5" || got[len(got)-1].Path != fmt.Sprintf("/fake/things/%d", DefaultRequestLogLimit+4) {
		t.Errorf("kept %s .. %s; want the newest, oldest first", got[0].Path, got[len(got)-1].Path)
	}
	if st := s.Stats("fake")["GET /things/{id}"]; st.Calls != DefaultRequestLogLimit+5 || st.ByStatus[200] != DefaultRequestLogLimit+5 {
		t.Errorf("counters %+v: they must count every request", st)
	}
	if s.DroppedRequests() != 5 {
		t.Errorf("dropped %d, want 5", s.DroppedRequests())
	}
}

func TestRequestLog_LimitOverHTTP(t *testing.T) {
	s := startServer(t)
	s.SetRequestLogLimit(3)
	for i := range 5 {
		mustCall(t, "GET", fmt.Sprintf("%s/things/%d", s.BaseURL("fake"), i), "")
	}
	mustCall(t, "GET", s.BaseURL("other")+"/things/x", "")

	var paths []string
	for _, r := range s.Requests("") {
		paths = append(paths, r.Path)
	}
	if want := "/fake/api/v1/things/3 /fake/api/v1/things/4 /other/things/x"; strings.Join(paths, " ") != want {
		t.Errorf("log %v, want %s", paths, want)
	}
	if st := s.Stats("fake")["GET /things/{id}"]; st.Calls != 5 {
		t.Errorf("counters %+v", st)
	}
	resp, data, err := call(t, "GET", s.URL()+AdminPrefix+"requests?vendor=fake", "", adminHeader(s))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get(DroppedHeader) != "3" || strings.Count(string(data), `"path"`) != 2 {
		t.Errorf("admin log: %s %s\n%s", DroppedHeader, resp.Header.Get(DroppedHeader), data)
	}

	// Growing the limit keeps what is there; shrinking keeps the newest.
	s.SetRequestLogLimit(10)
	if n := len(s.Requests("")); n != 3 {
		t.Errorf("after growing: %d requests", n)
	}
	s.SetRequestLogLimit(1)
	if got := s.Requests(""); len(got) != 1 || got[0].Path != "/other/things/x" || s.DroppedRequests() != 5 {
		t.Errorf("after shrinking: %+v, dropped %d", got, s.DroppedRequests())
	}
	s.ResetRequests()
	if s.DroppedRequests() != 0 {
		t.Error("ResetRequests should zero the dropped count")
	}
}

// Each logged body is cut at LoggedBodyBytes, so many large requests cost the
// log no more than small ones.
func TestRequestLog_BodiesAreCut(t *testing.T) {
	s := startServer(t)
	big := `{"password":"early-secret","filler":"` + strings.Repeat("f", 200<<10) + `","Pin":"late-secret"}`
	for range 3 {
		resp, body := mustCall(t, "POST", s.BaseURL("fake")+"/things", big)
		if resp.StatusCode != http.StatusCreated || len(body) != len(big) {
			t.Fatalf("the emulator must still get the whole body: %d, %d bytes back", resp.StatusCode, len(body))
		}
	}
	for _, r := range s.Requests("fake") {
		if len(r.Body) != LoggedBodyBytes || r.BodySize != len(big) || !bytes.Equal(r.Body, []byte(big)[:LoggedBodyBytes]) {
			t.Errorf("logged %d of %d bytes; want the first %d", len(r.Body), r.BodySize, LoggedBodyBytes)
		}
	}
	var views []requestView
	adminJSON(t, s, "GET", "requests", "", 200, &views)
	for _, v := range views {
		if len(v.Body) > LoggedBodyBytes || !v.BodyTruncated || v.BodySize != len(big) || strings.Contains(v.Body, "secret") {
			t.Errorf("view: %d bytes, truncated %v, size %d, %.60s", len(v.Body), v.BodyTruncated, v.BodySize, v.Body)
		}
	}
}

// The recording layer reads no more than MaxRequestBodyBytes of a body:
// beyond that the client gets 413 and the emulator is not called.
func TestRequestLog_OversizedBodyRefused(t *testing.T) {
	s := startServer(t)
	huge := strings.Repeat("x", MaxRequestBodyBytes+1)
	resp, body := mustCall(t, "POST", s.BaseURL("fake")+"/things", huge)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "request body over") {
		t.Errorf("got %d %s, want 413", resp.StatusCode, body)
	}
	r := s.Requests("fake")[0]
	if r.Status != http.StatusRequestEntityTooLarge || len(r.Body) != LoggedBodyBytes {
		t.Errorf("logged status %d with %d body bytes", r.Status, len(r.Body))
	}
	if st := s.Stats("fake")["POST /things"]; st.Calls != 1 || st.ByStatus[http.StatusRequestEntityTooLarge] != 1 {
		t.Errorf("counters %+v", st)
	}
	if resp, _ := mustCall(t, "POST", s.BaseURL("fake")+"/things", strings.Repeat("x", MaxRequestBodyBytes)); resp.StatusCode != http.StatusCreated {
		t.Errorf("a body of exactly the limit: %d", resp.StatusCode)
	}
}

// A server from Start refuses request headers beyond MaxHeaderBytes, which
// bounds what each log entry keeps of them.
func TestServer_HeaderSizeBounded(t *testing.T) {
	s := startServer(t)
	resp, _, err := call(t, "GET", s.BaseURL("fake")+"/things/1", "", http.Header{"X-Big": {strings.Repeat("h", 2*MaxHeaderBytes)}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge || len(s.Requests("")) != 0 {
		t.Errorf("got %d with %d requests logged, want 431 and nothing logged", resp.StatusCode, len(s.Requests("")))
	}
}
