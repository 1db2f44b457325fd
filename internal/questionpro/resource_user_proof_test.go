package questionpro_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// wrongServer is a web server at which a wrong questionpro.base_url could
// point: it answers every request with handler and remembers the methods it
// was sent, so a test can tell that nothing was written through it.
type wrongServer struct {
	*httptest.Server
	mu      sync.Mutex
	methods []string
}

func startWrongServer(t *testing.T, handler http.HandlerFunc) *wrongServer {
	t.Helper()
	w := &wrongServer{}
	w.Server = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.mu.Lock()
		w.methods = append(w.methods, r.Method)
		w.mu.Unlock()
		handler(rw, r)
	}))
	t.Cleanup(w.Close)
	return w
}

// writes are the calls other than GET the server was sent.
func (w *wrongServer) writes() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for _, m := range w.methods {
		if m != http.MethodGet {
			out = append(out, m)
		}
	}
	return out
}

// atURL is cfg with the sandbox's QuestionPro base URL replaced by url.
func atURL(t *testing.T, sb *acctest.Sandbox, cfg, url string) string {
	t.Helper()
	sbURL := sb.BaseURL(qpsandbox.Descriptor.Vendor)
	if !strings.Contains(cfg, sbURL) {
		t.Fatalf("the configuration does not name the sandbox's base URL %s", sbURL)
	}
	return strings.ReplaceAll(cfg, sbURL, url)
}

func jsonAnswer(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = fmt.Fprint(w, body)
	}
}

// userStillInState checks the user is in state and in the sandbox.
func userStillInState(t *testing.T, sb *acctest.Sandbox) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if s.RootModule().Resources[userAddr] == nil {
			return fmt.Errorf("%s left state", userAddr)
		}
		if sandboxUser(t, sb, "grace@example.com") == nil {
			return fmt.Errorf("the user left the sandbox")
		}
		return nil
	}
}

// A base_url that reaches a web server answering a bare 404 to everything
// (Go's "404 page not found", text/plain) is not proof that the user was
// deleted: the refresh fails naming base_url, state keeps the user, and back
// at the right address the plan is empty. The same holds when the server
// answers QuestionPro's own not-found to every call, list included, since
// nothing then shows the API answers there.
func TestAccQuestionProUser_wrongBaseURLKeepsState(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, graceBody)
	bare := startWrongServer(t, http.NotFound)
	notFoundEverywhere := startWrongServer(t, jsonAnswer(http.StatusNotFound,
		`{"response":{"error":{"docs":"https://www.questionpro.com/api/error-codes.html","name":"NOT_FOUND","httpStatusCode":404,"id":1040,"message":"The resource that you're trying to access doesn't exist"}}}`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				Config:      atURL(t, sb, cfg, bare.URL),
				ExpectError: words("Could not confirm that the QuestionPro user was deleted", "404 without QuestionPro's error envelope", "questionpro.base_url", "QUESTIONPRO_BASE_URL", "state was left unchanged"),
			},
			{Config: cfg, PlanOnly: true, Check: userStillInState(t, sb)},
			{
				Config:      atURL(t, sb, cfg, notFoundEverywhere.URL),
				ExpectError: words("answered QuestionPro's not-found", "listing the users of organization 1001", "failed", "questionpro.base_url"),
			},
			{Config: cfg, PlanOnly: true, Check: userStillInState(t, sb)},
		},
	})
	if w := append(bare.writes(), notFoundEverywhere.writes()...); len(w) != 0 {
		t.Errorf("the wrong servers were sent writes: %v", w)
	}
}

// A 2xx answer without the user (a null response, an empty object) or with
// another user than the one asked for is an error, and no update is built
// from it: a rename planned against such a server sends no PUT, and state
// keeps the user.
func TestAccQuestionProUser_answerWithoutTheUser(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, graceBody)
	renamed := userConfig(sb, graceBody+`  first_name = "Grace"
`)
	null := startWrongServer(t, jsonAnswer(http.StatusOK, `{"response":null}`))
	empty := startWrongServer(t, jsonAnswer(http.StatusOK, `{"response":{}}`))
	other := startWrongServer(t, jsonAnswer(http.StatusOK, `{"response":{"userID":99999999,"emailAddress":"someone@example.com","organizationID":1001}}`))
	html := startWrongServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = fmt.Fprint(w, "<html><body>Welcome</body></html>")
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{Config: atURL(t, sb, renamed, null.URL), ExpectError: words("with a 2xx status but no user object")},
			{Config: cfg, PlanOnly: true, Check: userStillInState(t, sb)},
			{Config: atURL(t, sb, renamed, empty.URL), ExpectError: words("a user object without a userID")},
			{Config: atURL(t, sb, renamed, other.URL), ExpectError: words("with user 99999999 instead of user")},
			{Config: atURL(t, sb, renamed, html.URL), ExpectError: words("not the JSON", "questionpro.base_url")},
			{Config: cfg, PlanOnly: true, Check: userStillInState(t, sb)},
		},
	})
	for _, s := range []*wrongServer{null, empty, other, html} {
		if w := s.writes(); len(w) != 0 {
			t.Errorf("a server that answered without the user was sent writes: %v", w)
		}
	}
}
