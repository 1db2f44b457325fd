#!/usr/bin/env bash
# Prints the provider's schema as `providers schema -json` does, read with
# OpenTofu, whose schema output carries resource identity (Terraform 1.5.7's
# does not, and tfplugindocs needs it to render import-by-identity examples).
# Usage: provider-schema.sh <tofu> <provider binary dir>
set -euo pipefail
tofu=$1
bindir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/main.tf" <<'HCL'
terraform {
  required_providers {
    saas = { source = "registry.terraform.io/hashicorp/saas" }
  }
}
HCL
cat >"$work/cli.tfrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/hashicorp/saas" = "$bindir"
  }
  direct {}
}
RC
cd "$work"
TF_CLI_CONFIG_FILE="$work/cli.tfrc" "$tofu" providers schema -json 2>/dev/null
