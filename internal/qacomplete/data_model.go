package qacomplete

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userDataModel is one user as the data sources expose it: everything the
// API returns, nothing Terraform-only.
type userDataModel struct {
	UserID          types.Int64  `tfsdk:"user_id"`
	Email           types.String `tfsdk:"email"`
	FirstName       types.String `tfsdk:"first_name"`
	MiddleName      types.String `tfsdk:"middle_name"`
	LastName        types.String `tfsdk:"last_name"`
	Phone           types.String `tfsdk:"phone"`
	IsSecurityAdmin types.Bool   `tfsdk:"is_security_admin"`
	IsAdAccount     types.Bool   `tfsdk:"is_ad_account"`
	AdSearchValue   types.String `tfsdk:"ad_search_value"`
	CompanyName     types.String `tfsdk:"company_name"`
	IsActive        types.Bool   `tfsdk:"is_active"`
	PrimaryDeptID   types.Int64  `tfsdk:"primary_dept_id"`
	DateCreated     types.String `tfsdk:"date_created"`
	DateUpdated     types.String `tfsdk:"date_updated"`
}

func flattenUserData(u *User) userDataModel {
	m := userDataModel{
		UserID:          types.Int64Value(u.ID),
		Email:           stringOrEmpty(u.Email),
		FirstName:       stringOrEmpty(u.FirstName),
		MiddleName:      stringOrEmpty(u.MiddleName),
		LastName:        stringOrEmpty(u.LastName),
		Phone:           stringOrEmpty(u.WorkPhone),
		IsSecurityAdmin: boolOrFalse(u.IsSecurityAdmin),
		IsAdAccount:     boolOrFalse(u.IsADAccount),
		AdSearchValue:   stringOrEmpty(u.ADSearchValue),
		CompanyName:     stringOrEmpty(u.CompanyName),
		IsActive:        types.BoolValue(u.Active()),
		PrimaryDeptID:   types.Int64Null(),
		DateCreated:     stringOrEmpty(u.DateCreated),
		DateUpdated:     stringOrEmpty(u.DateUpdated),
	}
	if u.PrimaryDeptID != nil {
		m.PrimaryDeptID = types.Int64Value(*u.PrimaryDeptID)
	}
	return m
}

// userDataAttributes describes the computed user fields shared by both data
// sources; the lookup attributes are added by each data source.
func userDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"user_id":           schema.Int64Attribute{Computed: true, MarkdownDescription: "QAComplete user id."},
		"email":             schema.StringAttribute{Computed: true, MarkdownDescription: "E-mail address, also the login."},
		"first_name":        schema.StringAttribute{Computed: true, MarkdownDescription: "First name."},
		"middle_name":       schema.StringAttribute{Computed: true, MarkdownDescription: "Middle name; empty when the API returns none."},
		"last_name":         schema.StringAttribute{Computed: true, MarkdownDescription: "Last name."},
		"phone":             schema.StringAttribute{Computed: true, MarkdownDescription: "Phone number (`work_phone`)."},
		"is_security_admin": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user is a security administrator."},
		"is_ad_account":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user signs in with Active Directory (`is_a_d_account`)."},
		"ad_search_value":   schema.StringAttribute{Computed: true, MarkdownDescription: "Active Directory search value, when the API returns it."},
		"company_name":      schema.StringAttribute{Computed: true, MarkdownDescription: "Company name."},
		"is_active":         schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the account is active; disabled users are listed too."},
		"primary_dept_id":   schema.Int64Attribute{Computed: true, MarkdownDescription: "The user's primary department."},
		"date_created":      schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time as QAComplete reports it."},
		"date_updated":      schema.StringAttribute{Computed: true, MarkdownDescription: "Last update time as QAComplete reports it."},
	}
}
