package quickhelp

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userIdentityModel is the identity of a saas_quickhelp_user (Terraform 1.12+,
// OpenTofu 1.12+): QuickHelp's numeric user id, which never changes, unlike
// the e-mail.
type userIdentityModel struct {
	UserID types.Int64 `tfsdk:"user_id"`
}

func (r *UserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"user_id": identityschema.Int64Attribute{
				Description: "QuickHelp user id (`userId`), the same as the resource's `user_id`. " +
					"An import by identity looks the user up in the provider's `quickhelp.customer_id` (or the API key's own account); " +
					"for a user of another customer of a partner key, import by the id `<customer_id>/<user_id>` instead.",
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
	if id.UserID.IsNull() || id.UserID.IsUnknown() || id.UserID.ValueInt64() < 1 || id.UserID.ValueInt64() > math.MaxInt32 {
		diags.AddError("Invalid identity for saas_quickhelp_user",
			fmt.Sprintf("identity.user_id must be a QuickHelp user id (a number from 1 to %d), got %s.", math.MaxInt32, id.UserID))
		return ""
	}
	return strconv.FormatInt(id.UserID.ValueInt64(), 10)
}
