package qacomplete

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
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
	EnvBaseURL  = "QACOMPLETE_BASE_URL"
	EnvUsername = "QACOMPLETE_USERNAME"
	EnvPassword = "QACOMPLETE_PASSWORD"
)

// defaultRequestsPerSecond caps calls when the configuration does not. The
// vendor publishes no rate limit, so this is a courtesy that keeps a large
// apply from hammering an on-premises server.
const defaultRequestsPerSecond = 25

// ProviderConfig is the provider's qacomplete block.
type ProviderConfig struct {
	BaseURL           types.String  `tfsdk:"base_url"`
	Username          types.String  `tfsdk:"username"`
	Password          types.String  `tfsdk:"password"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// ProviderBlock is the schema of the provider's qacomplete block.
func ProviderBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "SmartBear QAComplete connection. Needed only when a `saas_qacomplete_*` resource or data source is used.",
		Attributes: map[string]schema.Attribute{
			"base_url": schema.StringAttribute{
				MarkdownDescription: "QAComplete REST API v1 root, up to and including `/api/v1`. Defaults to `" + DefaultBaseURL + "` (SaaS), or `" + EnvBaseURL + "`. On-premises servers look like `https://qacomplete.example.com/rest-api/service/api/v1`; plain `http://` is accepted with a warning unless the host is a loopback address.",
				Optional:            true,
			},
			"username": schema.StringAttribute{
				MarkdownDescription: "Login e-mail of a QAComplete user with administrator privileges, sent with HTTP Basic authentication. Falls back to `" + EnvUsername + "`.",
				Optional:            true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "Password of that user. Falls back to `" + EnvPassword + "`. Never logged.",
				Optional:            true,
				Sensitive:           true,
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: fmt.Sprintf("Client-side cap on QAComplete API calls per second. QAComplete publishes no rate limit; defaults to %d.", defaultRequestsPerSecond),
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0.1)},
			},
		},
	}
}

// Configured is what the provider hands to QAComplete resources: a client, or
// the list of settings that are missing, reported only when a QAComplete
// resource is actually used.
type Configured = providerdata.Configured[Client]

// ClientSource is implemented by the provider's data so that this package can
// find its client without importing the provider package.
type ClientSource interface {
	QAComplete() *Configured
}

// Configure builds the QAComplete client from the block (nil when the block
// is absent) and the environment. Invalid settings are errors now; missing
// credentials are deferred to the first resource that needs them.
func Configure(_ context.Context, cfg *ProviderConfig, common providerdata.Common) (*Configured, diag.Diagnostics) {
	var diags diag.Diagnostics
	if cfg == nil {
		cfg = &ProviderConfig{}
	}
	blockPath := path.Root("qacomplete")
	baseURL := providerdata.StringOrEnv(cfg.BaseURL, EnvBaseURL)
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	username := providerdata.StringOrEnv(cfg.Username, EnvUsername)
	password := providerdata.StringOrEnv(cfg.Password, EnvPassword)

	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid QAComplete base URL",
			fmt.Sprintf("qacomplete.base_url (or %s) must be an absolute http:// or https:// URL such as %s; got %q.", EnvBaseURL, DefaultBaseURL, baseURL))
		return nil, diags
	}
	if w := providerdata.InsecureURLWarning(u); w != "" {
		diags.AddAttributeWarning(blockPath.AtName("base_url"), "QAComplete base URL uses plain HTTP", w)
	}

	out := &Configured{}
	if username == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "qacomplete.username", EnvVar: EnvUsername})
	}
	if password == "" {
		out.Missing = append(out.Missing, providerdata.Missing{Attribute: "qacomplete.password", EnvVar: EnvPassword})
	}
	if len(out.Missing) > 0 {
		return out, diags
	}

	rps := float64(defaultRequestsPerSecond)
	if !cfg.RequestsPerSecond.IsNull() && !cfg.RequestsPerSecond.IsUnknown() {
		rps = cfg.RequestsPerSecond.ValueFloat64()
	}
	h, err := apiclient.New(apiclient.Config{
		Vendor:            "qacomplete",
		DisplayName:       "QAComplete",
		BaseURL:           strings.TrimRight(baseURL, "/"),
		RequestTimeout:    common.RequestTimeout,
		MaxRetries:        common.MaxRetries,
		RequestsPerSecond: rps,
		Burst:             max(1, int(rps)),
		UserAgent:         common.UserAgent,
		Authenticate:      basicAuth(username, password),
		Secrets:           []string{password},
		DecodeError:       decodeError,
		Hint:              hint,
	})
	if err != nil {
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid QAComplete configuration", err.Error())
		return nil, diags
	}
	out.Client = NewClient(h)
	return out, diags
}
