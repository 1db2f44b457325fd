package quickhelp

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// userDataModel is one user as both data sources show it: the user the
// resource manages, plus each role with its name. The resource is
// configured with role GUIDs alone; the names are what tells a person which
// GUID to put there.
type userDataModel struct {
	userModel
	Roles []roleModel `tfsdk:"roles"`
}

type roleModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

// flattenUserData is flattenUserModel plus the roles, in the order and the
// number the list gives them.
func flattenUserData(u *User) (userDataModel, diag.Diagnostics) {
	fields, diags := flattenUserModel(u)
	m := userDataModel{userModel: fields, Roles: make([]roleModel, 0, len(u.Roles))}
	for _, r := range u.Roles {
		m.Roles = append(m.Roles, roleModel{ID: types.StringValue(strings.ToLower(r.ID)), Name: types.StringValue(r.Name)})
	}
	return m, diags
}

// userDataAttributes describes one user in both data sources: the
// resource's user attributes, computed, and the roles with their names.
// Each data source adds its lookup arguments on top.
func userDataAttributes(ctx context.Context) map[string]schema.Attribute {
	attrs := providerdata.ComputedAttributes(userResourceSchema(ctx), userAttributeNames...)
	// The resource's user_id and email also say how they pick the user to
	// manage, which a data source does not do.
	attrs["user_id"] = schema.Int64Attribute{Computed: true, MarkdownDescription: "QuickHelp user id (`userId`)."}
	attrs["email"] = schema.StringAttribute{Computed: true, MarkdownDescription: "E-mail address (`email`)."}
	attrs["roles"] = schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "Admin roles (`roles`). QuickHelp publishes no list of role ids, so this is where to find the GUIDs for `saas_quickhelp_user.roles`.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "Role GUID, lower case."},
			"name": schema.StringAttribute{Computed: true, MarkdownDescription: "Role name, e.g. `User Administrator`."},
		}},
	}
	return attrs
}
