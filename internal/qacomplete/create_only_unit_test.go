package qacomplete

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestPlanCreateOnly(t *testing.T) {
	model := func(timeZone types.String, version types.Int64) *userResourceModel {
		m := &userResourceModel{ID: types.StringValue("8162/24793"), TimeZone: timeZone, CreateOnlyVersion: version}
		m.CompanyName = types.StringValue("Navy")
		for _, c := range m.customs() {
			*c = types.StringNull()
		}
		return m
	}
	utc, london := types.StringValue("UTC"), types.StringValue("Europe/London")
	none, one, two := types.Int64Null(), types.Int64Value(1), types.Int64Value(2)
	cases := []struct {
		name           string
		plan, state    *userResourceModel
		errors, warns  []string
		noErr, noWarns bool
	}{
		{name: "unchanged", plan: model(utc, none), state: model(utc, none), noErr: true, noWarns: true},
		{name: "unknown planned value", plan: model(types.StringUnknown(), none), state: model(utc, none), noErr: true, noWarns: true},
		{
			name: "new value, no confirmation", plan: model(london, none), state: model(utc, none), noWarns: true,
			errors: []string{`time_zone is "UTC" in Terraform state for QAComplete user 8162/24793`, `asks for "Europe/London"`, "never returns it", "set create_only_version = 1", `set time_zone back to "UTC"`},
		},
		{
			name: "new value, confirmation already used", plan: model(london, two), state: model(utc, two), noWarns: true,
			errors: []string{"set create_only_version = 3"},
		},
		{
			name: "new value, unknown version", plan: model(london, types.Int64Unknown()), state: model(utc, one), noWarns: true,
			errors: []string{"set create_only_version = 2"},
		},
		{
			name: "new value, confirmed", plan: model(london, two), state: model(utc, one), noErr: true,
			warns: []string{"user 8162/24793", `time_zone = "Europe/London" (was "UTC")`, "Nothing is sent"},
		},
		{
			name: "after import", plan: model(london, none), state: model(types.StringNull(), none), noErr: true,
			warns: []string{`time_zone = "Europe/London" (none recorded)`},
		},
	}
	for _, c := range cases {
		var diags diag.Diagnostics
		planCreateOnly(c.plan, c.state, &diags)
		errs, warns := text(diags.Errors()), text(diags.Warnings())
		if c.noErr != (errs == "") || c.noWarns != (warns == "") {
			t.Errorf("%s: errors %q, warnings %q", c.name, errs, warns)
		}
		for _, w := range c.errors {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: errors %q lack %q", c.name, errs, w)
			}
		}
		for _, w := range c.warns {
			if !strings.Contains(warns, w) {
				t.Errorf("%s: warnings %q lack %q", c.name, warns, w)
			}
		}
	}
}

func text(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}
