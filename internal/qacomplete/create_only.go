package qacomplete

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// QAComplete takes time_zone, company_name and custom1..custom10 only in
// the create call: no update body carries them, and no answer seen so far
// returns time_zone or the custom fields. Such a value changes only in the
// QAComplete UI, and Terraform cannot read the result back, so refusing
// every new value would leave a user who changed it in the UI no way to make
// the configuration and the state agree. The way back is a confirmation the
// user gives: a new create_only_version in the same change as the new
// values (or an import, which leaves them unrecorded). The plan then records
// the configured values into state, sends nothing, and says so in a
// warning; a value QAComplete does report is checked against it at apply,
// so a confirmation never records what the server contradicts. Without a
// confirmation a new value stays an error that gives these steps.

const (
	createOnlyRefusedSummary  = "Cannot change a create-only QAComplete attribute"
	createOnlyRecordedSummary = "Create-only QAComplete values recorded without being sent"
)

// notReturned reports whether QAComplete has never been seen returning the
// attribute, so Terraform cannot see its value.
func notReturned(name string) bool { return name != "company_name" }

// planCreateOnly handles the create-only attributes of an update plan: a
// new value is an error unless create_only_version changed or Terraform had
// no value recorded; the values it records are listed in one warning.
func planCreateOnly(plan, state *userResourceModel, diags *diag.Diagnostics) {
	confirmed := !plan.CreateOnlyVersion.IsUnknown() && !plan.CreateOnlyVersion.Equal(state.CreateOnlyVersion)
	prior := state.createOnly()
	var recorded []string
	for i, planned := range plan.createOnly() {
		name, was := createOnlyNames[i], *prior[i]
		if planned.IsUnknown() || planned.IsNull() || was.IsUnknown() || planned.Equal(was) {
			continue
		}
		if !was.IsNull() && !confirmed {
			diags.AddAttributeError(path.Root(name), createOnlyRefusedSummary, createOnlyRefusedDetail(name, was, *planned, state))
			continue
		}
		from := "none recorded"
		if !was.IsNull() {
			from = fmt.Sprintf("was %q", was.ValueString())
		}
		recorded = append(recorded, fmt.Sprintf("  %s = %q (%s)", name, planned.ValueString(), from))
	}
	if len(recorded) > 0 && !diags.HasError() {
		diags.AddWarning(createOnlyRecordedSummary,
			fmt.Sprintf("The plan records these values for QAComplete user %s in Terraform state, confirmed by a new create_only_version or because Terraform had none recorded (as after an import):\n\n%s\n\nNothing is sent: QAComplete's API cannot change them on an existing user, so they must already be set so in the QAComplete UI. QAComplete does not return time_zone or the custom fields, so Terraform cannot check them; company_name, which it returns, is checked at apply.",
				state.ID.ValueString(), strings.Join(recorded, "\n")))
	}
}

// createOnlyRefusedDetail says why a new create-only value cannot be applied
// and gives the steps that bring configuration and state back to agreement.
func createOnlyRefusedDetail(name string, was, planned types.String, state *userResourceModel) string {
	unseen := ""
	if notReturned(name) {
		unseen = " and never returns it"
	}
	return fmt.Sprintf("%s is %q in Terraform state for QAComplete user %s, and the configuration now asks for %q. QAComplete's API sets %s only when a user is created (no update call carries it)%s, so Terraform cannot change it; re-creating the user would give it a new id and lose its history.\n\n"+
		"To change it: set it to %q in the QAComplete UI, keep %s = %q here, and in the same change set create_only_version = %d. The next plan then records the configured value in Terraform state without sending anything.\n\n"+
		"To leave the user as it is, set %s back to %q.",
		name, was.ValueString(), state.ID.ValueString(), planned.ValueString(), name, unseen,
		planned.ValueString(), name, planned.ValueString(), nextCreateOnlyVersion(state.CreateOnlyVersion),
		name, was.ValueString())
}

// nextCreateOnlyVersion is the create_only_version a confirmation can use:
// one more than the recorded one, or 1.
func nextCreateOnlyVersion(v types.Int64) int64 {
	if v.IsNull() || v.IsUnknown() {
		return 1
	}
	return v.ValueInt64() + 1
}

// checkReportedCreateOnly refuses, at apply and before anything is recorded,
// a create-only value the plan would record while QAComplete reports
// another one for it.
func checkReportedCreateOnly(plan, state *userResourceModel, server *User) diag.Diagnostics {
	var diags diag.Diagnostics
	prior, reported := state.createOnly(), server.createOnly()
	for i, planned := range plan.createOnly() {
		name, has := createOnlyNames[i], reported[i]
		if planned.IsUnknown() || planned.IsNull() || planned.Equal(*prior[i]) || has == nil || *has == planned.ValueString() {
			continue
		}
		diags.AddAttributeError(path.Root(name), "QAComplete reports another create-only value",
			fmt.Sprintf("QAComplete reports %s = %q for user %s, and the configuration asks to record %q. Nothing was sent or recorded. Set it to %q in the QAComplete UI first, or set %s = %q here.",
				name, *has, state.ID.ValueString(), planned.ValueString(), planned.ValueString(), name, *has))
	}
	return diags
}

// checkAdoptedCreateOnly compares the configured create-only values with
// the user an adoption takes over. The update call cannot carry them, so a
// value QAComplete reports must already be the configured one (else an
// error, before anything is sent); the values it does not report are
// recorded as configured, unchecked, and listed in a warning.
func checkAdoptedCreateOnly(plan *userResourceModel, existing *User) diag.Diagnostics {
	var diags diag.Diagnostics
	reported := existing.createOnly()
	var unchecked []string
	for i, v := range plan.createOnly() {
		name, has := createOnlyNames[i], reported[i]
		switch {
		case v.IsNull() || v.IsUnknown():
		case has == nil:
			unchecked = append(unchecked, fmt.Sprintf("  %s = %q", name, v.ValueString()))
		case *has != v.ValueString():
			diags.AddAttributeError(path.Root(name), createOnlyRefusedSummary,
				fmt.Sprintf("The adopted user %d has %s %q and the configuration asks for %q; QAComplete's API sets it only when a user is created. Change it in the QAComplete UI, or set %s = %q here. Nothing was sent.", existing.ID, name, *has, v.ValueString(), name, *has))
		}
	}
	if len(unchecked) > 0 && !diags.HasError() {
		diags.AddWarning(createOnlyRecordedSummary,
			fmt.Sprintf("The adopted QAComplete user %d keeps the values it has in QAComplete for these create-only attributes: QAComplete's update call cannot carry them and its answers do not return them, so Terraform recorded the configured values without sending or checking them:\n\n%s\n\nMake sure the QAComplete UI shows the same values.",
				existing.ID, strings.Join(unchecked, "\n")))
	}
	return diags
}
