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
	"github.com/saas-users/terraform-provider-saas/internal/qacomplete"
)

func init() {
	registerVendor(vendor{
		name:        "qacomplete",
		block:       func() schema.Block { return qacomplete.ProviderBlock() },
		configure:   configureQAComplete,
		resources:   []func() resource.Resource{qacomplete.NewUserResource},
		dataSources: []func() datasource.DataSource{qacomplete.NewUserDataSource, qacomplete.NewUsersDataSource},
	})
}

func configureQAComplete(ctx context.Context, cfg tfsdk.Config, common providerdata.Common, data *Data) diag.Diagnostics {
	var block *qacomplete.ProviderConfig
	diags := cfg.GetAttribute(ctx, path.Root("qacomplete"), &block)
	if diags.HasError() {
		return diags
	}
	configured, d := qacomplete.Configure(ctx, block, common)
	diags.Append(d...)
	data.vendors["qacomplete"] = configured
	return diags
}

var _ qacomplete.ClientSource = (*Data)(nil)

// QAComplete implements qacomplete.ClientSource.
func (d *Data) QAComplete() *qacomplete.Configured {
	c, _ := d.vendors["qacomplete"].(*qacomplete.Configured)
	return c
}
