package questionpro

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userResourceModel is the state and plan of saas_questionpro_user.
type userResourceModel struct {
	ID                types.String   `tfsdk:"id"`
	UserID            types.Int64    `tfsdk:"user_id"`
	OrganizationID    types.Int64    `tfsdk:"organization_id"`
	EmailAddress      types.String   `tfsdk:"email_address"`
	FirstName         types.String   `tfsdk:"first_name"`
	LastName          types.String   `tfsdk:"last_name"`
	DepartmentID      types.Int64    `tfsdk:"department_id"`
	UserType          types.String   `tfsdk:"user_type"`
	Phone             types.String   `tfsdk:"phone"`
	LicenseType       types.String   `tfsdk:"license_type"`
	LicenseStartDate  types.String   `tfsdk:"license_start_date"`
	CreationDate      types.String   `tfsdk:"creation_date"`
	Password          types.String   `tfsdk:"password"`
	PasswordWO        types.String   `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64    `tfsdk:"password_wo_version"`
	OnDestroy         types.String   `tfsdk:"on_destroy"`
	AdoptExisting     types.Bool     `tfsdk:"adopt_existing"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

func optString(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

func optInt64(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := v.ValueInt64()
	return &n
}

// passwordOnCreate is the password to send with POST /users: the write-only
// value from the configuration, else the Sensitive fallback.
func passwordOnCreate(plan, config *userResourceModel) *string {
	if p := optString(config.PasswordWO); p != nil {
		return p
	}
	return optString(plan.Password)
}

// passwordOnUpdate is the password an update must send, or nil: the
// write-only value when password_wo_version changed, the fallback when its
// value changed. The API never returns a password, so these are the only
// signals that one is to be set.
func passwordOnUpdate(plan, config, state *userResourceModel) *string {
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
		if p := optString(config.PasswordWO); p != nil {
			return p
		}
	}
	if !plan.Password.Equal(state.Password) {
		return optString(plan.Password)
	}
	return nil
}

// expandUserCreate maps a plan to the POST /users body. Unset optional
// attributes are left out so the server applies its own defaults.
func expandUserCreate(plan, config *userResourceModel) UserCreate {
	return UserCreate{
		DepartmentID: optInt64(plan.DepartmentID),
		FirstName:    optString(plan.FirstName),
		LastName:     optString(plan.LastName),
		EmailAddress: plan.EmailAddress.ValueString(),
		Password:     passwordOnCreate(plan, config),
		UserType:     optString(plan.UserType),
	}
}

// expandUserUpdate builds the complete PUT body: the configured value of each
// documented field when the configuration sets it, otherwise the value the
// server holds right now, so the update never resets a field the
// configuration does not manage, whichever way the PUT treats omissions.
func expandUserUpdate(plan, config *userResourceModel, server *User, password *string) UserUpdate {
	pickS := func(cfg, planned types.String, current string) string {
		if !cfg.IsNull() {
			return planned.ValueString()
		}
		return current
	}
	dept := server.DepartmentID
	if !config.DepartmentID.IsNull() {
		dept = plan.DepartmentID.ValueInt64()
	}
	return UserUpdate{
		DepartmentID: dept,
		FirstName:    pickS(config.FirstName, plan.FirstName, server.FirstName),
		LastName:     pickS(config.LastName, plan.LastName, server.LastName),
		EmailAddress: pickS(config.EmailAddress, plan.EmailAddress, server.EmailAddress),
		Password:     password,
	}
}

// putFieldsDiffer reports whether an update must call PUT for the profile:
// on_destroy, adopt_existing and timeouts live only in Terraform state.
func putFieldsDiffer(plan, state *userResourceModel) bool {
	return !plan.EmailAddress.Equal(state.EmailAddress) || !plan.FirstName.Equal(state.FirstName) ||
		!plan.LastName.Equal(state.LastName) || !plan.DepartmentID.Equal(state.DepartmentID)
}

// flattenUser copies what the server returned into the model. Every field
// the API returns is taken as is, so drift shows; passwords are never
// returned and keep their Terraform values (the write-only one is always
// null in state).
func flattenUser(u *User, m *userResourceModel) {
	m.ID = types.StringValue(strconv.FormatInt(u.UserID, 10))
	m.UserID = types.Int64Value(u.UserID)
	m.OrganizationID = types.Int64Value(u.OrganizationID)
	m.EmailAddress = types.StringValue(u.EmailAddress)
	m.FirstName = types.StringValue(u.FirstName)
	m.LastName = types.StringValue(u.LastName)
	m.DepartmentID = types.Int64Value(u.DepartmentID)
	m.UserType = types.StringValue(u.UserType)
	m.Phone = types.StringValue(u.Phone)
	m.LicenseType = types.StringValue(u.LicenseType)
	m.LicenseStartDate = types.StringValue(u.LicenseStartDate)
	m.CreationDate = types.StringValue(u.CreationDate)
	m.PasswordWO = types.StringNull()
}
