package twosms_test

import (
	"fmt"
	"slices"
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

// The core lifecycle under every reading of the points 2sms's document
// leaves open: adopt, update next to a portal edit, a refused update, no
// drift, import by GUID and username, a user deleted in the portal, destroy.
func TestAccMatrix_TwoSMSUserLifecycle(t *testing.T) {
	acctest.ForEachReading(t, "twosms", twoSMSLifecycle)
}

// matrixPIN is the PIN grace set in the portal; no configuration below
// manages it.
const matrixPIN = "135790"

// unknownLanguage is a well-formed language GUID the sandbox does not have,
// so 2sms refuses a PUT that carries it.
const unknownLanguage = "1a000000-0000-4000-8000-000000000099"

func twoSMSLifecycle(t *testing.T, sb *acctest.Sandbox) {
	seedMatrixUser(t, sb)
	opts := emulatorOptions(t, sb)
	// What this position lets the provider do, as a user of a real tenant
	// would find out: whether GET shows the PIN, whether PUT keeps what it
	// is not sent, and whether a vanished user can be proven gone.
	pinShown := opts.ReturnPinOnRead && !opts.MaskSecretsOnRead
	pinKept := pinShown || opts.MergeOmittedFields
	goneProvable := opts.NotFoundAnswer != smssandbox.NotFoundEmpty

	adopt := userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Grace Hopper"
`)
	renamed := userConfig(sb, `
  username     = "grace.hopper"
  display_name = "Amazing Grace"
`)
	refused := userConfig(sb, fmt.Sprintf(`
  username     = "grace.hopper"
  display_name = "Amazing Grace"
  language_id  = %q
`, unknownLanguage))

	vanished := resource.TestStep{
		PreConfig:          func() { sb.TwoSMS.DeleteUserHard(graceID) },
		Config:             renamed,
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate)},
		},
	}
	if !goneProvable {
		// A success without the user is no proof it is gone: the read
		// stops, names base_url, and the user stays in state.
		vanished = resource.TestStep{
			PreConfig:   func() { sb.TwoSMS.DeleteUserHard(graceID) },
			Config:      renamed,
			PlanOnly:    true,
			ExpectError: words("answered GET", "with success but without the user", "twosms.base_url"),
		}
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			u := sandboxUser(t, sb, graceID)
			if u == nil || u.Enabled {
				return fmt.Errorf("on_destroy = disable should leave the user disabled, got %+v", u)
			}
			if u.DisplayName != "Amazing Grace" || u.Preferences != 2 || u.TimeZone != "GMT Standard Time" {
				return fmt.Errorf("disabling lost a field: %+v", u)
			}
			return checkPIN(sb, pinKept, "the disabling PUT")
		},
		Steps: []resource.TestStep{
			{
				Config: adopt,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringExact(graceID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("preferences"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("pin"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					// The configuration matches the user, so adopting writes
					// nothing, not even a PIN 2sms showed.
					if n := len(requests(sb, putRoute)); n != 0 {
						return fmt.Errorf("adopting a user that already matches must not PUT, saw %d", n)
					}
					return nil
				},
			},
			{
				// Someone edits fields the configuration does not manage in
				// the portal, then the configuration renames the user.
				PreConfig: func() {
					for field, v := range map[string]any{"Preferences": 7, "TimeZone": "Pacific Standard Time", "SSOEnabled": false} {
						if err := sb.TwoSMS.SetUserField(graceID, field, v); err != nil {
							t.Fatal(err)
						}
					}
					sb.ResetRequests()
				},
				Config: renamed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Amazing Grace")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("preferences"), knownvalue.Int64Exact(7)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("time_zone"), knownvalue.StringExact("Pacific Standard Time")),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("pin"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					u := sandboxUser(t, sb, graceID)
					if u.DisplayName != "Amazing Grace" {
						return fmt.Errorf("rename not applied: %+v", u)
					}
					if u.Preferences != 7 || u.TimeZone != "Pacific Standard Time" || u.SSOEnabled || !u.Enabled || u.MobilePhone != "+44 7700 900042" {
						return fmt.Errorf("the rename lost a field edited in the portal: %+v", u)
					}
					if err := checkPINSentBack(sb, pinShown); err != nil {
						return err
					}
					return checkPIN(sb, pinKept, "the rename")
				},
			},
			{
				// 2sms refuses the update; the error carries its code.
				Config:      refused,
				ExpectError: words("SANDBOX_VALIDATION_FAILED"),
			},
			{
				PreConfig: func() {
					if u := sandboxUser(t, sb, graceID); u.LanguageID != acctest.TwoSMSLanguageID {
						t.Fatalf("a refused update changed the user: %+v", u)
					}
				},
				Config:   renamed,
				PlanOnly: true,
			},
			{ResourceName: userAddr, ImportState: true, ImportStateVerify: true},
			{ResourceName: userAddr, ImportState: true, ImportStateId: "grace.hopper", ImportStateVerify: true},
			vanished,
			{
				// The user comes back (re-created in the portal with the
				// same GUID), so the final destroy has a user to disable.
				PreConfig: func() { seedMatrixUser(t, sb) },
				Config:    renamed,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("id"), knownvalue.StringExact(graceID)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.StringExact("Amazing Grace")),
				},
			},
		},
	})
}

// seedMatrixUser adds grace with a PIN set in the portal.
func seedMatrixUser(t *testing.T, sb *acctest.Sandbox) {
	t.Helper()
	seedGrace(sb)
	if err := sb.TwoSMS.SetUserField(graceID, "Pin", matrixPIN); err != nil {
		t.Fatal(err)
	}
}

// emulatorOptions reads the position the matrix set on the sandbox's 2sms.
func emulatorOptions(t *testing.T, sb *acctest.Sandbox) smssandbox.Options {
	t.Helper()
	snap, ok := sb.TwoSMS.Snapshot().(smssandbox.SeedData)
	if !ok || snap.Options == nil {
		t.Fatalf("the 2sms snapshot carries no options: %#v", sb.TwoSMS.Snapshot())
	}
	return *snap.Options
}

// checkPIN reports whether grace's PIN is what 2sms holds after a PUT that
// did not configure one: kept when 2sms showed it (sent back) or keeps what
// a PUT omits, otherwise reset to null as the documentation warns.
func checkPIN(sb *acctest.Sandbox, kept bool, after string) error {
	got := sb.TwoSMS.PIN(graceID)
	switch {
	case kept && got != matrixPIN:
		return fmt.Errorf("after %s the PIN the user set in the portal is lost (PIN set: %v)", after, got != "")
	case !kept && got != "":
		return fmt.Errorf("after %s the PIN should be reset to null where 2sms neither shows nor keeps it", after)
	}
	return nil
}

// checkPINSentBack reports whether every PUT carried the PIN 2sms returned,
// and none carried a PIN when 2sms showed none (null or a mask).
func checkPINSentBack(sb *acctest.Sandbox, shown bool) error {
	bodies, err := putBodies(sb)
	if err != nil {
		return err
	}
	if len(bodies) == 0 {
		return fmt.Errorf("no PUT was sent")
	}
	for _, b := range bodies {
		pin, sent := b["Pin"]
		if shown && pin != matrixPIN {
			return fmt.Errorf("2sms returned the PIN, but a PUT did not send it back (Pin present %v)", sent)
		}
		if !shown && sent && pin != nil {
			return fmt.Errorf("a PUT sent a PIN although 2sms showed none and none is configured (mask sent back: %v)", slices.Contains([]any{"********"}, pin))
		}
	}
	return nil
}
