package qacomplete_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

const (
	routeList = "GET /depts/{DeptId}/users"
	routeGet  = "GET /depts/{DeptId}/users/{UserId}"
)

// bulkConfig is 10 users in "a", renamed when renamed is set, and 50 in
// "b", all in one department; withData adds data sources that read users
// the same apply writes.
func bulkConfig(sb *acctest.Sandbox, renamed, withData bool) string {
	first := "Bulk"
	if renamed {
		first = "Renamed"
	}
	cfg := sb.QACompleteProvider() + fmt.Sprintf(`
resource "saas_qacomplete_user" "a" {
  count      = 10
  dept_id    = %[1]d
  email      = "bulk-a${count.index}@example.com"
  first_name = %[2]q
  last_name  = "A${count.index}"
}

resource "saas_qacomplete_user" "b" {
  count      = 50
  dept_id    = %[1]d
  email      = "bulk-b${count.index}@example.com"
  first_name = "Bulk"
  last_name  = "B${count.index}"
}
`, acctest.QACompleteDeptID, first)
	if withData {
		cfg += fmt.Sprintf(`
data "saas_qacomplete_user" "written" {
  dept_id = %[1]d
  user_id = saas_qacomplete_user.a[0].user_id
}

data "saas_qacomplete_users" "all" {
  dept_id    = %[1]d
  depends_on = [saas_qacomplete_user.a, saas_qacomplete_user.b]
}
`, acctest.QACompleteDeptID)
	}
	return cfg
}

// deptCalls counts what the sandbox's QAComplete answered since the last
// reset: list calls and GETs of one user.
func deptCalls(sb *acctest.Sandbox) (lists, gets, all int) {
	for _, r := range sb.Requests("qacomplete") {
		all++
		switch r.Route {
		case routeList:
			lists++
		case routeGet:
			gets++
		}
	}
	return lists, gets, all
}

// stateAttr is one attribute of one resource in state.
func stateAttr(s *terraform.State, addr, attr string) (string, bool) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", false
	}
	return rs.Primary.Attributes[attr], true
}

// maxBurstCalls is what a refresh of one department's 60 users may cost: the
// reads before the burst is recognised, the walk (one page at limit=1000)
// and a few reads that raced the walk.
const maxBurstCalls = 10

// A refresh of 60 users of one department costs a handful of calls, not 60;
// a change made outside Terraform is still seen on every user; a user
// deleted outside Terraform leaves state only after its own GET proved it
// gone; and an apply that writes users while data sources read them leaves
// the data sources showing what it wrote, and an empty plan after.
func TestAccQACompleteUser_refreshBurstFromList(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var deletedID int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: bulkConfig(sb, false, false)},
			{
				// (a) the refresh of 60 users shares one walk.
				PreConfig:    sb.ResetRequests,
				RefreshState: true,
				Check: func(*terraform.State) error {
					lists, gets, all := deptCalls(sb)
					t.Logf("refreshing 60 users: %d calls (%d list calls, %d GETs)", all, lists, gets)
					if all > maxBurstCalls || lists != 1 {
						return fmt.Errorf("refreshing 60 users cost %d calls (%d list calls, %d GETs); want at most %d, with one walk of the list", all, lists, gets, maxBurstCalls)
					}
					return nil
				},
			},
			{
				// (b) a change made outside Terraform, to every user of "b",
				// shows in state for each: the users answered from the
				// walk show it as well as those read directly.
				PreConfig: func() {
					for _, u := range sb.QAComplete.Users(acctest.QACompleteDeptID) {
						if u.LastName[0] == 'B' {
							if err := sb.QAComplete.SetUserField(u.ID, "first_name", "Drifted"); err != nil {
								t.Fatal(err)
							}
						}
					}
					sb.ResetRequests()
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					for i := range 50 {
						addr := fmt.Sprintf("saas_qacomplete_user.b.%d", i)
						if got, _ := stateAttr(s, addr, "first_name"); got != "Drifted" {
							return fmt.Errorf("%s: first_name %q in state after the refresh; want the outside change %q", addr, got, "Drifted")
						}
					}
					if _, _, all := deptCalls(sb); all > maxBurstCalls {
						return fmt.Errorf("the refresh cost %d calls; want at most %d", all, maxBurstCalls)
					}
					return nil
				},
			},
			{
				// (c) a user deleted outside Terraform is missing from the
				// walk, so it is read directly: its GET answers QAComplete's
				// not-found, and only then does it leave state.
				PreConfig: func() {
					deletedID = sandboxUser(t, sb, "bulk-b30@example.com").ID
					sb.QAComplete.DeleteUserHard(deletedID)
					sb.ResetRequests()
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					if _, ok := stateAttr(s, "saas_qacomplete_user.b.30", "id"); ok {
						return fmt.Errorf("the user deleted outside Terraform is still in state")
					}
					if _, ok := stateAttr(s, "saas_qacomplete_user.b.29", "id"); !ok {
						return fmt.Errorf("a user that exists left state")
					}
					proof := false
					for _, r := range sb.Requests("qacomplete") {
						if r.Route == routeGet && r.Status == http.StatusNotFound && strings.HasSuffix(r.Path, "/users/"+strconv.Itoa(deletedID)) {
							proof = true
						}
					}
					if !proof {
						return fmt.Errorf("the deleted user left state without a direct GET answering 404")
					}
					return nil
				},
			},
			{
				// (d), (e) the apply creates the deleted user again, undoes
				// the drift of "b" and renames "a", while data sources
				// read the users it writes: they show what was written.
				PreConfig: sb.ResetRequests,
				Config:    bulkConfig(sb, true, true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.written", tfjsonpath.New("first_name"), knownvalue.StringExact("Renamed")),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(60)),
				},
				Check: func(s *terraform.State) error {
					rs := s.RootModule().Resources["data.saas_qacomplete_users.all"]
					names := map[string]string{}
					n, _ := strconv.Atoi(rs.Primary.Attributes["users.#"])
					for i := range n {
						names[rs.Primary.Attributes[fmt.Sprintf("users.%d.email", i)]] = rs.Primary.Attributes[fmt.Sprintf("users.%d.first_name", i)]
					}
					for i := range 10 {
						if got := names[fmt.Sprintf("bulk-a%d@example.com", i)]; got != "Renamed" {
							return fmt.Errorf("the users data source shows bulk-a%d as %q; want the name the apply wrote, Renamed", i, got)
						}
					}
					for i := range 50 {
						if got := names[fmt.Sprintf("bulk-b%d@example.com", i)]; got != "Bulk" {
							return fmt.Errorf("the users data source shows bulk-b%d as %q; want the name the apply wrote back, Bulk", i, got)
						}
					}
					return nil
				},
			},
		},
	})
}

// A refresh of three users reads each one directly and walks no list.
func TestAccQACompleteUser_refreshFewReadsDirectly(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := sb.QACompleteProvider() + fmt.Sprintf(`
resource "saas_qacomplete_user" "few" {
  count      = 3
  dept_id    = %d
  email      = "few${count.index}@example.com"
  first_name = "Few"
  last_name  = "F${count.index}"
}
`, acctest.QACompleteDeptID)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig:    sb.ResetRequests,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if lists, gets, all := deptCalls(sb); lists != 0 || gets != 3 || all != 3 {
						return fmt.Errorf("refreshing 3 users cost %d calls (%d list calls, %d GETs); want 3 GETs and no list call", all, lists, gets)
					}
					return nil
				},
			},
		},
	})
}

// Creating 60 users in a department whose QAComplete refuses the e-mail
// filter (the emulator's default reading) stops asking the filter after its
// first refusal, and looks e-mails up in walks of the department that
// lookups made together share: about two calls per user (the POST and the
// read of the new user) and a share of the walks, where each lookup used to
// cost a refused filter and a walk of its own, twice per user.
func TestAccQACompleteUser_bulkCreateSharesLookups(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const users = 60
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: sb.ResetRequests,
			Config:    bulkConfig(sb, false, false),
			Check: func(*terraform.State) error {
				var refused, walks, posts, gets, all int
				for _, r := range sb.Requests("qacomplete") {
					all++
					switch {
					case r.Route == routeList && strings.Contains(r.RawQuery, "filter="):
						if r.Status == http.StatusBadRequest {
							refused++
						}
					case r.Route == routeList:
						walks++
					case r.Method == http.MethodPost:
						posts++
					case r.Route == routeGet:
						gets++
					}
				}
				t.Logf("creating %d users: %d calls (%d refused filters, %d walks, %d POSTs, %d GETs)", users, all, refused, walks, posts, gets)
				// The lookups already asking when the first refusal came
				// (Terraform runs ten operations at a time) are refused
				// too; none after.
				if refused > 10 {
					return fmt.Errorf("the e-mail filter was refused %d times; want at most once per create in flight when it was first refused (10), then never asked again", refused)
				}
				if posts != users {
					return fmt.Errorf("%d POSTs for %d users", posts, users)
				}
				if walks >= users {
					return fmt.Errorf("%d walks of the department for %d creates; want lookups made together to share walks (fewer than one per user)", walks, users)
				}
				return nil
			},
		}},
	})
}
