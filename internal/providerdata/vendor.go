// Package providerdata is the shared hall between the provider and its
// vendor packages: the contract a vendor fills in (Vendor), the one Configure
// skeleton that turns a vendor's provider block into a client, and the typed
// handle (Conn) through which resources and data sources reach that client.
// It imports no vendor package, so every vendor package can depend on it.
package providerdata

import (
	"context"
	"maps"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Vendor is everything the provider needs to know about one vendor. Each
// vendor package exports one, and the provider iterates an explicit list of
// them: the schema, Configure, and the resources and data sources served all
// come from it.
type Vendor struct {
	// Key names the vendor's provider block ("qacomplete"), its log
	// subsystem and its sandbox mount.
	Key string
	// DisplayName is the product's name in messages ("QAComplete").
	DisplayName string
	// Block is the schema of the vendor's provider block. It must declare
	// base_url, requests_per_second, every credential attribute and the
	// selector's attribute, if any (a test walks every vendor for it).
	Block func() schema.SingleNestedBlock
	// BaseURL says where the base URL comes from when base_url is not set.
	BaseURL BaseURLRule
	// Credentials are the secrets a client cannot work without, each with
	// its environment fallback. A missing one is reported only when one of
	// the vendor's resources or data sources is used.
	Credentials []Credential
	// DefaultRequestsPerSecond is the client-side cap when
	// requests_per_second is not set.
	DefaultRequestsPerSecond float64
	// NewClient builds the vendor's client from settings that are known,
	// complete and checked. An error is reported on the block's base_url.
	NewClient func(ctx context.Context, s Settings) (any, error)
	// Resources and DataSources are what the vendor serves.
	Resources   []func() resource.Resource
	DataSources []func() datasource.DataSource
}

// BaseURLRule is where a vendor's base URL comes from. Explicit settings
// beat the environment, which beats the default: base_url, then the
// selector's attribute (a named region or datacenter), then EnvVar, then
// the selector's default or Default.
type BaseURLRule struct {
	// EnvVar is read when neither base_url nor the selector is set.
	EnvVar string
	// Default is the public host's API root; empty when the vendor has no
	// single default host.
	Default string
	// Selector, when set, picks the host by name instead of a URL.
	Selector *Selector
	// Example is a well-formed base URL shown in errors.
	Example string
}

// Selector is an attribute that names one of a vendor's hosts, such as a
// QuestionPro datacenter or a 2sms region.
type Selector struct {
	Attribute string
	Hosts     map[string]string
	// Default is the name used when nothing else is set; empty means none.
	Default string
}

// Credential is one secret of a vendor's block.
type Credential struct {
	Attribute string // e.g. "password"
	EnvVar    string // e.g. "QACOMPLETE_PASSWORD"
}

// Common carries the provider-wide knobs into each vendor's client.
type Common struct {
	// RequestTimeout bounds one HTTP attempt (request_timeout).
	RequestTimeout time.Duration
	// RetryBudget bounds one API call as a whole, its retries and waits
	// included (retry_budget).
	RetryBudget time.Duration
	// MaxRetries is how many times code that counts its repeats, rather
	// than timing them, may repeat a step: max_retries, or its default when
	// it is not set.
	MaxRetries int
	// CapRetries is set when max_retries is: only then does MaxRetries also
	// cap the retries of each API call, which RetryBudget alone bounds
	// otherwise.
	CapRetries bool
	UserAgent  string
}

// Settings are one vendor's resolved settings, handed to its NewClient:
// every value known, every credential present, the base URL parsed and
// checked once.
type Settings struct {
	// Vendor and DisplayName are the vendor's Key and DisplayName.
	Vendor, DisplayName string
	Common              Common
	BaseURL             *url.URL
	RequestsPerSecond   float64
	// Credentials holds each credential attribute's resolved value.
	Credentials map[string]string
	// Block is the vendor's block as configured (empty when absent).
	Block map[string]attr.Value
}

// Credential returns the resolved value of a credential attribute.
func (s Settings) Credential(attribute string) string { return s.Credentials[attribute] }

// Int64 returns a non-credential int64 attribute of the block, or 0 when it
// is not set.
func (s Settings) Int64(attribute string) int64 {
	if v, ok := s.Block[attribute].(types.Int64); ok {
		return v.ValueInt64()
	}
	return 0
}

// ClientConfig is the part of the vendor's apiclient configuration that is
// the same for every vendor: names, base URL, the provider-wide knobs and
// the request-rate cap. The vendor adds its authentication, secrets, error
// decoding and hints.
func (s Settings) ClientConfig() apiclient.Config {
	return apiclient.Config{
		Vendor:            s.Vendor,
		DisplayName:       s.DisplayName,
		BaseURL:           s.BaseURL,
		RequestTimeout:    s.Common.RequestTimeout,
		RetryBudget:       s.Common.RetryBudget,
		MaxRetries:        s.Common.retryCap(),
		UserAgent:         s.Common.UserAgent,
		RequestsPerSecond: s.RequestsPerSecond,
		Burst:             max(1, int(s.RequestsPerSecond)),
	}
}

// Schema is the vendor's provider block: what the vendor declares, plus the
// attributes every block shares.
func (v Vendor) Schema() schema.SingleNestedBlock {
	b := v.Block()
	attrs := make(map[string]schema.Attribute, len(b.Attributes)+1)
	maps.Copy(attrs, b.Attributes)
	attrs[AllowInsecureHTTPAttribute] = schema.BoolAttribute{
		MarkdownDescription: "Allow a plain `http://` `base_url` to a host that is not a loopback address. Off by default, because the " + v.DisplayName + " credentials would then cross the network unencrypted; set it only for an on-premises server on a network you trust.",
		Optional:            true,
	}
	b.Attributes = attrs
	return b
}

// retryCap is Config.MaxRetries for these knobs: no cap (0) unless
// max_retries is set, and max_retries = 0 (no retries) as a negative count.
func (c Common) retryCap() int {
	switch {
	case !c.CapRetries:
		return 0
	case c.MaxRetries <= 0:
		return -1
	default:
		return c.MaxRetries
	}
}
