package questionpro

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
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

// identityImportID checks an import block's identity and turns it into the
// import id it stands for, so an import by identity takes the same path as
// one by id.
func identityImportID(id userIdentityModel, diags *diag.Diagnostics) string {
	if id.UserID.IsNull() || id.UserID.IsUnknown() || id.UserID.ValueInt64() < 1 {
		diags.AddError("Invalid identity for saas_questionpro_user",
			fmt.Sprintf("identity.user_id must be a QuestionPro user id (a number of 1 or more), got %s.", id.UserID))
		return ""
	}
	return strconv.FormatInt(id.UserID.ValueInt64(), 10)
}
