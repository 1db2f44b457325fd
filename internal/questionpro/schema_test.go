package questionpro

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// userAttributeNames is the list the data sources copy from the resource:
// it must name every field of userModel, or a data source would lack one.
func TestUserAttributeNamesMatchModel(t *testing.T) {
	var tags []string
	typ := reflect.TypeFor[userModel]()
	for i := range typ.NumField() {
		tags = append(tags, typ.Field(i).Tag.Get("tfsdk"))
	}
	if !slices.Equal(tags, userAttributeNames) {
		t.Fatalf("userModel has %v, userAttributeNames %v", tags, userAttributeNames)
	}
}

func dataSourceSchema(t *testing.T, ds datasource.DataSource) dsschema.Schema {
	t.Helper()
	ctx := context.Background()
	var resp datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
	if d := resp.Schema.ValidateImplementation(ctx); d.HasError() || resp.Diagnostics.HasError() {
		t.Fatalf("%T: %v %v", ds, d, resp.Diagnostics)
	}
	return resp.Schema
}

// Both data sources describe the user with the resource's words, read-only,
// so the three registry pages cannot drift apart.
func TestDataSourcesTakeTheUserFromTheResourceSchema(t *testing.T) {
	rs := userResourceSchema(context.Background())
	lookups := map[string]bool{"user_id": true, "email_address": true, "organization_id": true}

	one := dataSourceSchema(t, NewUserDataSource())
	for _, name := range append([]string{"id"}, userAttributeNames...) {
		a, ok := one.Attributes[name]
		if !ok {
			t.Fatalf("saas_questionpro_user lacks %s", name)
		}
		if lookups[name] {
			if !a.IsOptional() || !a.IsComputed() {
				t.Errorf("saas_questionpro_user.%s is a lookup argument: want optional and computed", name)
			}
			continue
		}
		if !a.IsComputed() || a.IsOptional() || a.IsRequired() {
			t.Errorf("saas_questionpro_user.%s must be read-only", name)
		}
		if got, want := a.GetMarkdownDescription(), rs.Attributes[name].GetMarkdownDescription(); got != want {
			t.Errorf("saas_questionpro_user.%s: description %q, the resource says %q", name, got, want)
		}
	}

	list := dataSourceSchema(t, NewUsersDataSource())
	users, ok := list.Attributes["users"].(dsschema.ListNestedAttribute)
	if !ok {
		t.Fatalf("saas_questionpro_users.users is %T", list.Attributes["users"])
	}
	if len(users.NestedObject.Attributes) != len(userAttributeNames) {
		t.Errorf("saas_questionpro_users.users has %d attributes, the user has %d", len(users.NestedObject.Attributes), len(userAttributeNames))
	}
	for _, name := range userAttributeNames {
		a, ok := users.NestedObject.Attributes[name]
		if !ok {
			t.Fatalf("saas_questionpro_users.users lacks %s", name)
		}
		if !a.IsComputed() || a.IsOptional() {
			t.Errorf("saas_questionpro_users.users.%s must be read-only", name)
		}
		if got, want := a.GetMarkdownDescription(), rs.Attributes[name].GetMarkdownDescription(); got != want {
			t.Errorf("saas_questionpro_users.users.%s: description %q, the resource says %q", name, got, want)
		}
	}
}

// Every resource and data source of the vendor takes a timeouts block whose
// description states the default its operations use.
func TestEveryOperationHasDocumentedTimeouts(t *testing.T) {
	ctx := context.Background()
	var rresp resource.SchemaResponse
	NewUserResource().Schema(ctx, resource.SchemaRequest{}, &rresp)
	described := map[string]string{"saas_questionpro_user": rresp.Schema.Attributes["timeouts"].GetMarkdownDescription()}
	for name, ds := range map[string]datasource.DataSource{"data.saas_questionpro_user": NewUserDataSource(), "data.saas_questionpro_users": NewUsersDataSource()} {
		a, ok := dataSourceSchema(t, ds).Attributes["timeouts"]
		if !ok {
			t.Fatalf("%s has no timeouts", name)
		}
		nested, ok := a.(dsschema.SingleNestedAttribute)
		if !ok || !a.IsOptional() {
			t.Fatalf("%s: timeouts is %T, want an optional nested attribute", name, a)
		}
		if _, ok := nested.Attributes["read"]; !ok {
			t.Fatalf("%s: timeouts has no read", name)
		}
		described[name] = a.GetMarkdownDescription()
	}
	for name, desc := range described {
		if !strings.Contains(desc, providerdata.DefaultTimeoutText) {
			t.Errorf("%s: timeouts description %q does not state the default %s", name, desc, providerdata.DefaultTimeoutText)
		}
	}
}
