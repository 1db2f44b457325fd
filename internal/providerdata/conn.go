package providerdata

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Data is what the provider's Configure hands to every resource and data
// source: one connection per vendor.
type Data struct {
	conns map[string]*conn
}

// conn is one vendor's outcome of Configure: a client, or why there is none.
type conn struct {
	vendor  string // display name
	client  any
	missing []Missing
	unknown []string
}

// Conn is a resource's or data source's typed handle on its vendor's client.
// The zero value means the provider is not configured yet (validation runs
// before Configure).
type Conn[C any] struct {
	typeName string
	c        *conn
}

// ConnFrom is how a resource or data source finds its client: one call in
// its Configure, with the provider data it received, its vendor's key and
// its own type name for messages.
func ConnFrom[C any](providerData any, vendorKey, typeName string, diags *diag.Diagnostics) Conn[C] {
	if providerData == nil {
		return Conn[C]{typeName: typeName}
	}
	data, ok := providerData.(*Data)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("%s expected *providerdata.Data, got %T; this is a bug in the provider.", typeName, providerData))
		return Conn[C]{typeName: typeName}
	}
	c, ok := data.conns[vendorKey]
	if !ok {
		diags.AddError("Unknown vendor", fmt.Sprintf("%s belongs to vendor %q, which the provider does not configure; this is a bug in the provider.", typeName, vendorKey))
		return Conn[C]{typeName: typeName}
	}
	return Conn[C]{typeName: typeName, c: c}
}

// ConnWith is a Conn around a client built by hand, for tests that drive a
// resource without the provider.
func ConnWith[C any](vendor, typeName string, client *C, missing ...Missing) Conn[C] {
	c := &conn{vendor: vendor, missing: missing}
	if client != nil {
		c.client = client
	}
	return Conn[C]{typeName: typeName, c: c}
}

// Configured is false until the provider's Configure has run.
func (c Conn[C]) Configured() bool { return c.c != nil }

// Client returns the vendor's client, or adds the diagnostic that says why
// there is none: settings missing (named with their environment
// variables), settings not known until apply, or use before Configure.
func (c Conn[C]) Client(diags *diag.Diagnostics) *C {
	switch {
	case c.c == nil:
		diags.AddError("Provider not configured", c.typeName+" was used before the provider was configured; this is a bug in the provider.")
		return nil
	case len(c.c.unknown) > 0:
		diags.AddError(fmt.Sprintf("%s provider settings not known yet", c.c.vendor),
			fmt.Sprintf("%s needs %s, whose value is not known until apply (it comes from another resource). The provider never replaces such a value with the environment or a default host, and sends nothing until it is known. Apply the resources it comes from first (for example with -target), or set it to a value known at plan time.",
				c.typeName, strings.Join(c.c.unknown, ", ")))
		return nil
	case c.c.client == nil:
		diags.AddError(MissingSummary(c.c.vendor), MissingDetail(c.c.vendor, c.typeName, c.c.missing))
		return nil
	}
	client, ok := c.c.client.(*C)
	if !ok {
		diags.AddError("Unexpected client", fmt.Sprintf("%s expected a %T client, got %T; this is a bug in the provider.", c.typeName, client, c.c.client))
		return nil
	}
	return client
}

// Pending reports whether the vendor's settings are not known yet. Plan-time
// checks skip their missing-settings error then, as the value may well be
// there at apply.
func (c Conn[C]) Pending() bool { return c.c != nil && len(c.c.unknown) > 0 }

// CheckAtPlan is the plan-time form of Client: it reports missing settings
// before anything is sent, and stays silent before Configure (validation)
// and while settings are not known yet, since they may be at apply.
func (c Conn[C]) CheckAtPlan(diags *diag.Diagnostics) {
	if c.Configured() && !c.Pending() {
		c.Client(diags)
	}
}
