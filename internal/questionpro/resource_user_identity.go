package questionpro

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userIdentityModel is the identity of a saas_questionpro_user (Terraform
// 1.12+, OpenTofu 1.12+): QuestionPro's numeric user id, which never
// changes, unlike the e-mail.
type userIdentityModel struct {
	UserID types.Int64 `tfsdk:"user_id"`
}

func (r *UserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"user_id": identityschema.Int64Attribute{
				Description: "QuestionPro user id (`userID`), the same as the resource's `user_id`. " +
					"An import by identity reads the user by this id and needs no `questionpro.organization_id`.",
				RequiredForImport: true,
			},
		},
	}
}

// identity is the identity of the user m holds.
func (m *userResourceModel) identity() userIdentityModel {
	return userIdentityModel{UserID: m.UserID}
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
// `terraform import` or an import block, or the one an import block's
// identity stands for, so both take the same path.
func importIDOf(ctx context.Context, req resource.ImportStateRequest) (string, diag.Diagnostics) {
	if req.ID != "" || req.Identity == nil {
		return req.ID, nil
	}
	var id userIdentityModel
	diags := req.Identity.Get(ctx, &id)
	if diags.HasError() {
		return "", diags
	}
	if id.UserID.IsNull() || id.UserID.IsUnknown() || id.UserID.ValueInt64() < 1 {
		diags.AddError("Invalid identity for saas_questionpro_user",
			fmt.Sprintf("identity.user_id must be a QuestionPro user id (a number of 1 or more), got %s.", id.UserID))
		return "", diags
	}
	return strconv.FormatInt(id.UserID.ValueInt64(), 10), diags
}
