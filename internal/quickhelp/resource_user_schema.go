package quickhelp

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

// On-destroy modes.
const (
	OnDestroyUnlicense  = "unlicense"
	OnDestroyForget     = "forget"
	OnDestroyGDPRDelete = "gdpr_delete"
)

// keptWhenOmitted ends the description of an attribute the resource may
// leave out. It names the resource, so it reads right where the data sources
// take the description over too.
const keptWhenOmitted = " A `saas_quickhelp_user` that leaves it out keeps the user's current value in QuickHelp (and re-sends it on every update, since the update call takes the complete user)."

const notReturned = " QuickHelp's API never returns this field, so drift on it cannot be seen: Terraform keeps the last value it sent. When it was never set, it is left out of the update call, and the document does not say whether QuickHelp then keeps it or resets it to `false`; set it explicitly to be sure. A plan that sends the update call (an in-place change, an adoption that may change the user, or a destroy with `on_destroy = \"unlicense\"`) without a value for it shows a warning naming it."

func (r *UserResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = userResourceSchema(ctx)
}

// userResourceSchema is saas_quickhelp_user's schema. The data sources take
// the user's attributes from it (userAttributeNames), so a description here
// must read right in a data source as well, or be replaced there.
func userResourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Takes charge of an existing BrainStorm QuickHelp user through the Customer API v1. " +
			"QuickHelp's API cannot create users (they come from SSO, Microsoft Graph sync, CSV import or the Admin Portal), so creating this resource adopts the user found by `user_id` or `email` and applies the configuration with `POST /v1/User/Update`. " +
			"Every update sends the complete user: configured values plus QuickHelp's current values for everything else, read right before. " +
			"Reads walk QuickHelp's paged user list once per Terraform run, shared by every `saas_quickhelp_user` and QuickHelp data source. " +
			"Destroying it takes the licence away (`on_destroy = \"unlicense\"`, QuickHelp's recommendation), leaves the user alone (`forget`) or erases it for good (`gdpr_delete`). " +
			"Each operation is abandoned after `" + providerdata.DefaultTimeoutText + "` unless `timeouts` sets another limit.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Terraform identifier: the QuickHelp user id as a string.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": schema.Int64Attribute{
				MarkdownDescription: "QuickHelp user id (`userId`) of the user to manage. Set this or `email`; when both are set the user is found by id and its e-mail is changed to `email`. Changing it manages another user: the resource is replaced.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 2147483647)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplaceIfConfigured()},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "E-mail address (`email`). Without `user_id` it identifies the user, looked up in QuickHelp's user list without regard to case, and changing it manages another user (the resource is replaced). With `user_id` it is the e-mail QuickHelp stores, changed in place." + keptWhenOmitted,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validate.Email()},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIf(emailIsIdentity,
						"Without user_id the e-mail identifies the user, so changing it manages another user.",
						"Without `user_id` the e-mail identifies the user, so changing it manages another user."),
				},
			},
			"first_name": optionalString("First name (`firstName`)." + keptWhenOmitted),
			"last_name":  optionalString("Last name (`lastName`)." + keptWhenOmitted),
			"department": optionalString("Department (`department`)." + keptWhenOmitted),
			"job_title":  optionalString("Job title (`jobTitle`)." + keptWhenOmitted),
			"licensed": schema.BoolAttribute{
				MarkdownDescription: "Whether the user holds a QuickHelp licence (`licensed`, returned as `licenseIssued`)." + keptWhenOmitted + " A tenant with Microsoft Graph sync may change it again to match Office 365 licensing, which a `saas_quickhelp_user` shows as drift.",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"confirmed": schema.BoolAttribute{
				MarkdownDescription: "The user's confirmation state (`confirmed`), as set by the e-mail confirmation of self-provisioned accounts." + notReturned,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"bypass_sso": schema.BoolAttribute{
				MarkdownDescription: "QuickHelp's \"Bypass SSO\" flag (`bypassSso`): the user may sign in with a password at https://quickhelp.com/ even when the tenant enforces SSO. The vendor advises it for a few users only, such as contractors." + notReturned,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"roles": schema.SetAttribute{
				MarkdownDescription: "GUIDs of the user's admin roles (`roles`; the list returns them as `roles[].id`). QuickHelp publishes no list of role ids: read them from the `roles` of the `saas_quickhelp_user(s)` data sources. Checked at plan time; compared without regard to letter case. An empty set removes every admin role." + keptWhenOmitted,
				Optional:            true,
				Computed:            true,
				ElementType:         types.StringType,
				Validators:          []validator.Set{setvalidator.ValueStringsAre(validate.GUID())},
				PlanModifiers:       []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "For BSI or Partner keys only: the customer account the user belongs to (`customerId`), overriding the provider's `quickhelp.customer_id`. Omitted, none is sent (the key's own account). QuickHelp never returns it, so drift on it cannot be seen. Changing it replaces the resource.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 2147483647)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			// groups and sso are read-only, and declared as a list of objects
			// and an object rather than as nested attributes: Terraform 1.5.7
			// crashes (a nil pointer in configschema.Block.Filter) when
			// plan -generate-config-out writes configuration for a resource
			// with a computed-only nested attribute. The values and their
			// types in state are the same either way.
			"groups": schema.ListAttribute{
				MarkdownDescription: "The user's groups (`groups`), read-only: the API has no group operations. Each has the group's `id` and `name`.",
				Computed:            true,
				ElementType:         types.ObjectType{AttrTypes: groupAttrTypes},
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"country": schema.StringAttribute{
				MarkdownDescription: "The user's country (`country`), read-only.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sso": schema.ObjectAttribute{
				MarkdownDescription: "Single sign-on details (`sso`), read-only; null when QuickHelp returns none. `user_id` is the user's id at the identity provider, `company`, `location` and `platform` come from it, and `custom_fields` lists the custom claims as `name` and `value`.",
				Computed:            true,
				AttributeTypes:      ssoAttrTypes,
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroying the resource does. `unlicense` (default, QuickHelp's recommended way to remove someone): an update with `licensed = false`, keeping the user and its history. `forget`: only removes it from Terraform state. `gdpr_delete`: QuickHelp's GDPR delete call, which erases the user **irreversibly**; QuickHelp then never lets an admin re-create that user (only SSO or self-provisioning can bring it back), and QuickHelp may take up to 72 hours to finish.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(OnDestroyUnlicense),
				Validators:          []validator.String{stringvalidator.OneOf(OnDestroyUnlicense, OnDestroyForget, OnDestroyGDPRDelete)},
			},
			"timeouts": providerdata.ResourceTimeouts(ctx),
		},
	}
}

func optionalString(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// emailIsIdentity requires replacement when the e-mail changes (other than
// in letter case) and no user_id is configured, because the e-mail then
// names the user.
func emailIsIdentity(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	var userID types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_id"), &userID)...)
	if !userID.IsNull() || req.StateValue.IsNull() {
		return
	}
	resp.RequiresReplace = req.PlanValue.IsUnknown() || !strings.EqualFold(req.PlanValue.ValueString(), req.StateValue.ValueString())
}
