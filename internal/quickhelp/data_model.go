package quickhelp

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userDataModel is one user as the data sources expose it: everything the
// list returns (confirmed, bypassSso and customerId are never returned).
type userDataModel struct {
	UserID     types.Int64      `tfsdk:"user_id"`
	Email      types.String     `tfsdk:"email"`
	FirstName  types.String     `tfsdk:"first_name"`
	LastName   types.String     `tfsdk:"last_name"`
	Department types.String     `tfsdk:"department"`
	JobTitle   types.String     `tfsdk:"job_title"`
	Licensed   types.Bool       `tfsdk:"licensed"`
	Roles      []roleDataModel  `tfsdk:"roles"`
	Groups     []groupDataModel `tfsdk:"groups"`
	Country    types.String     `tfsdk:"country"`
	SSO        *ssoDataModel    `tfsdk:"sso"`
}

type roleDataModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

type groupDataModel struct {
	ID   types.Int64  `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

type ssoDataModel struct {
	UserID       types.String       `tfsdk:"user_id"`
	Company      types.String       `tfsdk:"company"`
	Location     types.String       `tfsdk:"location"`
	Platform     types.String       `tfsdk:"platform"`
	CustomFields []customFieldModel `tfsdk:"custom_fields"`
}

type customFieldModel struct {
	Name  types.String `tfsdk:"name"`
	Value types.String `tfsdk:"value"`
}

func flattenUserData(u *User) userDataModel {
	m := userDataModel{
		UserID:     types.Int64Value(u.UserID),
		Email:      str(u.Email),
		FirstName:  str(u.FirstName),
		LastName:   str(u.LastName),
		Department: str(u.Department),
		JobTitle:   str(u.JobTitle),
		Licensed:   types.BoolValue(u.LicenseIssued),
		Roles:      make([]roleDataModel, 0, len(u.Roles)),
		Groups:     make([]groupDataModel, 0, len(u.Groups)),
		Country:    str(u.Country),
	}
	for _, r := range u.Roles {
		m.Roles = append(m.Roles, roleDataModel{ID: types.StringValue(strings.ToLower(r.ID)), Name: types.StringValue(r.Name)})
	}
	for _, g := range u.Groups {
		m.Groups = append(m.Groups, groupDataModel{ID: types.Int64Value(g.ID), Name: types.StringValue(g.Name)})
	}
	if u.SSO != nil {
		m.SSO = &ssoDataModel{
			UserID: str(u.SSO.UserID), Company: str(u.SSO.Company), Location: str(u.SSO.Location), Platform: str(u.SSO.Platform),
			CustomFields: make([]customFieldModel, 0, len(u.SSO.CustomFields)),
		}
		for _, f := range u.SSO.CustomFields {
			m.SSO.CustomFields = append(m.SSO.CustomFields, customFieldModel{Name: str(f.Name), Value: str(f.Value)})
		}
	}
	return m
}

// userDataAttributes describes the computed user fields shared by both data
// sources; the lookup attributes are added by each data source.
func userDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"user_id":    schema.Int64Attribute{Computed: true, MarkdownDescription: "QuickHelp user id (`userId`)."},
		"email":      schema.StringAttribute{Computed: true, MarkdownDescription: "E-mail address (`email`)."},
		"first_name": schema.StringAttribute{Computed: true, MarkdownDescription: "First name (`firstName`); empty when QuickHelp has none."},
		"last_name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Last name (`lastName`)."},
		"department": schema.StringAttribute{Computed: true, MarkdownDescription: "Department (`department`)."},
		"job_title":  schema.StringAttribute{Computed: true, MarkdownDescription: "Job title (`jobTitle`)."},
		"licensed":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user holds a licence (`licenseIssued`)."},
		"roles": schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Admin roles (`roles`). QuickHelp publishes no list of role ids, so this is where to find the GUIDs for `saas_quickhelp_user.roles`.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   schema.StringAttribute{Computed: true, MarkdownDescription: "Role GUID, lower case."},
				"name": schema.StringAttribute{Computed: true, MarkdownDescription: "Role name, e.g. `User Administrator`."},
			}},
		},
		"groups": schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Groups (`groups`).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   schema.Int64Attribute{Computed: true, MarkdownDescription: "Group id."},
				"name": schema.StringAttribute{Computed: true, MarkdownDescription: "Group name."},
			}},
		},
		"country": schema.StringAttribute{Computed: true, MarkdownDescription: "Country (`country`)."},
		"sso": schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Single sign-on details (`sso`); null when QuickHelp returns none.",
			Attributes: map[string]schema.Attribute{
				"user_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The user's id at the identity provider."},
				"company":  schema.StringAttribute{Computed: true, MarkdownDescription: "Company from the identity provider."},
				"location": schema.StringAttribute{Computed: true, MarkdownDescription: "Location from the identity provider."},
				"platform": schema.StringAttribute{Computed: true, MarkdownDescription: "SSO platform."},
				"custom_fields": schema.ListNestedAttribute{
					Computed:            true,
					MarkdownDescription: "Custom SSO claims.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Claim name."},
						"value": schema.StringAttribute{Computed: true, MarkdownDescription: "Claim value."},
					}},
				},
			},
		},
	}
}
