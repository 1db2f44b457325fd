package providerdata

import (
	"fmt"
	"strings"
)

// Missing names a provider setting that a vendor's resources need but that
// neither the configuration nor the environment provided.
type Missing struct {
	Attribute string // e.g. "qacomplete.username"
	EnvVar    string // e.g. "QACOMPLETE_USERNAME"
}

// MissingSummary and MissingDetail build the diagnostic a resource reports
// when its vendor's block is incomplete. It is raised only when a resource or
// data source of that vendor is used, so a configuration that manages one
// vendor never has to configure the others.
func MissingSummary(vendor string) string {
	return fmt.Sprintf("Missing %s provider configuration", vendor)
}

// MissingDetail lists each missing attribute with its environment variable.
func MissingDetail(vendor, typeName string, missing []Missing) string {
	if len(missing) == 0 {
		return fmt.Sprintf("%s needs %s credentials, and the provider has no %s client; this is a bug in the provider.", typeName, vendor, vendor)
	}
	lines := make([]string, 0, len(missing))
	for _, m := range missing {
		lines = append(lines, fmt.Sprintf("  - %s (or the %s environment variable)", m.Attribute, m.EnvVar))
	}
	return fmt.Sprintf("%s needs %s credentials, and these are not set:\n%s\n\nSet them in the provider's %s block or in the environment.",
		typeName, vendor, strings.Join(lines, "\n"), strings.SplitN(missing[0].Attribute, ".", 2)[0])
}
