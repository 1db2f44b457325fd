#!/usr/bin/env bash
# The README's demo: build is done by make; this starts the sandbox on a free
# loopback port, runs the real Terraform CLI on examples/demo, shows what the
# sandbox now holds, proves a second plan is empty, offboards the person the
# demo manages with examples/modules/person (showing the sandbox's view of
# her after each step), destroys, and stops the sandbox. Any failing step
# fails the demo.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$root/bin}"
terraform="${TERRAFORM:-$bin/terraform}"
work="$root/.demo"
# The configuration runs in .demo/demo with the module beside it in
# .demo/modules/person, the layout of examples/, so the demo's module source
# "../modules/person" resolves in the copy as it does in the repository.
conf="$work/demo"

rm -rf "$work"
mkdir -p "$conf" "$work/modules/person"
cp "$root"/examples/demo/*.tf "$conf/"
cp "$root"/examples/modules/person/*.tf "$work/modules/person/"

step() { printf '\n==> %s\n' "$*"; }

step "Starting the sandbox"
"$bin/saas-sandbox" -listen 127.0.0.1:0 -url-file "$work/sandbox.url" -token-file "$work/sandbox.token" -seed "$root/examples/demo/seed.json" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
cleanup() {
  kill "$sandbox_pid" 2>/dev/null || true
  wait "$sandbox_pid" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  [ -s "$work/sandbox.url" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log"; echo "the sandbox exited early" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/sandbox.url" ] || { echo "the sandbox did not start in time" >&2; exit 1; }
url="$(cat "$work/sandbox.url")"
echo "sandbox at $url"
# The admin API wants the run's token; saas-sandbox writes it before the URL.
SANDBOX_TOKEN="$(cat "$work/sandbox.token")"
export SANDBOX_TOKEN

# The sandbox's default credentials are public, sandbox-only values.
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

# Terraform installs the provider just built from a local filesystem mirror,
# so `terraform init` runs for real and needs no registry. (A dev_overrides
# block would skip installation, but init still asks the registry about the
# provider and fails on a machine without internet access.)
"$root/scripts/install-mirror.sh" -provider "$bin/terraform-provider-saas" -dir "$work/mirror" -cli-config "$work/terraformrc" >/dev/null
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

# show_person prints what each tool's sandbox holds for the demo's person,
# read from the sandbox itself rather than from Terraform's state.
show_person() {
  python3 - "$url" "$1" <<'PY'
import json, os, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/_sandbox/state", headers={"Authorization": "Bearer " + os.environ["SANDBOX_TOKEN"]})
state = json.load(urllib.request.urlopen(req))
email, username = "katherine@example.com", "katherine.j"
print(f"\nKatherine Johnson, {sys.argv[2]}:")

def users(vendor):
    return state.get(vendor, {}).get("users", [])

qac = [u for u in users("qacomplete") if u.get("email") == email]
for u in qac:
    print(f"  QAComplete   user {u['id']} in dept {u['dept_id']}: {'active' if u.get('is_active') else 'DISABLED'}, phone {u.get('phone')}")
if not qac:
    print("  QAComplete   no user")
qp = [u for u in users("questionpro") if u.get("emailAddress") == email]
for u in qp:
    print(f"  QuestionPro  user {u['userID']} in department {u['departmentID']}: {u['firstName']} {u['lastName']}")
if not qp:
    print("  QuestionPro  no user (deleted)")
for u in users("quickhelp"):
    if u.get("email") == email:
        print(f"  QuickHelp    user {u['userId']}: {'licensed' if u.get('licensed') else 'UNLICENSED'}, "
              f"job title {u.get('jobTitle')!r}, department {u.get('department')!r}, admin roles {len(u.get('roles') or [])}")
for u in users("twosms"):
    if u.get("Username") == username:
        print(f"  2sms         {u['Username']}: {'enabled' if u.get('Enabled') else 'DISABLED'}, admin {u.get('AdminUser')}, "
              f"{u.get('DisplayName')!r}, phone {u.get('MobilePhone')}, {u.get('TimeZone')}")
PY
}

cd "$conf"
step "terraform init"
"$terraform" init -input=false -no-color

step "terraform apply"
"$terraform" apply -input=false -auto-approve -no-color

step "Users the sandbox now holds"
python3 - "$url" <<'PY'
import json, os, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/_sandbox/state", headers={"Authorization": "Bearer " + os.environ["SANDBOX_TOKEN"]})
state = json.load(urllib.request.urlopen(req))

def table(title, rows, cols):
    print(f"\n{title}")
    print("  " + "  ".join(f"{c[0]:<{c[1]}}" for c in cols))
    for r in rows:
        print("  " + "  ".join(f"{str(r.get(c[2], '')):<{c[1]}}" for c in cols))

table("QAComplete (department users)", state.get("qacomplete", {}).get("users", []),
      [("id", 6, "id"), ("dept", 5, "dept_id"), ("active", 6, "is_active"), ("email", 24, "email"), ("first", 10, "first_name"), ("last", 10, "last_name")])
table("QuestionPro", state.get("questionpro", {}).get("users", []),
      [("id", 6, "userID"), ("dept", 5, "departmentID"), ("email", 28, "emailAddress"), ("first", 10, "firstName"), ("last", 10, "lastName")])
table("QuickHelp", state.get("quickhelp", {}).get("users", []),
      [("id", 4, "userId"), ("licensed", 8, "licensed"), ("email", 22, "email"), ("job title", 20, "jobTitle")])
table("2sms", state.get("twosms", {}).get("users", []),
      [("username", 14, "Username"), ("enabled", 7, "Enabled"), ("phone", 16, "MobilePhone"), ("time zone", 24, "TimeZone")])
PY

step "terraform plan (must report no changes)"
set +e
"$terraform" plan -input=false -detailed-exitcode -no-color
code=$?
set -e
if [ "$code" -ne 0 ]; then
  echo "the second plan was not empty (exit code $code)" >&2
  exit 1
fi
echo "no changes: the configuration and the sandbox agree"
show_person "onboarded"

step "terraform apply -var person_active=false (offboarding Katherine Johnson)"
"$terraform" apply -input=false -auto-approve -no-color -var person_active=false
show_person "offboarded"

step "terraform plan -var person_active=false (must report no changes)"
set +e
"$terraform" plan -input=false -detailed-exitcode -no-color -var person_active=false
code=$?
set -e
if [ "$code" -ne 0 ]; then
  echo "the plan after offboarding was not empty (exit code $code)" >&2
  exit 1
fi
echo "no changes: offboarding is complete"

step "terraform destroy"
"$terraform" destroy -input=false -auto-approve -no-color -var person_active=false
show_person "after destroy"

step "Demo finished"
