package quickhelp_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// A user leaves state only when QuickHelp's own, complete user list lacks
// it. A base URL pointing at something else (a web server's bare 404, a 200
// page that is not the list, a list that ends short of its total) is an
// error naming base_url, and the user stays in state: back at the right
// base URL the plan is empty.
func TestAccQuickHelpUser_wrongBaseURLKeepsState(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)

	// The impostor starts as Go's http.NotFound does: a bare text/plain
	// "404 page not found".
	type reply struct {
		status            int
		contentType, body string
	}
	var answer atomic.Pointer[reply]
	answer.Store(&reply{http.StatusNotFound, "text/plain; charset=utf-8", "404 page not found\n"})
	impostor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		r := answer.Load()
		w.Header().Set("Content-Type", r.contentType)
		w.WriteHeader(r.status)
		_, _ = w.Write([]byte(r.body))
	}))
	t.Cleanup(impostor.Close)
	answerWith := func(status int, contentType, body string) func() {
		return func() { answer.Store(&reply{status, contentType, body}) }
	}

	body := fmt.Sprintf("  user_id = %d\n  first_name = \"Grace\"", grace.UserID)
	right := userConfig(sb, body)
	if !strings.Contains(right, sb.BaseURL("quickhelp")) {
		t.Fatalf("the provider block does not carry the sandbox's base URL:\n%s", right)
	}
	wrong := strings.Replace(right, sb.BaseURL("quickhelp"), impostor.URL, 1)
	stillThere := []statecheck.StateCheck{statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(grace.UserID)))}
	backHome := resource.TestStep{Config: right, PlanOnly: true, ConfigStateChecks: stillThere}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: right, ConfigStateChecks: stillThere},
			{
				Config:      wrong,
				ExpectError: words("404 Not Found", "no QuickHelp error envelope", "quickhelp.base_url (or QUICKHELP_BASE_URL)", "state was left unchanged"),
			},
			backHome,
			{
				PreConfig:   answerWith(http.StatusOK, "text/html", "<html><body>Welcome</body></html>"),
				Config:      wrong,
				ExpectError: words("not the JSON expected", "quickhelp.base_url (or QUICKHELP_BASE_URL)"),
			},
			backHome,
			{
				PreConfig:   answerWith(http.StatusOK, "application/json", `{"status":"ok"}`),
				Config:      wrong,
				ExpectError: words("neither records nor totalCount", "not the Customer API's user list", "quickhelp.base_url (or QUICKHELP_BASE_URL)"),
			},
			backHome,
			{
				PreConfig:   answerWith(http.StatusOK, "application/json", `{"records":[],"totalCount":1,"page":1,"pageSize":100}`),
				Config:      wrong,
				ExpectError: words("claimed 1 users but the walk ended on page 1 with 0", "quickhelp.base_url (or QUICKHELP_BASE_URL)"),
			},
			backHome,
		},
	})
}
