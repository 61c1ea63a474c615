// The API load run: checks that Roadmap's server and the graphql-js peer give the same answers to three queries,
// then loads each with wrk (same duration, connections and request for both) and writes DIR/api.json.
//   node api.mjs DIR ROADMAP_URL PEER_URL SECONDS CONNECTIONS
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, roadmapUrl, peerUrl, seconds, connections] = process.argv.slice(2);
const q = JSON.parse(readFileSync(join(dir, "queries.json"), "utf8"));
const here = dirname(fileURLToPath(import.meta.url));

const requests = {
  node: {
    query: "query ($id: ID!) { node(id: $id) { id kind nameZh nameEn latestStatus needs { type group to { id nameEn } } neededBy { type group from { id nameEn } } } }",
    variables: { id: q.HighFanIn },
  },
  impact: { query: "query ($id: ID!) { impact(ids: [$id]) { blockedCount atRiskCount } }", variables: { id: q.HighFanIn } },
  search: { query: "query ($text: String!) { search(text: $text, first: 20) { edges { match node { id kind nameEn } } } }", variables: { text: q.SearchText } },
};

// Lists in an answer are compared as sets where the order is not part of the contract (a node's edges).
const normalise = (value, ordered) =>
  Array.isArray(value) ? (ordered ? value.map((v) => normalise(v, ordered)) : value.map((v) => normalise(v, ordered)).map((v) => JSON.stringify(v)).sort())
  : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, ordered)]))
  : value;

let failed = false;
for (const [name, body] of Object.entries(requests)) {
  const answers = [];
  for (const url of [roadmapUrl, peerUrl]) {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok || json.errors) { console.error(`${name} at ${url}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`); failed = true; }
    answers.push(JSON.stringify(normalise(json.data, name === "search")));
  }
  if (answers[0] !== answers[1]) {
    console.error(`${name}: the servers disagree\n  roadmap: ${answers[0].slice(0, 300)}\n  peer:    ${answers[1].slice(0, 300)}`);
    failed = true;
  }
  writeFileSync(join(dir, `request-${name}.json`), JSON.stringify(body));
}
if (failed) process.exit(1);
console.log(`api: both servers agree on ${Object.keys(requests).join(", ")}`);

// Warm-up: both runtimes compile their hot paths (tiered JIT, V8) before anything is measured.
const wrk = (name, url, duration) => JSON.parse(execFileSync("wrk", ["-t1", `-c${connections}`, `-d${duration}s`, "--timeout", "10s", "-s", join(here, "wrk-post.lua"), url],
  { env: { ...process.env, WRK_BODY: join(dir, `request-${name}.json`) }, encoding: "utf8" }).trim().split("\n").at(-1));
const warmup = Math.max(1, Math.round(Number(seconds) / 4));
for (const name of Object.keys(requests)) for (const url of [roadmapUrl, peerUrl]) wrk(name, url, warmup);

const results = { seconds: Number(seconds), connections: Number(connections), warmupSeconds: warmup, queries: {} };
for (const name of Object.keys(requests)) {
  results.queries[name] = {};
  for (const [server, url] of [["roadmap", roadmapUrl], ["graphqljs", peerUrl]]) {
    const run = wrk(name, url, seconds);
    if (run.socketErrors > 0 || run.non2xx > 0) { console.error(`${name} at ${server}: ${JSON.stringify(run)}`); failed = true; }
    results.queries[name][server] = { rps: run.requests / (run.durationUs / 1e6), p50Ms: run.p50Us / 1000, p99Ms: run.p99Us / 1000, requests: run.requests };
  }
  const r = results.queries[name];
  console.log(`  ${name.padEnd(7)} roadmap ${r.roadmap.rps.toFixed(0)} rps, graphql-js ${r.graphqljs.rps.toFixed(0)} rps`);
}
writeFileSync(join(dir, "api.json"), JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
