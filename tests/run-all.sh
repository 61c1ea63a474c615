#!/usr/bin/env bash
# The test command: everything CI runs, on a fresh machine.
#   1. the .NET tests of every tier, unfiltered (unit, seed validation, API through an in-memory host, the CLI and
#      the kill-during-writes test as processes; see tests/README.md);
#   2. the GraphQL-over-HTTP audit (graphql-http) against the real server started on 127.0.0.1, graphql-codegen
#      typing every example document of README.md and docs/ against that server's schema, and the schema downloads
#      of get-graphql-schema and Strawberry Shake (tests/codegen/introspection.mjs);
#   3. the explorer in Debian's Chromium, driven by playwright-core, against the same server;
#   4. a short soak: mixed reads and writes with an API key against a second server, which must show no error, then
#      the change feed there with the real clients (tests/subscriptions: graphql-sse and graphql-ws);
#   4b. the abuse suite (tests/abuse): 10,000 generated bad and hostile requests against a third server: no 5xx but a
#      documented 503, every error coded, none INTERNAL, none slower than the execution timeout plus 1 s, memory back;
#   5. the benchmarks' smoke run (bench/run.sh --smoke): Roadmap's engine, SQLite and Kuzu, and Roadmap's server and
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
# start_api PORT DATABASE [SETTINGS...]: the built API on 127.0.0.1, in the background; waits until it is ready.
start_api() {
  local port=$1 db=$2; shift 2
  dotnet src/Roadmap.Api/bin/Release/net10.0/Roadmap.Api.dll --urls "http://127.0.0.1:$port" \
    --Seeds:Path="$root/seeds" --Store:Embedded:DatabasePath="$db" "$@" > "$out/api-$port.log" 2>&1 &
  api_pid=$!
  pids="${pids:-} $api_pid"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && return 0
    kill -0 "$api_pid" 2>/dev/null || { cat "$out/api-$port.log"; echo "the API exited before it was ready"; exit 1; }
    sleep 0.5
  done
  cat "$out/api-$port.log"; echo "the API never became ready"; exit 1
}
trap 'kill ${pids:-} 2>/dev/null || true' EXIT
port=$(( 20000 + RANDOM % 20000 ))
start_api "$port" "$(mktemp -d)/roadmap.db"
node tests/http-audit/audit.mjs "http://127.0.0.1:$port/graphql"

echo "== graphql-codegen over every example document"
# Counted as one check: types for every README and docs example, generated against the running server's schema.
(cd tests/codegen && npm ci --no-audit --no-fund --silent)
node tests/codegen/codegen.mjs "http://127.0.0.1:$port/graphql" "$out/codegen"

echo "== schema downloads: get-graphql-schema and Strawberry Shake's introspection"
# Counted as one check: both tools' requests against the running server, each schema checked against the committed SDL.
node tests/codegen/introspection.mjs "http://127.0.0.1:$port/graphql" "$out/introspection"

echo "== explorer in Chromium"
if ! command -v chromium > /dev/null || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk > /dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)
ROADMAP_URL="http://127.0.0.1:$port" SCREENSHOTS="$out/screenshots/" node --test tests/browser/explorer.test.mjs 2>&1 | tee "$out/browser.log"

echo "== soak: mixed reads and writes"
# A key made as an operator would make one; the server is given its hash only.
key_output=$(dotnet src/Roadmap.Cli/bin/Release/net10.0/roadmap.dll key new --name soak --role admin)
soak_key=$(grep -Eo 'rk_[A-Za-z0-9_-]{43}' <<< "$key_output")
soak_hash=$(grep -Eo 'sha256:[0-9a-f]{64}' <<< "$key_output")
soak_port=$(( port + 1 ))
start_api "$soak_port" "$(mktemp -d)/roadmap.db" --GraphQL:RequestsPerMinute=0 --Auth:RequestsPerMinutePerKey=0 \
  --Auth:Keys:0:Name=soak --Auth:Keys:0:Role=admin --Auth:Keys:0:Hash="$soak_hash"
soak_failed=0
node tests/soak/soak.mjs --url "http://127.0.0.1:$soak_port/graphql" --key "$soak_key" --pid "$api_pid" \
  --seconds "${SOAK_SECONDS:-20}" 2>&1 | tee "$out/soak.log" || soak_failed=1

echo "== change feed: graphql-sse and graphql-ws against the soak's server"
(cd tests/subscriptions && npm ci --no-audit --no-fund --silent)
feed_failed=0
node tests/subscriptions/feed.mjs --url "http://127.0.0.1:$soak_port/graphql" --key "$soak_key" 2>&1 | tee "$out/feed.log" || feed_failed=1


echo "== abuse: generated bad and hostile requests"
abuse_port=$(( port + 2 ))
start_api "$abuse_port" "$(mktemp -d)/roadmap.db" --GraphQL:RequestsPerMinute=0 --Auth:RequestsPerMinutePerKey=0
(cd tests/abuse && npm ci --no-audit --no-fund --silent)
abuse_failed=0
node tests/abuse/abuse.mjs --url "http://127.0.0.1:$abuse_port/graphql" --pid "$api_pid" 2>&1 | tee "$out/abuse.log" || abuse_failed=1

echo "== benchmarks smoke run (answers checked across engines and servers)"
# Counted as one check; its output is kept in .ci/out/bench-smoke.log and shown only when it fails.
# The servers above are stopped first: the smoke run loads servers of its own on the same two cores.
kill ${pids:-} 2>/dev/null || true
bench_passed=0; bench_failed=0
if bench/run.sh --smoke > "$out/bench-smoke.log" 2>&1; then
  bench_passed=1; tail -n 1 "$out/bench-smoke.log"
else
  bench_failed=1; tail -n 30 "$out/bench-smoke.log"; echo "the benchmarks smoke run failed"
fi

# One closing line that counts the .NET tests, the audit, codegen, the browser tests, the soak, the change feed, the abuse suite and the benchmarks smoke run.
read -r passed failed skipped < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$out/dotnet-test.log" \
  | awk '{gsub(",",""); f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
browser_passed=$(awk '/^# pass/ {print $3}' "$out/browser.log")
browser_failed=$(awk '/^# fail/ {print $3}' "$out/browser.log")
echo "$((passed + 4 + browser_passed + 1 - soak_failed + 1 - feed_failed + 1 - abuse_failed + bench_passed)) passed, $((failed + browser_failed + soak_failed + feed_failed + abuse_failed + bench_failed)) failed, $skipped skipped"
[ "$soak_failed" = 0 ] && [ "$feed_failed" = 0 ] && [ "$abuse_failed" = 0 ] && [ "$bench_failed" = 0 ]
