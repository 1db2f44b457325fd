package qacomplete_test

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
)

// elsewhere is a web server that is not QAComplete: it answers every request
// with answer and records the requests that would change something.
type elsewhere struct {
	*httptest.Server
	mu     sync.Mutex
	writes []string
}

func startElsewhere(t *testing.T, answer http.HandlerFunc) *elsewhere {
	t.Helper()
	e := &elsewhere{}
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			e.mu.Lock()
			e.writes = append(e.writes, r.Method+" "+r.URL.Path)
			e.mu.Unlock()
		}
		answer(w, r)
	}))
	t.Cleanup(e.Close)
	return e
}

func (e *elsewhere) sawWrites() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.writes...)
}

// pointedAt is cfg with the QAComplete base URL moved to server, at the
// path a real QAComplete uses.
func pointedAt(t *testing.T, sb *acctest.Sandbox, cfg, server string) string {
	t.Helper()
	right := sb.BaseURL("qacomplete")
	if !strings.Contains(cfg, right) {
		t.Fatalf("the configuration does not hold the sandbox's base URL %s", right)
	}
	return strings.ReplaceAll(cfg, right, server+"/rest-api/service/api/v1")
}

// A base URL that reaches a web server answering a bare 404 to everything
// is not proof that the user is gone: the refresh fails naming base_url,
// and the user stays in state, so going back to the right URL plans no
// change.
func TestAccQACompleteUser_bare404KeepsState(t *testing.T) {
	sb := acctest.StartSandbox(t)
	wrong := startElsewhere(t, http.NotFound) // "404 page not found", text/plain
	cfg := userConfig(sb, graceBody)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				Config:      pointedAt(t, sb, cfg, wrong.URL),
				ExpectError: words("Cannot tell whether the QAComplete user still exists", "404 page not found", "qacomplete.base_url", "QACOMPLETE_BASE_URL"),
			},
			{Config: cfg, PlanOnly: true},
			{
				Config: cfg,
				Check: func(*terraform.State) error {
					if w := wrong.sawWrites(); len(w) != 0 {
						return fmt.Errorf("nothing may be written at the wrong base URL, it saw %v", w)
					}
					if n := len(sb.QAComplete.Users(acctest.QACompleteDeptID)); n != 1 {
						return fmt.Errorf("the department must still hold the one user, it has %d", n)
					}
					return nil
				},
			},
		},
	})
}

// A 200 without the user object is an error, not a blank user: nothing is
// written from it, and the state is unchanged.
func TestAccQACompleteUser_okWithoutUserIsError(t *testing.T) {
	sb := acctest.StartSandbox(t)
	empty := startElsewhere(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write([]byte(`{}`))
	})
	cfg := userConfig(sb, graceBody)
	changed := userConfig(sb, strings.Replace(graceBody, `"Grace"`, `"Gracie"`, 1))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				Config:      pointedAt(t, sb, changed, empty.URL),
				ExpectError: words("200 OK", "no user object"),
			},
			{
				Config:   cfg,
				PlanOnly: true,
			},
			{
				Config: cfg,
				Check: func(*terraform.State) error {
					if w := empty.sawWrites(); len(w) != 0 {
						return fmt.Errorf("no write may be built from an answer without the user, the server saw %v", w)
					}
					return nil
				},
			},
		},
	})
}
