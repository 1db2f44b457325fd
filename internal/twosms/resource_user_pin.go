package twosms

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// pinReadKey is the private-state key that records whether the last read
// of the user returned its PIN. The PIN itself is never stored: every PUT
// reads the user again right before it is sent and takes the PIN from
// there; the plan only needs to know whether it will be there.
const pinReadKey = "pin_read"

var _ providerdata.PrivateStateKeys = &UserResource{}

// PrivateStateKeys names the private-state key the resource keeps.
func (r *UserResource) PrivateStateKeys() []string { return []string{pinReadKey} }

// privateData is the part of the framework's private state the resource
// writes.
type privateData interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// recordPinRead notes whether u, as just read, carries its PIN.
func recordPinRead(ctx context.Context, p privateData, u *User) diag.Diagnostics {
	return recordPinShown(ctx, p, readPin(u) != nil)
}

// recordPinShown notes whether the last read showed the PIN; a read served
// from a list snapshot knows only that, as the snapshot keeps no PIN.
func recordPinShown(ctx context.Context, p privateData, shown bool) diag.Diagnostics {
	v := []byte("false")
	if shown {
		v = []byte("true")
	}
	return p.SetKey(ctx, pinReadKey, v)
}

// putOnly are the attributes whose change alone sends no PUT: the
// Terraform-only ones and admin_user, which goes through PATCH …/access.
var putOnly = map[string]bool{"on_destroy": true, "timeouts": true, "date_modified": true, "admin_user": true}

// warnPinReset warns when an update will PUT the user without a PIN while
// 2sms does not return the user's PIN (null or masked): the PUT resets a
// PIN it is not sent to null, a random PIN texted at each login (§3.1,
// §4.4). A plan without changes, one that changes only what no PUT carries,
// and a configuration that sets the PIN stay silent. A state recorded
// before the PIN was tracked counts as "not returned".
func warnPinReset(ctx context.Context, req resource.ModifyPlanRequest, config *userResourceModel, diags *diag.Diagnostics) {
	// A PIN still unknown at plan time will be known, and sent, at apply;
	// an empty one is not sent (configuredPin), so it does not count.
	pinSet := config.PinWO.IsUnknown() || config.Pin.IsUnknown() || configuredPin(config) != nil
	if pinSet || !changesBesides(req.Plan.Raw, req.State.Raw, putOnly) {
		return
	}
	read, d := req.Private.GetKey(ctx, pinReadKey)
	diags.Append(d...)
	if string(read) == "true" {
		return // the PUT sends back the PIN it reads
	}
	var state userResourceModel
	diags.Append(req.State.Get(ctx, &state)...)
	diags.AddAttributeWarning(path.Root("pin_wo"), "This update may reset the 2sms user's PIN",
		fmt.Sprintf("2sms does not return the PIN of user %s (GET answers Pin null or masked), and its PUT resets a PIN it is not sent to null: 2sms then texts a random PIN at each login. This update sends a PUT without a PIN. To keep a known PIN, set pin_wo and pin_wo_version (Terraform 1.11+, OpenTofu 1.11+), or pin on older CLIs.",
			state.ID.ValueString()))
}

// changesBesides reports whether plan differs from state in an attribute
// not in ignore. A value unknown in the plan counts as a change.
func changesBesides(plan, state tftypes.Value, ignore map[string]bool) bool {
	var planned, prior map[string]tftypes.Value
	if plan.As(&planned) != nil || state.As(&prior) != nil {
		return true
	}
	for name, v := range planned {
		if !ignore[name] && !v.Equal(prior[name]) {
			return true
		}
	}
	return false
}

// warnPinResetOnDestroy warns when destroying will disable the user with a
// PUT that resets a PIN 2sms does not show: on_destroy = "disable", the user
// still enabled, no legacy pin in state (write-only values never reach a
// destroy) and the last read returned no PIN.
func warnPinResetOnDestroy(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) {
	var state userResourceModel
	diags.Append(req.State.Get(ctx, &state)...)
	if diags.HasError() || state.OnDestroy.ValueString() != OnDestroyDisable || !state.Enabled.ValueBool() || optString(state.Pin) != nil {
		return
	}
	read, d := req.Private.GetKey(ctx, pinReadKey)
	diags.Append(d...)
	if string(read) == "true" {
		return
	}
	diags.AddWarning("Disabling the 2sms user may reset its PIN",
		fmt.Sprintf("Destroying saas_twosms_admin_user with on_destroy = \"disable\" disables user %s with a PUT, and 2sms resets a PIN that PUT is not sent; 2sms does not return this user's PIN (GET answers Pin null or masked), and pin_wo, being write-only, is not available at destroy. To keep the PIN, set the legacy pin attribute before destroying, or set on_destroy = \"forget\" to leave the user as it is.",
			state.ID.ValueString()))
}
