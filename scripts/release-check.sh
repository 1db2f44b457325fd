#!/usr/bin/env bash
# Proves the release configuration without publishing anything:
#
#   1. `goreleaser check` accepts .goreleaser.yml;
#   2. a snapshot release, unsigned, built from .goreleaser.yml with only the
#      build matrix narrowed to this machine's platform (linux/amd64 in CI),
#      into a scratch directory;
#   3. the produced files follow the Terraform Registry's rules for a
#      provider release: terraform-provider-saas_<version>_<os>_<arch>.zip
#      holding terraform-provider-saas_v<version>, a
#      terraform-provider-saas_<version>_SHA256SUMS covering every zip and the
#      manifest terraform-provider-saas_<version>_manifest.json, which declares
#      protocol version 6.0 only;
#   4. the zip, unpacked into a filesystem mirror, is what Terraform and
#      OpenTofu install with `init`, and with it a `plan` of
#      examples/hcp-terraform that also reads every vendor succeeds against
#      the sandbox.
#
# Any failing step fails the check. GORELEASER, TERRAFORM, TOFU and BIN (for
# saas-sandbox) say where the tools are; `make release-check` sets them.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$root/bin}"
goreleaser="${GORELEASER:-$bin/goreleaser}"
terraform="${TERRAFORM:-$bin/terraform}"
tofu="${TOFU:-$bin/tofu}"
# The registry's names derive from the provider's type name; the mirror's
# paths from its registry address (internal/mirror holds the same values).
name="terraform-provider-saas"
namespace="saas-users"
type="saas"
hosts=(registry.terraform.io registry.opentofu.org)

scratch="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }
fail() {
  echo "release-check: $*" >&2
  exit 1
}

for tool in "$goreleaser" "$terraform" "$tofu" "$bin/saas-sandbox"; do
  [ -x "$tool" ] || fail "$tool is missing (make tools goreleaser build provides it)"
done

step "goreleaser check"
(cd "$root" && "$goreleaser" check)

# The release builds every platform of the matrix; the check needs only the
# one whose binary the CLIs here can run. Everything else in the derived
# configuration is .goreleaser.yml as it is, apart from where it writes.
goos="$(go env GOOS)"
goarch="$(go env GOARCH)"
if ! grep -qE "^    goos: \[(.*[ ,])?$goos(,|\])" "$root/.goreleaser.yml" ||
  ! grep -qE "^    goarch: \[(.*[ ,])?\"?$goarch\"?(,|\])" "$root/.goreleaser.yml"; then
  fail "$goos/$goarch is not in the release's build matrix; run this on a platform the release builds"
fi
dist="$scratch/dist"
config="$scratch/goreleaser.yml"
sed -E \
  -e "s/^    goos: \[[^]]*\]$/    goos: [$goos]/" \
  -e "s/^    goarch: \[[^]]*\]$/    goarch: [\"$goarch\"]/" \
  "$root/.goreleaser.yml" >"$config"
printf 'dist: %s\n' "$dist" >>"$config"
if [ "$(grep -cxF "    goos: [$goos]" "$config")" != 1 ] || [ "$(grep -cxF "    goarch: [\"$goarch\"]" "$config")" != 1 ]; then
  fail "could not narrow the build matrix: .goreleaser.yml no longer has one 'goos: [...]' and one 'goarch: [...]' line under builds"
fi

step "goreleaser release --snapshot for $goos/$goarch (unsigned)"
# The release's before hook runs `go mod tidy`; a release must not need it
# to change anything.
modsums_before="$(cd "$root" && sha256sum go.mod go.sum)"
started=$SECONDS
(cd "$root" && "$goreleaser" release --snapshot --clean --skip=sign --config "$config")
echo "snapshot built in $((SECONDS - started))s"
modsums_after="$(cd "$root" && sha256sum go.mod go.sum)"
[ "$modsums_before" = "$modsums_after" ] || fail "the release's 'go mod tidy' hook changed go.mod or go.sum; run 'go mod tidy' and commit the result"

version="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$dist/metadata.json")"
echo "snapshot version $version"

step "release files against the Terraform Registry's rules"
python3 - "$dist" "$name" "$version" "$goos" "$goarch" "$root/terraform-registry-manifest.json" <<'PY'
import hashlib, json, os, re, stat, sys, zipfile

dist, name, version, goos, goarch, manifest_src = sys.argv[1:]
problems = []

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()

# Semantic version, prerelease allowed: the registry and the CLIs sort and
# constrain by it.
if not re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?", version):
    problems.append(f"version {version!r} is not a semantic version")

zip_name = f"{name}_{version}_{goos}_{goarch}.zip"
binary = f"{name}_v{version}" + (".exe" if goos == "windows" else "")
sums_name = f"{name}_{version}_SHA256SUMS"
manifest_name = f"{name}_{version}_manifest.json"

zips = sorted(f for f in os.listdir(dist) if f.endswith(".zip"))
if zips != [zip_name]:
    problems.append(f"zips {zips}, want exactly [{zip_name!r}]")

# The zip: the binary at its root, executable, and no other program; the
# README and CHANGELOG goreleaser adds by default are harmless.
if os.path.exists(os.path.join(dist, zip_name)):
    with zipfile.ZipFile(os.path.join(dist, zip_name)) as z:
        entries = {i.filename: i for i in z.infolist()}
        print(f"{zip_name}: {', '.join(sorted(entries))}")
        if binary not in entries:
            problems.append(f"{zip_name} does not hold {binary} at its root")
        elif not (entries[binary].external_attr >> 16) & stat.S_IXUSR:
            problems.append(f"{binary} in {zip_name} is not executable")
        others = [e for e in entries if e != binary and not re.fullmatch(r"(README|CHANGELOG|LICENSE)[^/]*", e)]
        if others:
            problems.append(f"{zip_name} holds more than the binary and documents: {others}")
        if binary in entries and version.encode() not in z.read(binary):
            problems.append(f"{binary} does not carry its version {version} (-X main.version in .goreleaser.yml)")

# SHA256SUMS: one "<sha256>  <file>" line per zip and for the manifest,
# nothing else, every sum right.
sums_path = os.path.join(dist, sums_name)
if not os.path.exists(sums_path):
    problems.append(f"no {sums_name} in {sorted(os.listdir(dist))}")
else:
    sums = {}
    for line in open(sums_path).read().splitlines():
        m = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line)
        if not m:
            problems.append(f"{sums_name}: malformed line {line!r}")
            continue
        sums[m.group(2)] = m.group(1)
    print(f"{sums_name}: {', '.join(sorted(sums))}")
    if sorted(sums) != sorted(zips + [manifest_name]):
        problems.append(f"{sums_name} lists {sorted(sums)}, want {sorted(zips + [manifest_name])}")
    for z in zips:
        if z in sums and sums[z] != sha256(os.path.join(dist, z)):
            problems.append(f"{sums_name}: wrong sum for {z}")
    if manifest_name in sums and sums[manifest_name] != sha256(manifest_src):
        problems.append(f"{sums_name}: the sum for {manifest_name} is not that of terraform-registry-manifest.json")

# The manifest: format version 1, protocol 6.0 only (the provider serves
# protocol 6 through tf6server).
try:
    manifest = json.load(open(manifest_src))
except ValueError as err:
    problems.append(f"terraform-registry-manifest.json is not valid JSON: {err}")
else:
    if manifest.get("version") != 1:
        problems.append(f"terraform-registry-manifest.json: version {manifest.get('version')!r}, want 1")
    protocols = manifest.get("metadata", {}).get("protocol_versions")
    if protocols != ["6.0"]:
        problems.append(f"terraform-registry-manifest.json: protocol_versions {protocols!r}, want ['6.0']")

# The GitHub release publishes the manifest under the name the sums list:
# both extra_files entries in the effective configuration must agree.
effective = open(os.path.join(dist, "config.yaml")).read()
templates = re.findall(r"- glob: terraform-registry-manifest\.json\n\s+name_template: (.+)", effective)
if len(templates) != 2 or len(set(templates)) != 1:
    problems.append(f"release.extra_files and checksum.extra_files should name the manifest alike, found {templates}")

for p in problems:
    print("FAILED  " + p, file=sys.stderr)
if problems:
    sys.exit(1)
print("ok      names, SHA256SUMS and manifest follow the registry's rules")
PY

step "Unpacking the zip into a filesystem mirror"
mirror="$scratch/mirror"
for host in "${hosts[@]}"; do
  python3 - "$dist/${name}_${version}_${goos}_${goarch}.zip" "$mirror/$host/$namespace/$type/$version/${goos}_${goarch}" <<'PY'
import os, sys, zipfile
# zipfile drops permissions; restore them so the binary stays executable.
src, dst = sys.argv[1:]
os.makedirs(dst, exist_ok=True)
with zipfile.ZipFile(src) as z:
    for info in z.infolist():
        path = z.extract(info, dst)
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(path, mode)
PY
done
find "$mirror" -type f | sed "s|^$scratch/||" | sort
cat >"$scratch/terraformrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/$namespace/$type", "registry.opentofu.org/$namespace/$type"]
  }
  direct {
    exclude = ["registry.terraform.io/$namespace/$type", "registry.opentofu.org/$namespace/$type"]
  }
}
EOF
export TF_CLI_CONFIG_FILE="$scratch/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
unset TF_PLUGIN_CACHE_DIR

step "Starting the sandbox"
"$bin/saas-sandbox" -listen 127.0.0.1:0 -url-file "$scratch/sandbox.url" -token-file "$scratch/sandbox.token" >"$scratch/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do
  [ -s "$scratch/sandbox.url" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || {
    cat "$scratch/sandbox.log"
    fail "the sandbox exited early"
  }
  sleep 0.1
done
[ -s "$scratch/sandbox.url" ] || fail "the sandbox did not start in time"
url="$(cat "$scratch/sandbox.url")"
echo "sandbox at $url"

# Credentials from the environment, as in an HCP Terraform workspace; these
# are the sandbox's public, sandbox-only values.
export QACOMPLETE_BASE_URL="$url/qacomplete/rest-api/service/api/v1"
export QACOMPLETE_USERNAME="admin@example.com"
export QACOMPLETE_PASSWORD="sandbox-admin-password"
export QUESTIONPRO_BASE_URL="$url/questionpro/a/api/v2"
export QUESTIONPRO_API_KEY="sandbox-questionpro-key"
export QUICKHELP_BASE_URL="$url/quickhelp/v1"
export QUICKHELP_API_KEY="sandbox-quickhelp-api-key"
export QUICKHELP_SUBSCRIPTION_KEY="sandbox-quickhelp-subscription-key"
export TWOSMS_BASE_URL="$url/twosms"
export TWOSMS_CLIENT_ID="sandbox-twosms-client"
export TWOSMS_CLIENT_SECRET="sandbox-twosms-secret"

# The configuration planned is examples/hcp-terraform, the HCP Terraform
# workspace the guide describes, without its cloud block: credentials from
# the environment only. Three files are added: an override that pins the
# snapshot (a prerelease is installed only when named exactly, so this also
# proves which build the CLI picked), the sandbox's ids, and a read per
# vendor, so the plan talks to all four through the release binary.
write_configuration() {
  find "$root/examples/hcp-terraform" -maxdepth 1 -name '*.tf' ! -name cloud.tf -exec cp {} "$1/" \;
  cat >"$1/release_check_override.tf" <<EOF
terraform {
  required_providers {
    saas = {
      source  = "$namespace/$type"
      version = "= $version"
    }
  }
}
EOF
  cat >"$1/sandbox.auto.tfvars" <<'EOF'
team = {
  "release.check@example.com" = { first_name = "Release", last_name = "Check" }
}
qacomplete_dept_id          = 8162
questionpro_organization_id = 1001
questionpro_department_id   = 2001
EOF
  cat >"$1/release_check.tf" <<'EOF'
data "saas_qacomplete_users" "release_check" {
  dept_id = 8162
}

data "saas_questionpro_users" "release_check" {}

data "saas_quickhelp_users" "release_check" {}

data "saas_twosms_admin_users" "release_check" {}
EOF
}

for cli in "$terraform" "$tofu"; do
  cli_name="$(basename "$cli")"
  work="$scratch/work-$cli_name"
  mkdir -p "$work"
  write_configuration "$work"

  step "$cli_name init ($("$cli" version | head -1))"
  (cd "$work" && "$cli" init -input=false -no-color) | tee "$work/init.log"
  grep -q "Installed $namespace/$type v$version (unauthenticated)" "$work/init.log" ||
    fail "$cli_name init did not install $namespace/$type v$version from the mirror"
  grep -qE "^  version += \"${version//./\\.}\"$" "$work/.terraform.lock.hcl" ||
    fail "$cli_name recorded another version in .terraform.lock.hcl: $(cat "$work/.terraform.lock.hcl")"
  installed="$(find -L "$work/.terraform/providers" -name "${name}_v$version" -type f)"
  if [ -z "$installed" ] || ! cmp -s "$installed" "$mirror/${hosts[0]}/$namespace/$type/$version/${goos}_${goarch}/${name}_v$version"; then
    fail "$cli_name did not install the binary from the release zip"
  fi

  step "$cli_name plan"
  set +e
  (cd "$work" && "$cli" plan -input=false -no-color -detailed-exitcode) >"$work/plan.log" 2>&1
  code=$?
  set -e
  cat "$work/plan.log"
  # 2: the plan succeeded and has changes (the team's users to create).
  [ "$code" = 2 ] || fail "$cli_name plan exited with $code, want 2 (a successful plan with changes)"
  grep -qE "^Plan: [1-9][0-9]* to add, 0 to change, 0 to destroy\.$" "$work/plan.log" ||
    fail "$cli_name plan does not propose only the team's users to create"
  for source in qacomplete_users questionpro_users quickhelp_users twosms_admin_users; do
    grep -q "^data\.saas_$source\.release_check: Read complete" "$work/plan.log" ||
      fail "$cli_name plan did not read data.saas_$source.release_check"
  done
  echo "ok      $cli_name installed $namespace/$type v$version from the release zip and planned with it"
done

step "Release check passed"
