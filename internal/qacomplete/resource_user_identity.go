package qacomplete

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
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
		return "", diags
	}
	return resourceID(id.DeptID.ValueInt64(), id.UserID.ValueInt64()), diags
}
