package twosms_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// bare404 answers what a web server answers on a path it does not serve:
// a plain-text 404 without 2sms's envelope. With relay set, POST /Token is
// passed to it, so the token succeeds and only the API calls meet the 404.
func bare404(t *testing.T, relay string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if relay != "" && r.Method == http.MethodPost && strings.EqualFold(r.URL.Path, "/Token") {
			res, err := http.Post(relay+"/Token", r.Header.Get("Content-Type"), r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			defer func() { _ = res.Body.Close() }()
			w.Header().Set("Content-Type", res.Header.Get("Content-Type"))
			w.WriteHeader(res.StatusCode)
			_, _ = io.Copy(w, res.Body)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A base_url that answers a bare 404 is a misconfiguration, not proof that
// the user was deleted: the refresh fails naming base_url and the user stays
// in state, so going back to the right base URL plans nothing.
func TestAccTwoSMSAdminUser_wrongBaseURLKeepsState(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	body := `  username = "grace.hopper"`
	right := userConfig(sb, body)
	at := func(url string) string { return strings.Replace(right, sb.BaseURL("twosms"), url, 1) }
	everything404 := bare404(t, "")
	api404 := bare404(t, sb.BaseURL("twosms"))
	if at(api404.URL) == right {
		t.Fatal("the provider block does not carry the sandbox's base URL")
	}
	stillThere := resource.TestCheckResourceAttr(userAddr, "id", graceID)
	emptyPlan := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: right},
			{
				Config:      at(api404.URL),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Could not tell whether the 2sms user still exists[\s\S]*twosms\.base_url\s+\(or\s+TWOSMS_BASE_URL`),
			},
			{Config: right, ConfigPlanChecks: emptyPlan, Check: stillThere},
			{
				Config:      at(everything404.URL),
				PlanOnly:    true,
				ExpectError: words(`twosms.base_url (or TWOSMS_BASE_URL`),
			},
			{Config: right, ConfigPlanChecks: emptyPlan, Check: stillThere},
		},
	})
}
