#!/usr/bin/env bash
# Runs CowansSync locally: installs what is missing, starts the app standalone (and the sandbox, tests/sandbox, for every
# system not configured for real), imports the newest Etilize ZIP into staged changes (progress, then the summary),
# pushes the approved changes to Shopify (progress, then the results), prints how to explore the API, and runs until
# Ctrl-C, then stops everything it started.
#
#   ./run.sh          one cycle, then keeps running until Ctrl-C
#   ./run.sh --once   one cycle, then stops; exits 0 only if the import ended awaiting_approval or completed and the
#                     push completed (3 when there was no new Etilize file, 1 for any other failure, 2 for bad settings)
#
# Real systems: a system whose key setting (SyncStorage, Etilize__Host, Xorosoft__BaseUrl, Shopify__ShopDomain) is set in
# the environment or in local.settings.json's Values is used as configured; the sandbox stands in for the others
# (scripts/run/settings.mjs). SANDBOX_PRODUCTS (default 500) and SANDBOX_LAYOUT (flat|enhanced) shape the sandbox's catalog;
# RUN_STALL_SECONDS (default 600) is how long a run may stand still before the cycle gives up on it.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"
state="$root/.run"

once=false
case "${1:-}" in
  "") ;;
  --once) once=true ;;
  -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
esac
mkdir -p "$state"

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

wait_for_url() { # url, seconds, name, pid
  for _ in $(seq 1 $(($2 * 5))); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    kill -0 "$4" 2>/dev/null || { echo "$3 exited before answering at $1; see $state/" >&2; return 1; }
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
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# npm ci takes most of a minute; skip it while node_modules still matches the lock file and the install script.
install_stamp() { cat package-lock.json scripts/install-node-tools.sh | node -e 'process.stdin.pipe(require("crypto").createHash("sha256").setEncoding("hex")).pipe(process.stdout)'; }
echo "Installing (Node tools, dotnet build)..."
if [ "$(cat node_modules/.run-install-stamp 2>/dev/null)" != "$(install_stamp)" ]; then
  scripts/install-node-tools.sh
  install_stamp >node_modules/.run-install-stamp
fi
dotnet build functions/CowansSync.Functions.csproj --configuration Release --nologo --verbosity quiet

echo "Systems:"
plan=$(node scripts/run/settings.mjs plan)
eval "$plan"
rm -f "$state/sandbox.json"
if [ "$sandbox_needed" = true ]; then
  # The sandbox: Azurite, the Etilize FTP server, the Shopify and Xorosoft simulators, a control API.
  node tests/sandbox/start.js --products "${SANDBOX_PRODUCTS:-500}" --layout "${SANDBOX_LAYOUT:-flat}" \
    >"$state/sandbox.json" 2>"$state/sandbox.log" &
  sandbox_pid=$!
  pids+=("$sandbox_pid")
  for _ in $(seq 1 300); do
    [ -s "$state/sandbox.json" ] && break
    kill -0 "$sandbox_pid" 2>/dev/null || break
    sleep 0.2
  done
  [ -s "$state/sandbox.json" ] || { echo "The sandbox did not start; see $state/sandbox.log" >&2; exit 1; }
fi
# The sandbox's ready line becomes the app's settings for the sandboxed systems, exactly as real systems are configured.
ready_file=()
[ "$sandbox_needed" = true ] && ready_file=("$state/sandbox.json")
exports=$(node scripts/run/settings.mjs exports "${ready_file[@]}")
eval "$exports"

# The app, standalone (no Functions host endpoint), content root = repo root for local.settings.json.
app_port=$(free_port)
export ASPNETCORE_URLS="http://127.0.0.1:$app_port"
unset Functions__Worker__HostEndpoint
dotnet functions/bin/Release/net10.0/CowansSync.Functions.dll --contentRoot "$root" >"$state/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
wait_for_url "http://127.0.0.1:$app_port/api/health" 60 "The app" "$app_pid" || { grep -m1 '^Unhandled exception' "$state/app.log" >&2 || true; exit 1; }

export RUN_API="http://127.0.0.1:$app_port/api" RUN_ONCE="$once"
# In the background and waited for, because bash runs a trap only once a foreground command ends: Ctrl-C or a kill must
# stop everything even while the cycle is still polling.
node scripts/run/cycle.mjs &
cycle_pid=$!
pids+=("$cycle_pid")
cycle_status=0
wait "$cycle_pid" || cycle_status=$?
if [ "$once" = true ]; then exit "$cycle_status"; fi

if [ "$sandbox_needed" = true ]; then
  echo "  Sandbox:         $state/sandbox.json (endpoints), control API $SANDBOX_CONTROL_URL; log $state/sandbox.log"
fi
echo "  App log:         $state/app.log (JSON lines)"
echo "Press Ctrl-C to stop."
wait -n "$app_pid" ${sandbox_pid:+"$sandbox_pid"}
