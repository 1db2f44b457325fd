package providerdata

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// SetIdentity records a resource's identity after a create, read, update or
// import. Terraform before 1.12 keeps no identity and a state written before
// identity existed has none, so each operation starts from a null identity
// and must leave a complete one: the framework refuses an operation that
// ends without it. A nil identity is a framework call that carries none.
func SetIdentity[M any](ctx context.Context, identity *tfsdk.ResourceIdentity, id M) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, id)
}

// ImportID is the import id of either form of import: the id given to
// `terraform import` or an import block, or the one an import block's
// identity stands for, which toID checks and converts (adding an error that
// names the identity attribute when it is not valid). Both forms then take
// the same path.
func ImportID[M any](ctx context.Context, req resource.ImportStateRequest, toID func(M, *diag.Diagnostics) string) (string, diag.Diagnostics) {
	if req.ID != "" || req.Identity == nil {
		return req.ID, nil
	}
	var id M
	diags := req.Identity.Get(ctx, &id)
	if diags.HasError() {
		return "", diags
	}
	s := toID(id, &diags)
	if diags.HasError() {
		return "", diags
	}
	return s, diags
}
