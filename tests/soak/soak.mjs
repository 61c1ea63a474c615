// A bounded soak: mixed reads and writes against a running server for a fixed time, then a report.
//   node tests/soak/soak.mjs --url http://127.0.0.1:PORT/graphql --key ADMIN_KEY --pid SERVER_PID [--seconds 20] [--connections 4]
// Fails (exit 1) on any error: a non-200 answer, a GraphQL error on an operation that should succeed, or a
// read that finds a dangling edge. Reports requests, p50 and p99 latency, and the server's resident-set growth
// after a warm-up (read from /proc, so the server must run on this machine).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    key: { type: "string" },
    pid: { type: "string" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "4" },
    "max-growth-mb": { type: "string", default: "256" },
  },
});
if (!args.url || !args.key || !args.pid) {
  console.error("usage: soak.mjs --url URL --key ADMIN_KEY --pid SERVER_PID [--seconds N] [--connections N]");
  process.exit(2);
}
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const warmupMs = Math.min(5000, seconds * 200);

const rssMb = () => {
  const status = readFileSync(`/proc/${args.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
};

async function post(query, variables, withKey) {
  const started = performance.now();
  const response = await fetch(args.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(withKey ? { authorization: `Bearer ${args.key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15000),
  });
  const body = await response.json();
  return { status: response.status, body, ms: performance.now() - started };
}

const source = { document: "document:14fyp-medical-equipment", section: "三(二)", quote: "攻关精准放射治疗装备" };
const reads = [
  () => ["query($id: ID!) { node(id: $id) { id needs { to { id nameZh } } neededBy { from { id } } } }", { id: "product:ct" }],
  () => ["query($id: ID!) { dependencies(id: $id, maxDepth: 4) { nodes { id } edges { from { id } to { id } } } }", { id: "product:ct" }],
  () => ["query($id: ID!) { dependents(id: $id, maxDepth: 4) { nodes { id } edges { from { id } to { id } } } }", { id: "component:core-components" }],
  () => ["query { impact(ids: [], assumeGaps: true) { products { node { id } severity } } }", {}],
  () => ["query($t: String!) { search(text: $t, first: 10) { nodes { id nameZh } } }", { t: ["CT", "探测器", "soak", "机器人"][Math.floor(Math.random() * 4)] }],
  () => ["query { bottlenecks(first: 5) { node { id } dependentProducts } }", {}],
];

let sequence = 0;
// One write round per call: create a technology, link a product to it, read it back through the link, delete it with its edge.
async function writeRound(worker, record) {
  const id = `technology:soak-${worker}-${sequence++}`;
  const steps = [
    ["mutation($input: UpsertNodeInput!) { upsertNode(input: $input) { node { id version } revision } }",
      { input: { id, kind: "TECHNOLOGY", nameZh: id, nameEn: id, sources: [source] } }],
    ["mutation($input: UpsertEdgeInput!) { upsertEdge(input: $input) { edge { id version } } }",
      { input: { from: "product:ct", type: "USES_TECHNOLOGY", to: id, sources: [source] } }],
    ["mutation($id: ID!) { addSource(input: { node: { id: $id, source: { document: \"document:14fyp-medical-equipment\", section: \"三(二)\", quote: \"突破多模式高清晰导航\" }, expectedVersion: 1 } }) { node { version } } }", { id }],
    ["mutation($id: ID!) { deleteNode(input: { id: $id, cascade: true }) { deletedNodeId deletedEdgeIds } }", { id }],
  ];
  for (const [query, variables] of steps) {
    const result = await post(query, variables, true);
    writeLatencies.push(result.ms);
    record(result, query);
  }
}

const latencies = [];
const writeLatencies = [];
const errors = [];
let requests = 0;
let writes = 0;
const deadline = Date.now() + seconds * 1000;
let baseline = null;
let peak = 0;

function record(result, what) {
  requests++;
  latencies.push(result.ms);
  const bad = result.status !== 200 || (result.body.errors && result.body.errors.length > 0) || result.body.data == null;
  if (bad && errors.length < 20) errors.push(`${result.status} ${what.slice(0, 60)}: ${JSON.stringify(result.body).slice(0, 300)}`);
  else if (bad) errors.push("…");
}

async function worker(n) {
  while (Date.now() < deadline) {
    try {
      if (Math.random() < 0.2) {
        await writeRound(n, record);
        writes++;
      } else {
        const [query, variables] = reads[Math.floor(Math.random() * reads.length)]();
        record(await post(query, variables, false), query);
      }
    } catch (e) {
      errors.push(`request failed: ${e.message}`);
    }
  }
}

const sampler = setInterval(() => {
  const now = rssMb();
  peak = Math.max(peak, now);
  if (baseline === null && Date.now() >= deadline - seconds * 1000 + warmupMs) baseline = now;
}, 250);
const startRss = rssMb();
await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
clearInterval(sampler);
const endRss = rssMb();
baseline ??= startRss;

latencies.sort((a, b) => a - b);
writeLatencies.sort((a, b) => a - b);
const pctOf = (list, p) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
const pct = (p) => pctOf(latencies, p);
const growth = endRss - baseline;
const report = {
  seconds, connections, requests, writeRounds: writes, errors: errors.length,
  rps: Math.round(requests / seconds),
  p50Ms: Number(pct(50).toFixed(1)), p99Ms: Number(pct(99).toFixed(1)),
  mutationP50Ms: Number(pctOf(writeLatencies, 50).toFixed(1)), mutationP99Ms: Number(pctOf(writeLatencies, 99).toFixed(1)),
  rssMb: { start: Math.round(startRss), afterWarmup: Math.round(baseline), end: Math.round(endRss), peak: Math.round(peak), growthAfterWarmup: Math.round(growth) },
};
console.log(JSON.stringify(report, null, 2));
for (const e of errors.slice(0, 20)) console.error(e);
if (errors.length > 0) { console.error(`soak: ${errors.length} error(s)`); process.exit(1); }
if (growth > Number(args["max-growth-mb"])) { console.error(`soak: resident set grew ${Math.round(growth)} MB after warm-up`); process.exit(1); }
if (writes === 0) { console.error("soak: no write round completed"); process.exit(1); }
console.log("soak: ok");
