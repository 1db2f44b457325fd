package twosms

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

var (
	_ datasource.DataSource              = &UsersDataSource{}
	_ datasource.DataSourceWithConfigure = &UsersDataSource{}
)

// NewUsersDataSource is the saas_twosms_admin_users data source constructor.
func NewUsersDataSource() datasource.DataSource { return &UsersDataSource{} }

// UsersDataSource lists 2sms users. The API does not page these lists.
type UsersDataSource struct {
	conn providerdata.Conn[Client]
}

type usersDataSourceModel struct {
	ID                types.String   `tfsdk:"id"`
	IncludeSuperUsers types.Bool     `tfsdk:"include_super_users"`
	AccountID         types.String   `tfsdk:"account_id"`
	Users             []userModel    `tfsdk:"users"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

func (d *UsersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_twosms_admin_users"
}

func (d *UsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the 2sms portal users the API client may see (`GET api/v1/admin/users`), or one account's users (`GET api/v1/UserAdminAPI/GetAllUsers`). Disabled users are included; filter on `enabled`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`all`, or the account GUID when `account_id` is set."},
			"include_super_users": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Also list super users (`IncludeSuperUsers=true`), which 2sms hides by default. Defaults to `false`.",
			},
			"account_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "List only the users of this account (GUID). With `include_super_users = true` the full list is read and filtered by account instead, because the per-account call never returns super users.",
				Validators:          []validator.String{validate.GUID()},
			},
			"users": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The users, in the order 2sms returns them, each with the attributes the `saas_twosms_admin_user` resource shows.",
				NestedObject:        schema.NestedAttributeObject{Attributes: providerdata.ComputedAttributes(userResourceSchema(ctx), userAttributeNames()...)},
			},
			"timeouts": providerdata.DataSourceTimeouts(ctx),
		},
	}
}

func (d *UsersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_twosms_admin_users", &resp.Diagnostics)
}

func (d *UsersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg usersDataSourceModel
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
	ctx, finish := providerdata.WithTimeout(ctx, timeout, "timeouts.read", &resp.Diagnostics)
	defer finish()

	include := cfg.IncludeSuperUsers.ValueBool()
	account := normalizeGUID(cfg.AccountID.ValueString())
	var users []User
	var err error
	if account != "" && !include {
		users, err = c.GetAllUsers(ctx, account)
	} else {
		// The same list a burst of refreshes and lookups shares, with the
		// provider's own writes of this run.
		users, err = c.AllUsers(ctx, include)
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not list 2sms users", err)
		return
	}
	cfg.ID = types.StringValue("all")
	if account != "" {
		cfg.ID = types.StringValue(account)
	}
	cfg.Users = make([]userModel, 0, len(users))
	for i := range users {
		if account != "" && !sameGUID(users[i].AccountID, account) {
			continue
		}
		cfg.Users = append(cfg.Users, flattenUser(&users[i]))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
