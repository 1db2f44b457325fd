package questionpro

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

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

// vendorKey names the provider block and the log subsystem; vendorName is
// how messages name the product.
const (
	vendorKey  = "questionpro"
	vendorName = "QuestionPro"
)

// Vendor describes QuestionPro to the provider.
var Vendor = providerdata.Vendor{
	Key:         vendorKey,
	DisplayName: vendorName,
	Block:       ProviderBlock,
	BaseURL: providerdata.BaseURLRule{
		EnvVar:   EnvBaseURL,
		Selector: &providerdata.Selector{Attribute: "datacenter", Hosts: datacenterBaseURLs(), Default: DefaultDatacenter},
		Example:  DatacenterBaseURL(DefaultDatacenter),
	},
	Credentials:              []providerdata.Credential{{Attribute: "api_key", EnvVar: EnvAPIKey}},
	DefaultRequestsPerSecond: defaultRequestsPerSecond,
	NewClient:                newClient,
	Resources:                []func() resource.Resource{NewUserResource},
	DataSources:              []func() datasource.DataSource{NewUserDataSource, NewUsersDataSource},
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
				MarkdownDescription: "Datacenter of the QuestionPro account, which picks the API host: " + strings.Join(hosts, ", ") + ". Defaults to `" + DefaultDatacenter + "`. A key works only in its own datacenter. `base_url` overrides it, and it overrides `" + EnvBaseURL + "`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(Datacenters()...)},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "API root up to and including `/a/api/v2`, overriding `datacenter`, e.g. for the sandbox. Falls back to `" + EnvBaseURL + "` when neither this nor `datacenter` is set. Plain `http://` is refused unless the host is a loopback address or `allow_insecure_http` is `true`.",
				Optional:            true,
			},
			"organization_id": schema.Int64Attribute{
				MarkdownDescription: "QuestionPro organization the API key belongs to (the `organization_id` any `saas_questionpro_user` reports). Needed by everything that calls an operation naming the organization: `adopt_existing = true` (refused at plan time without it), import by e-mail, the duplicate check before a create, and the data sources' lookups by e-mail and lists (unless they set their own `organization_id`). Without it those fail with an error naming this attribute, and a create goes ahead without looking the e-mail up first (an e-mail already in use then fails with QuestionPro's own error). QuestionPro has no call that tells a key's organization, so the provider never guesses it: every run behaves the same. Creating, reading, updating, importing by id and deleting work without it (the delete names the organization recorded from the user).",
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

// newClient builds the QuestionPro client from resolved settings.
func newClient(_ context.Context, s providerdata.Settings) (any, error) {
	apiKey := s.Credential("api_key")
	cfg := s.ClientConfig()
	// QuestionPro counts calls per key, so every client holding the
	// same key in this process spends one budget.
	cfg.Limiter = apiclient.SharedLimiter(limiterKey(apiKey), s.RequestsPerSecond, 1)
	cfg.Authenticate = apiKeyAuth(apiKey)
	cfg.Secrets = []string{apiKey}
	cfg.DecodeError = decodeError
	cfg.Hint = hint
	h, err := apiclient.New(cfg)
	if err != nil {
		return nil, err
	}
	return NewClient(h, s.Int64("organization_id")), nil
}

// limiterKey names a key's shared bucket by a digest, so the key itself is
// not kept as a map key.
func limiterKey(apiKey string) string {
	sum := sha256.Sum256([]byte(apiKey))
	return "questionpro/" + hex.EncodeToString(sum[:12])
}
