#!/usr/bin/env bash
# Installs a built provider binary into a Terraform filesystem mirror under
# both registry hosts and, with -cli-config, writes the CLI configuration
# that installs it from there: cmd/install-mirror, built from this
# repository and run in the caller's directory, so relative paths mean what
# the caller means. Its doc comment lists the flags and the key=value lines
# it prints.
#
#   scripts/install-mirror.sh -provider bin/terraform-provider-saas -dir .demo/mirror -cli-config .demo/terraformrc
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && go build -o "$tmp/install-mirror" ./cmd/install-mirror)
"$tmp/install-mirror" "$@"
