package twosms

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
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

// setIdentity records the user's identity after every create, read, update
// and import. Terraform before 1.12 keeps no identity and a state written
// before identity existed has none, so each of them starts from a null
// identity and must leave a complete one: the framework refuses an operation
// that ends without it.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id userIdentityModel) diag.Diagnostics {
	if identity == nil {
		return nil // a framework call that carries no identity
	}
	return identity.Set(ctx, id)
}

// importIDOf is the import id of either form of import: the id given to
// `terraform import` or an import block, or the GUID an import block's
// identity holds, so both take the same path. Only a GUID is an identity: a
// username there would be looked up and import a user whose identity is
// not the one the import block names.
func importIDOf(ctx context.Context, req resource.ImportStateRequest) (string, diag.Diagnostics) {
	if req.ID != "" || req.Identity == nil {
		return req.ID, nil
	}
	var id userIdentityModel
	diags := req.Identity.Get(ctx, &id)
	if diags.HasError() {
		return "", diags
	}
	if id.ID.IsNull() || id.ID.IsUnknown() || !validate.IsGUID(id.ID.ValueString()) {
		diags.AddError("Invalid identity for "+typeName,
			fmt.Sprintf("identity.id must be the user's GUID (for example a2d8b2d2-1673-4f2d-a9ec-b02947160be7), got %s. To import by username or e-mail address, use id instead of identity in the import block.", id.ID))
		return "", diags
	}
	return id.ID.ValueString(), diags
}
