package twosms

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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

func (r *UserResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = userResourceSchema(ctx)
}

// userResourceSchema describes saas_twosms_admin_user. The data sources take
// the user's attributes from it (providerdata.ComputedAttributes), so an
// attribute of userModel is described here in words true of both: what the
// field is in 2sms. What only the resource does with it is said in the
// resource's description or on the Terraform-only attributes.
func userResourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Manages an existing 2sms portal user through the 2sms admin API. " +
			"2sms documents no call that creates or deletes users, so creating the resource **adopts** a user that already exists and applies the configuration to it; users are created in the 2sms portal. " +
			"The user is found by `user_id`, else by `username` (case-insensitive), else by `email_address`, in `GET api/v1/admin/users` (super users excluded); an e-mail address shared by several users is an error. " +
			"When `account_id` is set, the user is looked up only in that account (`GET api/v1/UserAdminAPI/GetAllUsers`) and adoption fails if it belongs elsewhere; because 2sms cannot move users between accounts, a later change of `account_id` is refused at plan time. " +
			"Changing `user_id` adopts a different user (the old one is released per `on_destroy`).\n\n" +
			"An invalid e-mail address, GUID or mobile phone fails at plan time, before anything is sent. " +
			"Every user attribute the configuration leaves out keeps the user's current value in 2sms (read again right before every update) and shows it; a configured attribute that someone changes in the portal shows as drift. " +
			"Updates go through `PUT api/v1/admin/users/{id}` with the complete user: configured values plus the user's current values for everything else, and the read-only fields exactly as 2sms holds them. " +
			"`admin_user` changes through `PATCH api/v1/admin/users/{id}/access`, called only when the current value differs. Destroying the resource disables the user (`on_destroy = \"disable\"`, the default) or leaves it alone (`\"forget\"`).\n\n" +
			"**PIN caveat:** 2sms's PUT resets a PIN it is not sent to null (a random PIN texted at each login), and 2sms documents no way to read the PIN back. Every PUT this resource makes (an update, an adoption that changes something, the disabling PUT of `on_destroy = \"disable\"`) therefore carries `pin_wo` or `pin` when configured; otherwise, when 2sms does return the user's PIN on read, it sends that PIN back exactly as read (never stored in state or logged). When 2sms returns no PIN (null or masked) and neither `pin_wo` nor `pin` is set, such a PUT leaves the user on random PINs: the plan of an update that sends one, and a destroy plan that disables the user, warn and name the attribute to set.\n\n" +
			"Each operation is limited to `" + providerdata.DefaultTimeoutText + "` unless `timeouts` says otherwise.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The user's GUID (`ID`), same as `user_id`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: "The user's GUID (`ID`).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validate.GUID()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIf(namesAnotherUser,
					"Replaces the resource when the configured GUID names another user; one that differs only in letter case does not.",
					"Replaces the resource when the configured GUID names another user; one that differs only in letter case does not.")},
			},
			"username":      optionalString("Login name (`Username`). A lookup by username ignores letter case.", stringvalidator.LengthAtLeast(1)),
			"email_address": optionalString("E-mail address (`EmailAddress`). A lookup by e-mail address ignores letter case and fails when several users share the address.", validate.Email()),
			"display_name":  optionalString("The user's name (`DisplayName`).", stringvalidator.LengthAtLeast(1)),
			"mobile_phone":  optionalString("Mobile phone (`MobilePhone`): an optional `+`, then 5 to 20 digits, spaces, parentheses or dashes, with at least five digits, as 2sms requires.", validate.TwoSMSPhone()),
			"language_id":   optionalString("GUID of the user's language (`LanguageID`). 2sms has no language list call; read valid ids from existing users or the account.", validate.GUID()),
			"time_zone":     optionalString("Time zone (`TimeZone`), as 2sms spells it (believed to be a Windows id such as `GMT Standard Time`; read valid values from existing users).", stringvalidator.LengthAtLeast(1)),
			"enabled":       optionalBool("Whether the user is enabled (`Enabled`); `false` for a user disabled in the portal."),
			"admin_user":    optionalBool("Whether the user is an admin (`AdminUser`). 2sms changes it only through the `PATCH …/access` toggle, which is not idempotent."),
			"sso_enabled":   optionalBool("Whether the user is part of an SSO setup (`SSOEnabled`; absent on the older `portal.2sms.us` build, where it reads `false`)."),
			"preferences": schema.Int64Attribute{
				MarkdownDescription: "The user's `Preferences` enum as its integer. 2sms does not document the members (the samples show `0`); any non-negative integer is accepted.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "GUID of the account the user belongs to (`AccountID`). 2sms cannot move users between accounts.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validate.GUID()},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"password_wo": schema.StringAttribute{
				MarkdownDescription: "Write-only password (`Password`), for Terraform 1.11+ and OpenTofu 1.11+: never stored in state or plan. Sent on create and whenever `password_wo_version` changes. Conflicts with `password`.",
				Optional:            true,
				Sensitive:           true,
				WriteOnly:           true,
			},
			"password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Change this number to send `password_wo` again (2sms never returns passwords, so a new value cannot be detected otherwise).",
				Optional:            true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "Password (`Password`) for CLIs without write-only attributes. Stored in state (marked sensitive); prefer `password_wo`. Sent on create and when it changes; 2sms never returns it, so a change made in the portal cannot be seen.",
				Optional:            true,
				Sensitive:           true,
			},
			"pin_wo": schema.StringAttribute{
				MarkdownDescription: "Write-only two-factor PIN (`Pin`), for Terraform 1.11+ and OpenTofu 1.11+: never stored in state or plan. Because 2sms's PUT resets an omitted PIN, it is sent with every update the resource makes; `pin_wo_version` forces an update that sends a new value. Write-only values are not available at destroy, so the disabling PUT of `on_destroy = \"disable\"` cannot send it (see `on_destroy`). Conflicts with `pin`.",
				Optional:            true,
				Sensitive:           true,
				WriteOnly:           true,
			},
			"pin_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Change this number to send `pin_wo` again.",
				Optional:            true,
			},
			"pin": schema.StringAttribute{
				MarkdownDescription: "Two-factor PIN (`Pin`) for CLIs without write-only attributes. Stored in state (marked sensitive); prefer `pin_wo`. Sent with every PUT, the disabling PUT of `on_destroy = \"disable\"` included. A PIN 2sms returns on read is never compared with it, so a change made in the portal does not show as drift.",
				Optional:            true,
				Sensitive:           true,
			},
			"on_destroy": schema.StringAttribute{
				MarkdownDescription: "What destroying the resource does: `disable` (default) sets `Enabled = false` through the PUT, with every other field as 2sms holds it; `forget` only removes it from Terraform state. 2sms has no delete call. The disabling PUT carries `pin` when set, else the PIN 2sms returned on read; when 2sms returns no PIN (null or masked) and only `pin_wo` is used (write-only values are not available at destroy), it resets the user's PIN to null, so a disabled user later re-enabled gets a random PIN at each login until a PIN is set again; the destroy plan warns when that will happen.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(OnDestroyDisable),
				Validators:          []validator.String{stringvalidator.OneOf(OnDestroyDisable, OnDestroyForget)},
			},
			"date_created":           computedString("When the user was created (`DateCreated`), as 2sms writes it.", true),
			"date_modified":          computedString("When the user was last changed (`DateModified`); changes with every update.", false),
			"agreement_date":         computedString("When the user accepted the privacy policy and DPA (`AgreementDate`, read-only; null if never).", true),
			"decline_date":           computedString("When the user declined the privacy policy and DPA (`DeclineDate`, read-only; null if never).", true),
			"dpa_version":            computedString("Version of the data-processing agreement the user accepted (`DPAVersion`, read-only).", true),
			"privacy_policy_version": computedString("Version of the privacy policy the user accepted (`PrivacyPolicyVersion`, read-only).", true),
			"timeouts":               providerdata.ResourceTimeouts(ctx),
		},
	}
}

func (r *UserResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("user_id"), path.MatchRoot("username"), path.MatchRoot("email_address")),
		resourcevalidator.Conflicting(path.MatchRoot("password_wo"), path.MatchRoot("password")),
		resourcevalidator.Conflicting(path.MatchRoot("pin_wo"), path.MatchRoot("pin")),
	}
}

func optionalString(desc string, v validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{v},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func optionalBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
}

func computedString(desc string, stable bool) schema.StringAttribute {
	a := schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	if stable {
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	}
	return a
}

// namesAnotherUser replaces the resource when a configured user_id names
// another user. A GUID that differs only in letter case names the same one:
// an import stores the lower case 2sms writes, and a configuration in upper
// case must then plan an update of the spelling, not a replacement that
// would disable the user.
func namesAnotherUser(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.ConfigValue.IsNull() && (req.PlanValue.IsUnknown() || !sameGUID(req.PlanValue.ValueString(), req.StateValue.ValueString()))
}
