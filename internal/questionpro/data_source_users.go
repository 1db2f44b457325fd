package questionpro

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

var (
	_ datasource.DataSource              = &UsersDataSource{}
	_ datasource.DataSourceWithConfigure = &UsersDataSource{}
)

// NewUsersDataSource is the saas_questionpro_users data source constructor.
func NewUsersDataSource() datasource.DataSource { return &UsersDataSource{} }

// UsersDataSource lists an organization's or a department's users, every
// page walked (or a fresh snapshot of that walk).
type UsersDataSource struct {
	conn providerdata.Conn[Client]
}

type usersDataSourceModel struct {
	ID             types.String   `tfsdk:"id"`
	OrganizationID types.Int64    `tfsdk:"organization_id"`
	DepartmentID   types.Int64    `tfsdk:"department_id"`
	Users          []userModel    `tfsdk:"users"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

func (d *UsersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_questionpro_users"
}

func (d *UsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the users of a QuestionPro organization (`GET /organizations/{organization-id}/users`) or of one of its departments (`GET /organizations/{organization-id}/departments/{department-id}/users`), walking every page with `page`/`perPage` at 1000 users a page (the documented default of 100 when QuestionPro refuses 1000). The walk must be whole: a list that ends short of the total QuestionPro claims, repeats a page or holds a user of another organization or department is an error, not a shorter list. Within one Terraform command, a list walked in the previous two minutes (by this data source or to serve a refresh) is reused, with the provider's own creates, updates and deletes applied to it. Both calls need an administrator's key.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "`<organization_id>` or `<organization_id>/<department_id>`."},
			"organization_id": schema.Int64Attribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Organization whose users are listed; defaults to `questionpro.organization_id`. One of the two is required: the provider never guesses the organization.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"department_id": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "When set, only this department's users are listed, each with its real `department_id`. Without it the organization-wide list is used, which may report `departmentID` 0 for every user: there a `0` is shown as null (not reported) rather than as `0`, so that it cannot be copied into a configuration as \"no department\". Read one user with `saas_questionpro_user` for its department.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"users": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The users, in the order the API returns them.",
				NestedObject:        schema.NestedAttributeObject{Attributes: providerdata.ComputedAttributes(userResourceSchema(ctx), userAttributeNames...)},
			},
			"timeouts": providerdata.DataSourceTimeouts(ctx),
		},
	}
}

func (d *UsersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_questionpro_users", &resp.Diagnostics)
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

	org := orgOrDefault(cfg.OrganizationID, c)
	if org == 0 {
		resp.Diagnostics.AddAttributeError(path.Root("organization_id"), organizationUnsetSummary,
			organizationUnsetDetail("Listing users")+" Or set organization_id on this data source.")
		return
	}
	dept := cfg.DepartmentID.ValueInt64()
	users, err := c.Users(ctx, org, dept)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not list QuestionPro users", err)
		return
	}
	cfg.OrganizationID = types.Int64Value(org)
	cfg.ID = types.StringValue(fmt.Sprint(org))
	if dept != 0 {
		cfg.ID = types.StringValue(fmt.Sprintf("%d/%d", org, dept))
	}
	cfg.Users = make([]userModel, 0, len(users))
	for i := range users {
		u := flattenUser(&users[i])
		if dept == 0 && users[i].DepartmentID == 0 {
			// §4/§5.5: the organization-wide list may report 0 for every
			// user, so there 0 does not tell "no department" from "not
			// reported".
			u.DepartmentID = types.Int64Null()
		}
		cfg.Users = append(cfg.Users, u)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
