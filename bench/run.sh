#!/usr/bin/env bash
# Benchmarks against peers, one command: generates roadmaps of 10k, 100k and 1M nodes, checks that Roadmap's engine,
# SQLite and Kuzu give the same answers (and the Roadmap server and the graphql-js peer too), times the engine and
# SQLite with BenchmarkDotNet and Kuzu single-threaded, loads both servers with wrk, and writes BENCHMARKS.md with
# bench/results/ (chart, raw JSON).
#   bench/run.sh            the full run, about 30-40 minutes on 2 cores
#   bench/run.sh --smoke    10k nodes: every answer check, 2 s of load per query, no BenchmarkDotNet; a few minutes
#   bench/run.sh --scale 10m  the full run plus a 10M-node graph (about 9 GB on disk, 6-7 GB of memory to generate):
#                           its answers checked, the server's start and memory, Stopwatch timings beside Kuzu's
# Generated graphs are kept in $ROADMAP_BENCH_WORK (default /tmp/roadmap-bench) and reused when size and seed match.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

smoke=false; extra_scales=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=true ;;
    --scale) [ "${2:-}" = 10m ] || { echo "--scale takes 10m" >&2; exit 2; }; extra_scales+=("$2"); shift ;;
    *) echo "usage: bench/run.sh [--smoke] [--scale 10m]" >&2; exit 2 ;;
  esac
  shift
done
if $smoke && [ ${#extra_scales[@]} -gt 0 ]; then echo "--smoke runs 10k alone" >&2; exit 2; fi
seed=20261122
work=${ROADMAP_BENCH_WORK:-/tmp/roadmap-bench}
if $smoke; then
  scales=(10k); load_seconds=2; connections=8; results=$work/smoke-results
else
  scales=(10k 100k 1m); load_seconds=10; connections=16; results=$root/bench/results
fi
# BenchmarkDotNet times the default scales; a 10M graph is timed by Stopwatch in the process that loaded it
# (Roadmap.Bench answers --time), as is 1M beside it, for the ratio of each traversal at 10M to its time at 1M.
bdn_scales=("${scales[@]}")
if [ ${#extra_scales[@]} -gt 0 ]; then scales+=("${extra_scales[@]}"); fi
declare -A nodes_of=([10k]=10000 [100k]=100000 [1m]=1000000 [10m]=10000000)
stopwatch_runs() { # SCALE → Stopwatch runs per question, none when BenchmarkDotNet alone times the scale
  case "$1" in
    10m) echo 5 ;;
    1m) [ ${#extra_scales[@]} -gt 0 ] && echo 5 || echo 0 ;;
    *) echo 0 ;;
  esac
}
mkdir -p "$work" "$results"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

say() { echo "== $*"; }
quiet() { # runs a command, showing its output only when it fails
  local log; log=$(mktemp)
  if ! "$@" > "$log" 2>&1; then cat "$log"; rm -f "$log"; return 1; fi
  rm -f "$log"
}

say "install and build"
if ! command -v wrk > /dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk > /dev/null
fi
(cd bench/peers && quiet npm ci --no-audit --no-fund)
(cd bench/peers && node -e 'require("kuzu")') || (cd bench/peers && quiet npm rebuild kuzu)
quiet dotnet build bench/Roadmap.Bench -c Release -nologo
quiet dotnet build src/Roadmap.Api -c Release -nologo -p:SkipExplorer=true
bench="dotnet $root/bench/Roadmap.Bench/bin/Release/net10.0/Roadmap.Bench.dll"
api_dir=$root/src/Roadmap.Api/bin/Release/net10.0

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_ready() { # STARTED URL PID [MINUTES] → prints milliseconds until URL answers 200
  local started=$1 url=$2 pid=$3 minutes=${4:-3}
  for _ in $(seq 1 $(( minutes * 600 ))); do
    curl -sf "$url" > /dev/null 2>&1 && { echo $(( $(now_ms) - started )); return 0; }
    kill -0 "$pid" 2>/dev/null || { echo "the server exited before it was ready" >&2; return 1; }
    sleep 0.1
  done
  echo "the server was not ready in $minutes minutes" >&2; return 1
}

first_start() { # SCALE PORT MINUTES → prints milliseconds to ready from the rows; waits for the snapshot it writes
  local scale=$1 port=$2 minutes=$3 data=$work/$1 started pid ms
  $bench drop-snapshot "$data"
  started=$(now_ms)
  (cd "$api_dir" && exec dotnet Roadmap.Api.dll --urls "http://127.0.0.1:$port" --Store:Embedded:DatabasePath="$data/graph.db" \
    --Store:Embedded:SeedImport=Never --GraphQL:RequestsPerMinute=0) > "$work/api-$scale-rows.log" 2>&1 &
  pid=$!; pids+=("$pid")
  ms=$(wait_ready "$started" "http://127.0.0.1:$port/health/ready" "$pid" "$minutes") || { tail -20 "$work/api-$scale-rows.log" >&2; return 1; }
  for _ in $(seq 1 $(( minutes * 600 ))); do
    grep -q "Wrote the read model's snapshot" "$work/api-$scale-rows.log" && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/api-$scale-rows.log" >&2; return 1; }
    sleep 0.1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms"
}
first_bottlenecks_ms() { # PORT → milliseconds the first bottlenecks query takes after a start
  # One other query first, so that the figure is the ranking's and not the first request's warm-up.
  curl -sf -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ stats { nodeCount } }"}' "http://127.0.0.1:$1/graphql"
  curl -sf -o /dev/null -w '%{time_total}' -X POST -H 'content-type: application/json' \
    -d '{"query":"{ bottlenecks(first: 20) { node { id } } }"}' "http://127.0.0.1:$1/graphql" | awk '{ printf "%d", $1 * 1000 }'
}

# A kept graph is reused only when it was generated from the same seeds by the same code (the generator, and the
# model and SQLite file layout it writes), so a changed schema never meets an old file.
# What decides a generated file's content: the generator, the model records, their JSON, the seeds. (Not the read
# model or the store, which change often and only read the file; a 10M graph takes an hour to draw.)
code=$(ls bench/Roadmap.Bench/SyntheticRoadmap.cs bench/Roadmap.Bench/Program.cs src/Roadmap.Core/Graph/{Node,Edge,Kinds,GraphData,SharedStringConverter}.cs \
  src/Roadmap.Core/Storage/GraphJson.cs seeds/graph/*.yaml | sort | xargs cat | sha256sum | cut -c1-16)

for scale in "${scales[@]}"; do
  data=$work/$scale
  say "$scale: generate"
  if [ "$(cat "$data/generated-with" 2>/dev/null)" != "${nodes_of[$scale]} $seed $code" ]; then
    $bench generate "${nodes_of[$scale]}" "$seed" "$data"
    echo "${nodes_of[$scale]} $seed $code" > "$data/generated-with"
  fi

  say "$scale: answers (Roadmap, SQLite, Kuzu) must agree"
  runs=$(stopwatch_runs "$scale")
  if [ "$runs" -gt 0 ]; then $bench answers "$data" --time "$runs"; else rm -f "$data/stopwatch.json"; $bench answers "$data"; fi
  if $smoke; then node bench/peers/kuzu.mjs "$data" --answers-only
  elif [ "$scale" = 10m ]; then
    # Kuzu's in-memory loader may not cope with 10M nodes; what happened is reported instead of failing the run.
    if node bench/peers/kuzu.mjs "$data" --iterations 5 > "$work/kuzu-$scale.log" 2>&1; then cat "$work/kuzu-$scale.log"
    else
      status=$?; cat "$work/kuzu-$scale.log"
      why=$( (grep -m1 -iE 'error|exception' "$work/kuzu-$scale.log" || true) | cut -c1-300)
      node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ failed: process.argv[2] }))' "$data/kuzu.json" \
        "exit status $status${why:+: $why}"
    fi
  else node bench/peers/kuzu.mjs "$data"; fi
  node -e '
    const kuzu = require(process.argv[2]);
    if (kuzu.failed) { console.log("  Kuzu did not answer: " + kuzu.failed); process.exit(0); }
    const [a, k] = [require(process.argv[1]).roadmap, kuzu.answers];
    // Kuzu answers the traversal questions; the list questions are checked against SQLite above.
    const asked = Object.keys(k);
    const bad = asked.filter((q) => JSON.stringify(a[q]) !== JSON.stringify(k[q]));
    if (bad.length) { console.error("Roadmap and Kuzu disagree on " + bad.map((q) => `${q}: ${JSON.stringify(a[q])} vs ${JSON.stringify(k[q])}`).join("; ")); process.exit(1); }
    console.log("  Kuzu agrees on " + asked.join(", "));' "$data/answers.json" "$data/kuzu.json"

  port=$(( 20000 + RANDOM % 20000 )); peer_port=$(( port + 1 ))
  if [ "$scale" = 10m ]; then
    # The start and the memory only: the graphql-js peer reads each CSV as one string, which at 10M is past V8's
    # longest string, so there is no peer to load beside, and the load run is the default scales'.
    say "$scale: first start (from the rows; it writes the snapshot)"
    rows_ready=$(first_start "$scale" "$port" 30)
    say "$scale: server start and memory"
    started=$(now_ms)
    (cd "$api_dir" && exec dotnet Roadmap.Api.dll --urls "http://127.0.0.1:$port" --Store:Embedded:DatabasePath="$data/graph.db" \
      --Store:Embedded:SeedImport=Never --GraphQL:RequestsPerMinute=0) > "$work/api-$scale.log" 2>&1 &
    api=$!; pids+=("$api")
    ready=$(wait_ready "$started" "http://127.0.0.1:$port/health/ready" "$api" 30) || { tail -20 "$work/api-$scale.log"; exit 1; }
    first_bottlenecks=$(first_bottlenecks_ms "$port")
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$api/status")
    kill "$api"; wait "$api" 2>/dev/null || true
    echo "{\"roadmapRssKb\": $rss, \"roadmapReadyMs\": $ready, \"roadmapRowsReadyMs\": $rows_ready, \"firstBottlenecksMs\": $first_bottlenecks, \"rssAfter\": \"ready\"}" > "$data/server.json"
    echo "  Roadmap server: ready in $ready ms, $(( rss / 1024 )) MB resident once ready"
    rm -rf "$results/$scale"; mkdir -p "$results/$scale"
    cp "$data"/{shape,queries,answers,kuzu,server,stopwatch}.json "$results/$scale/"
    continue
  fi

  say "$scale: first start (from the rows; it writes the snapshot)"
  rows_ready=$(first_start "$scale" "$port" 3)

  say "$scale: API load run"
  started=$(now_ms)
  # From its own directory, so that its appsettings.json (request logging at Warning) applies as when deployed.
  (cd "$api_dir" && exec dotnet Roadmap.Api.dll --urls "http://127.0.0.1:$port" --Store:Embedded:DatabasePath="$data/graph.db" \
    --Store:Embedded:SeedImport=Never --GraphQL:RequestsPerMinute=0) > "$work/api-$scale.log" 2>&1 &
  api=$!; pids+=("$api")
  ready=$(wait_ready "$started" "http://127.0.0.1:$port/health/ready" "$api") || { tail -20 "$work/api-$scale.log"; exit 1; }
  grep -q "Loaded the read model from its snapshot" "$work/api-$scale.log" || { echo "the second start did not read the snapshot" >&2; tail -20 "$work/api-$scale.log"; exit 1; }
  first_bottlenecks=$(first_bottlenecks_ms "$port")
  started=$(now_ms)
  node bench/peers/graphql-server.mjs "$data" "$peer_port" > "$work/peer-$scale.log" 2>&1 &
  peer=$!; pids+=("$peer")
  peer_ready=$(wait_ready "$started" "http://127.0.0.1:$peer_port/health/ready" "$peer") || { tail -20 "$work/peer-$scale.log"; exit 1; }
  node bench/peers/api.mjs "$data" "http://127.0.0.1:$port/graphql" "http://127.0.0.1:$peer_port/graphql" "$load_seconds" "$connections"
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$api/status"); peer_rss=$(awk '/VmRSS/ {print $2}' "/proc/$peer/status")
  kill "$api" "$peer"; wait "$api" "$peer" 2>/dev/null || true
  echo "{\"roadmapRssKb\": $rss, \"roadmapReadyMs\": $ready, \"roadmapRowsReadyMs\": $rows_ready, \"firstBottlenecksMs\": $first_bottlenecks, \"peerRssKb\": $peer_rss, \"peerReadyMs\": $peer_ready, \"rssAfter\": \"load run\"}" > "$data/server.json"
  echo "  Roadmap server: ready in $ready ms from the snapshot ($rows_ready ms from the rows), first bottlenecks query $first_bottlenecks ms, $(( rss / 1024 )) MB resident after load"

  rm -rf "$results/$scale"; mkdir -p "$results/$scale"
  cp "$data"/{shape,queries,answers,kuzu,api,server}.json "$results/$scale/"
  if [ -f "$data/stopwatch.json" ]; then cp "$data/stopwatch.json" "$results/$scale/"; fi
done

if $smoke; then
  say "smoke run passed: every engine and both servers agree"
  exit 0
fi

say "engine and SQLite: BenchmarkDotNet"
rm -rf "$results/bdn"
ROADMAP_BENCH_DATA=$work ROADMAP_BENCH_SCALES=$(IFS=,; echo "${bdn_scales[*]}") \
  $bench --filter '*ScaleBenchmarks*' '*EditBenchmarks*' '*ScenarioBenchmarks*' --exporters json --artifacts "$results/bdn" > "$work/bdn.log" 2>&1 \
  || { tail -40 "$work/bdn.log"; exit 1; }
grep -A40 "^| Method" "$work/bdn.log" | head -60 || true

say "report"
scales_json=$(printf '"%s",' "${scales[@]}")
cat > "$results/machine.json" <<EOF
{
  "date": "$(date -u +%Y-%m-%d)",
  "cpu": "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)",
  "cores": "$(nproc)",
  "memory": "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)",
  "os": "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)",
  "dotnet": "$(dotnet --version)",
  "node": "$(node --version)",
  "kuzu": "$(node -p 'require("./bench/peers/node_modules/kuzu/package.json").version')",
  "sqlite": "$($bench sqlite-version)",
  "wrk": "$(wrk --version 2>&1 | head -1 | awk '{print $2}')",
  "scales": [${scales_json%,}]
}
EOF
$bench report "$results" "$root/BENCHMARKS.md"
