package qacomplete

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// QAComplete's PUT cannot carry time_zone, company_name or custom1..10, and
// the document does not say whether it keeps or resets them (§5.1.4). The
// provider cannot choose: the seed's PUT is the update. So the plan warns
// when an update is about to send a PUT to a user holding such values, and
// the apply compares what QAComplete reports before and after the PUT: a
// value the PUT changed is an error that says what was lost, with state
// recording what QAComplete now holds.

const putMayResetSummary = "This update may reset create-only QAComplete values"

// warnPutMayReset adds the plan-time warning for an update that sends a PUT
// to a user with create-only values recorded.
func warnPutMayReset(state *userResourceModel, diags *diag.Diagnostics) {
	var held []string
	for i, v := range state.createOnly() {
		if !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" {
			held = append(held, fmt.Sprintf("  %s = %q", createOnlyNames[i], v.ValueString()))
		}
	}
	if len(held) == 0 {
		return
	}
	diags.AddWarning(putMayResetSummary,
		fmt.Sprintf("Updating QAComplete user %s sends QAComplete's PUT, whose body cannot carry time_zone, company_name or custom1..custom10. QAComplete does not document whether the PUT keeps them; on a tenant where it resets them, these values would be lost and could only be set again in the QAComplete UI:\n\n%s\n\nThe vendor-assumptions guide (put_clears_create_only) says how to check your tenant on a test user. When QAComplete reports a value the PUT changed, the apply fails and names it.",
			state.ID.ValueString(), strings.Join(held, "\n")))
}

// putResetCreateOnly lists the create-only values QAComplete reported
// before the PUT and reports otherwise after it; those it does not report
// cannot be compared.
func putResetCreateOnly(before, after *User) []string {
	var lost []string
	was, now := before.createOnly(), after.createOnly()
	for i, b := range was {
		if b == nil || now[i] == nil || *b == *now[i] {
			continue
		}
		lost = append(lost, fmt.Sprintf("  %s was %q and is now %q", createOnlyNames[i], *b, *now[i]))
	}
	return lost
}

// putResetDetail is the apply-time error for values the PUT changed.
func putResetDetail(id string, lost []string) string {
	return fmt.Sprintf("QAComplete's PUT, which updated user %s, changed create-only values its body cannot carry:\n\n%s\n\nThis tenant's PUT resets them; time_zone and the custom fields, which QAComplete may not report, were most likely reset too, so Terraform no longer records a value for those it cannot see. The update itself was applied, and Terraform state records what QAComplete now holds. QAComplete's API cannot set these values on an existing user: set them again in the QAComplete UI, then run terraform apply to record them.",
		id, strings.Join(lost, "\n"))
}
