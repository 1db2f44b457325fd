package questionpro_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// snapProvider gives the test its own administrator key with the client-side
// cap lifted: the cap is shared by every client of the process holding the
// same key, and creating dozens of users at QuestionPro's real pace would
// slow every other test using the default key.
func snapProvider(t *testing.T, sb *acctest.Sandbox) string {
	t.Helper()
	var seed qpsandbox.SeedData
	if err := json.Unmarshal(qpsandbox.DefaultSeed(), &seed); err != nil {
		t.Fatal(err)
	}
	key := "sandbox-questionpro-" + t.Name()
	seed.APIKeys = append(seed.APIKeys, qpsandbox.SeedAPIKey{Key: key, OrganizationID: acctest.QuestionProOrganizationID, UserID: qpsandbox.DefaultAdminUserID, Admin: true})
	raw, err := json.Marshal(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := sb.QuestionPro.Seed(raw); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf(`
provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  questionpro {
    base_url            = %q
    api_key             = %q
    organization_id     = %d
    requests_per_second = 1000
  }
}
`, sb.BaseURL("questionpro"), key, acctest.QuestionProOrganizationID)
}

// bulkUsers is count users of the Research department, snap<i>@example.com,
// and one more, "one", to import.
func bulkUsers(count int, firstName string) string {
	return oneUser + fmt.Sprintf(`
resource "saas_questionpro_user" "bulk" {
  count         = %d
  email_address = "snap${count.index}@example.com"
  first_name    = %s
  last_name     = "Bulk ${count.index}"
  department_id = %d
}
`, count, firstName, acctest.QuestionProResearchDeptID)
}

const oneUser = `
resource "saas_questionpro_user" "one" {
  email_address = "one@example.com"
}
`

// callCount sorts the calls of the request log: direct reads of one user by
// id, list calls (pages of a walk and one-user probes) and the rest.
type callCount struct {
	gets  map[string]int // user id -> GET /users/{id} answers, by status
	get   int
	lists int
	all   int
	log   []string
}

func countCalls(reqs []sandbox.Request) callCount {
	c := callCount{gets: map[string]int{}}
	for _, r := range reqs {
		c.all++
		c.log = append(c.log, fmt.Sprintf("%s %s?%s -> %d", r.Method, r.Path, r.RawQuery, r.Status))
		switch r.Route {
		case "GET /users/{userID}":
			c.get++
			c.gets[r.Path[strings.LastIndex(r.Path, "/")+1:]] = r.Status
		case "GET /organizations/{organizationID}/users", "GET /organizations/{organizationID}/departments/{departmentID}/users":
			c.lists++
		}
	}
	return c
}

func (c callCount) String() string { return strings.Join(c.log, "\n") }

// userIDOf is the sandbox id of the user with that e-mail, as a string.
func userIDOf(t *testing.T, sb *acctest.Sandbox, email string) string {
	t.Helper()
	u := sandboxUser(t, sb, email)
	if u == nil {
		t.Fatalf("the sandbox has no user %s", email)
	}
	return fmt.Sprint(u.UserID)
}

// A refresh of 60 users of one department costs a few direct reads and one
// walk of the department's list, not 60 reads (QuestionPro allows 300
// calls a minute); a user changed outside Terraform shows its drift from
// that walk; a user deleted outside Terraform during the burst leaves state
// only after its own direct read answered QuestionPro's not-found and a list
// call confirmed the API answers.
func TestAccQuestionProUser_snapshotBurstRefresh(t *testing.T) {
	const n = 60
	sb := acctest.StartSandbox(t)
	cfg := snapProvider(t, sb) + bulkUsers(n, `"User"`)
	changed := []int{3, 11, 17, 23, 29, 35, 41, 47, 53, 59}
	const deleted = 30
	var deletedID string
	changedIDs := map[string]int{}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_questionpro_user.bulk[59]", tfjsonpath.New("department_id"), knownvalue.Int64Exact(acctest.QuestionProResearchDeptID)),
				},
			},
			{
				// The refresh plan of this step is the only command that
				// reads the users: its non-refresh plan reads nothing.
				PreConfig: sb.ResetRequests,
				Config:    cfg,
				PlanOnly:  true,
			},
			{
				PreConfig: func() {
					c := countCalls(sb.Requests("questionpro"))
					t.Logf("refresh of %d users: %d calls (%d direct reads, %d list calls)", n, c.all, c.get, c.lists)
					if c.all > 10 || c.lists < 1 {
						t.Errorf("a refresh of %d users of one department should cost at most 10 calls, with one walk of its list; it cost %d:\n%s", n, c.all, c)
					}
					for _, i := range changed {
						id := userIDOf(t, sb, fmt.Sprintf("snap%d@example.com", i))
						changedIDs[id] = i
						if err := sb.QuestionPro.SetUserField(mustAtoi(t, id), "firstName", "Changed"); err != nil {
							t.Fatal(err)
						}
					}
					deletedID = userIDOf(t, sb, fmt.Sprintf("snap%d@example.com", deleted))
					sb.QuestionPro.DeleteUserHard(mustAtoi(t, deletedID))
					sb.ResetRequests()
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					c := countCalls(sb.Requests("questionpro"))
					res := s.RootModule().Resources
					fromWalk := 0
					for id, i := range changedIDs {
						r := res[fmt.Sprintf("saas_questionpro_user.bulk.%d", i)]
						if r == nil || r.Primary.Attributes["first_name"] != "Changed" {
							return fmt.Errorf("user %s (bulk[%d]) was renamed outside Terraform; the refresh should show first_name \"Changed\", state has %v", id, i, r)
						}
						if _, direct := c.gets[id]; !direct {
							fromWalk++
						}
					}
					if fromWalk == 0 {
						return fmt.Errorf("every renamed user was read directly, so no drift was seen from the walk:\n%s", c)
					}
					if res[fmt.Sprintf("saas_questionpro_user.bulk.%d", deleted)] != nil {
						return fmt.Errorf("user %s was deleted outside Terraform and should have left state", deletedID)
					}
					if c.gets[deletedID] != 404 {
						return fmt.Errorf("user %s left state without its own GET answering 404:\n%s", deletedID, c)
					}
					if c.all > 12 {
						return fmt.Errorf("the refresh cost %d calls:\n%s", c.all, c)
					}
					return nil
				},
			},
			{
				// Back to the configuration: the deleted user is created
				// again and the renamed ones renamed back.
				Config: cfg,
				Check: func(*terraform.State) error {
					for _, i := range append(changed, deleted) {
						u := sandboxUser(t, sb, fmt.Sprintf("snap%d@example.com", i))
						if u == nil || u.FirstName != "User" {
							return fmt.Errorf("bulk[%d] should be back to first_name User in QuestionPro, it is %+v", i, u)
						}
					}
					return nil
				},
			},
			{ResourceName: "saas_questionpro_user.one", ImportState: true, ImportStateVerify: true},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// A refresh of three users reads each one directly and walks no list.
func TestAccQuestionProUser_snapshotHandfulReadsDirectly(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := snapProvider(t, sb) + bulkUsers(2, `"User"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_questionpro_user.bulk[1]", tfjsonpath.New("email_address"), knownvalue.StringExact("snap1@example.com")),
				},
			},
			{PreConfig: sb.ResetRequests, Config: cfg, PlanOnly: true},
			{
				PreConfig: func() {
					c := countCalls(sb.Requests("questionpro"))
					if c.get != 3 || c.lists != 0 || c.all != 3 {
						t.Errorf("a refresh of 3 users should be 3 direct reads and no list call:\n%s", c)
					}
				},
				ResourceName: "saas_questionpro_user.one", ImportState: true, ImportStateVerify: true,
			},
		},
	})
}

// In one apply, users are renamed while data sources read their peers, and
// a list of their department read after the renames (depends_on) shows the
// new names: that list is served from the walk an earlier data source of
// the same apply made before the renames, with the provider's own writes
// applied to it. The plan after is empty.
func TestAccQuestionProUser_snapshotWritesInBurst(t *testing.T) {
	const n = 30
	sb := acctest.StartSandbox(t)
	provider := snapProvider(t, sb)
	config := func(renamed string) string {
		return provider + fmt.Sprintf(`
resource "saas_questionpro_user" "first" {
  email_address = "first@example.com"
  first_name    = %[1]q
  department_id = %[2]d
}

# Read in the apply, after "first" changed and before "bulk" does: its walk
# is the snapshot the later reads of the department share.
data "saas_questionpro_users" "early" {
  department_id = %[2]d
  depends_on    = [saas_questionpro_user.first]
}

resource "saas_questionpro_user" "bulk" {
  count         = %[3]d
  email_address = "snap${count.index}@example.com"
  first_name    = count.index < 8 ? %[1]q : "User"
  department_id = %[2]d
  depends_on    = [data.saas_questionpro_users.early]
}
`+oneUser+`

# Read while bulk[0..7] are being renamed.
data "saas_questionpro_user" "peers" {
  count      = 10
  user_id    = saas_questionpro_user.bulk[20 + count.index].user_id
  depends_on = [saas_questionpro_user.first]
}

data "saas_questionpro_users" "research" {
  department_id = %[2]d
  depends_on    = [saas_questionpro_user.bulk]
}

output "research_names" {
  value = { for u in data.saas_questionpro_users.research.users : u.email_address => u.first_name }
}
`, renamed, acctest.QuestionProResearchDeptID, n)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config("User"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValueAtPath("research_names", tfjsonpath.New("snap0@example.com"), knownvalue.StringExact("User")),
				},
			},
			{
				Config: config("Renamed"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_questionpro_user.bulk[7]", tfjsonpath.New("first_name"), knownvalue.StringExact("Renamed")),
					statecheck.ExpectKnownValue("data.saas_questionpro_user.peers[9]", tfjsonpath.New("first_name"), knownvalue.StringExact("User")),
					statecheck.ExpectKnownOutputValueAtPath("research_names", tfjsonpath.New("snap0@example.com"), knownvalue.StringExact("Renamed")),
					statecheck.ExpectKnownOutputValueAtPath("research_names", tfjsonpath.New("snap7@example.com"), knownvalue.StringExact("Renamed")),
					statecheck.ExpectKnownOutputValueAtPath("research_names", tfjsonpath.New("snap8@example.com"), knownvalue.StringExact("User")),
				},
				Check: func(s *terraform.State) error {
					// The early walk saw "first" renamed and bulk not yet.
					early := listedNames(s, "data.saas_questionpro_users.early")
					if early["first@example.com"] != "Renamed" || early["snap0@example.com"] != "User" {
						return fmt.Errorf("the early list should show first renamed and bulk[0] not yet: %v", early)
					}
					for i := range n {
						want := "User"
						if i < 8 {
							want = "Renamed"
						}
						if u := sandboxUser(t, sb, fmt.Sprintf("snap%d@example.com", i)); u == nil || u.FirstName != want {
							return fmt.Errorf("bulk[%d] should have first_name %s in QuestionPro, it is %+v", i, want, u)
						}
					}
					return nil
				},
			},
			{ResourceName: "saas_questionpro_user.one", ImportState: true, ImportStateVerify: true},
			{Config: config("Renamed"), PlanOnly: true},
		},
	})
}

// listedNames is e-mail -> first_name of a users data source in state.
func listedNames(s *terraform.State, addr string) map[string]string {
	out := map[string]string{}
	r := s.RootModule().Resources[addr]
	if r == nil {
		return out
	}
	a := r.Primary.Attributes
	for i := 0; ; i++ {
		email, ok := a[fmt.Sprintf("users.%d.email_address", i)]
		if !ok {
			return out
		}
		out[email] = a[fmt.Sprintf("users.%d.first_name", i)]
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Import blocks by e-mail share one walk of the organization's list rather
// than one search each; only the user id comes from it, and each imported
// user is then read whole.
func TestAccQuestionProUser_importByEmailSharesOneWalk(t *testing.T) {
	const n = 6
	sb := acctest.StartSandbox(t)
	cfg := snapProvider(t, sb) + oneUser
	for i := range n {
		sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: acctest.QuestionProDepartmentID, EmailAddress: fmt.Sprintf("imp%d@example.com", i), FirstName: "Imported"})
		cfg += fmt.Sprintf(`
import {
  to = saas_questionpro_user.imp[%[1]d]
  id = "imp%[1]d@example.com"
}
`, i)
	}
	cfg += fmt.Sprintf(`
resource "saas_questionpro_user" "imp" {
  count         = %d
  email_address = "imp${count.index}@example.com"
  first_name    = "Imported"
  department_id = %d
}
`, n, acctest.QuestionProDepartmentID)
	last := sandboxUser(t, sb, fmt.Sprintf("imp%d@example.com", n-1))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: sb.ResetRequests,
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fmt.Sprintf("saas_questionpro_user.imp[%d]", n-1), tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(last.UserID))),
					statecheck.ExpectKnownValue(fmt.Sprintf("saas_questionpro_user.imp[%d]", n-1), tfjsonpath.New("department_id"), knownvalue.Int64Exact(acctest.QuestionProDepartmentID)),
				},
				Check: func(*terraform.State) error {
					searches, walks := 0, 0
					for _, r := range sb.Requests("questionpro") {
						switch r.Route {
						case "GET /organizations/{organizationID}/users/search":
							searches++
						case "GET /organizations/{organizationID}/users":
							walks++
						}
					}
					// "one" is created: its duplicate check is one search.
					if searches != 1 || walks < 1 || walks > 2 {
						return fmt.Errorf("%d imports by e-mail: want one walk of the organization's list (two if the CLI imports in both plan and apply) and only the create's search, got %d walks and %d searches", n, walks, searches)
					}
					return nil
				},
			},
			{ResourceName: "saas_questionpro_user.one", ImportState: true, ImportStateVerify: true},
			{Config: cfg, PlanOnly: true},
		},
	})
}
