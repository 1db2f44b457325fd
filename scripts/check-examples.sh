#!/usr/bin/env bash
# Every configuration under examples/ must be formatted and be one that
# `terraform validate` accepts with the provider as built now. Each is copied to a scratch
# directory (resource and data-source snippets get the required_providers
# block they omit for the docs), initialised from a local filesystem mirror
# and validated.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$root/bin}"
terraform="${TERRAFORM:-$bin/terraform}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

version="0.1.0"
platform="$(go env GOOS)_$(go env GOARCH)"
mirror="$scratch/mirror/registry.terraform.io/saas-users/saas/$version/$platform"
mkdir -p "$mirror"
cp "$bin/terraform-provider-saas" "$mirror/terraform-provider-saas_v$version"
cat >"$scratch/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$scratch/mirror"
    include = ["registry.terraform.io/saas-users/saas"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$scratch/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

failed=0
count=0
if ! "$terraform" fmt -recursive -check -diff "$root/examples"; then
  echo "FAILED  terraform fmt: run 'terraform fmt -recursive examples'"
  failed=1
fi
# Copy every configuration before checking any, so one that calls a module
# by a relative path (examples/demo calls ../modules/person) finds it.
while IFS= read -r dir; do
  mkdir -p "$scratch/work/${dir#"$root"/}"
  cp "$dir"/*.tf "$scratch/work/${dir#"$root"/}/"
done < <(find "$root/examples" -name '*.tf' -printf '%h\n' | sort -u)
while IFS= read -r dir; do
  rel="${dir#"$root"/}"
  work="$scratch/work/$rel"
  mkdir -p "$work"
  cp "$dir"/*.tf "$work/"
  if ! grep -q required_providers "$work"/*.tf; then
    printf 'terraform {\n  required_providers {\n    saas = { source = "saas-users/saas" }\n  }\n}\n' >"$work/versions_check.tf"
  fi
  if (cd "$work" && "$terraform" init -input=false -no-color -backend=false >"$work/init.log" 2>&1 && "$terraform" validate -no-color >"$work/validate.log" 2>&1); then
    echo "ok      $rel"
  else
    echo "FAILED  $rel"
    cat "$work/init.log" "$work/validate.log" 2>/dev/null || true
    failed=1
  fi
  count=$((count + 1))
done < <(find "$root/examples" -name '*.tf' -printf '%h\n' | sort -u)

echo "$count example configurations checked"
exit "$failed"
