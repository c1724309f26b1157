#!/usr/bin/env bash
# Deploys CowansSync to Azure: infra/ for one environment (infra/<env>.bicepparam) into a resource group, then the
# app's publish folder as a zip to the Function App the deployment names. Idempotent: a second run with the same
# settings changes nothing in the infrastructure and deploys the same app again.
#
# Usage: scripts/deploy.sh <env>      (env: a file infra/<env>.bicepparam, e.g. dev or prod)
#
# Needs the Azure CLI, signed in (az login, or a pipeline's service principal / federated identity), and these
# environment variables — the secrets go to Key Vault, never to a file:
#   COWANSSYNC_RESOURCE_GROUP, COWANSSYNC_LOCATION (for the group, e.g. eastus2),
#   COWANSSYNC_ALERT_EMAIL, COWANSSYNC_SHOPIFY_SHOP_DOMAIN, COWANSSYNC_ETILIZE_HOST, COWANSSYNC_ETILIZE_USER,
#   COWANSSYNC_ETILIZE_PASSWORD, COWANSSYNC_XOROSOFT_API_KEY, COWANSSYNC_XOROSOFT_API_SECRET,
#   COWANSSYNC_SHOPIFY_ACCESS_TOKEN, COWANSSYNC_SHOPIFY_WEBHOOK_SECRET, COWANSSYNC_BOOTSTRAP_ADMIN_KEY (≥ 32 characters);
#   optional: COWANSSYNC_NOTIFICATION_SIGNING_SECRET.
# Exit codes: 0 deployed; 2 refused (usage, missing settings, no Azure CLI); anything else: the failing command's.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly REQUIRED=(
  COWANSSYNC_RESOURCE_GROUP COWANSSYNC_LOCATION COWANSSYNC_ALERT_EMAIL COWANSSYNC_SHOPIFY_SHOP_DOMAIN
  COWANSSYNC_ETILIZE_HOST COWANSSYNC_ETILIZE_USER COWANSSYNC_ETILIZE_PASSWORD COWANSSYNC_XOROSOFT_API_KEY
  COWANSSYNC_XOROSOFT_API_SECRET COWANSSYNC_SHOPIFY_ACCESS_TOKEN COWANSSYNC_SHOPIFY_WEBHOOK_SECRET
  COWANSSYNC_BOOTSTRAP_ADMIN_KEY
)

if [[ $# -ne 1 || ! "$1" =~ ^[a-z0-9]+$ ]]; then
  echo "usage: scripts/deploy.sh <env>   (one of: $(basename -s .bicepparam infra/*.bicepparam | tr '\n' ' '))" >&2
  exit 2
fi
readonly ENVIRONMENT="$1"
readonly PARAMETERS="infra/${ENVIRONMENT}.bicepparam"
if [[ ! -f "$PARAMETERS" ]]; then
  echo "deploy: no $PARAMETERS; environments: $(basename -s .bicepparam infra/*.bicepparam | tr '\n' ' ')" >&2
  exit 2
fi

missing=()
for name in "${REQUIRED[@]}"; do
  [[ -n "${!name:-}" ]] || missing+=("$name")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "deploy: refusing to deploy $ENVIRONMENT; not set: ${missing[*]}" >&2
  exit 2
fi
if [[ ${#COWANSSYNC_BOOTSTRAP_ADMIN_KEY} -lt 32 ]]; then
  echo "deploy: COWANSSYNC_BOOTSTRAP_ADMIN_KEY must have at least 32 characters" >&2
  exit 2
fi
if ! command -v az >/dev/null; then
  echo "deploy: the Azure CLI (az) is not installed" >&2
  exit 2
fi

echo "deploy: infrastructure of $ENVIRONMENT into $COWANSSYNC_RESOURCE_GROUP"
az group create --name "$COWANSSYNC_RESOURCE_GROUP" --location "$COWANSSYNC_LOCATION" --output none
app=$(az deployment group create \
  --resource-group "$COWANSSYNC_RESOURCE_GROUP" \
  --name "cowanssync-$ENVIRONMENT" \
  --parameters "$PARAMETERS" \
  --query properties.outputs.appName.value --output tsv)

echo "deploy: app into $app"
publish=$(mktemp -d)
trap 'rm -rf "$publish"' EXIT
dotnet publish functions --configuration Release --output "$publish/app"
(cd "$publish/app" && python3 -m zipfile -c "$publish/app.zip" .)
az functionapp deployment source config-zip --resource-group "$COWANSSYNC_RESOURCE_GROUP" --name "$app" --src "$publish/app.zip" --output none
echo "deploy: done: https://$(az functionapp show --resource-group "$COWANSSYNC_RESOURCE_GROUP" --name "$app" --query defaultHostName --output tsv)/api/health"
