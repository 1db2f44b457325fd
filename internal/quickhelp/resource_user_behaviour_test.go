package quickhelp_test

import (
	"fmt"
	"strings"
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

// A job title, department and roles set in QuickHelp, which the
// configuration does not manage, survive a rename even though the sandbox's
// update (like the strictest reading of the document) clears every field it
// is not sent.
func TestAccQuickHelpUser_updateKeepsUnmanagedFields(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	cfg := func(first string) string {
		return userConfig(sb, fmt.Sprintf(`
  email      = "grace@example.com"
  first_name = %q
  confirmed  = true
`, first))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg("Grace")},
			{
				// An admin edits the user in the QuickHelp portal.
				PreConfig: func() {
					setField(t, sb, grace.UserID, "jobTitle", "Commodore")
					setField(t, sb, grace.UserID, "department", "Fleet")
					setField(t, sb, grace.UserID, "roles", []string{strings.ToUpper(roleLibraryAdmin)})
				},
				Config: cfg("Amazing Grace"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("job_title"), knownvalue.StringExact("Commodore")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department"), knownvalue.StringExact("Fleet")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("roles"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(roleLibraryAdmin)})),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, grace.UserID)
					if u.FirstName != "Amazing Grace" {
						return fmt.Errorf("rename not applied: %+v", u)
					}
					if u.JobTitle != "Commodore" || u.Department != "Fleet" || u.LastName != "Hopper" || !u.Licensed || !u.Confirmed || len(u.Roles) != 1 {
						return fmt.Errorf("the rename lost a field the configuration does not manage: %+v", u)
					}
					// The wire proves it: every update carried the complete user.
					bodies := updateBodies(t, sb)
					last := bodies[len(bodies)-1]
					for k, want := range map[string]any{"jobTitle": "Commodore", "department": "Fleet", "lastName": "Hopper", "licensed": true, "confirmed": true, "firstName": "Amazing Grace"} {
						if last[k] != want {
							return fmt.Errorf("update body %s = %v, want %v (body %v)", k, last[k], want, last)
						}
					}
					if _, sent := last["customerId"]; sent {
						return fmt.Errorf("customerId must be sent only when set: %v", last)
					}
					return nil
				},
			},
			{Config: cfg("Amazing Grace"), PlanOnly: true},
		},
	})
}

// A change made in QuickHelp to any field the list returns shows in the plan,
// and the apply puts the configuration back.
func TestAccQuickHelpUser_drift(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	cfg := userConfig(sb, fmt.Sprintf(`
  user_id    = %d
  email      = "grace@example.com"
  first_name = "Grace"
  last_name  = "Hopper"
  department = "Navy"
  job_title  = "Rear Admiral"
  licensed   = true
  roles      = [%q]
`, grace.UserID, strings.ToUpper(roleUserAdmin)))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			// Upper-case GUIDs come back lower case: no false drift.
			{Config: cfg},
			{Config: cfg, PlanOnly: true},
			{
				PreConfig: func() {
					for f, v := range map[string]any{"email": "g@example.com", "firstName": "G", "lastName": "H", "department": "D", "jobTitle": "J", "licensed": false, "roles": []string{}} {
						setField(t, sb, grace.UserID, f, v)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Grace")),
					},
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, grace.UserID)
					if u.Email != "grace@example.com" || u.FirstName != "Grace" || u.LastName != "Hopper" || u.Department != "Navy" || u.JobTitle != "Rear Admiral" || !u.Licensed || len(u.Roles) != 1 {
						return fmt.Errorf("drift was not corrected: %+v", u)
					}
					return nil
				},
			},
			{Config: cfg, PlanOnly: true},
		},
	})
}

// A user deleted in QuickHelp leaves state at the next refresh with a
// warning, and the plan proposes to adopt it again.
func TestAccQuickHelpUser_vanish(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	cfg := userConfig(sb, `  email = "grace@example.com"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig:          func() { sb.QuickHelp.DeleteUserHard(fmt.Sprint(grace.UserID)) },
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

// on_destroy = forget sends nothing; the user keeps its licence.
func TestAccQuickHelpUser_onDestroyForget(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if u := sandboxUser(t, sb, grace.UserID); !u.Licensed {
				return fmt.Errorf("on_destroy = forget must leave the user licensed: %+v", u)
			}
			if n := countRoute(sb, "POST /User/Update") + countRoute(sb, "POST /User/Delete"); n != 0 {
				return fmt.Errorf("on_destroy = forget sent %d writes", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: userConfig(sb, `
  email      = "grace@example.com"
  on_destroy = "forget"
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("forget")),
			},
		}},
	})
}

// on_destroy = gdpr_delete calls the vendor's irreversible delete with the
// user's id and e-mail; the user is gone from QuickHelp.
func TestAccQuickHelpUser_onDestroyGDPRDelete(t *testing.T) {
	sb := acctest.StartSandbox(t)
	grace := seedGrace(sb)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			for _, u := range sb.QuickHelp.Users() {
				if u.UserID == grace.UserID {
					return fmt.Errorf("gdpr_delete should erase the user, sandbox still has %+v", u)
				}
			}
			for _, r := range sb.Requests("quickhelp") {
				if r.Route == "POST /User/Delete" {
					want := fmt.Sprintf(`{"users":[{"userId":%d,"email":"grace@example.com"}]}`, grace.UserID)
					if string(r.Body) != want {
						return fmt.Errorf("delete body = %s, want %s", r.Body, want)
					}
					return nil
				}
			}
			return fmt.Errorf("no delete call was sent")
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, `
  email      = "grace@example.com"
  on_destroy = "gdpr_delete"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("gdpr_delete")),
				},
			},
			{
				ResourceName:            userAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"confirmed", "bypass_sso", "on_destroy"},
			},
		},
	})
}

// With 300 users managed by 300 resources, a refresh walks the user list
// once: ceil(300 / 100) list calls, not 300 times that. (count rather than
// for_each: terraform-plugin-testing's legacy state shim, which every test
// uses before its final destroy, rejects string instance keys.)
func TestAccQuickHelpUser_refreshWalksListOnce(t *testing.T) {
	sb := acctest.StartSandbox(t)
	const n, pageSize = 300, 100
	for i := range n {
		sb.QuickHelp.AddUser(qhsandbox.User{Email: fmt.Sprintf("user%03d@example.com", i), FirstName: "User", LastName: fmt.Sprintf("N%03d", i), Licensed: true})
	}
	cfg := sb.QuickHelpProvider() + fmt.Sprintf(`
resource "saas_quickhelp_user" "bulk" {
  count      = %d
  email      = format("user%%03d@example.com", count.index)
  job_title  = "Staff"
  on_destroy = "forget"
}
`, n)
	const maxWalk = (n+pageSize-1)/pageSize + 1
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				Check: func(*terraform.State) error {
					if got := countRoute(sb, "POST /User/Update"); got != n {
						return fmt.Errorf("want %d updates (job_title), saw %d", n, got)
					}
					// The apply looked 300 users up and wrote 300: one walk
					// (writes update the list snapshot).
					if got := sb.QuickHelp.ListCalls(); got > maxWalk {
						return fmt.Errorf("the apply made %d list calls, want at most %d", got, maxWalk)
					}
					return nil
				},
			},
			{
				PreConfig:    func() { before = sb.QuickHelp.ListCalls() },
				RefreshState: true,
				Check: func(*terraform.State) error {
					if got := sb.QuickHelp.ListCalls() - before; got > maxWalk || got < 3 {
						return fmt.Errorf("refreshing %d users made %d list calls, want 3 to %d", n, got, maxWalk)
					}
					return nil
				},
			},
		},
	})
}
