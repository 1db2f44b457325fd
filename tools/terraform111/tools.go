//go:build tools

// Package tools pins the Terraform CLI this module builds; see go.mod.
package tools

import _ "github.com/hashicorp/terraform"
