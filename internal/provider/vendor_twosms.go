package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/twosms"
)

func init() {
	registerVendor(vendor{
		name:        "twosms",
		block:       func() schema.Block { return twosms.ProviderBlock() },
		configure:   configureTwoSMS,
		resources:   []func() resource.Resource{twosms.NewUserResource},
		dataSources: []func() datasource.DataSource{twosms.NewUserDataSource, twosms.NewUsersDataSource},
	})
}

func configureTwoSMS(ctx context.Context, cfg tfsdk.Config, common providerdata.Common, data *Data) diag.Diagnostics {
	var block *twosms.ProviderConfig
	diags := cfg.GetAttribute(ctx, path.Root("twosms"), &block)
	if diags.HasError() {
		return diags
	}
	configured, d := twosms.Configure(ctx, block, common)
	diags.Append(d...)
	data.vendors["twosms"] = configured
	return diags
}

var _ twosms.ClientSource = (*Data)(nil)

// TwoSMS implements twosms.ClientSource.
func (d *Data) TwoSMS() *twosms.Configured {
	c, _ := d.vendors["twosms"].(*twosms.Configured)
	return c
}
