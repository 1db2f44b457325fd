package qacomplete

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// userDataSourceAttributes is the user as both data sources describe it: the
// resource's attributes for userModel, made computed. Where the resource's
// description goes on to say what configuring the attribute does, a reader
// of a data source gets what the attribute is instead.
func userDataSourceAttributes(ctx context.Context) map[string]schema.Attribute {
	attrs := providerdata.ComputedAttributes(userResourceSchema(ctx), userModelAttributes...)
	for name, desc := range map[string]string{
		"middle_name":       descMiddleName,
		"phone":             descPhone,
		"is_security_admin": descIsSecurityAdmin,
		"is_ad_account":     descIsAdAccount,
		"ad_search_value":   descAdSearchValue + " Empty when the API does not return it.",
		"company_name":      descCompanyName,
		"is_active":         descIsActive + " QAComplete's DELETE disables a user rather than removing it, so disabled users are read and listed too.",
	} {
		attrs[name] = withDescription(attrs[name], desc)
	}
	return attrs
}

// withDescription is a with its MarkdownDescription replaced.
func withDescription(a schema.Attribute, desc string) schema.Attribute {
	switch a := a.(type) {
	case schema.StringAttribute:
		a.MarkdownDescription = desc
		return a
	case schema.BoolAttribute:
		a.MarkdownDescription = desc
		return a
	case schema.Int64Attribute:
		a.MarkdownDescription = desc
		return a
	}
	panic(fmt.Sprintf("withDescription: %T is not a user field's type", a))
}
