package twosms

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

// userIdentityModel is the identity of a saas_twosms_admin_user (Terraform
// 1.12+, OpenTofu 1.12+): the user's GUID, in the lower case 2sms writes,
// which never changes, unlike the username or e-mail.
type userIdentityModel struct {
	ID types.String `tfsdk:"id"`
}

func (r *UserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				Description: "The user's GUID (`ID`), the same as the resource's `id`, in lower case. " +
					"An import by identity accepts it in either case; a username or e-mail address is imported by `id` instead.",
				RequiredForImport: true,
			},
		},
	}
}

// identity is the identity of the user m holds. The GUID is lower-cased: the
// state keeps a configured upper-case spelling, and the identity must not
// change with it.
func (m *userResourceModel) identity() userIdentityModel {
	if m.ID.IsNull() || m.ID.IsUnknown() {
		return userIdentityModel{ID: m.ID}
	}
	return userIdentityModel{ID: types.StringValue(normalizeGUID(m.ID.ValueString()))}
}

// identityImportID checks an import block's identity and turns it into the
// import id it stands for, so an import by identity takes the same path as
// one by id.
func identityImportID(id userIdentityModel, diags *diag.Diagnostics) string {
	if id.ID.IsNull() || id.ID.IsUnknown() || !validate.IsGUID(id.ID.ValueString()) {
		diags.AddError("Invalid identity for "+typeName,
			fmt.Sprintf("identity.id must be the user's GUID (for example a2d8b2d2-1673-4f2d-a9ec-b02947160be7), got %s. To import by username or e-mail address, use id instead of identity in the import block.", id.ID))
		return ""
	}
	return id.ID.ValueString()
}
