// Package providerdata holds what the provider's Configure hands to every
// vendor package: the settings shared by all vendors. It imports no vendor
// package, so vendor packages can depend on it without a cycle.
package providerdata

import (
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Common carries the provider-wide knobs into each vendor's client.
type Common struct {
	RequestTimeout time.Duration
	MaxRetries     int
	UserAgent      string
}

// StringOrEnv returns the configured value, or the environment variable when
// the attribute is null or unknown, so the provider runs in Terraform Cloud
// workspaces with no files.
func StringOrEnv(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return os.Getenv(env)
}
