package faulttest_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// boundedRetries is the max_retries of TestAccFaults_retriesAreBounded.
const boundedRetries = 2

// A vendor that is down for good ends the apply quickly: every call is
// tried 1 + max_retries times, no more, and the diagnostic names the vendor,
// the call (method and path) and the last status, or the timeout when the
// vendor never answers.
func TestAccFaults_retriesAreBounded(t *testing.T) {
	tests := []struct {
		name     string
		vendor   string
		resource string
		fault    sandbox.Fault
		timeout  string
		route    string // the one route the failing call uses
		status   int    // what the sandbox logs for each attempt
		want     func(sb *acctest.Sandbox) *regexp.Regexp
	}{
		{
			name: "qacomplete 503", vendor: "qacomplete", fault: sandbox.Fault{Status: 503}, timeout: "2s",
			resource: fmt.Sprintf(`
resource "saas_qacomplete_user" "down" {
  dept_id    = %d
  email      = "down@example.com"
  first_name = "Down"
  last_name  = "Vendor"
}
`, acctest.QACompleteDeptID),
			route: "GET /depts/{DeptId}/users", status: 503,
			want: func(*acctest.Sandbox) *regexp.Regexp {
				return words("Could not check for an existing QAComplete user",
					fmt.Sprintf("QAComplete API answered 503 Service Unavailable for GET /depts/%d/users", acctest.QACompleteDeptID))
			},
		},
		{
			name: "questionpro 503", vendor: "questionpro", fault: sandbox.Fault{Status: 503}, timeout: "2s",
			resource: `
resource "saas_questionpro_user" "down" {
  email_address = "down@example.com"
}
`,
			route: "GET /organizations/{organizationID}/users/search", status: 503,
			want: func(*acctest.Sandbox) *regexp.Regexp {
				return words("Could not check for an existing QuestionPro user",
					fmt.Sprintf("QuestionPro API answered 503 Service Unavailable for GET /organizations/%d/users/search", acctest.QuestionProOrganizationID))
			},
		},
		{
			name: "quickhelp 503", vendor: "quickhelp", fault: sandbox.Fault{Status: 503}, timeout: "2s",
			resource: `
resource "saas_quickhelp_user" "down" {
  email = "down@example.com"
}
`,
			route: "GET /User/List", status: 503,
			want: func(*acctest.Sandbox) *regexp.Regexp {
				return words("QuickHelp", "QuickHelp API answered 503 Service Unavailable for GET /User/List")
			},
		},
		{
			name: "twosms 503", vendor: "twosms", fault: sandbox.Fault{Status: 503}, timeout: "2s",
			resource: `
resource "saas_twosms_admin_user" "down" {
  username = "down"
}
`,
			route: "POST /Token", status: 503,
			want: func(sb *acctest.Sandbox) *regexp.Regexp {
				return words("Could not obtain a 2sms access token",
					"2sms's token endpoint POST "+sb.BaseURL("twosms")+"/Token answered HTTP 503 after 3 attempts")
			},
		},
		// A vendor that accepts connections and never answers: each attempt
		// ends at request_timeout.
		{
			name: "qacomplete hanging", vendor: "qacomplete", fault: sandbox.Fault{Latency: time.Hour}, timeout: "1s",
			resource: fmt.Sprintf(`
resource "saas_qacomplete_user" "down" {
  dept_id    = %d
  email      = "down@example.com"
  first_name = "Down"
  last_name  = "Vendor"
}
`, acctest.QACompleteDeptID),
			route: "GET /depts/{DeptId}/users", status: sandbox.StatusClientGone,
			want: func(*acctest.Sandbox) *regexp.Regexp {
				return words(fmt.Sprintf("QAComplete API call GET /depts/%d/users failed after 3 attempts", acctest.QACompleteDeptID),
					"no complete answer within the request timeout of 1s")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			sb.SetFaults(tt.vendor, tt.fault)
			var start time.Time
			var took time.Duration
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					PreConfig:   func() { start = time.Now() },
					Config:      sb.AllVendorsProvider(boundedRetries, tt.timeout) + tt.resource,
					ExpectError: tt.want(sb),
				}},
			})
			took = time.Since(start)
			// Three attempts of at most 2s each and two backoffs of at most
			// 0.5s and 1s make under 8s of waiting; the rest is the CLI's
			// plan and apply. A retry loop without bound would run for the
			// operation's 10-minute timeout.
			if took > 60*time.Second {
				t.Errorf("the failing apply took %s, want well under a minute", took.Round(time.Millisecond))
			}
			stats := sb.Stats(tt.vendor)
			st := stats[tt.route]
			if st.Calls != 1+boundedRetries || st.ByStatus[tt.status] != 1+boundedRetries {
				t.Errorf("%s got %d calls (by status %v), want exactly %d (1 + max_retries), all %d", tt.route, st.Calls, st.ByStatus, 1+boundedRetries, tt.status)
			}
			for route, other := range stats {
				if route != tt.route {
					t.Errorf("after the first call failed for good the provider still called %s (%d times)", route, other.Calls)
				}
			}
			t.Logf("%s: failed in %s after %d calls", tt.name, took.Round(time.Millisecond), st.Calls)
		})
	}
}
