// Package provider is the saas provider: its schema, its Configure, and the
// list of every vendor's resources and data sources.
package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// RegistryAddress is where the provider is published.
const RegistryAddress = "registry.terraform.io/saas-users/saas"

// Defaults for the provider-wide knobs.
const (
	defaultRequestTimeout = 30 * time.Second
	defaultRetryBudget    = apiclient.DefaultRetryBudget
	// defaultMaxRetries is what counts the repeats that are not single
	// API calls while max_retries is unset: a token request, a create
	// posted again after a lookup proved the vendor did not act.
	defaultMaxRetries = apiclient.DefaultMaxRetries
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
				MarkdownDescription: fmt.Sprintf("Time limit for one HTTP attempt against a vendor API, as a Go duration such as `30s` or `2m`. Defaults to `%s`. `retry_budget` bounds the whole call, retries included.", defaultRequestTimeout),
				Optional:            true,
				Validators:          []validator.String{durationValidator{}},
			},
			"retry_budget": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Time limit for one vendor API call as a whole, retries included, as a Go duration such as `2m` or `90s`. "+
					"A failure a retry can fix (a connection error, a timeout, 429, 500, 502, 503, 504) is retried with capped, jittered exponential backoff until the budget is spent, "+
					"so an outage that ends within the budget is ridden out (a last attempt is made shortly before it runs out), and one that outlasts it fails the call after about the budget. "+
					"Every attempt, backoff, `Retry-After` and rate-limit wait counts against it; a `Retry-After` longer than what is left ends the call at once. "+
					"A create is retried only when the vendor provably did not act. The `timeouts` of a resource or data source still bound the whole operation. Defaults to `%s`.", defaultRetryBudget),
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("An extra cap on how many times one failed call is retried within `retry_budget`; `0` turns retries off. "+
					"Not set (the default), only `retry_budget` bounds the retries. "+
					"It also counts the repeats that are more than one call: a token request, and a create posted again after a lookup proved the vendor did not act, which are repeated at most `max_retries` times (%d when not set).", defaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
		},
		Blocks: blocks,
	}
}

func (p *SaasProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	common, diags := p.common(ctx, req.Config, req.TerraformVersion)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	data, diags := providerdata.Configure(ctx, req.Config, Vendors(), common)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = data
	resp.DataSourceData = data
}

// common reads the provider-wide knobs every vendor's client shares. A
// value not known yet (during a plan) takes its default.
func (p *SaasProvider) common(ctx context.Context, cfg tfsdk.Config, terraformVersion string) (providerdata.Common, diag.Diagnostics) {
	var diags diag.Diagnostics
	var timeout, budget types.String
	var retries types.Int64
	diags.Append(cfg.GetAttribute(ctx, path.Root("request_timeout"), &timeout)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("retry_budget"), &budget)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("max_retries"), &retries)...)
	if diags.HasError() {
		return providerdata.Common{}, diags
	}
	common := providerdata.Common{
		RequestTimeout: configuredDuration(timeout, "request_timeout", defaultRequestTimeout, &diags),
		RetryBudget:    configuredDuration(budget, "retry_budget", defaultRetryBudget, &diags),
		MaxRetries:     defaultMaxRetries,
		UserAgent:      apiclient.UserAgent(p.version, terraformVersion),
	}
	if !retries.IsNull() && !retries.IsUnknown() {
		common.MaxRetries = int(retries.ValueInt64())
		common.CapRetries = true
	}
	return common, diags
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
