// Package provider is the saas provider: its schema, its Configure, and the
// list of every vendor's resources and data sources.
package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// RegistryAddress is where the provider is published.
const RegistryAddress = "registry.terraform.io/saas-users/saas"

// Defaults for the provider-wide knobs.
const (
	defaultRequestTimeout = 30 * time.Second
	defaultMaxRetries     = 4
)

var _ provider.Provider = &SaasProvider{}

// SaasProvider is the saas provider.
type SaasProvider struct {
	version string
}

// New returns the provider factory that providerserver and tests use.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &SaasProvider{version: version} }
}

func (p *SaasProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "saas"
	resp.Version = p.version
}

func (p *SaasProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	blocks := map[string]schema.Block{}
	for _, v := range Vendors() {
		blocks[v.Key] = v.Schema()
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages user accounts in SaaS products so that who holds a seat, which roles they have and when they lose access are reviewed, planned and applied like any other infrastructure. " +
			"Each vendor has its own optional block; a block is needed only when one of that vendor's resources or data sources is used, and every credential can come from an environment variable instead.",
		Attributes: map[string]schema.Attribute{
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Time limit for one HTTP attempt against a vendor API, as a Go duration such as `30s` or `2m`. Defaults to `%s`.", defaultRequestTimeout),
				Optional:            true,
				Validators:          []validator.String{durationValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a failed call is retried (connection errors, 429 honouring `Retry-After`, 500, 502, 503, 504), with jittered exponential backoff. A create is retried only when the vendor provably did not act. Defaults to `%d`.", defaultMaxRetries),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 20)},
			},
		},
		Blocks: blocks,
	}
}

func (p *SaasProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var timeout types.String
	var retries types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("request_timeout"), &timeout)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("max_retries"), &retries)...)
	if resp.Diagnostics.HasError() {
		return
	}
	common := providerdata.Common{
		RequestTimeout: defaultRequestTimeout,
		MaxRetries:     defaultMaxRetries,
		UserAgent:      apiclient.UserAgent(p.version, req.TerraformVersion),
	}
	if !timeout.IsNull() && !timeout.IsUnknown() {
		d, err := time.ParseDuration(timeout.ValueString())
		if err != nil || d <= 0 {
			resp.Diagnostics.AddAttributeError(path.Root("request_timeout"), "Invalid request_timeout", "request_timeout must be a positive Go duration such as 30s.")
			return
		}
		common.RequestTimeout = d
	}
	if !retries.IsNull() && !retries.IsUnknown() {
		common.MaxRetries = int(retries.ValueInt64())
	}

	data, diags := providerdata.Configure(ctx, req.Config, Vendors(), common)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = data
	resp.DataSourceData = data
}

func (p *SaasProvider) Resources(context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, v := range Vendors() {
		out = append(out, v.Resources...)
	}
	return out
}

func (p *SaasProvider) DataSources(context.Context) []func() datasource.DataSource {
	var out []func() datasource.DataSource
	for _, v := range Vendors() {
		out = append(out, v.DataSources...)
	}
	return out
}
