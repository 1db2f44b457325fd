package twosms

import (
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userModel is one 2sms user as the admin API returns it (twosms-api.md
// §2.2), without Password and Pin: secrets are never stored from a read
// (2sms may return null, a mask or the PIN itself). The resource
// and both data sources embed it, so a user reads the same everywhere;
// flattenUser is the one way it is filled.
type userModel struct {
	UserID               types.String `tfsdk:"user_id"`
	Username             types.String `tfsdk:"username"`
	EmailAddress         types.String `tfsdk:"email_address"`
	DisplayName          types.String `tfsdk:"display_name"`
	MobilePhone          types.String `tfsdk:"mobile_phone"`
	LanguageID           types.String `tfsdk:"language_id"`
	TimeZone             types.String `tfsdk:"time_zone"`
	Enabled              types.Bool   `tfsdk:"enabled"`
	AdminUser            types.Bool   `tfsdk:"admin_user"`
	SSOEnabled           types.Bool   `tfsdk:"sso_enabled"`
	Preferences          types.Int64  `tfsdk:"preferences"`
	AccountID            types.String `tfsdk:"account_id"`
	DateCreated          types.String `tfsdk:"date_created"`
	DateModified         types.String `tfsdk:"date_modified"`
	AgreementDate        types.String `tfsdk:"agreement_date"`
	DeclineDate          types.String `tfsdk:"decline_date"`
	DPAVersion           types.String `tfsdk:"dpa_version"`
	PrivacyPolicyVersion types.String `tfsdk:"privacy_policy_version"`
}

// userAttributeNames are the schema names of userModel's fields: the
// attributes the data sources take over from the resource schema. They are
// read from the struct tags so the list cannot drift from the model.
func userAttributeNames() []string {
	t := reflect.TypeFor[userModel]()
	names := make([]string, t.NumField())
	for i := range names {
		names[i] = t.Field(i).Tag.Get("tfsdk")
	}
	return names
}

// userResourceModel is the state and plan of saas_twosms_admin_user: the
// user, plus what only Terraform knows (the secrets it sends, what destroy
// does, how long each operation may take).
type userResourceModel struct {
	ID types.String `tfsdk:"id"`
	userModel
	PasswordWO        types.String   `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64    `tfsdk:"password_wo_version"`
	Password          types.String   `tfsdk:"password"`
	PinWO             types.String   `tfsdk:"pin_wo"`
	PinWOVersion      types.Int64    `tfsdk:"pin_wo_version"`
	Pin               types.String   `tfsdk:"pin"`
	OnDestroy         types.String   `tfsdk:"on_destroy"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// secrets are the write-only values one PUT carries; nil means "not sent".
type secrets struct {
	password *string
	pin      *string
}

// configuredPassword is the password from the configuration: password_wo
// (read from the config, where write-only values live) or the legacy
// password attribute.
func configuredPassword(config *userResourceModel) *string {
	if v := optString(config.PasswordWO); v != nil {
		return v
	}
	return optString(config.Password)
}

func configuredPin(config *userResourceModel) *string {
	if v := optString(config.PinWO); v != nil {
		return v
	}
	return optString(config.Pin)
}

// optString is a configured, known, non-empty string as a pointer, or nil.
func optString(v types.String) *string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return nil
	}
	s := v.ValueString()
	return &s
}

// expandUser builds the complete PUT body (twosms-api.md §4.4): the
// configured value where the configuration sets one, otherwise the value the
// server holds right now, because the PUT resets what it is not sent. The
// read-only and server-controlled fields (ID, AccountID, dates, policy
// versions) are copied from the server untouched. The password comes only
// from the configuration. The PIN comes from the configuration, else it is
// the PIN the server just returned, sent back as read: a PUT without it
// would reset it (§3.1, §4.4).
func expandUser(plan, config *userResourceModel, server *User, sec secrets) *User {
	body := *server // dates and policy versions stay the server's exact values
	body.Password, body.Pin = sec.password, sec.pin
	if body.Pin == nil {
		body.Pin = readPin(server)
	}
	// set reports a value the configuration sets and the plan knows; an
	// unconfigured attribute holds the prior state in the plan, which may be
	// older than the server's value read just now.
	set := func(cfg, planned attr.Value) bool {
		return !cfg.IsNull() && !planned.IsNull() && !planned.IsUnknown()
	}
	str := func(cfg, planned types.String, current *string) *string {
		if !set(cfg, planned) {
			return current
		}
		s := planned.ValueString()
		return &s
	}
	body.DisplayName = str(config.DisplayName, plan.DisplayName, server.DisplayName)
	body.EmailAddress = str(config.EmailAddress, plan.EmailAddress, server.EmailAddress)
	body.MobilePhone = str(config.MobilePhone, plan.MobilePhone, server.MobilePhone)
	body.TimeZone = str(config.TimeZone, plan.TimeZone, server.TimeZone)
	body.Username = str(config.Username, plan.Username, server.Username)
	if set(config.LanguageID, plan.LanguageID) {
		body.LanguageID = normalizeGUID(plan.LanguageID.ValueString())
	}
	if set(config.Enabled, plan.Enabled) {
		body.Enabled = plan.Enabled.ValueBool()
	}
	if set(config.SSOEnabled, plan.SSOEnabled) {
		b := plan.SSOEnabled.ValueBool()
		body.SSOEnabled = &b
	}
	if set(config.Preferences, plan.Preferences) {
		body.Preferences = plan.Preferences.ValueInt64()
	}
	// AdminUser goes through PATCH …/access (§4.6); the body carries the
	// desired value so a server that does honour it on PUT agrees too.
	if set(config.AdminUser, plan.AdminUser) {
		body.AdminUser = plan.AdminUser.ValueBool()
	}
	return &body
}

// readPin is the user's PIN as 2sms returned it, when it did: not null, not
// empty and not a mask. Whether 2sms returns it at all is [UNKNOWN] (§3.1);
// a mask sent back would become the PIN.
func readPin(u *User) *string {
	if u.Pin == nil || strings.TrimSpace(*u.Pin) == "" || strings.ContainsAny(*u.Pin, "*•●") {
		return nil
	}
	p := *u.Pin
	return &p
}

// putNeeded reports whether body differs from the server's user in a field
// PUT changes, or carries a secret the server does not show it already
// holds. AdminUser is left out: PATCH handles it.
func putNeeded(body, server *User) bool {
	return body.Password != nil || pinChanges(body, server) ||
		deref(body.DisplayName) != deref(server.DisplayName) ||
		deref(body.EmailAddress) != deref(server.EmailAddress) ||
		deref(body.MobilePhone) != deref(server.MobilePhone) ||
		deref(body.TimeZone) != deref(server.TimeZone) ||
		deref(body.Username) != deref(server.Username) ||
		!sameGUID(body.LanguageID, server.LanguageID) ||
		body.Enabled != server.Enabled ||
		body.Preferences != server.Preferences ||
		isTrue(body.SSOEnabled) != isTrue(server.SSOEnabled)
}

// pinChanges reports whether body carries a PIN other than the one the
// server showed: sending back the PIN 2sms returned changes nothing, and a
// PIN 2sms hides (null or masked) cannot be compared, so it is sent.
func pinChanges(body, server *User) bool {
	if body.Pin == nil {
		return false
	}
	shown := readPin(server)
	return shown == nil || *body.Pin != *shown
}

// isTrue reads an optional boolean; absent (SSOEnabled on older hosts) is
// false.
func isTrue(b *bool) bool { return b != nil && *b }

func sameGUID(a, b string) bool { return normalizeGUID(a) == normalizeGUID(b) }

// normalizeGUID is the lower-case form 2sms writes (§2.2), so a GUID typed
// in upper case does not show as drift.
func normalizeGUID(s string) string {
	out := []byte(s)
	for i, c := range out {
		if 'A' <= c && c <= 'F' {
			out[i] = c + ('a' - 'A')
		}
	}
	return string(out)
}

// keepGUIDSpelling returns prior when it names the same GUID as read, so
// a GUID configured in upper case does not show as drift against the lower
// case 2sms writes; otherwise it returns read.
func keepGUIDSpelling(read, prior types.String) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && sameGUID(prior.ValueString(), read.ValueString()) {
		return prior
	}
	return read
}

func stringOrNull(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

// flattenUser maps a user read from 2sms to the model every resource and
// data source shows: GUIDs in the lower case 2sms writes, an absent
// SSOEnabled as false, and absent dates and policy versions as null.
func flattenUser(u *User) userModel {
	return userModel{
		UserID:               types.StringValue(normalizeGUID(u.ID)),
		Username:             types.StringValue(deref(u.Username)),
		EmailAddress:         types.StringValue(deref(u.EmailAddress)),
		DisplayName:          types.StringValue(deref(u.DisplayName)),
		MobilePhone:          types.StringValue(deref(u.MobilePhone)),
		LanguageID:           types.StringValue(normalizeGUID(u.LanguageID)),
		TimeZone:             types.StringValue(deref(u.TimeZone)),
		Enabled:              types.BoolValue(u.Enabled),
		AdminUser:            types.BoolValue(u.AdminUser),
		SSOEnabled:           types.BoolValue(isTrue(u.SSOEnabled)),
		Preferences:          types.Int64Value(u.Preferences),
		AccountID:            types.StringValue(normalizeGUID(u.AccountID)),
		DateCreated:          stringOrNull(u.DateCreated),
		DateModified:         stringOrNull(u.DateModified),
		AgreementDate:        stringOrNull(u.AgreementDate),
		DeclineDate:          stringOrNull(u.DeclineDate),
		DPAVersion:           stringOrNull(u.DPAVersion),
		PrivacyPolicyVersion: stringOrNull(u.PrivacyPolicyVersion),
	}
}

// refresh sets the resource model to the user just read. m holds the prior
// plan or state; what 2sms never returns (the legacy password and PIN, their
// versions, on_destroy, timeouts) lies outside userModel and keeps its value.
func (m *userResourceModel) refresh(u *User) {
	prior := m.userModel
	m.userModel = flattenUser(u)
	// A GUID the configuration (or an import) spells in upper case names the
	// same object as 2sms's lower case: keeping the configured spelling
	// avoids a diff on every plan.
	m.ID = keepGUIDSpelling(types.StringValue(normalizeGUID(u.ID)), m.ID)
	m.UserID = keepGUIDSpelling(m.UserID, prior.UserID)
	m.LanguageID = keepGUIDSpelling(m.LanguageID, prior.LanguageID)
	m.AccountID = keepGUIDSpelling(m.AccountID, prior.AccountID)
	// Write-only values are never stored (the framework nulls them too).
	m.PasswordWO = types.StringNull()
	m.PinWO = types.StringNull()
}
