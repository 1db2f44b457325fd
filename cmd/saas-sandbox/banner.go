package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// printBanner shows the root URL, the admin API with its token and the
// request log's bounds, and how to point the provider at every vendor
// served: one complete provider block to paste, the same settings as
// environment variables, and the ids the default seed holds. Credentials are
// printed in both forms: they are the sandbox's public, sandbox-only values.
// tokenFrom names the flag or variable that gave the admin token, "" when it
// is random.
func printBanner(w io.Writer, srv *sandbox.Server, served []sandbox.Descriptor, seeded bool, tokenFrom string) {
	served = slices.Clone(served)
	slices.SortFunc(served, func(a, b sandbox.Descriptor) int { return strings.Compare(a.Vendor, b.Vendor) })

	var b strings.Builder
	fmt.Fprintf(&b, "saas-sandbox listening on %s\n", srv.URL())
	fmt.Fprintf(&b, "admin API: %s%s{vendors,requests,stats,faults,state,seed}\n", srv.URL(), sandbox.AdminPrefix)
	origin := "random for this run; -admin-token or " + adminTokenEnv + " fixes it, -token-file writes it for scripts"
	if tokenFrom != "" {
		origin = "from " + tokenFrom
	}
	fmt.Fprintf(&b, "admin token: %s (%s)\n", srv.AdminToken(), origin)
	fmt.Fprintf(&b, "  curl -H 'Authorization: Bearer %s' %s%sstats\n", srv.AdminToken(), srv.URL(), sandbox.AdminPrefix)
	b.WriteString("  Every admin call needs the token and a loopback Host (127.0.0.1, [::1], localhost) or an -admin-hosts name.\n")
	fmt.Fprintf(&b, "request log: the newest %d requests, %d KiB of each body, credentials masked; the counters count every request\n\n",
		srv.RequestLogLimit(), sandbox.LoggedBodyBytes>>10)

	var env, blockOnly []string
	var block strings.Builder
	block.WriteString("provider \"saas\" {\n")
	for _, d := range served {
		settings := d.SettingsAt(srv.BaseURL(d.Vendor))
		width := 0
		for _, s := range settings {
			width = max(width, len(s.Attribute))
		}
		fmt.Fprintf(&block, "  %s {\n", d.Vendor)
		for _, s := range settings {
			line := fmt.Sprintf("    %-*s = %s", width, s.Attribute, s.HCL())
			if s.Sensitive {
				line += " # sensitive"
			}
			block.WriteString(line + "\n")
			if s.EnvVar == "" {
				blockOnly = append(blockOnly, d.Vendor+"."+s.Attribute)
			} else {
				env = append(env, exportLine(s.EnvVar, s.Value))
			}
		}
		block.WriteString("  }\n")
	}
	block.WriteString("}\n")

	b.WriteString("# A provider block for every vendor served here. The credentials are the\n")
	b.WriteString("# sandbox's public, sandbox-only values; with a real tenant, keep those\n")
	b.WriteString("# marked sensitive in the environment instead.\n")
	if seeded {
		b.WriteString("# These are the default seed's credentials: where the -seed file replaces\n")
		b.WriteString("# accounts, keys or clients, use the seed file's instead.\n")
	}
	b.WriteString(block.String())

	b.WriteString("\n# The same through the environment, for a provider block that names no setting:\n")
	b.WriteString(strings.Join(env, "\n"))
	b.WriteString("\n")
	if len(blockOnly) > 0 {
		fmt.Fprintf(&b, "# %s: no environment variable; set in the provider block.\n", strings.Join(blockOnly, ", "))
	}

	b.WriteString("\n# Data a fresh sandbox holds, for resources and data sources:\n")
	vendorWidth, valueWidth := 0, 0
	for _, d := range served {
		vendorWidth = max(vendorWidth, len(d.Vendor))
		for _, v := range d.Seed {
			valueWidth = max(valueWidth, len(v.Name)+3+len(v.Value))
		}
	}
	for _, d := range served {
		for _, v := range d.Seed {
			fmt.Fprintf(&b, "#   %-*s  %-*s  %s\n", vendorWidth, d.Vendor, valueWidth, v.Name+" = "+v.Value, v.About)
		}
	}
	_, _ = io.WriteString(w, b.String())
}

// exportLine is a POSIX shell assignment with the value single-quoted.
func exportLine(name, value string) string {
	return "export " + name + "='" + strings.ReplaceAll(value, "'", `'\''`) + "'"
}
