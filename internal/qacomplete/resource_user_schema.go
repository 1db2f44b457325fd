package qacomplete

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

// On-destroy modes.
const (
	OnDestroyDisable = "disable"
	OnDestroyForget  = "forget"
)

// What a user field is, true wherever the field appears. The resource's
// descriptions of these fields go on to say what configuring them does; the
// data sources, which only read them, say what they are (see
// userDataSourceAttributes).
const (
	descMiddleName      = "Middle name (`MiddleName`)."
	descPhone           = "Phone number (`Phone`, returned as `work_phone`)."
	descIsSecurityAdmin = "Whether the user is a security administrator (`IsSecurityAdmin`)."
	descIsAdAccount     = "Whether the user signs in with an Active Directory account (`IsAdAccount`, returned as `is_a_d_account`)."
	descAdSearchValue   = "Active Directory search value (`AdSearchValue`, returned as `a_d_search_value`), used by on-premises installs."
	descCompanyName     = "Company name (`CompanyName`), at most 50 characters."
	descIsActive        = "Whether the account is active (`is_active`)."
)

const createOnlyNote = " Create-only: QAComplete's API accepts it only when the user is created. A new value later fails at plan time, unless `create_only_version` changes in the same change: then, after you have set the value in the QAComplete UI, the plan records it in state and sends nothing (see `create_only_version`)."

func (r *UserResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = userResourceSchema(ctx)
}

// userResourceSchema is saas_qacomplete_user's schema. The data sources take
// their user attributes from it.
func userResourceSchema(ctx context.Context) schema.Schema {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "Terraform identifier, `<dept_id>/<user_id>`.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"user_id": schema.Int64Attribute{
			MarkdownDescription: "QAComplete user id (`id` in the API), assigned by the server.",
			Computed:            true,
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		},
		"dept_id": schema.Int64Attribute{
			MarkdownDescription: "Department the user is created in; it becomes the user's primary department. QAComplete updates and disables users only through their primary department, so changing it replaces the user.",
			Required:            true,
			Validators:          []validator.Int64{int64validator.AtLeast(1)},
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
		},
		"email": schema.StringAttribute{
			MarkdownDescription: "E-mail address (`Email`), which is also the user's QAComplete login. At most 255 characters.",
			Required:            true,
			Validators:          []validator.String{validate.Email(), stringvalidator.LengthAtMost(255)},
		},
		"first_name": schema.StringAttribute{
			MarkdownDescription: "First name (`FirstName`), 1 to 25 characters.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.LengthBetween(1, 25)},
		},
		"last_name": schema.StringAttribute{
			MarkdownDescription: "Last name (`LastName`), 1 to 25 characters.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.LengthBetween(1, 25)},
		},
		"middle_name": optionalComputedString(descMiddleName),
		"phone":       optionalComputedString(descPhone),
		"is_security_admin": schema.BoolAttribute{
			MarkdownDescription: descIsSecurityAdmin + " When omitted, the server's value is kept.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
		"is_ad_account": schema.BoolAttribute{
			MarkdownDescription: descIsAdAccount + " When omitted, the server's value is kept.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
		"ad_search_value": optionalComputedString(descAdSearchValue + " If the server does not return it, drift on it cannot be seen and the last value Terraform knows is kept and re-sent on updates."),
		"time_zone":       optionalComputedString("Time zone (`TimeZone`), one of the entries of QAComplete's Setup > System Options time zone list; the server's time zone when omitted. QAComplete does not return it, so drift on it cannot be seen and Terraform keeps the configured value." + createOnlyNote),
		"company_name": schema.StringAttribute{
			MarkdownDescription: descCompanyName + createOnlyNote,
			Optional:            true,
			Computed:            true,
			Validators:          []validator.String{stringvalidator.LengthAtMost(50)},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"create_only_version": schema.Int64Attribute{
			MarkdownDescription: "Confirms new values of the create-only attributes (`time_zone`, `company_name`, `custom1`..`custom10`), which QAComplete's API cannot change on an existing user. " +
				"To change one: set it in the QAComplete UI, set the same value here, and change `create_only_version` (any new number, e.g. from unset to `1`, then `2`) in the same apply. " +
				"The plan then records the configured values in Terraform state without sending anything, with a warning that lists them; `company_name`, which QAComplete returns, is checked against its value at apply. " +
				"Without a new `create_only_version`, a new create-only value fails at plan time with these steps. " +
				"After an import, which leaves the create-only attributes unset in state, configured values are recorded the same way (with the same warning) and need no new `create_only_version`. " +
				"Terraform's own setting: never sent to QAComplete.",
			Optional: true,
		},
		"on_destroy": schema.StringAttribute{
			MarkdownDescription: "What `terraform destroy` (or removing the resource) does: `disable` (default) calls QAComplete's DELETE, which disables the profile and keeps its history; `forget` only removes the user from Terraform state and leaves it active in QAComplete.",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(OnDestroyDisable),
			Validators:          []validator.String{stringvalidator.OneOf(OnDestroyDisable, OnDestroyForget)},
		},
		"adopt_existing": schema.BoolAttribute{
			MarkdownDescription: "When `true`, creating the resource for an e-mail that already exists in `dept_id` adopts that user and applies the configuration to it. When `false` (default), that case fails with the existing user's id and the import command.",
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
		},
		"is_active": schema.BoolAttribute{
			MarkdownDescription: descIsActive + " A user disabled outside Terraform is removed from state with a warning at the next refresh.",
			Computed:            true,
			PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
		"primary_dept_id": schema.Int64Attribute{
			MarkdownDescription: "The user's primary department (`primary_dept_id`). QAComplete serves a user only through its primary department, so when an answer leaves the key out this is the department the user was read through.",
			Computed:            true,
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		},
		"date_created": schema.StringAttribute{
			MarkdownDescription: "Creation time as QAComplete reports it (`YYYY-MM-DDTHH:MM:SS.fffffff` in the server's time zone, no offset).",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"date_updated": schema.StringAttribute{
			MarkdownDescription: "Last update time as QAComplete reports it.",
			Computed:            true,
		},
		"timeouts": providerdata.ResourceTimeouts(ctx),
	}
	for i := 1; i <= 10; i++ {
		attrs[fmt.Sprintf("custom%d", i)] = createOnlyString(fmt.Sprintf("Custom field %d (`Custom%d`). QAComplete does not return custom fields, so drift on them cannot be seen and Terraform keeps the configured value.", i, i) + createOnlyNote)
	}
	return schema.Schema{
		MarkdownDescription: "Manages a SmartBear QAComplete user in one department through the QAComplete REST API v1. " +
			"Creating the resource creates the user (`POST /depts/{DeptId}/users`); updates go through `PUT /depts/{DeptId}/users/{UserId}` with the complete profile, so fields the configuration does not set keep their current values; destroying it disables the user or, with `on_destroy = \"forget\"`, leaves it alone.",
		Attributes: attrs,
	}
}

func optionalComputedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc + " When omitted, the server's current value is kept.",
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// createOnlyString is an optional attribute sent only on create; omitted, the
// server applies its own default.
func createOnlyString(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}
