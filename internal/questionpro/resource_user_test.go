package questionpro_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

const adaBody = `
  email_address = "ada@example.com"
  first_name    = "Ada"
  last_name     = "Lovelace"
  department_id = 2001
`

const renamedBody = `
  email_address = "ada.king@example.com"
  first_name    = "Augusta"
  last_name     = "King"
  department_id = 2002
`

// The whole life of a user: create, import by id and by e-mail, update in
// place (rename, new e-mail, move department), no drift, then delete.
func TestAccQuestionProUser_lifecycle(t *testing.T) {
	sb := acctest.StartSandbox(t)
	var userID int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := sb.QuestionPro.User(userID); ok {
				return fmt.Errorf("on_destroy = delete should delete user %d", userID)
			}
			for _, r := range sb.Requests("questionpro") {
				if r.Method == "DELETE" && r.Path != fmt.Sprintf("/questionpro/a/api/v2/organizations/1001/users/%d", userID) {
					return fmt.Errorf("unexpected DELETE %s", r.Path)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, adaBody),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("email_address"), knownvalue.StringExact("ada@example.com")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Ada")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(2001)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("organization_id"), knownvalue.Int64Exact(1001)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_type"), knownvalue.StringExact("License")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("license_type"), knownvalue.StringExact("Enterprise Sub Account Annual")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("creation_date"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("on_destroy"), knownvalue.StringExact("delete")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("adopt_existing"), knownvalue.Bool(false)),
				},
				Check: func(s *terraform.State) error {
					u := sandboxUser(t, sb, "ada@example.com")
					if u == nil || u.FirstName != "Ada" || u.LastName != "Lovelace" || u.DepartmentID != 2001 {
						return fmt.Errorf("the sandbox user does not match the configuration: %+v", u)
					}
					userID = u.UserID
					if got := s.RootModule().Resources[userAddr].Primary.ID; got != strconv.Itoa(u.UserID) {
						return fmt.Errorf("id = %s, want %d", got, u.UserID)
					}
					return nil
				},
			},
			// Import by user id.
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			// Import by e-mail, through search by e-mail.
			{ResourceName: userAddr, ImportState: true, ImportStateId: "ada@example.com", ImportStateVerify: true},
			// Update in place.
			{
				Config: userConfig(sb, renamedBody),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Augusta")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(2002)),
				},
				Check: func(*terraform.State) error {
					u, ok := sb.QuestionPro.User(userID)
					if !ok || u.EmailAddress != "ada.king@example.com" || u.FirstName != "Augusta" || u.DepartmentID != 2002 {
						return fmt.Errorf("update should change user %d in place, sandbox has %+v", userID, u)
					}
					return nil
				},
			},
			{Config: userConfig(sb, renamedBody), PlanOnly: true},
		},
	})
}

// An import block (Terraform 1.5+) brings an existing user under management,
// by e-mail.
func TestAccQuestionProUser_importBlock(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seeded := sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: 2002, EmailAddress: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0199"})
	cfg := userConfig(sb, `
  email_address = "grace@example.com"
  first_name    = "Grace"
  last_name     = "Hopper"
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:          cfg,
				ResourceName:    userAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   "grace@example.com",
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.Int64Exact(int64(seeded.UserID))),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0199")),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(2002)),
					},
				},
			},
		},
	})
	// And by user id.
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:          cfg,
			ResourceName:    userAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   strconv.Itoa(seeded.UserID),
			ImportPlanChecks: resource.ImportPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("email_address"), knownvalue.StringExact("grace@example.com")),
				},
			},
		}},
	})
}

// The API key travels only in the api-key header: no URL the sandbox saw,
// path or query, carries it.
func TestAccQuestionProUser_apiKeyNeverInURL(t *testing.T) {
	sb := acctest.StartSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, adaBody)},
			{ResourceName: userAddr, ImportState: true, ImportStateId: "ada@example.com", ImportStateVerify: true},
			{Config: userConfig(sb, renamedBody)},
		},
	})
	reqs := sb.Requests("questionpro")
	methods := map[string]bool{}
	for _, r := range reqs {
		methods[r.Method] = true
		if strings.Contains(r.Path, acctest.QuestionProAPIKey) || strings.Contains(r.RawQuery, acctest.QuestionProAPIKey) || strings.Contains(strings.ToLower(r.RawQuery), "apikey") {
			t.Fatalf("the API key appeared in a URL: %s %s?%s", r.Method, r.Path, r.RawQuery)
		}
		if r.Header.Get("api-key") != acctest.QuestionProAPIKey {
			t.Fatalf("%s %s did not carry the key in the api-key header", r.Method, r.Path)
		}
	}
	// The check covers every kind of call the resource makes.
	for _, m := range []string{"GET", "POST", "PUT", "DELETE"} {
		if !methods[m] {
			t.Fatalf("no %s request was seen; the test proves less than it claims (saw %d requests)", m, len(reqs))
		}
	}
}
