package quickhelp

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

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

// vendorKey names the provider block and the log subsystem; vendorName is
// how messages name the product.
const (
	vendorKey  = "quickhelp"
	vendorName = "QuickHelp"
)

// Vendor describes QuickHelp to the provider.
var Vendor = providerdata.Vendor{
	Key:         vendorKey,
	DisplayName: vendorName,
	Block:       ProviderBlock,
	BaseURL:     providerdata.BaseURLRule{EnvVar: EnvBaseURL, Default: DefaultBaseURL},
	Credentials: []providerdata.Credential{
		{Attribute: "api_key", EnvVar: EnvAPIKey},
		{Attribute: "subscription_key", EnvVar: EnvSubscriptionKey},
	},
	DefaultRequestsPerSecond: defaultRequestsPerSecond,
	NewClient:                newClient,
	Resources:                []func() resource.Resource{NewUserResource},
	DataSources:              []func() datasource.DataSource{NewUserDataSource, NewUsersDataSource},
}

// ProviderBlock is the schema of the provider's quickhelp block.
func ProviderBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "BrainStorm QuickHelp Customer API v1 connection. Needed only when a `saas_quickhelp_*` resource or data source is used.",
		Attributes: map[string]schema.Attribute{
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Customer API root, up to and including `/v1`. Falls back to `" + EnvBaseURL + "`, then to `" + DefaultBaseURL + "`. Plain `http://` is refused unless the host is a loopback address or `allow_insecure_http` is `true`.",
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

// newClient builds the QuickHelp client from resolved settings.
func newClient(_ context.Context, s providerdata.Settings) (any, error) {
	apiKey, subscriptionKey := s.Credential("api_key"), s.Credential("subscription_key")
	cfg := s.ClientConfig()
	cfg.Authenticate = keyAuth(apiKey, subscriptionKey)
	cfg.Secrets = []string{apiKey, subscriptionKey}
	cfg.DecodeError = decodeError
	cfg.Hint = hint
	h, err := apiclient.New(cfg)
	if err != nil {
		return nil, err
	}
	return NewClient(h, s.Int64("customer_id")), nil
}
