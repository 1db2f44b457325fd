package quickhelp

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The update body takes configured values from the plan and everything else
// from the server, so an update never resets an unmanaged field; confirmed
// and bypassSso are sent only when Terraform knows them.
func TestExpandUpdateKeepsUnconfiguredServerValues(t *testing.T) {
	ctx := context.Background()
	server := &User{UserID: 7, FirstName: ptr("Old"), LastName: ptr("Name"), Email: ptr("a@example.com"), JobTitle: ptr("Boss"), LicenseIssued: true,
		Roles: []Role{{ID: "3F8E2A10-5B1C-4D7E-9A01-000000000005", Name: "User Administrator"}}}
	roles, _ := types.SetValueFrom(ctx, types.StringType, []string{"stale"})
	config := &userResourceModel{userModel: userModel{FirstName: types.StringValue("New"), Email: types.StringValue("A@Example.com"), Licensed: types.BoolNull()}, Roles: types.SetNull(types.StringType)}
	plan := &userResourceModel{userModel: userModel{FirstName: types.StringValue("New"), Email: types.StringValue("A@Example.com"), JobTitle: types.StringValue("stale"), Licensed: types.BoolValue(false)},
		Roles: roles, Confirmed: types.BoolUnknown(), BypassSSO: types.BoolValue(true)}
	got, diags := expandUpdate(ctx, plan, config, server)
	if diags.HasError() {
		t.Fatal(diags)
	}
	// Roles the configuration leaves alone go back exactly as read.
	want := UserUpdate{UserID: 7, FirstName: "New", LastName: "Name", Email: "a@example.com", JobTitle: "Boss", Licensed: true,
		Roles: []string{"3F8E2A10-5B1C-4D7E-9A01-000000000005"}, BypassSSO: ptr(true)}
	if got.FirstName != want.FirstName || got.LastName != want.LastName || got.Email != want.Email || got.JobTitle != want.JobTitle ||
		got.Licensed != want.Licensed || !slices.Equal(got.Roles, want.Roles) || got.Confirmed != nil || got.BypassSSO == nil || !*got.BypassSSO {
		t.Fatalf("expandUpdate = %+v, want %+v", got, want)
	}
	if needsUpdate(UserUpdate{UserID: 7, FirstName: "Old", LastName: "Name", Email: "a@example.com", JobTitle: "Boss", Licensed: true, Roles: []string{"3f8e2a10-5b1c-4d7e-9a01-000000000005"}}, server) {
		t.Fatal("a body equal to the server's values needs no call")
	}
	if !needsUpdate(got, server) {
		t.Fatal("a rename needs a call")
	}
}

// What the list returns and the configuration does not manage is sent back
// exactly as read: spelling, order and surrounding spaces included.
func TestExpandUpdateSendsUnmanagedValuesAsRead(t *testing.T) {
	ctx := context.Background()
	server := &User{UserID: 9, FirstName: ptr(" Ada "), LastName: ptr("Lovelace"), Email: ptr("Ada@Example.COM"), Department: ptr("R&D  "),
		Roles: []Role{{ID: "3F8E2A10-5B1C-4D7E-9A01-000000000005"}, {ID: "3f8e2a10-5b1c-4d7e-9a01-000000000003"}}}
	config := &userResourceModel{userModel: userModel{JobTitle: types.StringValue("Countess")}, Roles: types.SetNull(types.StringType)}
	plan := &userResourceModel{userModel: userModel{JobTitle: types.StringValue("Countess"), Licensed: types.BoolUnknown()}, Roles: types.SetUnknown(types.StringType)}
	got, d := expandUpdate(ctx, plan, config, server)
	if d.HasError() {
		t.Fatal(d)
	}
	want := UserUpdate{UserID: 9, FirstName: " Ada ", LastName: "Lovelace", Email: "Ada@Example.COM", Department: "R&D  ", JobTitle: "Countess",
		Roles: []string{"3F8E2A10-5B1C-4D7E-9A01-000000000005", "3f8e2a10-5b1c-4d7e-9a01-000000000003"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("expandUpdate = %+v\nwant          %+v", got, want)
	}
	state := &userResourceModel{}
	if off := unlicenseBody(state, server); !slices.Equal(off.Roles, want.Roles) || off.Email != "Ada@Example.COM" || off.FirstName != " Ada " {
		t.Fatalf("unlicenseBody = %+v", off)
	}
}

// Role GUIDs and e-mails differing only in case keep the configured form, so
// the configuration never shows false drift.
func TestFlattenUserKeepsCase(t *testing.T) {
	ctx := context.Background()
	roles, _ := types.SetValueFrom(ctx, types.StringType, []string{"3F8E2A10-5B1C-4D7E-9A01-000000000005"})
	m := &userResourceModel{userModel: userModel{Email: types.StringValue("Grace@Example.com")}, Roles: roles, Confirmed: types.BoolUnknown(), BypassSSO: types.BoolValue(true)}
	u := &User{UserID: 3, Email: ptr("grace@example.com"), Roles: []Role{{ID: "3f8e2a10-5b1c-4d7e-9a01-000000000005"}}}
	if d := flattenUser(ctx, u, m); d.HasError() {
		t.Fatal(d)
	}
	if !m.Roles.Equal(roles) || m.Email.ValueString() != "Grace@Example.com" {
		t.Fatalf("case-only differences must keep the configured form: %v %v", m.Roles, m.Email)
	}
	if !m.Confirmed.IsNull() || !m.BypassSSO.ValueBool() || m.FirstName.ValueString() != "" || !m.SSO.IsNull() || m.ID.ValueString() != "3" {
		t.Fatalf("got %+v", m)
	}
	u.Roles = nil
	_ = flattenUser(ctx, u, m)
	if len(m.Roles.Elements()) != 0 {
		t.Fatalf("a real role change must show: %v", m.Roles)
	}
}

// userAttributeNames, from which the data sources' schemas are derived, must
// name exactly the attributes of userModel, which fills their state.
func TestUserAttributeNamesMatchModel(t *testing.T) {
	rt := reflect.TypeFor[userModel]()
	tags := make([]string, 0, rt.NumField())
	for i := range rt.NumField() {
		tags = append(tags, rt.Field(i).Tag.Get("tfsdk"))
	}
	names := slices.Clone(userAttributeNames)
	slices.Sort(tags)
	slices.Sort(names)
	if !slices.Equal(tags, names) {
		t.Fatalf("userModel has %v, userAttributeNames lists %v", tags, names)
	}
}

func TestParseImportID(t *testing.T) {
	cases := []struct {
		in             string
		customer, user int64
		email          string
		ok             bool
	}{
		{"4711", 0, 4711, "", true},
		{"jane@example.com", 0, 0, "jane@example.com", true},
		{"1002/4711", 1002, 4711, "", true},
		{"1002/jane@example.com", 1002, 0, "jane@example.com", true},
		{"0", 0, 0, "", false},
		{"x/4711", 0, 0, "", false},
		{"0/4711", 0, 0, "", false},
		{"not-an-email", 0, 0, "", false},
		{"1002/", 0, 0, "", false},
		{"", 0, 0, "", false},
	}
	for _, c := range cases {
		cust, user, email, err := parseImportID(c.in)
		if (err == nil) != c.ok || (c.ok && (cust != c.customer || user != c.user || email != c.email)) {
			t.Errorf("parseImportID(%q) = %d %d %q %v", c.in, cust, user, email, err)
		}
	}
}
