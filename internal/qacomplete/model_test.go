package qacomplete

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func ptr[T any](v T) *T { return &v }

// The PUT body takes configured values from the plan and everything else
// from the server, so an update never resets an unmanaged field.
func TestExpandUserPutKeepsUnconfiguredServerValues(t *testing.T) {
	server := &User{
		ID: 1, FirstName: ptr("Old"), LastName: ptr("Name"), MiddleName: ptr("M"), Email: ptr("a@example.com"),
		WorkPhone: ptr("555"), IsSecurityAdmin: ptr(true), IsADAccount: ptr(true), ADSearchValue: ptr("CN=a"),
	}
	config := &userResourceModel{userModel: userModel{
		FirstName: types.StringValue("New"), LastName: types.StringValue("Name"), Email: types.StringValue("a@example.com"),
		MiddleName: types.StringNull(), Phone: types.StringNull(), AdSearchValue: types.StringNull(),
		IsSecurityAdmin: types.BoolNull(), IsAdAccount: types.BoolValue(false),
	}}
	plan := &userResourceModel{userModel: userModel{
		FirstName: types.StringValue("New"), LastName: types.StringValue("Name"), Email: types.StringValue("a@example.com"),
		MiddleName: types.StringValue("stale"), Phone: types.StringValue("stale"), AdSearchValue: types.StringValue("stale"),
		IsSecurityAdmin: types.BoolValue(false), IsAdAccount: types.BoolValue(false),
	}}
	got := expandUserPut(plan, config, server)
	want := UserPut{FirstName: "New", LastName: "Name", MiddleName: "M", Email: "a@example.com", IsSecurityAdmin: true, Phone: "555", IsAdAccount: false, AdSearchValue: "CN=a"}
	if got != want {
		t.Fatalf("expandUserPut = %+v, want %+v", got, want)
	}
}

// A field the server does not return falls back to the value Terraform
// last saw rather than being sent empty.
func TestExpandUserPutFallsBackToPriorForUnreturnedFields(t *testing.T) {
	server := &User{ID: 1, FirstName: ptr("A"), LastName: ptr("B"), Email: ptr("a@example.com")}
	config := &userResourceModel{userModel: userModel{FirstName: types.StringValue("A"), LastName: types.StringValue("B"), Email: types.StringValue("a@example.com"), AdSearchValue: types.StringNull(), MiddleName: types.StringNull(), Phone: types.StringNull()}}
	plan := &userResourceModel{userModel: userModel{FirstName: types.StringValue("A"), LastName: types.StringValue("B"), Email: types.StringValue("a@example.com"), AdSearchValue: types.StringValue("CN=kept"), MiddleName: types.StringUnknown(), Phone: types.StringValue("")}}
	got := expandUserPut(plan, config, server)
	if got.AdSearchValue != "CN=kept" || got.MiddleName != "" {
		t.Fatalf("got %+v", got)
	}
}

func TestFlattenUserKeepsUnreturnedCreateOnlyFields(t *testing.T) {
	m := &userResourceModel{TimeZone: types.StringValue("UTC"), Custom3: types.StringValue("x"), Custom4: types.StringUnknown(), userModel: userModel{CompanyName: types.StringUnknown(), AdSearchValue: types.StringUnknown()}}
	flattenUserToResource(8162, &User{ID: 7, FirstName: ptr("A"), IsActive: ptr(true)}, m)
	if m.TimeZone.ValueString() != "UTC" || m.Custom3.ValueString() != "x" {
		t.Fatalf("fields the API does not return must keep their value: %+v", m)
	}
	if !m.Custom4.IsNull() {
		t.Fatalf("an unknown unreturned field must become null, got %v", m.Custom4)
	}
	if m.ID.ValueString() != "8162/7" || m.PrimaryDeptID.ValueInt64() != 8162 || m.CompanyName.ValueString() != "" {
		t.Fatalf("got %+v", m)
	}
}

func TestUserActive(t *testing.T) {
	if !(&User{}).Active() || !(&User{IsActive: ptr(true)}).Active() || (&User{IsActive: ptr(false)}).Active() {
		t.Fatal("only an explicit is_active=false means disabled")
	}
}
