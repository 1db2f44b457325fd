package twosms

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
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
	EnvBaseURL      = "TWOSMS_BASE_URL"
	EnvClientID     = "TWOSMS_CLIENT_ID"
	EnvClientSecret = "TWOSMS_CLIENT_SECRET"
)

// Regions maps the region names the provider accepts to the regional hosts
// the vendor document lists (twosms-api.md §1.1). Each is its own
// deployment with its own /Token endpoint and its own users.
var Regions = map[string]string{
	"us":      "https://portal.2sms.us",
	"global":  "https://portal.2sms.com",
	"au":      "https://au.2sms.com",
	"uk":      "https://2sms-uk.com",
	"mazingo": "https://mazingo.2sms.com",
	"plus":    "https://plus.2sms.com",
}

// defaultRequestsPerSecond caps calls when the configuration does not. 2sms
// publishes no rate limit; this keeps a large apply polite.
const defaultRequestsPerSecond = 10

// ProviderConfig is the provider's twosms block.
type ProviderConfig struct {
	Region            types.String  `tfsdk:"region"`
	BaseURL           types.String  `tfsdk:"base_url"`
	ClientID          types.String  `tfsdk:"client_id"`
	ClientSecret      types.String  `tfsdk:"client_secret"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

func regionNames() []string {
	out := make([]string, 0, len(Regions))
	for k := range Regions {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func regionTable() string {
	lines := make([]string, 0, len(Regions))
	for _, k := range regionNames() {
		lines = append(lines, fmt.Sprintf("`%s` = `%s`", k, Regions[k]))
	}
	return strings.Join(lines, ", ")
}

// ProviderBlock is the schema of the provider's twosms block.
func ProviderBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "2sms admin API connection (OAuth 2.0 client credentials). Needed only when a `saas_twosms_*` resource or data source is used. Pick the deployment with `region` or `base_url`; the regional deployments do not share users or API clients.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				MarkdownDescription: "Regional 2sms deployment: " + regionTable() + ". Conflicts with `base_url`.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.OneOf(regionNames()...),
					stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("base_url")),
				},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Root of a 2sms deployment, the host that serves both `/Token` and `/api/...`, e.g. `https://portal.2sms.com`. Falls back to `" + EnvBaseURL + "` when neither this nor `region` is set. Plain `http://` is accepted with a warning unless the host is a loopback address.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"client_id": schema.StringAttribute{
				MarkdownDescription: "Client ID of a 2sms API client (portal Settings > API Clients). Falls back to `" + EnvClientID + "`. Tokens act as the portal user the client is bound to, who must be an admin.",
				Optional:            true,
				Sensitive:           true,
			},
			"client_secret": schema.StringAttribute{
				MarkdownDescription: "Secret of that API client. Falls back to `" + EnvClientSecret + "`. Sent only in the form body of `POST /Token`, never logged.",
				Optional:            true,
				Sensitive:           true,
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: fmt.Sprintf("Client-side cap on 2sms API calls per second. 2sms publishes no rate limit; defaults to %d.", defaultRequestsPerSecond),
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0.1)},
			},
		},
	}
}

// Configured is what the provider hands to 2sms resources: a client, or the
// settings that are missing, reported only when a 2sms resource is used.
type Configured = providerdata.Configured[Client]

// ClientSource is implemented by the provider's data so that this package
// finds its client without importing the provider package.
type ClientSource interface {
	TwoSMS() *Configured
}

// Configure builds the 2sms client and its one token source from the block
// (nil when absent) and the environment. No token is fetched here: the first
// call that needs one fetches it, so a run that uses no 2sms resource never
// talks to 2sms.
func Configure(_ context.Context, cfg *ProviderConfig, common providerdata.Common) (*Configured, diag.Diagnostics) {
	var diags diag.Diagnostics
	if cfg == nil {
		cfg = &ProviderConfig{}
	}
	blockPath := path.Root("twosms")
	baseURL := ""
	if r := cfg.Region.ValueString(); r != "" {
		baseURL = Regions[r]
	} else {
		baseURL = providerdata.StringOrEnv(cfg.BaseURL, EnvBaseURL)
	}
	clientID := providerdata.StringOrEnv(cfg.ClientID, EnvClientID)
	secret := providerdata.StringOrEnv(cfg.ClientSecret, EnvClientSecret)

	out := &Configured{}
	if baseURL == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "twosms.base_url or twosms.region", EnvVar: EnvBaseURL})
	} else {
		u, err := url.Parse(baseURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid 2sms base URL",
				fmt.Sprintf("twosms.base_url (or %s) must be an absolute https:// URL such as https://portal.2sms.com; got %q.", EnvBaseURL, baseURL))
			return nil, diags
		}
		if w := providerdata.InsecureURLWarning(u); w != "" {
			diags.AddAttributeWarning(blockPath.AtName("base_url"), "2sms base URL uses plain HTTP", w)
		}
	}
	if clientID == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "twosms.client_id", EnvVar: EnvClientID})
	}
	if secret == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "twosms.client_secret", EnvVar: EnvClientSecret})
	}
	if len(out.Missing) > 0 {
		return out, diags
	}

	baseURL = strings.TrimRight(baseURL, "/")
	tokenHTTP := cleanhttp.DefaultPooledClient()
	tokenHTTP.Timeout = common.RequestTimeout
	tokens := newTokenSource(baseURL+"/Token", clientID, secret, tokenHTTP, common.MaxRetries)

	rps := float64(defaultRequestsPerSecond)
	if !cfg.RequestsPerSecond.IsNull() && !cfg.RequestsPerSecond.IsUnknown() {
		rps = cfg.RequestsPerSecond.ValueFloat64()
	}
	h, err := apiclient.New(apiclient.Config{
		Vendor:            vendorKey,
		DisplayName:       displayName,
		BaseURL:           baseURL,
		RequestTimeout:    common.RequestTimeout,
		MaxRetries:        common.MaxRetries,
		RequestsPerSecond: rps,
		Burst:             max(1, int(rps)),
		UserAgent:         common.UserAgent,
		Authenticate:      tokens.authenticate,
		Secrets:           []string{secret, clientID},
		DecodeError:       decodeError,
		Hint:              hint,
	})
	if err != nil {
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid 2sms configuration", err.Error())
		return nil, diags
	}
	out.Client = NewClient(h, tokens)
	return out, diags
}
