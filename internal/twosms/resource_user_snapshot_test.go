package twosms_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

const (
	getRoute  = "GET /api/v1/admin/users/{id}"
	listRoute = "GET /api/v1/admin/users"
)

func crowdName(i int) string { return fmt.Sprintf("crowd.%02d", i) }
func crowdID(i int) string   { return fmt.Sprintf("c0de0000-0000-4000-8000-%012d", i) }
func crowdAddr(i int) string { return fmt.Sprintf("saas_twosms_admin_user.crowd[%d]", i-1) }

func crowdDisplay(i int) string {
	return fmt.Sprintf("Crowd Member %02d", i)
}

// seedCrowd adds n portal users, crowd.01 to crowd.n.
func seedCrowd(sb *acctest.Sandbox, n int) {
	for i := 1; i <= n; i++ {
		sb.TwoSMS.AddUser(smssandbox.User{
			ID: crowdID(i), Username: crowdName(i), DisplayName: crowdDisplay(i),
			EmailAddress: crowdName(i) + "@example.com", Enabled: true,
			MobilePhone: fmt.Sprintf("+44 7700 9001%02d", i), TimeZone: "GMT Standard Time",
		})
	}
}

// crowdConfig manages users 1..n by username (count, not for_each: the
// test framework's state shim cannot address for_each keys, nor import
// counted ones, so these tests leave import to the lifecycle tests), with their display names,
// renamed[i] replacing user i's.
func crowdConfig(sb *acctest.Sandbox, n int, renamed map[int]string, extra string) string {
	var b strings.Builder
	b.WriteString(sb.TwoSMSProvider())
	b.WriteString("\nlocals {\n  crowd = [\n")
	for i := 1; i <= n; i++ {
		name := crowdDisplay(i)
		if r, ok := renamed[i]; ok {
			name = r
		}
		fmt.Fprintf(&b, "    [%q, %q],\n", crowdName(i), name)
	}
	b.WriteString("  ]\n}\n")
	b.WriteString(`
resource "saas_twosms_admin_user" "crowd" {
  count        = length(local.crowd)
  username     = local.crowd[count.index][0]
  display_name = local.crowd[count.index][1]
` + extra + `
}
`)
	return b.String()
}

// userCalls counts the user reads the sandbox received from request index
// from on: GETs of one user by id (lower case), and calls of the list.
type userCalls struct {
	gets  map[string]int
	lists int
}

func (c userCalls) total() int {
	n := c.lists
	for _, v := range c.gets {
		n += v
	}
	return n
}

func (c userCalls) String() string {
	ids := make([]string, 0, len(c.gets))
	for id := range c.gets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return fmt.Sprintf("%d list call(s), %d GET(s) of one user %v", c.lists, c.total()-c.lists, ids)
}

func callsSince(sb *acctest.Sandbox, from int) userCalls {
	c := userCalls{gets: map[string]int{}}
	log := sb.Requests("twosms")
	for _, r := range log[min(from, len(log)):] {
		switch r.Route {
		case getRoute:
			c.gets[strings.ToLower(r.Path[strings.LastIndex(r.Path, "/")+1:])]++
		case listRoute:
			c.lists++
		}
	}
	return c
}

// markCalls returns a PreConfig that notes where the request log stands,
// and a reader of the calls made since.
func markCalls(sb *acctest.Sandbox) (func(), func() userCalls) {
	from := 0
	return func() { from = len(sb.Requests("twosms")) }, func() userCalls { return callsSince(sb, from) }
}

// checkCalls is a plan check that runs check on the calls made since the
// step's PreConfig.
type checkCalls func() error

func (f checkCalls) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

const crowdSize = 60

// A plan refreshing 60 users of one 2sms deployment reads a few of them
// directly and the rest from one list call, and still sees every change
// made in the portal; a user deleted in the portal leaves state only after
// its own GET said so.
func TestAccTwoSMSAdminUser_refreshManyFromOneList(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedCrowd(sb, crowdSize)
	cfg := crowdConfig(sb, crowdSize, nil, "")
	mark, calls := markCalls(sb)
	drifted := []int{3, 11, 17, 22, 29, 34, 41, 48, 53, 60}
	const gone = 27
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(crowdAddr(42), tfjsonpath.New("id"), knownvalue.StringExact(crowdID(42))),
					statecheck.ExpectKnownValue(crowdAddr(42), tfjsonpath.New("email_address"), knownvalue.StringExact("crowd.42@example.com")),
				},
			},
			{
				// The refresh: at most the four reads before the burst is
				// recognised, the list, and a few reads racing the walk's
				// start; never 60 GETs.
				PreConfig: mark,
				Config:    cfg,
				PlanOnly:  true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{checkCalls(func() error {
					c := calls()
					if c.lists < 1 || c.lists > 2 || c.total() > 10 {
						return fmt.Errorf("refreshing %d users took %s; want at most 10 calls, one or two of them the list", crowdSize, c)
					}
					return nil
				})}},
			},
			{
				// Drift seen from the list: ten users renamed in the portal
				// all show as updates, though at most four were read alone.
				PreConfig: func() {
					mark()
					for _, i := range drifted {
						if err := sb.TwoSMS.SetUserField(crowdID(i), "DisplayName", "Renamed in the portal"); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: append(driftChecks(drifted), checkCalls(func() error {
					c := calls()
					fromList := 0
					for _, i := range drifted {
						if c.gets[crowdID(i)] == 0 {
							fromList++
						}
					}
					if fromList == 0 || c.total() > 10 {
						return fmt.Errorf("the refresh took %s; want at most 10 calls and some renamed users seen only in the list", c)
					}
					return nil
				}))},
			},
			{
				// A user deleted in the portal is missing from the list; its
				// own GET, answered with 2sms's not-found and confirmed by a
				// list call, is what removes it from state, so the plan
				// adopts it again.
				PreConfig: func() {
					for _, i := range drifted {
						if err := sb.TwoSMS.SetUserField(crowdID(i), "DisplayName", crowdDisplay(i)); err != nil {
							t.Fatal(err)
						}
					}
					sb.TwoSMS.DeleteUserHard(crowdID(gone))
					mark()
				},
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(crowdAddr(gone), plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(crowdAddr(gone+1), plancheck.ResourceActionNoop),
					checkCalls(func() error {
						c := calls()
						if c.gets[crowdID(gone)] != 1 || c.lists < 2 {
							return fmt.Errorf("the deleted user must be read directly once and confirmed by a list call besides the walk, got %s", c)
						}
						return provenAfterGet(sb, crowdID(gone))
					}),
				}},
			},
		},
	})
}

// provenAfterGet checks the proof's order in the request log: the user's
// own GET was answered (with 2sms's not-found: the user is gone), and a
// list call came after it.
func provenAfterGet(sb *acctest.Sandbox, id string) error {
	log := sb.Requests("twosms")
	for i, r := range log {
		if r.Route != getRoute || !strings.HasSuffix(strings.ToLower(r.Path), id) {
			continue
		}
		if r.Status != 200 && r.Status != 404 {
			return fmt.Errorf("the GET of %s answered %d, not 2sms's not-found", id, r.Status)
		}
		for _, later := range log[i+1:] {
			if later.Route == listRoute {
				return nil
			}
		}
		return fmt.Errorf("no list call confirmed the not-found of %s after its GET", id)
	}
	return fmt.Errorf("%s was never read directly", id)
}

func driftChecks(drifted []int) []plancheck.PlanCheck {
	var out []plancheck.PlanCheck
	for _, i := range drifted {
		out = append(out, plancheck.ExpectResourceAction(crowdAddr(i), plancheck.ResourceActionUpdate))
	}
	out = append(out, plancheck.ExpectResourceAction(crowdAddr(1), plancheck.ResourceActionNoop))
	return out
}

// A refresh of three users reads each directly and never lists: a walk is
// for bursts, not for a handful of users.
func TestAccTwoSMSAdminUser_refreshFewReadsEach(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedCrowd(sb, 3)
	cfg := crowdConfig(sb, 3, nil, "")
	mark, calls := markCalls(sb)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(crowdAddr(2), tfjsonpath.New("id"), knownvalue.StringExact(crowdID(2))),
				},
			},
			{
				PreConfig: mark,
				Config:    cfg,
				PlanOnly:  true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{checkCalls(func() error {
					c := calls()
					for i := 1; i <= 3; i++ {
						if c.gets[crowdID(i)] != 1 {
							return fmt.Errorf("each of 3 users must be read once, directly; got %s", c)
						}
					}
					if c.lists != 0 || c.total() != 3 {
						return fmt.Errorf("refreshing 3 users must not list, got %s", c)
					}
					return nil
				})}},
			},
		},
	})
}

// One apply renames some users while others are read by data sources: a
// burst of reads walks the list before the renames, the renamed users are
// read again after them (depends_on) and show the new names, and the plan
// after the apply is empty.
func TestAccTwoSMSAdminUser_writesDuringBurst(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const n = 20
	seedCrowd(sb, n)
	renamed := map[int]string{2: "Second Renamed", 5: "Fifth Renamed", 9: "Ninth Renamed", 14: "Fourteenth Renamed", 19: "Nineteenth Renamed"}
	// early reads users 1..12 at the start of the apply (terraform_data
	// changes, so they wait for it), before any rename (the resources
	// depend on them); the list data source reads alongside the renames;
	// late reads the renamed users after the renames.
	extra := func(step int) string {
		return fmt.Sprintf(`
  depends_on = [data.saas_twosms_admin_user.early]
}

resource "terraform_data" "go" {
  input = %d
}

data "saas_twosms_admin_user" "early" {
  count      = 12
  user_id    = format("c0de0000-0000-4000-8000-%%012d", count.index + 1)
  depends_on = [terraform_data.go]
}

data "saas_twosms_admin_users" "all" {
  depends_on = [terraform_data.go]
}

data "saas_twosms_admin_user" "late" {
  count      = 5
  username   = ["crowd.02", "crowd.05", "crowd.09", "crowd.14", "crowd.19"][count.index]
  depends_on = [saas_twosms_admin_user.crowd]
`, step)
	}
	lateByID := func(i int) string {
		return fmt.Sprintf(`
data "saas_twosms_admin_user" "late_by_id_%02d" {
  user_id    = %q
  depends_on = [saas_twosms_admin_user.crowd]
}
`, i, crowdID(i))
	}
	var lateIDs strings.Builder
	for i := range renamed {
		lateIDs.WriteString(lateByID(i))
	}
	var checks []statecheck.StateCheck
	for i, name := range renamed {
		checks = append(checks,
			statecheck.ExpectKnownValue(crowdAddr(i), tfjsonpath.New("display_name"), knownvalue.StringExact(name)),
			statecheck.ExpectKnownValue(fmt.Sprintf("data.saas_twosms_admin_user.late_by_id_%02d", i), tfjsonpath.New("display_name"), knownvalue.StringExact(name)),
		)
	}
	for k, i := range []int{2, 5, 9, 14, 19} {
		checks = append(checks, statecheck.ExpectKnownValue(fmt.Sprintf("data.saas_twosms_admin_user.late[%d]", k), tfjsonpath.New("display_name"), knownvalue.StringExact(renamed[i])))
	}
	mark, calls := markCalls(sb)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: crowdConfig(sb, n, nil, extra(1)) + lateIDs.String()},
			{
				PreConfig:         mark,
				Config:            crowdConfig(sb, n, renamed, extra(2)) + lateIDs.String(),
				ConfigStateChecks: checks,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(crowdAddr(5), plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(crowdAddr(6), plancheck.ResourceActionNoop),
				}},
				Check: func(*terraform.State) error {
					for i, name := range renamed {
						if u := sandboxUser(t, sb, crowdID(i)); u == nil || u.DisplayName != name {
							return fmt.Errorf("user %d in 2sms: %+v, want display name %q", i, u, name)
						}
					}
					if c := calls(); c.lists == 0 {
						return fmt.Errorf("the apply's burst of reads should have walked the list, got %s", c)
					}
					return nil
				},
			},
			{Config: crowdConfig(sb, n, renamed, extra(2)) + lateIDs.String(), PlanOnly: true},
		},
	})
}
