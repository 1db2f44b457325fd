package questionpro

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userDataModel is one user as the data sources expose it: everything the
// API returns, nothing Terraform-only.
type userDataModel struct {
	UserID           types.Int64  `tfsdk:"user_id"`
	EmailAddress     types.String `tfsdk:"email_address"`
	FirstName        types.String `tfsdk:"first_name"`
	LastName         types.String `tfsdk:"last_name"`
	DepartmentID     types.Int64  `tfsdk:"department_id"`
	OrganizationID   types.Int64  `tfsdk:"organization_id"`
	Phone            types.String `tfsdk:"phone"`
	LicenseType      types.String `tfsdk:"license_type"`
	LicenseStartDate types.String `tfsdk:"license_start_date"`
	CreationDate     types.String `tfsdk:"creation_date"`
	UserType         types.String `tfsdk:"user_type"`
}

func flattenUserData(u *User) userDataModel {
	return userDataModel{
		UserID:           types.Int64Value(u.UserID),
		EmailAddress:     types.StringValue(u.EmailAddress),
		FirstName:        types.StringValue(u.FirstName),
		LastName:         types.StringValue(u.LastName),
		DepartmentID:     types.Int64Value(u.DepartmentID),
		OrganizationID:   types.Int64Value(u.OrganizationID),
		Phone:            types.StringValue(u.Phone),
		LicenseType:      types.StringValue(u.LicenseType),
		LicenseStartDate: types.StringValue(u.LicenseStartDate),
		CreationDate:     types.StringValue(u.CreationDate),
		UserType:         types.StringValue(u.UserType),
	}
}

// userDataAttributes describes the computed user fields shared by both data
// sources; the lookup attributes are added by each data source.
func userDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"user_id":            schema.Int64Attribute{Computed: true, MarkdownDescription: "QuestionPro user id (`userID`)."},
		"email_address":      schema.StringAttribute{Computed: true, MarkdownDescription: "E-mail address (`emailAddress`), also the login."},
		"first_name":         schema.StringAttribute{Computed: true, MarkdownDescription: "First name (`firstName`)."},
		"last_name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Last name (`lastName`)."},
		"department_id":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Department (`departmentID`). QuestionPro's organization-wide list reports `0` for every user; the single-user read and the department list report the real id."},
		"organization_id":    schema.Int64Attribute{Computed: true, MarkdownDescription: "Organization (`organizationID`)."},
		"phone":              schema.StringAttribute{Computed: true, MarkdownDescription: "Phone number (`phone`)."},
		"license_type":       schema.StringAttribute{Computed: true, MarkdownDescription: "Licence type (`licenseType`)."},
		"license_start_date": schema.StringAttribute{Computed: true, MarkdownDescription: "Licence start date (`licenseStartDate`, `YYYY-MM-DD`)."},
		"creation_date":      schema.StringAttribute{Computed: true, MarkdownDescription: "Creation date (`creationDate`, `YYYY-MM-DD`)."},
		"user_type":          schema.StringAttribute{Computed: true, MarkdownDescription: "User type (`userType`), e.g. `License`."},
	}
}
