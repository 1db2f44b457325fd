package twosms

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
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

// NewUserDataSource is the saas_twosms_admin_user data source constructor.
func NewUserDataSource() datasource.DataSource { return &UserDataSource{} }

// UserDataSource reads one 2sms user by id, username or e-mail.
type UserDataSource struct {
	conn providerdata.Conn[Client]
}

type userDataSourceModel struct {
	ID types.String `tfsdk:"id"`
	userModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (d *UserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_twosms_admin_user"
}

func (d *UserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := providerdata.ComputedAttributes(userResourceSchema(ctx), append(userAttributeNames(), "id")...)
	// The lookup arguments: exactly one is set, and all three are then
	// filled in from the user found.
	attrs["user_id"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "GUID of the user to read (`GET api/v1/admin/users/{id}`). Exactly one of `user_id`, `username` and `email_address` must be set.",
		Validators:          []validator.String{validate.GUID()},
	}
	attrs["username"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "Username to look up (case-insensitive) in `GET api/v1/admin/users`, super users excluded.",
	}
	attrs["email_address"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "E-mail address to look up (case-insensitive); an address shared by several users is an error.",
		Validators:          []validator.String{validate.Email()},
	}
	attrs["timeouts"] = providerdata.DataSourceTimeouts(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one 2sms portal user by GUID, username or e-mail address, with the same attributes as the `saas_twosms_admin_user` resource shows. Passwords and PINs are never returned.",
		Attributes:          attrs,
	}
}

func (d *UserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_id"), path.MatchRoot("username"), path.MatchRoot("email_address")),
	}
}

func (d *UserDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_twosms_admin_user", &resp.Diagnostics)
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
	ctx, finish := providerdata.WithTimeout(ctx, timeout, "timeouts.read", &resp.Diagnostics)
	defer finish()

	var user *User
	var err error
	var attr path.Path
	var what string
	if !cfg.UserID.IsNull() {
		attr, what = path.Root("user_id"), "GUID "+cfg.UserID.ValueString()
		user, _, err = c.ReadUser(ctx, cfg.UserID.ValueString())
	} else if !cfg.Username.IsNull() {
		attr, what = path.Root("username"), "username "+cfg.Username.ValueString()
		user, err = c.FindUser(ctx, "", cfg.Username.ValueString(), "")
	} else {
		attr, what = path.Root("email_address"), "e-mail address "+cfg.EmailAddress.ValueString()
		user, err = c.FindUser(ctx, "", "", cfg.EmailAddress.ValueString())
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the 2sms user", err)
		return
	}
	if user == nil {
		resp.Diagnostics.AddAttributeError(attr, "2sms user not found", fmt.Sprintf("No 2sms user with %s is visible to the API client (super users are not searched).", what))
		return
	}
	cfg.userModel = flattenUser(user)
	cfg.ID = cfg.UserID
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
