#!/usr/bin/env bash
# The test command: everything CI runs, on a fresh machine.
#   1. the .NET tests (unit, seed validation, API through an in-memory host);
#   2. the GraphQL-over-HTTP audit (graphql-http) against the real server started on 127.0.0.1;
#   3. the explorer in Debian's Chromium, driven by playwright-core, against the same server;
#   4. the benchmarks' smoke run (bench/run.sh --smoke): Roadmap's engine, SQLite and Kuzu, and Roadmap's server and
#      the graphql-js peer, must give the same answers on a generated 10k-node roadmap;
#   before them, the seeds' validation and coverage, and every .cypher file through Neo4j's own parser.
# Installs what it needs first: npm packages from their lockfiles (the explorer's through the .NET build),
# and Chromium with CJK fonts from Debian when the machine lacks them.
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

echo "== cypher lint (Neo4j's parser)"
(cd tests/cypher-lint && npm ci --no-audit --no-fund --silent)
# The cypher/ files, and the seed graph as `roadmap export --format cypher` writes it for cypher-shell.
dotnet src/Roadmap.Cli/bin/Release/net10.0/roadmap.dll export --format cypher --seeds seeds \
  --database "$(mktemp -d)/export.db" --output "$out/roadmap-graph.cypher"
node tests/cypher-lint/lint.mjs "$out/roadmap-graph.cypher"

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

echo "== explorer in Chromium"
if ! command -v chromium > /dev/null || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk > /dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)
ROADMAP_URL="http://127.0.0.1:$port" SCREENSHOTS="$out/screenshots/" node --test tests/browser/explorer.test.mjs 2>&1 | tee "$out/browser.log"

echo "== benchmarks smoke run (answers checked across engines and servers)"
# Counted as one check; its output is kept in .ci/out/bench-smoke.log and shown only when it fails.
kill $api 2>/dev/null || true
bench_passed=0; bench_failed=0
if bench/run.sh --smoke > "$out/bench-smoke.log" 2>&1; then
  bench_passed=1; tail -n 1 "$out/bench-smoke.log"
else
  bench_failed=1; tail -n 30 "$out/bench-smoke.log"; echo "the benchmarks smoke run failed"
fi

# One closing line that counts the .NET tests, the audit, the browser tests and the benchmarks smoke run together.
read -r passed failed skipped < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$out/dotnet-test.log" \
  | awk '{gsub(",",""); f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
browser_passed=$(awk '/^# pass/ {print $3}' "$out/browser.log")
browser_failed=$(awk '/^# fail/ {print $3}' "$out/browser.log")
echo "$((passed + 2 + browser_passed + bench_passed)) passed, $((failed + browser_failed + bench_failed)) failed, $skipped skipped"
