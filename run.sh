#!/usr/bin/env bash
# Runs CowansSync locally: installs, starts the sandbox (tests/sandbox) and the app standalone on free loopback ports,
# imports the sandbox's Etilize ZIP into staged changes (showing progress and the summary), prints the URLs and the
# bootstrap admin key, and runs until Ctrl-C, then stops both.
# Settings come from local.settings.json (if present at the repo root) and the environment; this script sets
# SyncStorage and the Etilize, Xorosoft and Shopify settings (to the sandbox) and, unless already set,
# Auth__BootstrapAdminKey.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"
state="$root/.run"
mkdir -p "$state"

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

wait_for_url() { # url, seconds, name
  for _ in $(seq 1 $(($2 * 5))); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  echo "$3 did not answer at $1 within $2 s; see $state/" >&2
  return 1
}

pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "Installing (Node tools, dotnet build)..."
scripts/install-node-tools.sh
dotnet build functions/CowansSync.Functions.csproj --configuration Release --nologo --verbosity quiet

# --- the sandbox: Azurite, the Etilize FTP server, the Shopify and Xorosoft simulators, a control API ---
node tests/sandbox/start.js --products "${SANDBOX_PRODUCTS:-500}" --layout "${SANDBOX_LAYOUT:-flat}" \
  >"$state/sandbox.json" 2>"$state/sandbox.log" &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$state/sandbox.json" ] && break; sleep 0.2; done
[ -s "$state/sandbox.json" ] || { echo "The sandbox did not start; see $state/sandbox.log" >&2; exit 1; }
# The sandbox's ready line becomes the app's settings, exactly as real systems would be configured.
eval "$(node -e '
const ready = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const settings = {
  SyncStorage: ready.storage.connection_string,
  Etilize__Host: ready.ftp.host, Etilize__Port: ready.ftp.port, Etilize__User: ready.ftp.user,
  Etilize__Password: ready.ftp.password, Etilize__Directory: ready.ftp.directory,
  Xorosoft__BaseUrl: ready.xorosoft.base_url, Xorosoft__ApiKey: ready.xorosoft.api_key, Xorosoft__ApiSecret: ready.xorosoft.api_secret,
  Shopify__ShopDomain: ready.shopify.shop_domain, Shopify__AdminBaseUrl: ready.shopify.admin_base_url,
  Shopify__ApiVersion: ready.shopify.api_version, Shopify__AccessToken: ready.shopify.access_token,
  Shopify__WebhookSecret: ready.shopify.client_secret, SANDBOX_CONTROL_URL: ready.control_url,
};
for (const [name, value] of Object.entries(settings)) console.log(`export ${name}=\x27${String(value).replaceAll("\x27", "\x27\\\x27\x27")}\x27`);
' "$state/sandbox.json")"

# --- the app, standalone (no FUNCTIONS_CUSTOMHANDLER_PORT), content root = repo root for local.settings.json ---
export Auth__BootstrapAdminKey="${Auth__BootstrapAdminKey:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')}"
app_port=$(free_port)
export ASPNETCORE_URLS="http://127.0.0.1:$app_port"
unset FUNCTIONS_CUSTOMHANDLER_PORT
dotnet functions/bin/Release/net10.0/CowansSync.Functions.dll --contentRoot "$root" >"$state/app.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$app_port/api/health" 60 "The app"
api="http://127.0.0.1:$app_port/api"
auth="Authorization: Bearer $Auth__BootstrapAdminKey"

# --- the main job: import the sandbox's Etilize ZIP into staged changes, showing progress ---
echo "Importing the Etilize catalog from the sandbox's FTP server..."
started=$(curl -s -X POST -H "$auth" -H "Content-Type: application/json" -d '{}' "$api/etilize/sync/start")
run_id=$(node -e 'const r = JSON.parse(process.argv[1]); if (!r.job_id) { console.error(r.error ?? r); process.exit(1); } console.log(r.job_id);' "$started")
while true; do
  run=$(curl -s -H "$auth" "$api/runs/$run_id")
  status=$(node -e 'const r = JSON.parse(process.argv[1]); console.log(r.status); console.error(`  ${r.phase}: ${r.progress.processed} of ${r.progress.total} rows (${r.progress.percent} %)`);' "$run")
  case "$status" in pending|running) sleep 2 ;; *) break ;; esac
done
node -e '
const r = JSON.parse(process.argv[1]);
console.log(`Run ${r.run_id}: ${r.status}${r.last_error ? ` (${r.last_error})` : ""}`);
for (const [name, value] of Object.entries(r.counters)) console.log(`  ${name.padEnd(18)} ${value}`);
' "$run"

cat <<INFO

CowansSync is running (standalone).
  API:        $api
  Health:     $api/health
  Admin key:  $Auth__BootstrapAdminKey
  The run:    curl -H "$auth" $api/runs/$run_id
  To review:  curl -H "$auth" "$api/sync/staged?batch_id=$run_id&status=pending"
  Approve:    curl -X POST -H "$auth" -H "Content-Type: application/json" -d '{"notes":"ok"}' $api/sync/staged/<change_id>/approve
  Sandbox:    $state/sandbox.json (endpoints); control API $SANDBOX_CONTROL_URL
  Logs:       $state/app.log (JSON lines), $state/sandbox.log
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
