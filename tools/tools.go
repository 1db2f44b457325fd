//go:build tools

// Package tools pins the generators and CLIs the project builds from the Go
// module proxy: the docs generator and the OpenTofu CLI used by acceptance
// tests.
package tools

import (
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	_ "github.com/opentofu/opentofu/cmd/tofu"
)
