package quickhelp

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// confirmed and bypassSso are never returned by getUserList (quickhelp-api.md
// §3), so the provider cannot send their current values back. When neither
// the configuration nor an earlier apply gave Terraform a value, the update
// leaves them out, and under the reading where updateUserAccount clears what
// it is not sent (§4 leaves it open) QuickHelp resets them to false. Nothing
// can prevent that but the user setting them, so any plan that will send the
// update call warns, naming the attributes to set. A plan that sends nothing
// stays silent.

// unreturnedAttrs are the attributes the list never returns, with the wire
// name of each.
var unreturnedAttrs = []struct{ attr, wire string }{{"confirmed", "confirmed"}, {"bypass_sso", "bypassSso"}}

// warnUnreturnedReset adds the warning to a plan that sends updateUserAccount.
func warnUnreturnedReset(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state, plan, config *userResourceModel
	if !req.State.Raw.IsNull() {
		state = &userResourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if !req.Plan.Raw.IsNull() {
		plan, config = &userResourceModel{}, &userResourceModel{}
		resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
		resp.Diagnostics.Append(req.Config.Get(ctx, config)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	var why string
	unsent := map[string]bool{}
	switch {
	case plan == nil && state != nil:
		// Destroy: unlicense sends the update with the state's values.
		if state.OnDestroy.ValueString() != OnDestroyUnlicense || !state.Licensed.ValueBool() {
			return
		}
		why = "Destroying it with on_destroy = \"unlicense\" sends QuickHelp's update call with licensed = false"
		unsent["confirmed"], unsent["bypass_sso"] = !known(state.Confirmed), !known(state.BypassSSO)
	case plan != nil && state == nil:
		// Create adopts the user and sends an update when the configuration
		// differs from QuickHelp's values, which the plan cannot know yet.
		if !setsCarried(config) {
			return
		}
		why = "Adopting it sends QuickHelp's update call if the configured values differ from QuickHelp's"
		unsent["confirmed"], unsent["bypass_sso"] = config.Confirmed.IsNull(), config.BypassSSO.IsNull()
	case plan != nil && state != nil:
		if req.Plan.Raw.Equal(req.State.Raw) || !sendsUpdate(plan, state) {
			return
		}
		why = "This plan changes it with QuickHelp's update call"
		unsent["confirmed"] = config.Confirmed.IsNull() && !known(plan.Confirmed)
		unsent["bypass_sso"] = config.BypassSSO.IsNull() && !known(plan.BypassSSO)
	default:
		return
	}
	for _, a := range unreturnedAttrs {
		if !unsent[a.attr] {
			continue
		}
		resp.Diagnostics.AddAttributeWarning(path.Root(a.attr), "QuickHelp may reset "+a.attr+" to false",
			fmt.Sprintf("%s (POST /v1/User/Update). QuickHelp's user list never returns %s, and neither the configuration nor an earlier apply gave it a value, so the update cannot carry the user's current one and leaves it out. If QuickHelp's update clears what it is not sent (its documentation leaves this open), the user's %s becomes false. Set %s in the configuration to the value the user should have.",
				why, a.wire, a.wire, a.attr))
	}
}

func known(v types.Bool) bool { return !v.IsNull() && !v.IsUnknown() }

// setsCarried reports whether the configuration sets a value the update
// call carries, so that adopting the user may send one.
func setsCarried(config *userResourceModel) bool {
	return !config.FirstName.IsNull() || !config.LastName.IsNull() || !config.Department.IsNull() ||
		!config.JobTitle.IsNull() || !config.Licensed.IsNull() || !config.Roles.IsNull() ||
		!config.Confirmed.IsNull() || !config.BypassSSO.IsNull() ||
		(!config.Email.IsNull() && !config.UserID.IsNull())
}

// sendsUpdate reports whether applying plan over state sends the update
// call: a value the call carries changes (or is not known yet), or a
// confirmed or bypass_sso value Terraform knows, which every update sends.
func sendsUpdate(plan, state *userResourceModel) bool {
	if known(plan.Confirmed) || known(plan.BypassSSO) {
		return true
	}
	for _, p := range [][2]types.String{
		{plan.FirstName, state.FirstName}, {plan.LastName, state.LastName}, {plan.Department, state.Department}, {plan.JobTitle, state.JobTitle},
	} {
		if p[0].IsUnknown() || !p[0].Equal(p[1]) {
			return true
		}
	}
	if plan.Email.IsUnknown() || !strings.EqualFold(plan.Email.ValueString(), state.Email.ValueString()) {
		return true
	}
	if plan.Licensed.IsUnknown() || !plan.Licensed.Equal(state.Licensed) {
		return true
	}
	if plan.Roles.IsUnknown() {
		return true
	}
	var planned, stored []string
	resp := plan.Roles.ElementsAs(context.Background(), &planned, false)
	resp.Append(state.Roles.ElementsAs(context.Background(), &stored, false)...)
	return resp.HasError() || !sameFold(planned, stored)
}
