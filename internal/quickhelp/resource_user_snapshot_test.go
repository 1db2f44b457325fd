package quickhelp_test

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// bulkUsers is how many users the snapshot tests manage: more than one
// page of getUserList (100 users), so a walk is two list calls.
const bulkUsers = 110

// seedBulk adds bulkUsers users and returns their ids in count.index order.
func seedBulk(sb *acctest.Sandbox) []int {
	ids := make([]int, bulkUsers)
	for i := range bulkUsers {
		ids[i] = sb.QuickHelp.AddUser(qhsandbox.User{Email: fmt.Sprintf("bulk%03d@example.com", i), FirstName: "Bulk", LastName: fmt.Sprintf("N%03d", i), JobTitle: "Staff", Licensed: true}).UserID
	}
	return ids
}

// bulkConfig manages every bulk user; the first `leads` of them get the job
// title Lead, the others Staff. extra is appended.
func bulkConfig(sb *acctest.Sandbox, leads int, extra string) string {
	return sb.QuickHelpProvider() + fmt.Sprintf(`
resource "saas_quickhelp_user" "bulk" {
  count      = %d
  email      = format("bulk%%03d@example.com", count.index)
  job_title  = count.index < %d ? "Lead" : "Staff"
  on_destroy = "forget"
}
`, bulkUsers, leads) + extra
}

// requestsSince are the QuickHelp requests the sandbox answered after the
// first n.
func requestsSince(sb *acctest.Sandbox, n int) []string {
	var out []string
	for _, r := range sb.Requests("quickhelp")[n:] {
		q, _ := url.ParseQuery(r.RawQuery)
		out = append(out, r.Route+" page="+q.Get("page"))
	}
	return out
}

// A refresh of many users costs one walk of the list, not one per user;
// a change made in QuickHelp shows on the next operation; and a user
// deleted in QuickHelp leaves state only after a complete walk lacks it.
func TestAccQuickHelpUser_snapshotRefresh(t *testing.T) {
	sb := acctest.StartSandbox(t)
	ids := seedBulk(sb)
	cfg := bulkConfig(sb, 0, "")
	var mark int
	markLog := func() { mark = len(sb.Requests("quickhelp")) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig:    markLog,
				RefreshState: true,
				Check: func(*terraform.State) error {
					// One refresh command: one walk of two pages, nothing else.
					got := requestsSince(sb, mark)
					want := []string{"GET /User/List page=1", "GET /User/List page=2"}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						return fmt.Errorf("refreshing %d users sent %d requests %v, want one walk %v", bulkUsers, len(got), got, want)
					}
					return nil
				},
			},
			{
				// An admin changes a job title in the QuickHelp portal: the
				// next plan sees it and the apply puts it back.
				PreConfig: func() { setField(t, sb, ids[42], "jobTitle", "Outside") },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("saas_quickhelp_user.bulk[42]", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("saas_quickhelp_user.bulk[41]", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("saas_quickhelp_user.bulk[42]", tfjsonpath.New("job_title"), knownvalue.StringExact("Staff")),
				},
				Check: func(*terraform.State) error {
					if u := sandboxUser(t, sb, ids[42]); u.JobTitle != "Staff" {
						return fmt.Errorf("the apply did not put the job title back: %+v", u)
					}
					return nil
				},
			},
			{
				// An admin deletes a user in the portal: the refresh drops
				// it from state, on the evidence of a complete walk.
				PreConfig: func() {
					sb.QuickHelp.DeleteUserHard(fmt.Sprint(ids[7]))
					markLog()
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					if _, still := s.RootModule().Resources["saas_quickhelp_user.bulk.7"]; still {
						return fmt.Errorf("the user deleted in QuickHelp is still in state")
					}
					if _, kept := s.RootModule().Resources["saas_quickhelp_user.bulk.8"]; !kept {
						return fmt.Errorf("a user still in QuickHelp left state")
					}
					got := requestsSince(sb, mark)
					want := []string{"GET /User/List page=1", "GET /User/List page=2"}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						return fmt.Errorf("the refresh that dropped a user sent %v, want the complete walk %v", got, want)
					}
					return nil
				},
			},
		},
	})
}

// An apply that updates some users while the others are refreshed and data
// sources read the list shows the provider's own writes in those data
// sources, in the same apply, and leaves an empty plan.
func TestAccQuickHelpUser_snapshotWritesInSameRun(t *testing.T) {
	sb := acctest.StartSandbox(t)
	ids := seedBulk(sb)
	const leads = 5
	readers := fmt.Sprintf(`
data "saas_quickhelp_user" "first" {
  user_id    = saas_quickhelp_user.bulk[0].user_id
  depends_on = [saas_quickhelp_user.bulk]
}

data "saas_quickhelp_users" "all" {
  depends_on = [saas_quickhelp_user.bulk]
}

# Read at plan time, while the resources are refreshed.
data "saas_quickhelp_user" "bystander" {
  user_id = %d
}
`, ids[bulkUsers-1])
	var mark int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: bulkConfig(sb, 0, readers)},
			{
				PreConfig: func() { mark = len(sb.Requests("quickhelp")) },
				Config:    bulkConfig(sb, leads, readers),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.first", tfjsonpath.New("job_title"), knownvalue.StringExact("Lead")),
					statecheck.ExpectKnownValue("data.saas_quickhelp_user.bystander", tfjsonpath.New("job_title"), knownvalue.StringExact("Staff")),
				},
				Check: func(s *terraform.State) error {
					ds := s.RootModule().Resources["data.saas_quickhelp_users.all"]
					if ds == nil {
						return fmt.Errorf("no data.saas_quickhelp_users.all in state")
					}
					n := 0
					for i := range bulkUsers {
						if ds.Primary.Attributes[fmt.Sprintf("users.%d.job_title", i)] == "Lead" {
							n++
						}
					}
					if n != leads {
						return fmt.Errorf("the list data source read in the apply shows %d leads, want the %d the apply just wrote", n, leads)
					}
					// The plan walked once (refreshes and the bystander),
					// the apply once (the updates' reads); the data sources
					// read after the updates were served from that walk with
					// the updates in it: nothing follows the last update.
					walk := []string{"GET /User/List page=1", "GET /User/List page=2"}
					want := append(append([]string{}, walk...), walk...)
					for range leads {
						want = append(want, "POST /User/Update page=")
					}
					if got := requestsSince(sb, mark); fmt.Sprint(got) != fmt.Sprint(want) {
						return fmt.Errorf("the plan and apply sent %v, want %v", got, want)
					}
					return nil
				},
			},
			{Config: bulkConfig(sb, leads, readers), PlanOnly: true},
		},
	})
}
