package twosms_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// Bad input fails at plan time, names the attribute and the rule, and sends
// nothing to 2sms.
func TestAccTwoSMSAdminUser_invalidInput(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cases := []struct {
		body string
		want []string
	}{
		{`user_id = "not-a-guid"`, []string{"user_id", "is not a GUID"}},
		{`username = "a"
  language_id = "1a000000-0000-4000-8000-00000000000"`, []string{"language_id", "is not a GUID"}},
		{`email_address = "not-an-email"`, []string{"email_address", "not a valid e-mail address"}},
		{`username = "a"
  mobile_phone = "(12) -- 34"`, []string{"mobile_phone", "does not match the 2sms mobile phone rule"}},
		{`username = "a"
  mobile_phone = "123456789012345678901"`, []string{"mobile_phone", "5 to 20"}},
		{`username = "a"
  on_destroy = "delete"`, []string{"on_destroy", "value must be one of"}},
		{`username = "a"
  preferences = -1`, []string{"preferences", "at least 0"}},
		{`display_name = "No key"`, []string{"Missing Attribute Configuration", "user_id", "username", "email_address"}},
		{`username = "a"
  password = "x"
  pin      = "1"
  pin_wo   = "2"`, []string{"pin_wo", "pin"}},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: userConfig(sb, "  "+c.body), PlanOnly: true, ExpectError: words(c.want...)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
	if reqs := sb.Requests("twosms"); len(reqs) != 0 {
		t.Fatalf("invalid input must send no request; the sandbox saw %d, first %s %s", len(reqs), reqs[0].Method, reqs[0].Path)
	}
}

// Provider-block mistakes: an unknown region and region with base_url fail
// at plan time; missing credentials name each attribute and its variable.
func TestAccTwoSMSAdminUser_providerConfig(t *testing.T) {
	t.Setenv("TWOSMS_BASE_URL", "")
	t.Setenv("TWOSMS_CLIENT_ID", "")
	t.Setenv("TWOSMS_CLIENT_SECRET", "")
	res := `
resource "saas_twosms_admin_user" "test" {
  username = "a"
}`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `provider "saas" {}` + res,
				PlanOnly:    true,
				ExpectError: words("Missing 2sms provider configuration", "twosms.base_url or twosms.region (or the TWOSMS_BASE_URL environment variable)", "twosms.client_id (or the TWOSMS_CLIENT_ID environment variable)", "twosms.client_secret (or the TWOSMS_CLIENT_SECRET environment variable)"),
			},
			{
				Config: `
provider "saas" {
  twosms {
    region = "mars"
  }
}` + res,
				PlanOnly:    true,
				ExpectError: words("region", "value must be one of"),
			},
			{
				Config: `
provider "saas" {
  twosms {
    region   = "uk"
    base_url = "https://2sms-uk.com"
  }
}` + res,
				PlanOnly:    true,
				ExpectError: words("Invalid Attribute Combination"),
			},
		},
	})
}

// A wrong client secret is reported as such, without the secret.
func TestAccTwoSMSAdminUser_badClientSecret(t *testing.T) {
	sb := acctest.StartSandbox(t)
	t.Setenv("TWOSMS_CLIENT_SECRET", "wrong-secret-0042")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "saas" {
  twosms {
    base_url  = "` + sb.BaseURL("twosms") + `"
    client_id = "` + acctest.TwoSMSClientID + `"
  }
}

resource "saas_twosms_admin_user" "test" {
  username = "sandbox.admin"
}`,
			ExpectError: words("2sms rejected the client credentials", "invalid_client", "twosms.client_secret"),
		}},
	})
	for _, r := range sb.Requests("twosms") {
		if r.Route != "POST /Token" {
			t.Fatalf("no admin call may be made without a token, saw %s %s", r.Method, r.Path)
		}
	}
}
