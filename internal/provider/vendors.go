package provider

import (
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/qacomplete"
	"github.com/saas-users/terraform-provider-saas/internal/questionpro"
	"github.com/saas-users/terraform-provider-saas/internal/quickhelp"
	"github.com/saas-users/terraform-provider-saas/internal/twosms"
)

// Vendors is every vendor the provider serves, in the order of its schema's
// blocks. A new vendor is one line here and one package; nothing registers
// itself.
func Vendors() []providerdata.Vendor {
	return []providerdata.Vendor{
		qacomplete.Vendor,
		questionpro.Vendor,
		quickhelp.Vendor,
		twosms.Vendor,
	}
}
