package qacomplete

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// userModelAttributes is the list the data source schemas are derived
// from; it must name exactly userModel's fields.
func TestUserModelAttributesNameUserModel(t *testing.T) {
	var tags []string
	typ := reflect.TypeFor[userModel]()
	for i := range typ.NumField() {
		tags = append(tags, typ.Field(i).Tag.Get("tfsdk"))
	}
	slices.Sort(tags)
	names := slices.Sorted(slices.Values(userModelAttributes))
	if !slices.Equal(tags, names) {
		t.Fatalf("userModel has %v, userModelAttributes names %v", tags, names)
	}
}

// The data sources describe the user with the resource's attribute types
// and, except where the resource speaks of configuring it, its
// descriptions; nothing a data source says about a user field may be about
// setting or changing it.
func TestDataSourceUserAttributesComeFromTheResource(t *testing.T) {
	ctx := context.Background()
	rs := userResourceSchema(ctx)
	one := dataSourceSchema(t, NewUserDataSource())
	list := dataSourceSchema(t, NewUsersDataSource())
	nested, ok := list.Attributes["users"].(dsschema.ListNestedAttribute)
	if !ok {
		t.Fatalf("users is %T", list.Attributes["users"])
	}
	resourceOnly := []string{"When omitted", "plan time", "removed from state", "configuration", "re-sent"}
	for _, name := range userModelAttributes {
		want := rs.Attributes[name]
		for where, got := range map[string]dsschema.Attribute{"saas_qacomplete_user": one.Attributes[name], "saas_qacomplete_users": nested.NestedObject.Attributes[name]} {
			if got == nil {
				t.Errorf("%s has no %s", where, name)
				continue
			}
			if !got.GetType().Equal(want.GetType()) {
				t.Errorf("%s.%s is %s, the resource's is %s", where, name, got.GetType(), want.GetType())
			}
			desc := got.GetMarkdownDescription()
			if desc == "" {
				t.Errorf("%s.%s has no description", where, name)
			}
			for _, phrase := range resourceOnly {
				if strings.Contains(desc, phrase) {
					t.Errorf("%s.%s speaks of the resource (%q): %s", where, name, phrase, desc)
				}
			}
		}
		if d := nested.NestedObject.Attributes[name]; d != nil && !d.IsComputed() {
			t.Errorf("saas_qacomplete_users users.%s must be computed", name)
		}
	}
	// The lookup arguments start from the resource's description.
	for _, name := range []string{"user_id", "email"} {
		if got, base := one.Attributes[name].GetMarkdownDescription(), rs.Attributes[name].GetMarkdownDescription(); !strings.HasPrefix(got, base) {
			t.Errorf("saas_qacomplete_user.%s = %q, want it to start with the resource's %q", name, got, base)
		}
	}
}

// Every resource and data source has a timeouts attribute whose
// description gives the default.
func TestTimeoutsDocumentTheirDefault(t *testing.T) {
	ctx := context.Background()
	var rs resource.SchemaResponse
	NewUserResource().Schema(ctx, resource.SchemaRequest{}, &rs)
	descs := map[string]string{"saas_qacomplete_user": attrDescription(rs.Schema.Attributes["timeouts"])}
	for name, d := range map[string]datasource.DataSource{"data.saas_qacomplete_user": NewUserDataSource(), "data.saas_qacomplete_users": NewUsersDataSource()} {
		descs[name] = attrDescription(dataSourceSchema(t, d).Attributes["timeouts"])
	}
	for name, desc := range descs {
		if !strings.Contains(desc, "`10m`") {
			t.Errorf("%s: timeouts description does not give the default: %q", name, desc)
		}
	}
}

func attrDescription(a interface{ GetMarkdownDescription() string }) string {
	if a == nil {
		return ""
	}
	return a.GetMarkdownDescription()
}

func dataSourceSchema(t *testing.T, d datasource.DataSource) dsschema.Schema {
	t.Helper()
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return resp.Schema
}
