package questionpro

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userModel is one QuestionPro user as the API returns it (§4): every
// field the data sources expose, and the part of the resource's state that
// the server owns. The resource and both data sources embed it, so the user
// is described once.
type userModel struct {
	UserID           types.Int64  `tfsdk:"user_id"`
	OrganizationID   types.Int64  `tfsdk:"organization_id"`
	EmailAddress     types.String `tfsdk:"email_address"`
	FirstName        types.String `tfsdk:"first_name"`
	LastName         types.String `tfsdk:"last_name"`
	DepartmentID     types.Int64  `tfsdk:"department_id"`
	UserType         types.String `tfsdk:"user_type"`
	Phone            types.String `tfsdk:"phone"`
	LicenseType      types.String `tfsdk:"license_type"`
	LicenseStartDate types.String `tfsdk:"license_start_date"`
	CreationDate     types.String `tfsdk:"creation_date"`
}

// userAttributeNames are userModel's attributes, in its order: the data
// sources take exactly these from the resource's schema.
var userAttributeNames = []string{
	"user_id", "organization_id", "email_address", "first_name", "last_name", "department_id",
	"user_type", "phone", "license_type", "license_start_date", "creation_date",
}

// userResourceModel is the state and plan of saas_questionpro_user: the
// user, plus what only Terraform knows.
type userResourceModel struct {
	ID types.String `tfsdk:"id"`
	userModel
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

// flattenUser maps a user the API returned onto the model the resource and
// the data sources share. Every field is taken as is, so the resource sees
// drift on each of them.
func flattenUser(u *User) userModel {
	return userModel{
		UserID:           types.Int64Value(u.UserID),
		OrganizationID:   types.Int64Value(u.OrganizationID),
		EmailAddress:     types.StringValue(u.EmailAddress),
		FirstName:        types.StringValue(u.FirstName),
		LastName:         types.StringValue(u.LastName),
		DepartmentID:     types.Int64Value(u.DepartmentID),
		UserType:         types.StringValue(u.UserType),
		Phone:            types.StringValue(u.Phone),
		LicenseType:      types.StringValue(u.LicenseType),
		LicenseStartDate: types.StringValue(u.LicenseStartDate),
		CreationDate:     types.StringValue(u.CreationDate),
	}
}

// setUser records a user the server returned in the resource's state.
func (m *userResourceModel) setUser(u *User) {
	m.userModel = flattenUser(u)
	m.ID = types.StringValue(strconv.FormatInt(u.UserID, 10))
	// QuestionPro never returns a password, so password keeps its planned
	// or prior value (a change made in QuestionPro cannot show as drift),
	// and the write-only one is never stored at all.
	m.PasswordWO = types.StringNull()
}
