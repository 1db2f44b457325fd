#!/usr/bin/env bash
# Every configuration under examples/ must be formatted and be one that
# `terraform validate` accepts with the provider as built now. Each is copied to a scratch
# directory (resource and data-source snippets get the required_providers
# block they omit for the docs), initialised from a local filesystem mirror
# and validated.
#
# A directory whose required_version rules out the Terraform CLI used here
# (1.5.7; for example ">= 1.7.0" for for_each in import blocks) is checked,
# fmt included, with OpenTofu ($TOFU, default bin/tofu) instead.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$root/bin}"
terraform="${TERRAFORM:-$bin/terraform}"
tofu="${TOFU:-$bin/tofu}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

"$root/scripts/install-mirror.sh" -provider "$bin/terraform-provider-saas" -dir "$scratch/mirror" -cli-config "$scratch/terraformrc" >/dev/null
export TF_CLI_CONFIG_FILE="$scratch/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

failed=0
count=0
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
  # Terraform first; a required_version it does not meet hands the
  # directory to OpenTofu.
  cli="$terraform"
  initialised=0
  if (cd "$work" && "$terraform" init -input=false -no-color -backend=false >"$work/init.log" 2>&1); then
    initialised=1
  elif grep -q "Unsupported Terraform Core version" "$work/init.log"; then
    cli="$tofu"
    rm -rf "$work/.terraform" "$work/.terraform.lock.hcl"
    if [ ! -x "$tofu" ]; then
      echo "its required_version rules out $("$terraform" version | head -1), and OpenTofu is not at $tofu (make tools builds it)" >"$work/init.log"
    elif (cd "$work" && "$tofu" init -input=false -no-color -backend=false >"$work/init.log" 2>&1); then
      initialised=1
    fi
  fi
  name="$(basename "$cli")"
  if [ -x "$cli" ] && ! "$cli" fmt -check -diff "$dir"; then
    echo "FAILED  $rel: not formatted; run '$name fmt $rel'"
    failed=1
  fi
  if [ "$initialised" = 1 ] && (cd "$work" && "$cli" validate -no-color >"$work/validate.log" 2>&1); then
    echo "ok      $rel ($name)"
  else
    echo "FAILED  $rel ($name)"
    cat "$work/init.log" "$work/validate.log" 2>/dev/null || true
    failed=1
  fi
  count=$((count + 1))
done < <(find "$root/examples" -name '*.tf' -printf '%h\n' | sort -u)

echo "$count example configurations checked"
exit "$failed"
