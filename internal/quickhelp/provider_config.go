package quickhelp

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// Environment variables read when the provider block leaves a setting out.
const (
	EnvBaseURL         = "QUICKHELP_BASE_URL"
	EnvAPIKey          = "QUICKHELP_API_KEY"
	EnvSubscriptionKey = "QUICKHELP_SUBSCRIPTION_KEY"
)

// defaultRequestsPerSecond caps calls when the configuration does not.
// QuickHelp publishes no rate limit (quickhelp-api.md §9); its gateway may
// still have one, and 429s are retried with Retry-After.
const defaultRequestsPerSecond = 10

// ProviderConfig is the provider's quickhelp block.
type ProviderConfig struct {
	BaseURL           types.String  `tfsdk:"base_url"`
	APIKey            types.String  `tfsdk:"api_key"`
	SubscriptionKey   types.String  `tfsdk:"subscription_key"`
	CustomerID        types.Int64   `tfsdk:"customer_id"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// ProviderBlock is the schema of the provider's quickhelp block.
func ProviderBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "BrainStorm QuickHelp Customer API v1 connection. Needed only when a `saas_quickhelp_*` resource or data source is used.",
		Attributes: map[string]schema.Attribute{
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Customer API root, up to and including `/v1`. Defaults to `" + DefaultBaseURL + "`, or `" + EnvBaseURL + "`.",
				Optional:            true,
			},
			"api_key": schema.StringAttribute{
				MarkdownDescription: "QuickHelp Customer API key, generated in the QuickHelp Admin Portal and sent bare in the `Authorization` header; it selects the customer account. Falls back to `" + EnvAPIKey + "`. Never logged.",
				Optional:            true,
				Sensitive:           true,
			},
			"subscription_key": schema.StringAttribute{
				MarkdownDescription: "Azure API Management subscription key from your profile on the QuickHelp API developer portal, sent in `Ocp-Apim-Subscription-Key`. Falls back to `" + EnvSubscriptionKey + "`. Never logged.",
				Optional:            true,
				Sensitive:           true,
			},
			"customer_id": schema.Int64Attribute{
				MarkdownDescription: "For BSI or Partner keys only: the customer account whose users are managed (sent as `customerId`, and as the `customerIds` list filter). Resources and data sources may override it. Omitted, nothing is sent and the key's own account is used; a customer-level key must leave it unset.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 2147483647)},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: fmt.Sprintf("Client-side cap on QuickHelp API calls per second. QuickHelp publishes no rate limit; defaults to %d. 429 answers are retried after their `Retry-After`.", defaultRequestsPerSecond),
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0.1)},
			},
		},
	}
}

// Configured is what the provider hands to QuickHelp resources: a client, or
// the settings that are missing, reported only when a QuickHelp resource is
// used.
type Configured = providerdata.Configured[Client]

// ClientSource is implemented by the provider's data so that this package can
// find its client without importing the provider package.
type ClientSource interface {
	QuickHelp() *Configured
}

// Configure builds the QuickHelp client from the block (nil when absent) and
// the environment. Invalid settings are errors now; missing keys are deferred
// to the first resource that needs them.
func Configure(_ context.Context, cfg *ProviderConfig, common providerdata.Common) (*Configured, diag.Diagnostics) {
	var diags diag.Diagnostics
	if cfg == nil {
		cfg = &ProviderConfig{}
	}
	blockPath := path.Root("quickhelp")
	baseURL := providerdata.StringOrEnv(cfg.BaseURL, EnvBaseURL)
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	apiKey := providerdata.StringOrEnv(cfg.APIKey, EnvAPIKey)
	subscriptionKey := providerdata.StringOrEnv(cfg.SubscriptionKey, EnvSubscriptionKey)

	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid QuickHelp base URL",
			fmt.Sprintf("quickhelp.base_url (or %s) must be an absolute http:// or https:// URL such as %s; got %q.", EnvBaseURL, DefaultBaseURL, baseURL))
		return nil, diags
	}
	if w := providerdata.InsecureURLWarning(u); w != "" {
		diags.AddAttributeWarning(blockPath.AtName("base_url"), "QuickHelp base URL uses plain HTTP", w)
	}

	out := &Configured{}
	if apiKey == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "quickhelp.api_key", EnvVar: EnvAPIKey})
	}
	if subscriptionKey == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "quickhelp.subscription_key", EnvVar: EnvSubscriptionKey})
	}
	if len(out.Missing) > 0 {
		return out, diags
	}

	rps := float64(defaultRequestsPerSecond)
	if !cfg.RequestsPerSecond.IsNull() && !cfg.RequestsPerSecond.IsUnknown() {
		rps = cfg.RequestsPerSecond.ValueFloat64()
	}
	h, err := apiclient.New(apiclient.Config{
		Vendor:            "quickhelp",
		DisplayName:       "QuickHelp",
		BaseURL:           strings.TrimRight(baseURL, "/"),
		RequestTimeout:    common.RequestTimeout,
		MaxRetries:        common.MaxRetries,
		RequestsPerSecond: rps,
		Burst:             max(1, int(rps)),
		UserAgent:         common.UserAgent,
		Authenticate:      keyAuth(apiKey, subscriptionKey),
		Secrets:           []string{apiKey, subscriptionKey},
		DecodeError:       decodeError,
		Hint:              hint,
	})
	if err != nil {
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid QuickHelp configuration", err.Error())
		return nil, diags
	}
	out.Client = NewClient(h, cfg.CustomerID.ValueInt64())
	return out, diags
}
