#!/usr/bin/env bash
# Installs what the tests need (npm packages, NuGet packages) and runs every test.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-node-tools.sh
node scripts/validate-graphql.mjs
node --test tests/sandbox/test/ tests/graphql/
dotnet restore CowansSync.sln
dotnet build CowansSync.sln --no-restore --configuration Release
dotnet test CowansSync.sln --no-build --configuration Release "$@"
