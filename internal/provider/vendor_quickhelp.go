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
	"github.com/saas-users/terraform-provider-saas/internal/quickhelp"
)

func init() {
	registerVendor(vendor{
		name:        "quickhelp",
		block:       func() schema.Block { return quickhelp.ProviderBlock() },
		configure:   configureQuickHelp,
		resources:   []func() resource.Resource{quickhelp.NewUserResource},
		dataSources: []func() datasource.DataSource{quickhelp.NewUserDataSource, quickhelp.NewUsersDataSource},
	})
}

func configureQuickHelp(ctx context.Context, cfg tfsdk.Config, common providerdata.Common, data *Data) diag.Diagnostics {
	var block *quickhelp.ProviderConfig
	diags := cfg.GetAttribute(ctx, path.Root("quickhelp"), &block)
	if diags.HasError() {
		return diags
	}
	configured, d := quickhelp.Configure(ctx, block, common)
	diags.Append(d...)
	data.vendors["quickhelp"] = configured
	return diags
}

var _ quickhelp.ClientSource = (*Data)(nil)

// QuickHelp implements quickhelp.ClientSource.
func (d *Data) QuickHelp() *quickhelp.Configured {
	c, _ := d.vendors["quickhelp"].(*quickhelp.Configured)
	return c
}
