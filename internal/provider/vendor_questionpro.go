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
	"github.com/saas-users/terraform-provider-saas/internal/questionpro"
)

func init() {
	registerVendor(vendor{
		name:        "questionpro",
		block:       func() schema.Block { return questionpro.ProviderBlock() },
		configure:   configureQuestionPro,
		resources:   []func() resource.Resource{questionpro.NewUserResource},
		dataSources: []func() datasource.DataSource{questionpro.NewUserDataSource, questionpro.NewUsersDataSource},
	})
}

func configureQuestionPro(ctx context.Context, cfg tfsdk.Config, common providerdata.Common, data *Data) diag.Diagnostics {
	var block *questionpro.ProviderConfig
	diags := cfg.GetAttribute(ctx, path.Root("questionpro"), &block)
	if diags.HasError() {
		return diags
	}
	configured, d := questionpro.Configure(ctx, block, common)
	diags.Append(d...)
	data.vendors["questionpro"] = configured
	return diags
}

var _ questionpro.ClientSource = (*Data)(nil)

// QuestionPro implements questionpro.ClientSource.
func (d *Data) QuestionPro() *questionpro.Configured {
	c, _ := d.vendors["questionpro"].(*questionpro.Configured)
	return c
}
