#!/usr/bin/env bash
# Runs CowansSync locally: installs, starts Azurite in memory and the app standalone on free loopback ports,
# prints the URLs and the bootstrap admin key, and runs until Ctrl-C, then stops both.
# Settings come from local.settings.json (if present at the repo root) and the environment; this script sets
# SyncStorage (to its Azurite) and, unless already set, Auth__BootstrapAdminKey.
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

# --- storage: Azurite in memory (the sandbox issue replaces this part with the full sandbox) ---
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
node node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --silent --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$state/azurite.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$table_port/" 60 Azurite
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # Azurite's public dev key
export SyncStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

# --- the app, standalone (no FUNCTIONS_CUSTOMHANDLER_PORT), content root = repo root for local.settings.json ---
export Auth__BootstrapAdminKey="${Auth__BootstrapAdminKey:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')}"
app_port=$(free_port)
export ASPNETCORE_URLS="http://127.0.0.1:$app_port"
unset FUNCTIONS_CUSTOMHANDLER_PORT
dotnet functions/bin/Release/net10.0/CowansSync.Functions.dll --contentRoot "$root" >"$state/app.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$app_port/api/health" 60 "The app"

cat <<INFO

CowansSync is running (standalone).
  API:        http://127.0.0.1:$app_port/api
  Health:     http://127.0.0.1:$app_port/api/health
  Admin key:  $Auth__BootstrapAdminKey
  Try:        curl -H "Authorization: Bearer $Auth__BootstrapAdminKey" http://127.0.0.1:$app_port/api/admin/keys
  Storage:    Azurite blob $blob_port, queue $queue_port, table $table_port (in memory)
  Logs:       $state/app.log (JSON lines), $state/azurite.log
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
