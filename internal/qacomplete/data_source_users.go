package qacomplete

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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

// NewUsersDataSource is the saas_qacomplete_users data source constructor.
func NewUsersDataSource() datasource.DataSource { return &UsersDataSource{} }

// UsersDataSource lists a department's users, every page walked.
type UsersDataSource struct {
	conn providerdata.Conn[Client]
}

type usersDataSourceModel struct {
	ID       types.String   `tfsdk:"id"`
	DeptID   types.Int64    `tfsdk:"dept_id"`
	Filter   types.String   `tfsdk:"filter"`
	Users    []userModel    `tfsdk:"users"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (d *UsersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_qacomplete_users"
}

func (d *UsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the users of a SmartBear QAComplete department (`GET /depts/{DeptId}/users`), walking every page at 1000 users a page. Without a `filter`, the walk is shared with the other reads of the department in the same run and reflects the provider's own writes in it. Disabled users are included; filter on `is_active` or with `filter = \"IsActive = true\"`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The department id."},
			"dept_id": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "Department whose users are listed.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"filter": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "QAComplete filter expression passed to the API as `filter`, for example `LastName = 'Doe'` or `(IsActive = true) AND (Email ~ '@example.com')`. See QAComplete's Search Filters reference for the syntax; a syntax error is reported by the API. The filter is QAComplete's to apply: which fields it accepts is not documented (a filter on `Email` may be refused with 400, or possibly ignored), and the provider passes the users back as QAComplete answers them, so check the result on a real tenant before relying on a filter.",
			},
			"users": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The users, in the order the API returns them.",
				NestedObject:        schema.NestedAttributeObject{Attributes: userDataSourceAttributes(ctx)},
			},
			"timeouts": providerdata.DataSourceTimeouts(ctx),
		},
	}
}

func (d *UsersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_qacomplete_users", &resp.Diagnostics)
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

	deptID := cfg.DeptID.ValueInt64()
	// Without a filter the department's snapshot answers, shared with the
	// refresh and lookups of the same run; a filter is QAComplete's to
	// apply, so it is sent.
	var users []User
	var err error
	if filter := cfg.Filter.ValueString(); filter != "" {
		users, err = c.ListAllUsers(ctx, deptID, filter)
	} else {
		users, err = c.ListedUsers(ctx, deptID)
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not list QAComplete users", err)
		return
	}
	cfg.ID = types.StringValue(strconv.FormatInt(deptID, 10))
	cfg.Users = make([]userModel, 0, len(users))
	for i := range users {
		cfg.Users = append(cfg.Users, flattenUser(deptID, &users[i]))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
