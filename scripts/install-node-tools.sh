#!/usr/bin/env bash
# Installs the Node.js tools the sandbox and the tests use: the locked npm packages, then Shopify's official
# Admin GraphQL schema. The schema ships in @shopify/dev-mcp, whose own dependency tree cannot be installed
# from the registry mirror here (platform-specific optional packages are missing, so `npm ci` refuses the
# lock file); we need only its data files, so that one package is installed without its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly SCHEMA_PACKAGE="@shopify/dev-mcp@1.16.0"
readonly SCHEMA_DIR="node_modules/@shopify/dev-mcp"

npm ci --no-audit --no-fund --loglevel=error

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# npm pack verifies the tarball against the registry's integrity hash.
tarball=$(npm pack "$SCHEMA_PACKAGE" --pack-destination "$staging" --silent --loglevel=error)
mkdir -p "$SCHEMA_DIR"
tar -xzf "$staging/$tarball" -C "$SCHEMA_DIR" --strip-components=1 package/package.json package/dist/data
