#!/usr/bin/env bash
# The test command: everything CI runs, on a fresh machine.
#   1. the .NET tests (unit, seed validation, API through an in-memory host);
#   2. the GraphQL-over-HTTP audit (graphql-http) against the real server started on 127.0.0.1.
# Installs what it needs first (the audit's npm packages, pinned by tests/http-audit/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.ci/out"
mkdir -p "$out"

echo "== restore and build"
dotnet build Roadmap.sln -c Release -nologo -clp:ErrorsOnly

echo "== seeds: validate and coverage"
dotnet src/Roadmap.Cli/bin/Release/net10.0/roadmap.dll validate --seeds seeds
dotnet src/Roadmap.Cli/bin/Release/net10.0/roadmap.dll coverage --seeds seeds

echo "== .NET tests"
dotnet test Roadmap.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$out/dotnet-test.log"

echo "== GraphQL-over-HTTP audit"
(cd tests/http-audit && npm ci --no-audit --no-fund --silent)
port=$(( 20000 + RANDOM % 20000 ))
db=$(mktemp -d)/roadmap.db
dotnet src/Roadmap.Api/bin/Release/net10.0/Roadmap.Api.dll --urls "http://127.0.0.1:$port" \
  --Seeds:Path="$root/seeds" --Store:Embedded:DatabasePath="$db" > "$out/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break
  kill -0 $api 2>/dev/null || { cat "$out/api.log"; echo "the API exited before it was ready"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null || { cat "$out/api.log"; echo "the API never became ready"; exit 1; }
node tests/http-audit/audit.mjs "http://127.0.0.1:$port/graphql"

# One closing line that counts the .NET tests and the audit together.
read -r passed failed < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+' "$out/dotnet-test.log" \
  | awk '{gsub(",",""); f+=$2; p+=$4} END {print p+0, f+0}')
echo "$((passed + 1)) passed, $failed failed"
