package questionpro

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
	EnvAPIKey  = "QUESTIONPRO_API_KEY"
	EnvBaseURL = "QUESTIONPRO_BASE_URL"
)

// defaultRequestsPerSecond keeps one key under the published limit of 300
// calls per 60 seconds (questionpro-api.md §3). The bucket holds a single
// token, so over any 60 s at most 1 + 60 x rate calls leave: 299/60 per
// second makes that exactly 300, and a large apply never trips the limit.
const defaultRequestsPerSecond = 299.0 / 60

// ProviderConfig is the provider's questionpro block.
type ProviderConfig struct {
	APIKey            types.String  `tfsdk:"api_key"`
	Datacenter        types.String  `tfsdk:"datacenter"`
	BaseURL           types.String  `tfsdk:"base_url"`
	OrganizationID    types.Int64   `tfsdk:"organization_id"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// ProviderBlock is the schema of the provider's questionpro block.
func ProviderBlock() schema.SingleNestedBlock {
	var hosts []string
	for _, dc := range Datacenters() {
		hosts = append(hosts, fmt.Sprintf("`%s` (`%s`)", dc, datacenterHosts[dc]))
	}
	return schema.SingleNestedBlock{
		MarkdownDescription: "QuestionPro API v2 connection. Needed only when a `saas_questionpro_*` resource or data source is used.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "QuestionPro API key, sent only in the `api-key` request header (never in a URL). Falls back to `" + EnvAPIKey + "`. Managing users needs an administrator's key; search by e-mail (import by e-mail, `adopt_existing`, the user data source by e-mail) needs the key of the organization's primary user. Never logged.",
				Optional:            true,
				Sensitive:           true,
			},
			"datacenter": schema.StringAttribute{
				MarkdownDescription: "Datacenter of the QuestionPro account, which picks the API host: " + strings.Join(hosts, ", ") + ". Defaults to `" + DefaultDatacenter + "`. A key works only in its own datacenter. Ignored when `base_url` is set.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(Datacenters()...)},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "API root up to and including `/a/api/v2`, overriding `datacenter`, e.g. for the sandbox. Falls back to `" + EnvBaseURL + "`. Plain `http://` is accepted with a warning unless the host is a loopback address.",
				Optional:            true,
			},
			"organization_id": schema.Int64Attribute{
				MarkdownDescription: "QuestionPro organization the API key belongs to. Optional: when omitted it is learned from the first user the API returns, and each `saas_questionpro_user` stores its own. Needed for calls that name the organization before any user is known: import by e-mail, `adopt_existing`, the data sources' organization lists and searches.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: fmt.Sprintf("Client-side cap on calls per second, shared by every QuestionPro client of the provider process that uses the same API key (aliases included), with retries counted. Defaults to %.3f, which keeps a key under QuestionPro's published limit of 300 calls per 60 seconds; lower it when other tools spend the same key or the organization's 2,400 calls per 60 seconds. 429 answers that still arrive are retried after their `Retry-After`.", defaultRequestsPerSecond),
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0.01)},
			},
		},
	}
}

// Configured is what the provider hands to QuestionPro resources: a client,
// or the settings that are missing, reported only when a QuestionPro
// resource is actually used.
type Configured = providerdata.Configured[Client]

// ClientSource is implemented by the provider's data so that this package can
// find its client without importing the provider package.
type ClientSource interface {
	QuestionPro() *Configured
}

// Configure builds the QuestionPro client from the block (nil when the block
// is absent) and the environment. Invalid settings are errors now; a missing
// key is deferred to the first resource that needs it.
func Configure(_ context.Context, cfg *ProviderConfig, common providerdata.Common) (*Configured, diag.Diagnostics) {
	var d diag.Diagnostics
	if cfg == nil {
		cfg = &ProviderConfig{}
	}
	blockPath := path.Root("questionpro")

	dc := DefaultDatacenter
	if !cfg.Datacenter.IsNull() && !cfg.Datacenter.IsUnknown() {
		dc = cfg.Datacenter.ValueString()
	}
	baseURL := providerdata.StringOrEnv(cfg.BaseURL, EnvBaseURL)
	if baseURL == "" {
		baseURL = DatacenterBaseURL(dc)
		if baseURL == "" {
			d.AddAttributeError(blockPath.AtName("datacenter"), "Unknown QuestionPro datacenter",
				fmt.Sprintf("questionpro.datacenter %q is not one of %s.", dc, strings.Join(Datacenters(), ", ")))
			return nil, d
		}
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		d.AddAttributeError(blockPath.AtName("base_url"), "Invalid QuestionPro base URL",
			fmt.Sprintf("questionpro.base_url (or %s) must be an absolute http:// or https:// URL such as %s; got %q.", EnvBaseURL, DatacenterBaseURL(DefaultDatacenter), baseURL))
		return nil, d
	}
	if w := providerdata.InsecureURLWarning(u); w != "" {
		d.AddAttributeWarning(blockPath.AtName("base_url"), "QuestionPro base URL uses plain HTTP", w)
	}

	out := &Configured{}
	apiKey := providerdata.StringOrEnv(cfg.APIKey, EnvAPIKey)
	if apiKey == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "questionpro.api_key", EnvVar: EnvAPIKey})
		return out, d
	}

	rps := defaultRequestsPerSecond
	if !cfg.RequestsPerSecond.IsNull() && !cfg.RequestsPerSecond.IsUnknown() {
		rps = cfg.RequestsPerSecond.ValueFloat64()
	}
	h, err := apiclient.New(apiclient.Config{
		Vendor:         "questionpro",
		DisplayName:    "QuestionPro",
		BaseURL:        strings.TrimRight(baseURL, "/"),
		RequestTimeout: common.RequestTimeout,
		MaxRetries:     common.MaxRetries,
		// QuestionPro counts calls per key, so every client holding the
		// same key in this process spends one budget.
		Limiter:      apiclient.SharedLimiter(limiterKey(apiKey), rps, 1),
		UserAgent:    common.UserAgent,
		Authenticate: apiKeyAuth(apiKey),
		Secrets:      []string{apiKey},
		DecodeError:  decodeError,
		Hint:         hint,
	})
	if err != nil {
		d.AddAttributeError(blockPath.AtName("base_url"), "Invalid QuestionPro configuration", err.Error())
		return nil, d
	}
	var orgID int64
	if !cfg.OrganizationID.IsNull() && !cfg.OrganizationID.IsUnknown() {
		orgID = cfg.OrganizationID.ValueInt64()
	}
	out.Client = NewClient(h, orgID)
	return out, d
}

// limiterKey names a key's shared bucket by a digest, so the key itself is
// not kept as a map key.
func limiterKey(apiKey string) string {
	sum := sha256.Sum256([]byte(apiKey))
	return "questionpro/" + hex.EncodeToString(sum[:12])
}
