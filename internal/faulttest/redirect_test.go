package faulttest_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// redirectReads is, per vendor, a data source read (the provider's first
// request to that vendor) and the summary of the diagnostic it ends in.
var redirectReads = map[string]struct{ config, summary string }{
	"qacomplete": {fmt.Sprintf(`
data "saas_qacomplete_user" "r" {
  dept_id = %d
  user_id = 1
}
`, acctest.QACompleteDeptID), "Could not read the QAComplete user"},
	"questionpro": {`
data "saas_questionpro_user" "r" {
  user_id = 1
}
`, "Could not read the QuestionPro user"},
	"quickhelp": {`
data "saas_quickhelp_user" "r" {
  email = "redirected@example.com"
}
`, "Could not read the QuickHelp user"},
	"twosms": {`
data "saas_twosms_admin_user" "r" {
  user_id = "9ace0000-0000-4000-8000-000000000001"
}
`, "Could not obtain a 2sms access token"},
}

// recordingServer counts the requests it receives and keeps what they
// carried, so a test can show what reached it.
type recordingServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newRecordingServer(t *testing.T, answer http.HandlerFunc) *recordingServer {
	t.Helper()
	s := &recordingServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, fmt.Sprintf("%s %s headers=%v body=%q", r.Method, r.URL.RequestURI(), r.Header, body))
		s.mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *recordingServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

// A base URL that answers every request with a redirect to another host
// (a hijacked DNS name, a misconfigured proxy, a typo landing on a
// redirector) must not get any vendor's credentials sent there: API keys in
// custom headers, Basic passwords, and the 2sms client secret in the token
// request's form body. For each vendor, a read through the real CLI ends in
// an error that names the refused redirect, and the other host receives no
// request at all.
func TestAccFaults_redirectToAnotherHostGetsNoCredentials(t *testing.T) {
	for _, d := range emulators.All() {
		read, ok := redirectReads[d.Vendor]
		if !ok {
			t.Fatalf("no read is given for vendor %q: add one to redirectReads", d.Vendor)
		}
		t.Run(d.Vendor, func(t *testing.T) {
			elsewhere := newRecordingServer(t, func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusOK)
			})
			redirector := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, elsewhere.URL+r.URL.RequestURI(), http.StatusTemporaryRedirect)
			})
			elsewhereHost := strings.TrimPrefix(elsewhere.URL, "http://")

			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config: redirectProvider(d, redirector.URL+d.BasePath) + read.config,
					ExpectError: words(read.summary,
						"refusing to follow a redirect to http://"+elsewhereHost+", which would send the credentials to another host"),
				}},
			})

			if got := elsewhere.requests(); len(got) != 0 {
				t.Errorf("the other host received %d requests:\n%s", len(got), strings.Join(got, "\n"))
			}
			// Otherwise the test would prove nothing.
			if len(redirector.requests()) == 0 {
				t.Error("the provider never called the redirecting base URL")
			}
		})
	}
}

// redirectProvider is a provider block with the vendor's sandbox settings
// (credentials and ids) but baseURL as its base_url.
func redirectProvider(d sandbox.Descriptor, baseURL string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "provider \"saas\" {\n  max_retries     = 2\n  request_timeout = \"10s\"\n  %s {\n", d.Vendor)
	for _, s := range d.SettingsAt(baseURL) {
		fmt.Fprintf(&b, "    %s = %s\n", s.Attribute, s.HCL())
	}
	b.WriteString("  }\n}\n")
	return b.String()
}
