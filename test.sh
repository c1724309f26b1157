#!/usr/bin/env bash
# Installs what the tests need (npm packages, NuGet packages) and runs every test; last tests/run/, ./run.sh's own tests,
# among them `./run.sh --once` on a fresh clone of HEAD (about 3 minutes; SKIP_RUN_ONCE_TEST=1 skips that one).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-node-tools.sh
node scripts/validate-graphql.mjs
node --test tests/sandbox/test/ tests/graphql/
dotnet restore CowansSync.sln
dotnet build CowansSync.sln --no-restore --configuration Release
dotnet test CowansSync.sln --no-build --configuration Release "$@"
node --test tests/run/
