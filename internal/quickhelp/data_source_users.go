package quickhelp

import (
	"context"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

var (
	_ datasource.DataSource              = &UsersDataSource{}
	_ datasource.DataSourceWithConfigure = &UsersDataSource{}
)

// NewUsersDataSource is the saas_quickhelp_users data source constructor.
func NewUsersDataSource() datasource.DataSource { return &UsersDataSource{} }

// UsersDataSource lists QuickHelp users, every page walked.
type UsersDataSource struct {
	conn providerdata.Conn[Client]
}

type usersDataSourceModel struct {
	ID          types.String     `tfsdk:"id"`
	CustomerIDs []types.Int64    `tfsdk:"customer_ids"`
	Users       []userDataModel  `tfsdk:"users"`
	Timeouts    dstimeouts.Value `tfsdk:"timeouts"`
}

func (d *UsersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_quickhelp_users"
}

func (d *UsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists BrainStorm QuickHelp users (`GET /v1/User/List`), walking every page. The list is fetched once per Terraform run and shared with every other QuickHelp resource and data source. The read is abandoned after `" + providerdata.DefaultTimeoutText + "` unless `timeouts` sets another limit.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The customer ids listed, comma-separated, or `default` for the key's own account."},
			"customer_ids": schema.SetAttribute{
				Optional:            true,
				ElementType:         types.Int64Type,
				MarkdownDescription: "For BSI or Partner keys: list the users of these customer accounts (`customerIds`). Omitted, the provider's `quickhelp.customer_id`, or else the key's own account. Customer-level keys must leave it unset.",
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueInt64sAre(int64validator.Between(1, 2147483647))},
			},
			"users": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The users, in the order QuickHelp lists them.",
				NestedObject:        schema.NestedAttributeObject{Attributes: userDataAttributes(ctx)},
			},
			"timeouts": providerdata.DataSourceTimeouts(ctx),
		},
	}
}

func (d *UsersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_quickhelp_users", &resp.Diagnostics)
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
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	scope := c.scopeFor(0)
	if cfg.CustomerIDs != nil {
		scope = make([]int64, 0, len(cfg.CustomerIDs))
		for _, id := range cfg.CustomerIDs {
			scope = append(scope, id.ValueInt64())
		}
	}
	users, err := c.Users(ctx, scope, forRead)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not list QuickHelp users", err)
		return
	}
	cfg.ID = types.StringValue("default")
	if key := scopeKey(scope); key != "" {
		cfg.ID = types.StringValue(key)
	}
	cfg.Users = make([]userDataModel, 0, len(users))
	for i := range users {
		user, diags := flattenUserData(&users[i])
		resp.Diagnostics.Append(diags...)
		cfg.Users = append(cfg.Users, user)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
