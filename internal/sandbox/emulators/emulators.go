// Package emulators is the one list of the sandbox's emulators. saas-sandbox
// and the acceptance tests iterate it, so a new vendor's emulator is one line
// here and nothing registers itself. The list cannot live in
// internal/sandbox, which every emulator package imports.
package emulators

import (
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// All describes every emulator, in vendor name order (the order the shared
// server lists them in).
func All() []sandbox.Descriptor {
	return []sandbox.Descriptor{
		qacomplete.Descriptor,
		questionpro.Descriptor,
		quickhelp.Descriptor,
		twosms.Descriptor,
	}
}

// Lookup returns the descriptor of one vendor.
func Lookup(vendor string) (sandbox.Descriptor, bool) {
	for _, d := range All() {
		if d.Vendor == vendor {
			return d, true
		}
	}
	return sandbox.Descriptor{}, false
}

// Vendors lists the vendor keys of All, in the same order.
func Vendors() []string {
	all := All()
	out := make([]string, len(all))
	for i, d := range all {
		out[i] = d.Vendor
	}
	return out
}
