package qacomplete

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A list row that lacks a key for a value state holds is not served (the
// value would flatten as cleared); a missing key for a value state does not
// hold, or for a field whose missing key keeps state's value, is fine.
func TestRowCovers(t *testing.T) {
	str := func(s string) *string { return &s }
	yes := true
	full := func() *User {
		return &User{ID: 7, FirstName: str("Ada"), LastName: str("L"), Email: str("ada@example.com"), IsSecurityAdmin: &yes, IsADAccount: &yes, DateCreated: str("d"), DateUpdated: str("d")}
	}
	state := func(mut func(*userResourceModel)) *userResourceModel {
		m := &userResourceModel{}
		m.FirstName, m.LastName, m.Email = types.StringValue("Ada"), types.StringValue("L"), types.StringValue("ada@example.com")
		m.MiddleName, m.Phone, m.CompanyName = types.StringValue(""), types.StringNull(), types.StringValue("ACME")
		m.DateCreated, m.DateUpdated = types.StringValue("d"), types.StringValue("d")
		m.IsSecurityAdmin, m.IsAdAccount = types.BoolValue(false), types.BoolValue(false)
		if mut != nil {
			mut(m)
		}
		return m
	}
	cases := map[string]struct {
		state *userResourceModel
		row   func(*User)
		want  bool
	}{
		"row carries what state holds":         {state(nil), nil, true},
		"no middle name anywhere":              {state(nil), func(u *User) { u.MiddleName = nil }, true},
		"state holds a middle name":            {state(func(m *userResourceModel) { m.MiddleName = types.StringValue("M") }), nil, false},
		"state holds a phone":                  {state(func(m *userResourceModel) { m.Phone = types.StringValue("555") }), nil, false},
		"state holds security admin":           {state(func(m *userResourceModel) { m.IsSecurityAdmin = types.BoolValue(true) }), func(u *User) { u.IsSecurityAdmin = nil }, false},
		"company name is kept when omitted":    {state(nil), func(u *User) { u.CompanyName = nil }, true},
		"row without date_updated":             {state(nil), func(u *User) { u.DateUpdated = nil }, false},
		"row with the phone state holds":       {state(func(m *userResourceModel) { m.Phone = types.StringValue("555") }), func(u *User) { u.WorkPhone = str("555") }, true},
		"row with the middle name state holds": {state(func(m *userResourceModel) { m.MiddleName = types.StringValue("M") }), func(u *User) { u.MiddleName = str("") }, true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			u := full()
			if c.row != nil {
				c.row(u)
			}
			if got := rowCovers(c.state)(u); got != c.want {
				t.Fatalf("rowCovers = %v, want %v", got, c.want)
			}
		})
	}
}
