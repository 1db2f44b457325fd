package qacomplete_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// userFields are the attributes the resource and the data sources share.
var userFields = []string{
	"user_id", "email", "first_name", "middle_name", "last_name", "phone",
	"is_security_admin", "is_ad_account", "ad_search_value", "company_name",
	"is_active", "primary_dept_id", "date_created", "date_updated",
}

// The resource and both data sources read the same sandbox user and report
// the same value for every field they share.
func TestAccQACompleteUserDataSource_matchesResource(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cfg := userConfig(sb, `
  email             = "ada@example.com"
  first_name        = "Ada"
  middle_name       = "Augusta"
  last_name         = "Lovelace"
  phone             = "555-0100"
  is_security_admin = true
  is_ad_account     = true
  ad_search_value   = "CN=ada"
  company_name      = "Analytical Engines"
`) + `
data "saas_qacomplete_user" "by_id" {
  dept_id  = saas_qacomplete_user.test.dept_id
  user_id  = saas_qacomplete_user.test.user_id
}

data "saas_qacomplete_user" "by_email" {
  dept_id = saas_qacomplete_user.test.dept_id
  email   = saas_qacomplete_user.test.email
}

data "saas_qacomplete_users" "named" {
  dept_id  = saas_qacomplete_user.test.dept_id
  filter   = "Email = '${saas_qacomplete_user.test.email}'"
}
`
	var pairs []resource.TestCheckFunc
	for _, f := range userFields {
		pairs = append(pairs,
			resource.TestCheckResourceAttrPair("data.saas_qacomplete_user.by_id", f, userAddr, f),
			resource.TestCheckResourceAttrPair("data.saas_qacomplete_user.by_email", f, userAddr, f),
			resource.TestCheckResourceAttrPair("data.saas_qacomplete_users.named", "users.0."+f, userAddr, f),
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_id", tfjsonpath.New("primary_dept_id"), knownvalue.Int64Exact(acctest.QACompleteDeptID)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_user.by_email", tfjsonpath.New("company_name"), knownvalue.StringExact("Analytical Engines")),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.named", tfjsonpath.New("users"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.saas_qacomplete_users.named", tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("ad_search_value"), knownvalue.StringExact("CN=ada")),
					statecheck.CompareValuePairs("data.saas_qacomplete_user.by_id", tfjsonpath.New("id"), userAddr, tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(pairs...),
			},
			{
				ResourceName:      userAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{Config: cfg, PlanOnly: true},
		},
	})
}
