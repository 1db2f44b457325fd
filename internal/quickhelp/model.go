package quickhelp

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userModel is a QuickHelp user as the list returns it: the attributes the
// resource and both data sources share, named in userAttributeNames and
// filled by flattenUserModel. Roles are not here: the resource holds the
// GUIDs it is configured with, the data sources show each role with its
// name, and one attribute cannot be both.
type userModel struct {
	UserID     types.Int64  `tfsdk:"user_id"`
	Email      types.String `tfsdk:"email"`
	FirstName  types.String `tfsdk:"first_name"`
	LastName   types.String `tfsdk:"last_name"`
	Department types.String `tfsdk:"department"`
	JobTitle   types.String `tfsdk:"job_title"`
	Licensed   types.Bool   `tfsdk:"licensed"`
	Groups     types.List   `tfsdk:"groups"`
	Country    types.String `tfsdk:"country"`
	SSO        types.Object `tfsdk:"sso"`
}

// userAttributeNames are userModel's attributes, in the resource schema
// whose types and descriptions the data sources take over.
var userAttributeNames = []string{
	"user_id", "email", "first_name", "last_name", "department", "job_title", "licensed", "groups", "country", "sso",
}

// userResourceModel is the state and plan of saas_quickhelp_user: the user,
// plus what only Terraform knows or only the update call takes.
type userResourceModel struct {
	ID types.String `tfsdk:"id"`
	userModel
	Roles      types.Set      `tfsdk:"roles"`
	Confirmed  types.Bool     `tfsdk:"confirmed"`
	BypassSSO  types.Bool     `tfsdk:"bypass_sso"`
	CustomerID types.Int64    `tfsdk:"customer_id"`
	OnDestroy  types.String   `tfsdk:"on_destroy"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

var (
	groupAttrTypes       = map[string]attr.Type{"id": types.Int64Type, "name": types.StringType}
	customFieldAttrTypes = map[string]attr.Type{"name": types.StringType, "value": types.StringType}
	ssoAttrTypes         = map[string]attr.Type{
		"user_id": types.StringType, "company": types.StringType, "location": types.StringType, "platform": types.StringType,
		"custom_fields": types.ListType{ElemType: types.ObjectType{AttrTypes: customFieldAttrTypes}},
	}
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// str maps a string the list returns; null (how an empty .NET string comes
// back) reads as "".
func str(s *string) types.String { return types.StringValue(deref(s)) }

// customerOf is the resource's customer id, 0 when unset.
func customerOf(m *userResourceModel) int64 {
	if m.CustomerID.IsNull() || m.CustomerID.IsUnknown() {
		return 0
	}
	return m.CustomerID.ValueInt64()
}

// roleIDs are a user's role GUIDs, lower case as .NET prints a Guid.
func roleIDs(u *User) []string {
	out := make([]string, 0, len(u.Roles))
	for _, r := range u.Roles {
		out = append(out, strings.ToLower(r.ID))
	}
	// Compare case-insensitively and drop repeats: a set cannot hold the
	// same GUID twice, and the list may repeat one in another case.
	slices.Sort(out)
	return slices.Compact(out)
}

// rolesAsRead are a user's role GUIDs exactly as the list spelled them, in
// its order: what an update sends back for roles the configuration leaves
// alone, so that a value Terraform does not manage is never rewritten.
func rolesAsRead(u *User) []string {
	out := make([]string, 0, len(u.Roles))
	for _, r := range u.Roles {
		out = append(out, r.ID)
	}
	return out
}

// setStrings reads a known set of strings.
func setStrings(ctx context.Context, s types.Set) ([]string, diag.Diagnostics) {
	var out []string
	if s.IsNull() || s.IsUnknown() {
		return nil, nil
	}
	d := s.ElementsAs(ctx, &out, false)
	return out, d
}

// expandUpdate builds the complete updateUserAccount body: the configured
// value for every attribute the configuration sets, and the server's current
// value (server is a read made right before) for every other field the list
// returns, so nothing the configuration does not manage is ever lost.
// confirmed and bypassSso are never returned: the planned value (the
// configuration's, or the last one Terraform sent) is sent when known, and
// nothing otherwise.
func expandUpdate(ctx context.Context, plan, config *userResourceModel, server *User) (UserUpdate, diag.Diagnostics) {
	var diags diag.Diagnostics
	pick := func(cfg, planned types.String, current *string) string {
		if !cfg.IsNull() && !planned.IsUnknown() {
			return planned.ValueString()
		}
		return deref(current)
	}
	body := UserUpdate{
		UserID:     server.UserID,
		FirstName:  pick(config.FirstName, plan.FirstName, server.FirstName),
		LastName:   pick(config.LastName, plan.LastName, server.LastName),
		Email:      pick(config.Email, plan.Email, server.Email),
		Department: pick(config.Department, plan.Department, server.Department),
		JobTitle:   pick(config.JobTitle, plan.JobTitle, server.JobTitle),
		Licensed:   server.LicenseIssued,
		Roles:      rolesAsRead(server),
	}
	// E-mail addresses compare without regard to case (the list is searched
	// that way too), so a configured address differing only in case is not
	// a change worth a call.
	if strings.EqualFold(body.Email, deref(server.Email)) {
		body.Email = deref(server.Email)
	}
	if !config.Licensed.IsNull() && !plan.Licensed.IsUnknown() {
		body.Licensed = plan.Licensed.ValueBool()
	}
	if !config.Roles.IsNull() && !plan.Roles.IsUnknown() {
		roles, d := setStrings(ctx, plan.Roles)
		diags.Append(d...)
		body.Roles = make([]string, 0, len(roles))
		for _, r := range roles {
			body.Roles = append(body.Roles, strings.ToLower(r))
		}
		slices.Sort(body.Roles)
	}
	body.Confirmed = knownBool(plan.Confirmed)
	body.BypassSSO = knownBool(plan.BypassSSO)
	return body, diags
}

func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return ptr(v.ValueBool())
}

// needsUpdate reports whether body would change anything the list shows, or
// carries confirmed/bypassSso (which the list cannot show, so they are sent
// whenever Terraform manages them). Adopting a user whose values already
// match sends nothing, so an undocumented reset of fields the body leaves
// out cannot touch it.
func needsUpdate(body UserUpdate, server *User) bool {
	return body.Confirmed != nil || body.BypassSSO != nil ||
		body.FirstName != deref(server.FirstName) || body.LastName != deref(server.LastName) ||
		body.Email != deref(server.Email) || body.Department != deref(server.Department) ||
		body.JobTitle != deref(server.JobTitle) || body.Licensed != server.LicenseIssued ||
		!sameFold(body.Roles, rolesAsRead(server))
}

// unlicenseBody is the complete body that takes a user's licence away and
// keeps everything else as the server (and, for the fields it never returns,
// Terraform's state) has it.
func unlicenseBody(state *userResourceModel, server *User) UserUpdate {
	return UserUpdate{
		UserID:     server.UserID,
		FirstName:  deref(server.FirstName),
		LastName:   deref(server.LastName),
		Email:      deref(server.Email),
		Department: deref(server.Department),
		JobTitle:   deref(server.JobTitle),
		Licensed:   false,
		Confirmed:  knownBool(state.Confirmed),
		BypassSSO:  knownBool(state.BypassSSO),
		Roles:      rolesAsRead(server),
	}
}

// flattenUserModel maps a list record to the attributes every QuickHelp
// user schema shares. It is the one mapping from the wire to Terraform: the
// resource and both data sources start from it.
func flattenUserModel(u *User) (userModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := userModel{
		UserID:     types.Int64Value(u.UserID),
		Email:      str(u.Email),
		FirstName:  str(u.FirstName),
		LastName:   str(u.LastName),
		Department: str(u.Department),
		JobTitle:   str(u.JobTitle),
		Licensed:   types.BoolValue(u.LicenseIssued),
		Country:    str(u.Country),
	}
	var d diag.Diagnostics
	m.Groups, d = flattenGroups(u.Groups)
	diags.Append(d...)
	m.SSO, d = flattenSSO(u.SSO)
	diags.Append(d...)
	return m, diags
}

// flattenUser copies a list record into the resource model. m holds the
// prior plan or state, and the resource keeps some of it on top of the
// shared mapping: values equal to the server's but for letter case (e-mail,
// role GUIDs) stay as configured so case never shows as drift, and the
// fields the API never returns (confirmed, bypass_sso, customer_id) keep
// theirs, since there is nothing to replace them with.
func flattenUser(ctx context.Context, u *User, m *userResourceModel) diag.Diagnostics {
	prior := m.userModel
	fields, diags := flattenUserModel(u)
	m.userModel = fields
	m.ID = types.StringValue(strconv.FormatInt(u.UserID, 10))
	if !prior.Email.IsNull() && !prior.Email.IsUnknown() && strings.EqualFold(prior.Email.ValueString(), fields.Email.ValueString()) {
		m.Email = prior.Email
	}

	server := roleIDs(u)
	configured, d := setStrings(ctx, m.Roles)
	diags.Append(d...)
	if m.Roles.IsNull() || m.Roles.IsUnknown() || !sameFold(configured, server) {
		m.Roles, d = types.SetValueFrom(ctx, types.StringType, server)
		diags.Append(d...)
	}

	if m.Confirmed.IsUnknown() {
		m.Confirmed = types.BoolNull()
	}
	if m.BypassSSO.IsUnknown() {
		m.BypassSSO = types.BoolNull()
	}
	return diags
}

// sameFold reports whether two sets of GUIDs are equal ignoring case.
func sameFold(a, b []string) bool {
	norm := func(s []string) []string {
		out := make([]string, len(s))
		for i, v := range s {
			out[i] = strings.ToLower(v)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(norm(a), norm(b))
}

func flattenGroups(groups []Group) (types.List, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(groups))
	var diags diag.Diagnostics
	for _, g := range groups {
		o, d := types.ObjectValue(groupAttrTypes, map[string]attr.Value{"id": types.Int64Value(g.ID), "name": types.StringValue(g.Name)})
		diags.Append(d...)
		elems = append(elems, o)
	}
	l, d := types.ListValue(types.ObjectType{AttrTypes: groupAttrTypes}, elems)
	diags.Append(d...)
	return l, diags
}

// flattenSSO maps the SSO block; a user without SSO details gets null.
func flattenSSO(s *SSO) (types.Object, diag.Diagnostics) {
	if s == nil {
		return types.ObjectNull(ssoAttrTypes), nil
	}
	var diags diag.Diagnostics
	fields := make([]attr.Value, 0, len(s.CustomFields))
	for _, f := range s.CustomFields {
		o, d := types.ObjectValue(customFieldAttrTypes, map[string]attr.Value{"name": str(f.Name), "value": str(f.Value)})
		diags.Append(d...)
		fields = append(fields, o)
	}
	list, d := types.ListValue(types.ObjectType{AttrTypes: customFieldAttrTypes}, fields)
	diags.Append(d...)
	o, d := types.ObjectValue(ssoAttrTypes, map[string]attr.Value{
		"user_id": str(s.UserID), "company": str(s.Company), "location": str(s.Location), "platform": str(s.Platform),
		"custom_fields": list,
	})
	diags.Append(d...)
	return o, diags
}
