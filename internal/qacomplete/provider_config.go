package qacomplete

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// vendorKey names the provider block and the log subsystem; vendorName is
// how messages name the product.
const (
	vendorKey  = "qacomplete"
	vendorName = "QAComplete"
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

// Vendor describes QAComplete to the provider.
var Vendor = providerdata.Vendor{
	Key:         vendorKey,
	DisplayName: vendorName,
	Block:       ProviderBlock,
	BaseURL: providerdata.BaseURLRule{
		EnvVar:  EnvBaseURL,
		Default: DefaultBaseURL,
		Example: "https://qacomplete.example.com/rest-api/service/api/v1",
	},
	Credentials: []providerdata.Credential{
		{Attribute: "username", EnvVar: EnvUsername},
		{Attribute: "password", EnvVar: EnvPassword},
	},
	DefaultRequestsPerSecond: defaultRequestsPerSecond,
	NewClient:                newClient,
	Resources:                []func() resource.Resource{NewUserResource},
	DataSources:              []func() datasource.DataSource{NewUserDataSource, NewUsersDataSource},
}

// ProviderBlock is the schema of the provider's qacomplete block.
func ProviderBlock() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "SmartBear QAComplete connection. Needed only when a `saas_qacomplete_*` resource or data source is used.",
		Attributes: map[string]schema.Attribute{
			"base_url": schema.StringAttribute{
				MarkdownDescription: "QAComplete REST API v1 root, up to and including `/api/v1`. Falls back to `" + EnvBaseURL + "`, then to `" + DefaultBaseURL + "` (SaaS). On-premises servers look like `https://qacomplete.example.com/rest-api/service/api/v1`; plain `http://` is refused unless the host is a loopback address or `allow_insecure_http` is `true`.",
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

// newClient builds the QAComplete client from resolved settings.
func newClient(_ context.Context, s providerdata.Settings) (any, error) {
	password := s.Credential("password")
	cfg := s.ClientConfig()
	cfg.Authenticate = basicAuth(s.Credential("username"), password)
	cfg.Secrets = []string{password}
	cfg.DecodeError = decodeError
	cfg.Hint = hint
	h, err := apiclient.New(cfg)
	if err != nil {
		return nil, err
	}
	return NewClient(h), nil
}
