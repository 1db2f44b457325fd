package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// adminHeader carries the server's admin token, as every admin client must.
func adminHeader(s *Server) http.Header {
	return http.Header{"Authorization": {"Bearer " + s.AdminToken()}}
}

func adminJSON(t *testing.T, s *Server, method, path, body string, wantStatus int, out any) {
	t.Helper()
	resp, data, err := call(t, method, s.URL()+AdminPrefix+path, body, adminHeader(s))
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode != wantStatus {
		t.Fatalf("%s %s: %d %s, want %d", method, path, resp.StatusCode, data, wantStatus)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, data)
		}
	}
}

func TestAdmin_RequestsRedacted(t *testing.T) {
	s := startServer(t)
	h := http.Header{
		"Authorization":             {"Basic c2VjcmV0"},
		"Ocp-Apim-Subscription-Key": {"sub-key"},
		"Api-Key":                   {"k"},
		"Accept":                    {"application/json"},
	}
	if _, _, err := call(t, "POST", s.BaseURL("fake")+"/things", `{"a":1}`, h); err != nil {
		t.Fatal(err)
	}
	mustCall(t, "GET", s.BaseURL("other")+"/things/1", "")

	var all []requestView
	adminJSON(t, s, "GET", "requests", "", 200, &all)
	if len(all) != 2 {
		t.Fatalf("requests = %d", len(all))
	}
	var fake []requestView
	adminJSON(t, s, "GET", "requests?vendor=fake", "", 200, &fake)
	if len(fake) != 1 {
		t.Fatalf("fake requests = %d", len(fake))
	}
	r := fake[0]
	for _, k := range []string{"Authorization", "Ocp-Apim-Subscription-Key", "Api-Key"} {
		if got := r.Header[k]; len(got) != 1 || got[0] != Redacted {
			t.Errorf("%s = %v, want redacted", k, got)
		}
	}
	if r.Header["Accept"][0] != "application/json" || r.Body != `{"a":1}` || r.Route != "POST /things" || r.Status != 201 {
		t.Errorf("view %+v", r)
	}
	// The Go API keeps the credential, for tests that assert on it.
	if s.Requests("fake")[0].Header.Get("Authorization") != "Basic c2VjcmV0" {
		t.Error("Requests must keep headers as received")
	}

	adminJSON(t, s, "GET", "requests?vendor=nope", "", 400, nil)
	adminJSON(t, s, "DELETE", "requests", "", 204, nil)
	if len(s.Requests("")) != 0 {
		t.Error("DELETE /_sandbox/requests should empty the log")
	}
}

func TestAdmin_Stats(t *testing.T) {
	s := startServer(t)
	mustCall(t, "GET", s.BaseURL("fake")+"/things/1", "")
	var one map[string]routeStatsView
	adminJSON(t, s, "GET", "stats?vendor=fake", "", 200, &one)
	if st := one["GET /things/{id}"]; st.Calls != 1 || st.ByStatus["200"] != 1 {
		t.Errorf("stats %+v", one)
	}
	var all map[string]map[string]routeStatsView
	adminJSON(t, s, "GET", "stats", "", 200, &all)
	if all["fake"]["GET /things/{id}"].Calls != 1 || all["other"] == nil {
		t.Errorf("all stats %+v", all)
	}
	if _, counted := all["fake"][Unmatched]; counted {
		t.Error("admin calls must not be counted")
	}
}

func TestAdmin_Faults(t *testing.T) {
	s := startServer(t)
	var listed map[string][]Fault
	adminJSON(t, s, "PUT", "faults",
		`{"vendor":"fake","seed":3,"faults":[{"route":"GET /things/{id}","status":503,"retry_after":1,"times":1}]}`, 200, &listed)
	if len(listed["fake"]) != 1 || listed["fake"][0].Status != 503 {
		t.Errorf("listed %+v", listed)
	}
	resp, _ := mustCall(t, "GET", s.BaseURL("fake")+"/things/1", "")
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" {
		t.Errorf("fault not applied: %d", resp.StatusCode)
	}

	adminJSON(t, s, "PUT", "faults", `{"faults":[{"latency":"1ms"}]}`, 200, nil)
	adminJSON(t, s, "GET", "faults", "", 200, &listed)
	if len(listed[""]) != 1 {
		t.Errorf("global fault not listed: %+v", listed)
	}
	adminJSON(t, s, "DELETE", "faults", "", 204, nil)
	if len(s.Faults()) != 0 {
		t.Error("DELETE /_sandbox/faults should clear everything")
	}

	for _, bad := range []string{
		`{"vendor":"nope","faults":[]}`,
		`{"vendor":"fake","faults":[{"status":42}]}`,
		`{"vendor":"fake","faults":[{"route":"GET /x"}]}`,
		`{"vendor":"fake","faults":[{"status":500,"times":-1}]}`,
		`{"vendor":"fake","faults":[],"unknown":1}`,
		`not json`,
	} {
		adminJSON(t, s, "PUT", "faults", bad, 400, nil)
	}
}

func TestAdmin_StateAndSeed(t *testing.T) {
	s := startServer(t)
	adminJSON(t, s, "POST", "seed", `{"fake":{"x":true}}`, 204, nil)
	var state map[string]map[string]any
	adminJSON(t, s, "GET", "state", "", 200, &state)
	if state["fake"]["x"] != true {
		t.Errorf("state %+v", state)
	}
	var errBody map[string]string
	adminJSON(t, s, "POST", "seed", `{"elsewhere":{}}`, 400, &errBody)
	if !strings.Contains(errBody["error"], "elsewhere") {
		t.Errorf("error %v", errBody)
	}

	var vendors []map[string]string
	adminJSON(t, s, "GET", "vendors", "", 200, &vendors)
	if len(vendors) != 2 || vendors[0]["name"] != "fake" || vendors[0]["base_path"] != "/fake/api/v1" {
		t.Errorf("vendors %v", vendors)
	}
}

// The admin API masks credentials in bodies and query strings field by
// field, as it does in headers; the Go API keeps what was sent.
func TestAdmin_RequestsMaskBodiesAndQueries(t *testing.T) {
	s := startServer(t)
	sends := []struct {
		url, body, contentType string
	}{
		{s.BaseURL("fake") + "/things?api_key=query-key&page=2", `{"Username":"grace","Password":"body-password","Settings":{"Pin":"2468"}}`, "application/json"},
		{s.BaseURL("other") + "/things", "grant_type=client_credentials&client_secret=form-secret", "application/x-www-form-urlencoded"},
		{s.BaseURL("other") + "/things", strings.Repeat("opaque ", 100), "text/plain"},
	}
	for _, c := range sends {
		if _, _, err := call(t, "POST", c.url, c.body, http.Header{"Content-Type": {c.contentType}}); err != nil {
			t.Fatal(err)
		}
	}

	resp, data, err := call(t, "GET", s.URL()+AdminPrefix+"requests", "", adminHeader(s))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET requests: %v %v", resp, err)
	}
	for _, secret := range []string{"query-key", "body-password", "2468", "form-secret"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the admin log shows %q:\n%s", secret, data)
		}
	}
	var views []requestView
	if err := json.Unmarshal(data, &views); err != nil || len(views) != 3 {
		t.Fatalf("views %s (%v)", data, err)
	}
	if v := views[0]; v.Body != `{"Username":"grace","Password":"REDACTED","Settings":{"Pin":"REDACTED"}}` ||
		v.RawQuery != "api_key=REDACTED&page=2" || v.BodySize != len(sends[0].body) || v.BodyTruncated {
		t.Errorf("JSON request view %+v", v)
	}
	if v := views[1]; v.Body != "grant_type=client_credentials&client_secret=REDACTED" {
		t.Errorf("form request view %+v", v)
	}
	if v := views[2]; len(v.Body) != OpaqueBodyViewBytes || !v.BodyTruncated || v.BodySize != 700 {
		t.Errorf("text request view: body of %d bytes, truncated %v, size %d", len(v.Body), v.BodyTruncated, v.BodySize)
	}

	// The Go API keeps the requests as received, for tests that check what
	// the provider sent.
	got := s.Requests("")
	if string(got[0].Body) != sends[0].body || got[0].RawQuery != "api_key=query-key&page=2" || string(got[1].Body) != sends[1].body {
		t.Errorf("Requests changed what was received: %s %s %s", got[0].Body, got[0].RawQuery, got[1].Body)
	}
}
