package twosms

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

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

// Vendor describes 2sms to the provider. It has no default host: the
// regional deployments do not share users, so the configuration must say
// which one it means.
var Vendor = providerdata.Vendor{
	Key:         vendorKey,
	DisplayName: displayName,
	Block:       ProviderBlock,
	BaseURL: providerdata.BaseURLRule{
		EnvVar:   EnvBaseURL,
		Selector: &providerdata.Selector{Attribute: "region", Hosts: Regions},
		Example:  Regions["global"],
	},
	Credentials: []providerdata.Credential{
		{Attribute: "client_id", EnvVar: EnvClientID},
		{Attribute: "client_secret", EnvVar: EnvClientSecret},
	},
	DefaultRequestsPerSecond: defaultRequestsPerSecond,
	NewClient:                newClient,
	Resources:                []func() resource.Resource{NewUserResource},
	DataSources:              []func() datasource.DataSource{NewUserDataSource, NewUsersDataSource},
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
				MarkdownDescription: "Root of a 2sms deployment, the host that serves both `/Token` and `/api/...`, e.g. `https://portal.2sms.com`. Falls back to `" + EnvBaseURL + "` when neither this nor `region` is set. Plain `http://` is refused unless the host is a loopback address or `allow_insecure_http` is `true`.",
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

// newClient builds the 2sms client and its one token source from resolved
// settings. No token is fetched here: the first call that needs one fetches
// it, so a run that uses no 2sms resource never talks to 2sms. The token
// request goes through the same HTTP layer as every call, minus the hook
// that sets the bearer token from it.
func newClient(_ context.Context, s providerdata.Settings) (any, error) {
	clientID, secret := s.Credential("client_id"), s.Credential("client_secret")
	// The hook and the token source need each other: the source sends its
	// request through the client the hook belongs to.
	var tokens *tokenSource
	cfg := s.ClientConfig()
	cfg.Authenticate = func(r *http.Request) error { return tokens.authenticate(r) }
	cfg.Secrets = []string{secret, clientID}
	cfg.DecodeError = decodeError
	cfg.Hint = hint
	h, err := apiclient.New(cfg)
	if err != nil {
		return nil, err
	}
	tokens = newTokenSource(h, s.BaseURL.String()+tokenPath, clientID, secret)
	return NewClient(h, tokens), nil
}
