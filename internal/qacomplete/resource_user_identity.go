package qacomplete

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userIdentityModel is the identity of a saas_qacomplete_user (Terraform
// 1.12+, OpenTofu 1.12+): the primary department and the user id, the two
// numbers every QAComplete call about the user names.
type userIdentityModel struct {
	DeptID types.Int64 `tfsdk:"dept_id"`
	UserID types.Int64 `tfsdk:"user_id"`
}

func (r *UserResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"dept_id": identityschema.Int64Attribute{
				Description:       "The user's primary department, the same as the resource's `dept_id`: QAComplete reaches a user only through it.",
				RequiredForImport: true,
			},
			"user_id": identityschema.Int64Attribute{
				Description:       "QAComplete user id (`id` in the API), the same as the resource's `user_id`.",
				RequiredForImport: true,
			},
		},
	}
}

// identity is the identity of the user m holds.
func (m *userResourceModel) identity() userIdentityModel {
	return userIdentityModel{DeptID: m.DeptID, UserID: m.UserID}
}

// identityImportID checks an import block's identity and turns it into the
// import id it stands for, so an import by identity takes the same path as
// one by id.
func identityImportID(id userIdentityModel, diags *diag.Diagnostics) string {
	for _, a := range []struct {
		name string
		v    types.Int64
	}{{"dept_id", id.DeptID}, {"user_id", id.UserID}} {
		if a.v.IsNull() || a.v.IsUnknown() || a.v.ValueInt64() < 1 {
			diags.AddError("Invalid identity for saas_qacomplete_user",
				fmt.Sprintf("identity.%s must be a QAComplete id (a number of 1 or more), got %s.", a.name, a.v))
		}
	}
	if diags.HasError() {
		return ""
	}
	return resourceID(id.DeptID.ValueInt64(), id.UserID.ValueInt64())
}
