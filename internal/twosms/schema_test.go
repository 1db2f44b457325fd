package twosms

import (
	"context"
	"strings"
	"testing"

	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// lookupArguments are the single-user data source's own arguments: they
// pick the user, so their text says how, not what the field is.
var lookupArguments = map[string]bool{"user_id": true, "username": true, "email_address": true}

// Both data sources show every attribute of the user model with the
// resource's type and description, so the three pages of documentation
// cannot tell different stories about the same field.
func TestDataSourcesDescribeTheUserAsTheResourceDoes(t *testing.T) {
	rs := resourceSchema(t).Schema
	one := dataSourceSchema(t, &UserDataSource{})
	list := dataSourceSchema(t, &UsersDataSource{})
	users, ok := list.Attributes["users"].(dsschema.ListNestedAttribute)
	if !ok {
		t.Fatalf("users is %T", list.Attributes["users"])
	}
	ctx := context.Background()
	for _, name := range userAttributeNames() {
		ra, ok := rs.Attributes[name]
		if !ok {
			t.Fatalf("the resource has no attribute %q for the model field", name)
		}
		for where, a := range map[string]dsschema.Attribute{"saas_twosms_admin_user": one.Attributes[name], "saas_twosms_admin_users.users": users.NestedObject.Attributes[name]} {
			if a == nil {
				t.Errorf("%s lacks %s", where, name)
				continue
			}
			if !a.GetType().Equal(ra.GetType()) || !a.IsComputed() {
				t.Errorf("%s.%s: type %s computed %v, resource has %s", where, name, a.GetType(), a.IsComputed(), ra.GetType())
			}
			if where == "saas_twosms_admin_user" && lookupArguments[name] {
				if !a.IsOptional() {
					t.Errorf("%s.%s is a lookup argument and must be optional", where, name)
				}
				continue
			}
			if a.GetMarkdownDescription() != ra.GetMarkdownDescription() {
				t.Errorf("%s.%s: description %q, resource says %q", where, name, a.GetMarkdownDescription(), ra.GetMarkdownDescription())
			}
		}
	}
	if got, want := len(users.NestedObject.Attributes), len(userAttributeNames()); got != want {
		t.Errorf("each listed user has %d attributes, the user model %d", got, want)
	}
	for _, d := range []interface{ HasError() bool }{rs.ValidateImplementation(ctx), one.ValidateImplementation(ctx), list.ValidateImplementation(ctx)} {
		if d.HasError() {
			t.Errorf("invalid schema: %v", d)
		}
	}
}

// The resource and both data sources take a timeouts attribute whose
// description states the default the operations fall back to.
func TestTimeoutsDocumentTheDefault(t *testing.T) {
	rs := resourceSchema(t).Schema
	for name, desc := range map[string]string{
		"saas_twosms_admin_user resource":     rs.Attributes["timeouts"].GetMarkdownDescription(),
		"saas_twosms_admin_user data source":  dataSourceSchema(t, &UserDataSource{}).Attributes["timeouts"].GetMarkdownDescription(),
		"saas_twosms_admin_users data source": dataSourceSchema(t, &UsersDataSource{}).Attributes["timeouts"].GetMarkdownDescription(),
	} {
		if !strings.Contains(desc, "`10m`") {
			t.Errorf("%s: timeouts description %q does not state the 10m default", name, desc)
		}
	}
	if providerdata.DefaultTimeoutText != "10m" {
		t.Errorf("providerdata.DefaultTimeoutText = %q", providerdata.DefaultTimeoutText)
	}
}
