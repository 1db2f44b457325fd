package qacomplete

import "github.com/hashicorp/terraform-plugin-framework/types"

// rowCovers says whether a list row carries a key for every value the state
// holds among the fields a missing key would flatten to empty or false.
// QAComplete omits null properties, so a missing key may be a cleared value
// or a list that never carries that key (§4.2 leaves its key set open); the
// direct GET tells them apart, at the cost of one call for such a user.
// time_zone, company_name, a_d_search_value and custom1..10 are not
// checked: a missing key keeps the value state holds (flattenUserToResource).
func rowCovers(state *userResourceModel) func(*User) bool {
	held := []struct {
		key string
		set bool
	}{
		{"first_name", nonEmpty(state.FirstName)},
		{"middle_name", nonEmpty(state.MiddleName)},
		{"last_name", nonEmpty(state.LastName)},
		{"email", nonEmpty(state.Email)},
		{"work_phone", nonEmpty(state.Phone)},
		{"date_created", nonEmpty(state.DateCreated)},
		{"date_updated", nonEmpty(state.DateUpdated)},
		{"is_security_admin", state.IsSecurityAdmin.ValueBool()},
		{"is_a_d_account", state.IsAdAccount.ValueBool()},
	}
	return func(u *User) bool {
		keys := u.present()
		for _, h := range held {
			if h.set && !keys.has(h.key) {
				return false
			}
		}
		return true
	}
}

func nonEmpty(v types.String) bool { return !v.IsNull() && !v.IsUnknown() && v.ValueString() != "" }
