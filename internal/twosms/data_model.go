package twosms

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userDataModel is one user as the data sources expose it: every field the
// API returns except Password and Pin.
type userDataModel struct {
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

func flattenUserData(u *User) userDataModel {
	return userDataModel{
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

// userDataAttributes describes the user fields shared by both data sources;
// the lookup attributes are adjusted by each data source.
func userDataAttributes() map[string]schema.Attribute {
	s := func(d string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: d}
	}
	b := func(d string) schema.BoolAttribute {
		return schema.BoolAttribute{Computed: true, MarkdownDescription: d}
	}
	return map[string]schema.Attribute{
		"user_id":                s("The user's GUID (`ID`)."),
		"username":               s("Login name (`Username`)."),
		"email_address":          s("E-mail address (`EmailAddress`)."),
		"display_name":           s("Name (`DisplayName`)."),
		"mobile_phone":           s("Mobile phone (`MobilePhone`)."),
		"language_id":            s("Language GUID (`LanguageID`)."),
		"time_zone":              s("Time zone (`TimeZone`)."),
		"enabled":                b("Whether the user is enabled (`Enabled`)."),
		"admin_user":             b("Whether the user is an admin (`AdminUser`)."),
		"sso_enabled":            b("Whether the user is part of an SSO setup (`SSOEnabled`); `false` where the host does not return it."),
		"preferences":            schema.Int64Attribute{Computed: true, MarkdownDescription: "The `Preferences` enum as its integer (members undocumented)."},
		"account_id":             s("Account GUID (`AccountID`)."),
		"date_created":           s("Creation time (`DateCreated`)."),
		"date_modified":          s("Last change (`DateModified`)."),
		"agreement_date":         s("Privacy policy and DPA acceptance (`AgreementDate`); null if never."),
		"decline_date":           s("Privacy policy and DPA refusal (`DeclineDate`); null if never."),
		"dpa_version":            s("Accepted DPA version (`DPAVersion`)."),
		"privacy_policy_version": s("Accepted privacy policy version (`PrivacyPolicyVersion`)."),
	}
}
