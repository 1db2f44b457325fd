package questionpro

import (
	"context"
	"fmt"
	"strconv"

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

// NewUserDataSource is the saas_questionpro_user data source constructor.
func NewUserDataSource() datasource.DataSource { return &UserDataSource{} }

// UserDataSource reads one QuestionPro user by id or e-mail.
type UserDataSource struct {
	conn providerdata.Conn[Client]
}

// userDataSourceModel is the user, its id, and the read's time limit; the
// lookup arguments are userModel's own user_id, email_address and
// organization_id.
type userDataSourceModel struct {
	ID types.String `tfsdk:"id"`
	userModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (d *UserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_questionpro_user"
}

func (d *UserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := providerdata.ComputedAttributes(userResourceSchema(ctx), append([]string{"id"}, userAttributeNames...)...)
	// The lookup arguments, set on top of the user's attributes.
	attrs["user_id"] = schema.Int64Attribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "User id to read (`GET /users/{user-id}`). Exactly one of `user_id` and `email_address` must be set.",
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["email_address"] = schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "E-mail to look up with QuestionPro's search by e-mail, which needs the organization's primary user's key. Exactly one of `user_id` and `email_address` must be set.",
		Validators:          []validator.String{validate.Email()},
	}
	attrs["organization_id"] = schema.Int64Attribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "Organization to search for `email_address`; defaults to `questionpro.organization_id`. A lookup by e-mail needs one of the two and fails without (the provider never guesses the organization); a lookup by `user_id` needs neither. Read back from the user.",
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["timeouts"] = providerdata.DataSourceTimeouts(ctx)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one QuestionPro user, by id (`GET /users/{user-id}`) or by e-mail (`GET /organizations/{organization-id}/users/search`).",
		Attributes:          attrs,
	}
}

func (d *UserDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_id"), path.MatchRoot("email_address")),
	}
}

func (d *UserDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "data.saas_questionpro_user", &resp.Diagnostics)
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

	var user *User
	var err error
	if !cfg.UserID.IsNull() {
		// Many lookups by id in one run share a walk of the organization's
		// list where it reports departments; otherwise, and for a user it
		// does not hold, the user is read directly.
		var ok bool
		user, ok = c.snapshotUserInOrganization(ctx, orgOrDefault(cfg.OrganizationID, c), cfg.UserID.ValueInt64())
		if !ok {
			user, err = c.GetUser(ctx, cfg.UserID.ValueInt64())
		}
		if vendorNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("user_id"), "QuestionPro user not found", fmt.Sprintf("No user %d exists.", cfg.UserID.ValueInt64()))
			return
		}
	} else {
		org := orgOrDefault(cfg.OrganizationID, c)
		if org == 0 {
			resp.Diagnostics.AddAttributeError(path.Root("organization_id"), organizationUnsetSummary,
				organizationUnsetDetail("Looking a user up by e-mail")+" Or set organization_id on this data source, or look the user up by user_id, which needs no organization.")
			return
		}
		user, err = c.SearchUserByEmail(ctx, org, cfg.EmailAddress.ValueString())
		if err == nil && user == nil {
			resp.Diagnostics.AddAttributeError(path.Root("email_address"), "QuestionPro user not found",
				fmt.Sprintf("No user with e-mail %s exists in organization %d.", cfg.EmailAddress.ValueString(), org))
			return
		}
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuestionPro user", err)
		return
	}
	cfg.ID = types.StringValue(strconv.FormatInt(user.UserID, 10))
	cfg.userModel = flattenUser(user)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
