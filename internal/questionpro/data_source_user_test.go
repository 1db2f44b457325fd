package questionpro_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// userFields are the attributes the resource and the data sources share:
// everything QuestionPro returns about a user.
var userFields = []string{
	"user_id", "organization_id", "email_address", "first_name", "last_name", "department_id",
	"user_type", "phone", "license_type", "license_start_date", "creation_date",
}

// The resource and both data sources, looking at the same user, report the
// same value for every field QuestionPro returns, read-only ones included.
func TestAccQuestionProUserDataSource_matchesResource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.QuestionPro.AddUser(qpsandbox.User{DepartmentID: acctest.QuestionProResearchDeptID, EmailAddress: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Phone: "555-0101"})
	cfg := userConfig(sb, `
  email_address  = "grace@example.com"
  first_name     = "Grace"
  last_name      = "Hopper"
  adopt_existing = true
`) + fmt.Sprintf(`
data "saas_questionpro_user" "by_id" {
  user_id = saas_questionpro_user.test.user_id
}

data "saas_questionpro_user" "by_email" {
  email_address = saas_questionpro_user.test.email_address
}

# The Research department: its seeded user, then Grace.
data "saas_questionpro_users" "research" {
  department_id = %d
  depends_on    = [saas_questionpro_user.test]
}
`, acctest.QuestionProResearchDeptID)

	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("phone"), knownvalue.StringExact("555-0101")),
		statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("department_id"), knownvalue.Int64Exact(acctest.QuestionProResearchDeptID)),
		statecheck.ExpectKnownValue("data.saas_questionpro_users.research", tfjsonpath.New("users"), knownvalue.ListSizeExact(2)),
		statecheck.CompareValuePairs(userAddr, tfjsonpath.New("id"), "data.saas_questionpro_user.by_email", tfjsonpath.New("id"), compare.ValuesSame()),
	}
	for _, f := range userFields {
		checks = append(checks,
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(f), "data.saas_questionpro_user.by_id", tfjsonpath.New(f), compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(f), "data.saas_questionpro_user.by_email", tfjsonpath.New(f), compare.ValuesSame()),
			statecheck.CompareValuePairs(userAddr, tfjsonpath.New(f), "data.saas_questionpro_users.research", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey(f), compare.ValuesSame()),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, ConfigStateChecks: checks},
			// Import sets adopt_existing to its default, as for any import.
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"adopt_existing"}},
			{Config: cfg, PlanOnly: true},
		},
	})
}
