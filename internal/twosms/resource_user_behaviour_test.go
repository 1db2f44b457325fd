package twosms_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Fields edited in the portal that the configuration does not manage survive
// a rename, although 2sms's PUT resets what it is not sent; the read-only
// fields go back exactly as 2sms holds them.
func TestAccTwoSMSAdminUser_updateKeepsUnmanagedFields(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, `  username = "grace.hopper"`)},
			{
				// Someone edits the user in the portal after the refresh.
				PreConfig: func() {
					for field, v := range map[string]any{"MobilePhone": "+1 555 0100 42", "Preferences": 7, "SSOEnabled": false, "TimeZone": "Pacific Standard Time", "LanguageID": "1a000000-0000-4000-8000-000000000002"} {
						if err := sb.TwoSMS.SetUserField(graceID, field, v); err != nil {
							t.Fatal(err)
						}
					}
					sb.ResetRequests()
				},
				Config: userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Amazing Grace"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("mobile_phone"), knownvalue.StringExact("+1 555 0100 42")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("preferences"), knownvalue.Int64Exact(7)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("sso_enabled"), knownvalue.Bool(false)),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, graceID)
					if u.DisplayName != "Amazing Grace" {
						return fmt.Errorf("rename not applied: %+v", u)
					}
					if u.MobilePhone != "+1 555 0100 42" || u.Preferences != 7 || u.SSOEnabled || u.TimeZone != "Pacific Standard Time" || u.LanguageID != "1a000000-0000-4000-8000-000000000002" || !u.Enabled {
						return fmt.Errorf("the rename lost a field the configuration does not manage: %+v", u)
					}
					bodies, err := putBodies(sb)
					if err != nil {
						return err
					}
					if len(bodies) != 1 {
						return fmt.Errorf("want exactly one PUT, saw %d", len(bodies))
					}
					b := bodies[0]
					want := map[string]any{
						"MobilePhone": "+1 555 0100 42", "Preferences": float64(7), "SSOEnabled": false, "TimeZone": "Pacific Standard Time",
						"LanguageID": "1a000000-0000-4000-8000-000000000002", "Enabled": true, "EmailAddress": "grace@example.com",
						// Read-only fields, byte for byte as 2sms wrote them.
						"AgreementDate": "2023-05-17T09:30:15.1234567+00:00", "DPAVersion": "2.1", "PrivacyPolicyVersion": "3.0", "DeclineDate": nil,
						"ID": graceID, "AccountID": acctest.TwoSMSAccountID, "AdminUser": false,
					}
					for k, v := range want {
						if got, ok := b[k]; !ok || got != v {
							return fmt.Errorf("PUT body %s = %v (present %v), want %v; body %v", k, got, ok, v, b)
						}
					}
					for _, k := range []string{"Password", "Pin"} {
						if _, ok := b[k]; ok {
							return fmt.Errorf("PUT sent %s although none is configured", k)
						}
					}
					return nil
				},
			},
			{Config: userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Amazing Grace"
`), PlanOnly: true},
		},
	})
}

// A field changed in the portal shows up in the plan and the apply puts it
// back; a user deleted outside Terraform leaves state with a warning.
func TestAccTwoSMSAdminUser_driftAndVanish(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	cfg := userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Grace Hopper"
  enabled      = true
  admin_user   = false
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg},
			{
				PreConfig: func() {
					for field, v := range map[string]any{"DisplayName": "Changed", "Enabled": false, "AdminUser": true} {
						if err := sb.TwoSMS.SetUserField(graceID, field, v); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Grace Hopper")),
					},
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, graceID)
					if u.DisplayName != "Grace Hopper" || !u.Enabled || u.AdminUser {
						return fmt.Errorf("drift was not corrected: %+v", u)
					}
					return nil
				},
			},
			{
				PreConfig:          func() { sb.TwoSMS.DeleteUserHard(graceID) },
				Config:             cfg,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true, // removed by the refresh, so the plan adopts again
			},
		},
	})
}

// An access token that 2sms stops accepting in the middle of an apply is
// replaced by exactly one new token, and the call that got the 401 is sent
// again and succeeds.
func TestAccTwoSMSAdminUser_tokenExpiresMidApply(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	var tokensBefore int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(sb, `  username = "grace.hopper"`)},
			{
				PreConfig: func() {
					// The PUT is the apply's second call: the GET before it
					// used a token that 2sms then expires.
					sb.ResetRequests()
					sb.SetFaults("twosms", sandbox.Fault{Route: putRoute, Status: 401, Body: `{"Message":"Authorization has been denied for this request."}`, Times: 1})
					tokensBefore = sb.TwoSMS.TokensIssued()
				},
				Config: userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Grace After Expiry"
`),
				Check: func(*terraform.State) error {
					if u := sandboxUser(t, sb, graceID); u.DisplayName != "Grace After Expiry" {
						return fmt.Errorf("the update did not survive the expiry: %+v", u)
					}
					// Walk the log: after the 401, exactly one POST /Token,
					// then the same PUT again with a different bearer token.
					log := sb.Requests("twosms")
					for i, r := range log {
						if r.Route != putRoute || r.Status != 401 {
							continue
						}
						tokens, j := 0, i+1
						for ; j < len(log) && log[j].Route != putRoute; j++ {
							if log[j].Route == "POST /Token" {
								tokens++
							}
						}
						if tokens != 1 || j == len(log) || log[j].Status != 200 {
							return fmt.Errorf("after the 401: %d token requests, then retry present=%v", tokens, j < len(log))
						}
						if log[j].Header.Get("Authorization") == r.Header.Get("Authorization") {
							return fmt.Errorf("the retried PUT reused the refused token")
						}
						if issued := sb.TwoSMS.TokensIssued() - tokensBefore; issued < 2 {
							return fmt.Errorf("the emulator issued %d tokens in this step; want the apply's own plus one after the 401", issued)
						}
						return nil
					}
					return fmt.Errorf("the fault did not fire: no 401 on the PUT")
				},
			},
		},
	})
}

// The 2sms API cannot move a user between accounts, so a changed account_id
// fails at plan time instead of being silently ignored.
func TestAccTwoSMSAdminUser_accountChangeFailsAtPlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	seedGrace(sb)
	const account = "acc00000-0000-4000-8000-000000000001"
	body := `
  username     = "grace.hopper"
  display_name = "Grace Hopper"
  account_id   = %q
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: userConfig(sb, fmt.Sprintf(body, account)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(account)),
				},
			},
			{
				Config:      userConfig(sb, fmt.Sprintf(body, "acc00000-0000-4000-8000-000000000002")),
				PlanOnly:    true,
				ExpectError: words("Cannot move a 2sms user to another account", "no call that moves a user between accounts"),
			},
		},
	})
}
