package quickhelp

import (
	"context"
	"fmt"
	"strconv"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
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

// NewUserDataSource is the saas_quickhelp_user data source constructor.
func NewUserDataSource() datasource.DataSource { return &UserDataSource{} }

// UserDataSource reads one QuickHelp user by id or e-mail.
type UserDataSource struct {
	conn providerdata.Conn[Client]
}

type userDataSourceModel struct {
	ID         types.String `tfsdk:"id"`
	CustomerID types.Int64  `tfsdk:"customer_id"`
	userDataModel
	Timeouts dstimeouts.Value `tfsdk:"timeouts"`
}

func (d *UserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_quickhelp_user"
}

func (d *UserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userDataAttributes(ctx)
	attrs["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The user id as a string."}
	attrs["customer_id"] = schema.Int64Attribute{
		Optional:            true,
		MarkdownDescription: "For BSI or Partner keys: the customer account to look in (overrides `quickhelp.customer_id`). Omitted, the key's own account.",
		Validators:          []validator.Int64{int64validator.Between(1, 2147483647)},
	}
	attrs["user_id"] = schema.Int64Attribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "User id to read. Exactly one of `user_id` and `email` must be set.",
		Validators:          []validator.Int64{int64validator.Between(1, 2147483647)},
	}
	attrs["email"] = schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "E-mail to look up, without regard to case. Exactly one of `user_id` and `email` must be set.",
		Validators:          []validator.String{validate.Email()},
	}
	attrs["timeouts"] = providerdata.DataSourceTimeouts(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one BrainStorm QuickHelp user, by id or by e-mail. QuickHelp has no call that reads one user, so this looks in the paged user list (`GET /v1/User/List`), walked once per Terraform run and shared with every other QuickHelp resource and data source. The read is abandoned after `" + providerdata.DefaultTimeoutText + "` unless `timeouts` sets another limit.",
		Attributes:          attrs,
	}
}

func (d *UserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_id"), path.MatchRoot("email")),
	}
}

func (d *UserDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_quickhelp_user", &resp.Diagnostics)
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

	customerID := cfg.CustomerID.ValueInt64()
	var user *User
	var err error
	if !cfg.UserID.IsNull() {
		user, err = c.ReadUser(ctx, customerID, cfg.UserID.ValueInt64())
		if err == nil && user == nil {
			resp.Diagnostics.AddAttributeError(path.Root("user_id"), "QuickHelp user not found",
				fmt.Sprintf("No user %d exists in %s.", cfg.UserID.ValueInt64(), scopeText(c, customerID)))
			return
		}
	} else {
		user, err = c.FindUserByEmail(ctx, customerID, cfg.Email.ValueString(), forRead)
		if err == nil && user == nil {
			resp.Diagnostics.AddAttributeError(path.Root("email"), "QuickHelp user not found",
				fmt.Sprintf("No user with the e-mail %s exists in %s.", cfg.Email.ValueString(), scopeText(c, customerID)))
			return
		}
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuickHelp user", err)
		return
	}
	data, diags := flattenUserData(user)
	resp.Diagnostics.Append(diags...)
	out := userDataSourceModel{
		ID:            types.StringValue(strconv.FormatInt(user.UserID, 10)),
		CustomerID:    cfg.CustomerID,
		userDataModel: data,
		Timeouts:      cfg.Timeouts,
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
