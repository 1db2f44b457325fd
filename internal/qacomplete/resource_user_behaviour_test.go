package qacomplete_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

const graceBody = `
  email      = "grace@example.com"
  first_name = "Grace"
  last_name  = "Hopper"
`

// A phone set directly in QAComplete, which the configuration does not
// manage, survives a rename even though QAComplete's PUT resets every field
// it is not sent.
func TestAccQACompleteUser_updateKeepsUnmanagedFields(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, graceBody)},
			{
				// Someone edits the user in QAComplete's UI.
				PreConfig: func() {
					u := sandboxUser(t, sb, "grace@example.com")
					for field, v := range map[string]any{"phone": "555-0142", "middle_name": "Brewster", "a_d_search_value": "CN=grace", "is_a_d_account": true} {
						if err := sb.QAComplete.SetUserField(u.ID, field, v); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config: userConfig(sb, `
  email      = "grace@example.com"
  first_name = "Amazing Grace"
  last_name  = "Hopper"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0142")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("middle_name"), knownvalue.StringExact("Brewster")),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, "grace@example.com")
					if u.FirstName != "Amazing Grace" {
						return fmt.Errorf("rename not applied: %+v", u)
					}
					if u.Phone != "555-0142" || u.MiddleName != "Brewster" || u.ADSearchValue != "CN=grace" || !u.IsADAccount {
						return fmt.Errorf("the rename lost a field the configuration does not manage: %+v", u)
					}
					// The wire proves it: the PUT carried the unmanaged values.
					puts := 0
					for _, r := range sb.Requests("qacomplete") {
						if r.Method != "PUT" {
							continue
						}
						puts++
						var body map[string]any
						if err := json.Unmarshal(r.Body, &body); err != nil {
							return err
						}
						if body["Phone"] != "555-0142" || body["MiddleName"] != "Brewster" || body["IsAdAccount"] != true {
							return fmt.Errorf("PUT body is not complete: %s", r.Body)
						}
					}
					if puts != 1 {
						return fmt.Errorf("want exactly one PUT, saw %d", puts)
					}
					return nil
				},
			},
			{
				Config: userConfig(sb, `
  email      = "grace@example.com"
  first_name = "Amazing Grace"
  last_name  = "Hopper"
`),
				PlanOnly: true,
			},
		},
	})
}

// A field changed in QAComplete shows up in the plan and the apply puts it
// back.
func TestAccQACompleteUser_drift(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, graceBody+`  is_security_admin = false
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() {
					u := sandboxUser(t, sb, "grace@example.com")
					if err := sb.QAComplete.SetUserField(u.ID, "first_name", "Changed"); err != nil {
						t.Fatal(err)
					}
					if err := sb.QAComplete.SetUserField(u.ID, "is_security_admin", true); err != nil {
						t.Fatal(err)
					}
				},
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Grace")),
					},
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, "grace@example.com")
					if u.FirstName != "Grace" || u.IsSecurityAdmin {
						return fmt.Errorf("drift was not corrected: %+v", u)
					}
					return nil
				},
			},
		},
	})
}

// A user disabled or deleted outside Terraform leaves state at the next
// refresh, and the plan proposes to create it again.
func TestAccQACompleteUser_vanish(t *testing.T) {
	for name, vanish := range map[string]func(e *qacsandbox.Emulator, id int){
		"disabled": func(e *qacsandbox.Emulator, id int) { e.Disable(id) },
		"deleted":  func(e *qacsandbox.Emulator, id int) { e.DeleteUserHard(id) },
	} {
		t.Run(name, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			cfg := userConfig(sb, graceBody)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{
					{Config: cfg},
					{
						PreConfig: func() { vanish(sb.QAComplete, sandboxUser(t, sb, "grace@example.com").ID) },
						Config:    cfg,
						PlanOnly:  true,
						// The refresh removed it, so the plan is a create.
						ExpectNonEmptyPlan: true,
					},
				},
			})
		})
	}
}

// adopt_existing takes over a user that already has the e-mail; without it
// the apply fails, naming the user and the import command.
func TestAccQACompleteUser_adoptExisting(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seeded := sb.QAComplete.AddUser(qacsandbox.User{DeptID: acctest.QACompleteDeptID, Email: "grace@example.com", FirstName: "G", LastName: "H", Phone: "555-0111", IsActive: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      userConfig(sb, graceBody),
				ExpectError: words("QAComplete user already exists", fmt.Sprintf("user id %d", seeded.ID), fmt.Sprintf("terraform import <resource address> 8162/%d", seeded.ID), "adopt_existing = true"),
			},
			{
				Config: userConfig(sb, graceBody+`  adopt_existing = true
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(seeded.ID))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Grace")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0111")),
				},
				Check: func(*terraform.State) error {
					if n := len(sb.QAComplete.Users(acctest.QACompleteDeptID)); n != 1 {
						return fmt.Errorf("adopting must not create a user; the department has %d", n)
					}
					for _, r := range sb.Requests("qacomplete") {
						if r.Method == "POST" {
							return fmt.Errorf("adopting sent a POST: %s", r.Path)
						}
					}
					return nil
				},
			},
			{
				Config: userConfig(sb, graceBody+`  adopt_existing = true
`),
				PlanOnly: true,
			},
		},
	})
}

// on_destroy = forget leaves the user active in QAComplete.
func TestAccQACompleteUser_onDestroyForget(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			u := sandboxUser(t, sb, "grace@example.com")
			if u == nil || !u.IsActive {
				return fmt.Errorf("on_destroy = forget must leave the user active, got %+v", u)
			}
			for _, r := range sb.Requests("qacomplete") {
				if r.Method == "DELETE" {
					return fmt.Errorf("on_destroy = forget sent a DELETE: %s", r.Path)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, graceBody+`  on_destroy = "forget"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("forget")),
				},
			},
		},
	})
}

// A create-only attribute cannot change silently: the plan fails and says
// why.
func TestAccQACompleteUser_createOnlyChangeFailsAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, graceBody+`  company_name = "Navy"
  time_zone = "UTC"
`)},
			{
				Config: userConfig(sb, graceBody+`  company_name = "Yale"
  time_zone = "UTC"
`),
				PlanOnly:    true,
				ExpectError: words("Cannot change a create-only QAComplete attribute", `company_name is "Navy"`, `asks for "Yale"`),
			},
			{
				Config: userConfig(sb, graceBody+`  company_name = "Navy"
  time_zone = "Europe/London"
`),
				PlanOnly:    true,
				ExpectError: words("Cannot change a create-only QAComplete attribute", "time_zone"),
			},
		},
	})
}
