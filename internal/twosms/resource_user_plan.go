package twosms

import (
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// terraformOnly are the attributes an update never sends to 2sms: what
// destroy does and how long operations may take live in Terraform state
// alone, and date_modified is 2sms's own, changed only by a write. Every
// other attribute is sent when it changes, or makes the update send
// something (password_wo_version sends the password, pin_wo_version the
// PIN).
var terraformOnly = map[string]bool{"on_destroy": true, "timeouts": true, "date_modified": true}

// writesNothing reports whether an update from state to plan changes only
// terraformOnly attributes, so it sends nothing to 2sms. A value unknown in
// the plan counts as a change.
func writesNothing(plan, state tftypes.Value) bool {
	return !changesBesides(plan, state, terraformOnly)
}
