package qacomplete

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

var (
	_ datasource.DataSource                     = &UserDataSource{}
	_ datasource.DataSourceWithConfigure        = &UserDataSource{}
	_ datasource.DataSourceWithConfigValidators = &UserDataSource{}
)

// NewUserDataSource is the saas_qacomplete_user data source constructor.
func NewUserDataSource() datasource.DataSource { return &UserDataSource{} }

// UserDataSource reads one QAComplete user by id or e-mail.
type UserDataSource struct {
	conn providerdata.Conn[Client]
}

type userDataSourceModel struct {
	ID       types.String   `tfsdk:"id"`
	DeptID   types.Int64    `tfsdk:"dept_id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	userModel
}

func (d *UserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_qacomplete_user"
}

func (d *UserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userDataSourceAttributes(ctx)
	attrs["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "`<dept_id>/<user_id>`."}
	attrs["timeouts"] = providerdata.DataSourceTimeouts(ctx)
	attrs["dept_id"] = schema.Int64Attribute{
		Required:            true,
		MarkdownDescription: "Department to look in (users are found through their primary department).",
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	// The lookup arguments: what the user's field is, then how it selects.
	attrs["user_id"] = schema.Int64Attribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: attrs["user_id"].GetMarkdownDescription() + " Set it to read that user. Exactly one of `user_id` and `email` must be set.",
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["email"] = schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: attrs["email"].GetMarkdownDescription() + " Set it to find the user by e-mail (case-insensitive). Exactly one of `user_id` and `email` must be set.",
		Validators:          []validator.String{validate.Email()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one SmartBear QAComplete user of a department, by id (`GET /depts/{DeptId}/users/{UserId}`) or by e-mail (the department's user list, `GET /depts/{DeptId}/users`, walked whole at 1000 users a page and matched client-side, case-insensitively). When many users of one department are read in the same run (a refresh, several data sources), they are answered from one walk of that list, kept up to date with the provider's own writes, instead of one call each; a user missing from it is read by id.",
		Attributes:          attrs,
	}
}

func (d *UserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_id"), path.MatchRoot("email")),
	}
}

func (d *UserDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_qacomplete_user", &resp.Diagnostics)
}

func (d *UserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg userDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	c := d.conn.Client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, diags := cfg.Timeouts.Read(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	deptID := cfg.DeptID.ValueInt64()
	var user *User
	var err error
	if !cfg.UserID.IsNull() {
		var gone Gone
		user, gone, err = c.ReadUserListed(ctx, deptID, cfg.UserID.ValueInt64(), nil)
		if gone == DepartmentGone {
			resp.Diagnostics.AddAttributeError(path.Root("dept_id"), "QAComplete department not found",
				fmt.Sprintf("Department %d does not exist: QAComplete answers not-found for it, and GET /depts does not list it.", deptID))
			return
		}
		if gone == UserGone {
			resp.Diagnostics.AddAttributeError(path.Root("user_id"), "QAComplete user not found",
				fmt.Sprintf("No user %d has department %d as its primary department.", cfg.UserID.ValueInt64(), deptID))
			return
		}
	} else {
		user, err = c.FindListedUserByEmail(ctx, deptID, cfg.Email.ValueString())
		if err == nil && user == nil {
			resp.Diagnostics.AddAttributeError(path.Root("email"), "QAComplete user not found",
				fmt.Sprintf("No user with e-mail %s exists in department %d.", cfg.Email.ValueString(), deptID))
			return
		}
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QAComplete user", err)
		return
	}
	out := userDataSourceModel{
		ID:        types.StringValue(resourceID(deptID, user.ID)),
		DeptID:    cfg.DeptID,
		Timeouts:  cfg.Timeouts,
		userModel: flattenUser(deptID, user),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
