package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Configured is what the provider hands one vendor's resources and data
// sources: the vendor's client, or the settings that are missing, reported
// only when a resource of that vendor is actually used.
type Configured[C any] struct {
	Client  *C
	Missing []Missing
}

// ClientFor returns the client, or adds the diagnostic that explains why
// there is none: the provider was not configured yet (a bug), or the
// vendor's block lacks settings (named with their environment variables).
func (c *Configured[C]) ClientFor(vendor, typeName string, diags *diag.Diagnostics) *C {
	if c == nil {
		diags.AddError("Provider not configured", typeName+" was used before the provider was configured; this is a bug in the provider.")
		return nil
	}
	if c.Client == nil {
		diags.AddError(MissingSummary(vendor), MissingDetail(vendor, typeName, c.Missing))
		return nil
	}
	return c.Client
}

// SourceFrom asserts the provider data a resource's Configure receives to
// the vendor's source interface S. Nil data (validation runs before the
// provider is configured) gives ok = false and no diagnostic.
func SourceFrom[S any](data any, vendor string, diags *diag.Diagnostics) (src S, ok bool) {
	if data == nil {
		return src, false
	}
	src, ok = data.(S)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected a %s client source, got %T; this is a bug in the provider", vendor, data))
	}
	return src, ok
}
