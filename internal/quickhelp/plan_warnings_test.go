package quickhelp

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A plan that will send QuickHelp's update call warns about confirmed and
// bypass_sso when Terraform has no value to send for them; a plan that sends
// nothing, or knows both values, does not.
func TestModifyPlanWarnsWhenAnUpdateLeavesOutUnreturnedFields(t *testing.T) {
	ctx := context.Background()
	sch := userResourceSchema(ctx)
	raw := func(m *userResourceModel) tftypes.Value {
		t.Helper()
		if m == nil {
			return tftypes.NewValue(sch.Type().TerraformType(ctx), nil)
		}
		st := tfsdk.State{Schema: sch, Raw: tftypes.NewValue(sch.Type().TerraformType(ctx), nil)}
		if d := st.Set(ctx, m); d.HasError() {
			t.Fatal(d)
		}
		return st.Raw
	}
	user := func(change func(*userResourceModel)) *userResourceModel {
		m := &userResourceModel{
			ID:        types.StringValue("7"),
			userModel: userModel{UserID: types.Int64Value(7), Email: types.StringValue("grace@example.com"), FirstName: types.StringValue("Grace"), JobTitle: types.StringValue("Admiral"), Licensed: types.BoolValue(true), Groups: types.ListNull(types.ObjectType{AttrTypes: groupAttrTypes}), SSO: types.ObjectNull(ssoAttrTypes)},
			Roles:     types.SetValueMust(types.StringType, nil), Confirmed: types.BoolNull(), BypassSSO: types.BoolNull(),
			OnDestroy: types.StringValue(OnDestroyUnlicense), Timeouts: nullResourceTimeouts,
		}
		if change != nil {
			change(m)
		}
		return m
	}
	// config is what a configuration managing email and job_title holds.
	config := func(change func(*userResourceModel)) *userResourceModel {
		return user(func(m *userResourceModel) {
			m.ID, m.UserID, m.FirstName, m.Licensed = types.StringNull(), types.Int64Null(), types.StringNull(), types.BoolNull()
			m.Roles, m.OnDestroy, m.Groups = types.SetNull(types.StringType), types.StringNull(), types.ListNull(types.ObjectType{AttrTypes: groupAttrTypes})
			if change != nil {
				change(m)
			}
		})
	}
	newJob := func(m *userResourceModel) { m.JobTitle = types.StringValue("Commodore") }
	cases := []struct {
		name                string
		state, plan, config *userResourceModel
		want                []string
	}{
		{"update of a managed field", user(nil), user(func(m *userResourceModel) {
			newJob(m)
			m.Confirmed, m.BypassSSO = types.BoolUnknown(), types.BoolUnknown()
		}), config(newJob), []string{"bypass_sso", "confirmed"}},
		{"update with confirmed configured", user(nil), user(func(m *userResourceModel) { newJob(m); m.Confirmed = types.BoolValue(true) }),
			config(func(m *userResourceModel) { newJob(m); m.Confirmed = types.BoolValue(true) }), []string{"bypass_sso"}},
		{"update with both known from an earlier apply", user(func(m *userResourceModel) { m.Confirmed, m.BypassSSO = types.BoolValue(true), types.BoolValue(false) }),
			user(func(m *userResourceModel) {
				newJob(m)
				m.Confirmed, m.BypassSSO = types.BoolValue(true), types.BoolValue(false)
			}), config(newJob), nil},
		{"no change", user(nil), user(nil), config(nil), nil},
		{"only on_destroy changes", user(nil), user(func(m *userResourceModel) { m.OnDestroy = types.StringValue(OnDestroyForget) }), config(nil), nil},
		{"e-mail changes only in case", user(nil), user(func(m *userResourceModel) { m.Email = types.StringValue("Grace@Example.com") }), config(nil), nil},
		{"adopting with a managed field", nil, user(func(m *userResourceModel) { m.Confirmed, m.BypassSSO = types.BoolUnknown(), types.BoolUnknown() }), config(nil), []string{"bypass_sso", "confirmed"}},
		{"adopting by e-mail alone", nil, user(nil), config(func(m *userResourceModel) { m.JobTitle = types.StringNull() }), nil},
		{"destroy that unlicenses", user(nil), nil, nil, []string{"bypass_sso", "confirmed"}},
		{"destroy of an unlicensed user", user(func(m *userResourceModel) { m.Licensed = types.BoolValue(false) }), nil, nil, nil},
		{"destroy that forgets", user(func(m *userResourceModel) { m.OnDestroy = types.StringValue(OnDestroyForget) }), nil, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := resource.ModifyPlanRequest{
				State:  tfsdk.State{Schema: sch, Raw: raw(tc.state)},
				Plan:   tfsdk.Plan{Schema: sch, Raw: raw(tc.plan)},
				Config: tfsdk.Config{Schema: sch, Raw: raw(tc.config)},
			}
			resp := resource.ModifyPlanResponse{Plan: req.Plan}
			(&UserResource{}).ModifyPlan(ctx, req, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			var got []string
			for _, d := range resp.Diagnostics.Warnings() {
				if !containsAll(d.Detail(), "POST /v1/User/Update", "Set ") {
					t.Errorf("warning detail does not say what is sent and what to set: %s", d.Detail())
				}
				got = append(got, d.Summary()[len("QuickHelp may reset "):len(d.Summary())-len(" to false")])
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("warnings about %v, want %v", got, tc.want)
			}
		})
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
