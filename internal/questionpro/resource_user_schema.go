package questionpro

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
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
	OnDestroyDelete = "delete"
	OnDestroyForget = "forget"
)

func (r *UserResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = userResourceSchema(ctx)
}

// userResourceSchema is the resource's schema, and the source of the data
// sources' user attributes (see providerdata.ComputedAttributes): the
// descriptions of userModel's attributes must therefore read right on a
// data source too, and what only the resource does is said in its own
// description or in its Terraform-only attributes.
func userResourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Manages a QuestionPro user (sub-account) through the QuestionPro API v2. " +
			"Creating the resource creates the user (`POST /users`). " +
			"Updates go through `PUT /users/{user-id}` with every documented field, so `email_address`, `first_name`, `last_name` and `department_id` change in place and nothing the configuration leaves out is reset: " +
			"an optional attribute the configuration does not set records the server's value (its default for a new user), and updates send that value back unchanged. " +
			"`user_type` is sent only on create, since the update call does not carry it, so changing it replaces the user. " +
			"Destroying the resource deletes the user (`DELETE /organizations/{organization-id}/users/{user-id}`) or, with `on_destroy = \"forget\"`, leaves it alone. " +
			"Each operation is bounded by `timeouts`, " + providerdata.DefaultTimeoutText + " by default.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Terraform identifier: the QuestionPro user id as a string.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": schema.Int64Attribute{
				MarkdownDescription: "QuestionPro user id (`userID`), assigned by the server.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"organization_id": schema.Int64Attribute{
				MarkdownDescription: "Organization of the user (`organizationID`), implied by the API key.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"email_address": schema.StringAttribute{
				MarkdownDescription: "E-mail address (`emailAddress`), the user's QuestionPro login.",
				Required:            true,
				Validators:          []validator.String{validate.Email()},
			},
			"first_name": schema.StringAttribute{
				MarkdownDescription: "First name (`firstName`).",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_name": schema.StringAttribute{
				MarkdownDescription: "Last name (`lastName`).",
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"department_id": schema.Int64Attribute{
				MarkdownDescription: "Department (`departmentID`); `0` means no department. QuestionPro's organization-wide user list may report `0` for every user, so `saas_questionpro_users` without `department_id` shows null where that list says `0`; the single-user read and the department list report the real id.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"user_type": schema.StringAttribute{
				MarkdownDescription: "User type (`userType`), e.g. `License`; QuestionPro documents no other value. Set when the user is created: QuestionPro's update call does not carry it.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
			},
			"phone":              computedString("Phone number (`phone`). Read-only: no documented request body carries it."),
			"license_type":       computedString("Licence type (`licenseType`), e.g. `Enterprise Sub Account Annual`. Read-only."),
			"license_start_date": computedString("Licence start date (`licenseStartDate`, `YYYY-MM-DD`). Read-only."),
			"creation_date":      computedString("Creation date (`creationDate`, `YYYY-MM-DD`). Read-only."),
			"password_wo": schema.StringAttribute{
				MarkdownDescription: "Password (`password`), write-only: sent on create and whenever `password_wo_version` changes, never stored in state or plan. Needs Terraform 1.11+ or OpenTofu 1.11+; use `password` on older CLIs. Conflicts with `password`. QuestionPro never returns passwords, so a password changed in QuestionPro is not seen as drift. QuestionPro does not document whether a new user needs a password: without one the create sends none, and if QuestionPro refuses it the error says to set this attribute (or `password`).",
				Optional:            true,
				Sensitive:           true,
				WriteOnly:           true,
			},
			"password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; changing it sends `password_wo` again with an update. Stored in state (the password is not).",
				Optional:            true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "Password (`password`) for CLIs without write-only attributes. Sensitive but stored in state: prefer `password_wo`. Sent on create and when it changes. QuestionPro never returns passwords, so drift on it cannot be seen. Conflicts with `password_wo`.",
				Optional:            true,
				Sensitive:           true,
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroying the resource does: `delete` (default) deletes the user in QuestionPro (`DELETE /organizations/{organization-id}/users/{user-id}`); `forget` only removes it from Terraform state and leaves the user and its licence in QuestionPro. The delete names the user's recorded `organization_id`, so it works without `questionpro.organization_id`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(OnDestroyDelete),
				Validators:          []validator.String{stringvalidator.OneOf(OnDestroyDelete, OnDestroyForget)},
			},
			"adopt_existing": schema.BoolAttribute{
				MarkdownDescription: "When `true`, creating the resource for an e-mail that already exists in the organization adopts that user and applies the configuration to it. When `false` (default), that case fails with the existing user's id and the import command. The lookup uses search by e-mail, which needs the organization's primary user's key and `questionpro.organization_id`: without that attribute, `adopt_existing = true` fails at plan time, and with `false` the create is sent without the lookup, so an e-mail in use fails with QuestionPro's own error.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
			},
			"timeouts": providerdata.ResourceTimeouts(ctx),
		},
	}
}

func (r *UserResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.Conflicting(path.MatchRoot("password"), path.MatchRoot("password_wo")),
		resourcevalidator.Conflicting(path.MatchRoot("password"), path.MatchRoot("password_wo_version")),
		resourcevalidator.RequiredTogether(path.MatchRoot("password_wo"), path.MatchRoot("password_wo_version")),
	}
}

func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}
