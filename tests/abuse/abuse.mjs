// Bad and hostile requests against a running server, anonymous (and some with a wrong key), then a report.
//   node tests/abuse/abuse.mjs --url http://127.0.0.1:PORT/graphql --pid SERVER_PID [--requests 10000] [--connections 8]
// Requires of every answer: no 5xx other than a 503 with a documented code; a JSON body whose errors each carry
// an extensions.code from docs/errors.md; an answer within the execution timeout plus one second. And of the
// server: resident set, after the run, within 1.5x its value after the warm-up. Prints the counts; exits 1 on any
// failure. The requests are generated from a fixed seed, so that a failure can be replayed.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { request as httpRequest, Agent } from "node:http";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    pid: { type: "string" },
    requests: { type: "string", default: "10000" },
    connections: { type: "string", default: "8" },
    "timeout-ms": { type: "string", default: "11000" },
    seed: { type: "string", default: "19" },
  },
});
if (!args.url || !args.pid) {
  console.error("usage: abuse.mjs --url URL --pid SERVER_PID [--requests N] [--connections N]");
  process.exit(2);
}
const url = new URL(args.url);
const total = Number(args.requests);
const timeoutMs = Number(args["timeout-ms"]);
const codes = new Set([...readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8").matchAll(/^\| `([A-Z_]+)` \|/gm)].map(m => m[1]));
const documented503 = new Set(["GRAPH_NOT_READY", "STORE_UNAVAILABLE", "STORE_WRITE_FAILED"]);
const maxBody = 64 * 1024;

// A small deterministic generator (mulberry32).
let state = Number(args.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = list => list[int(0, list.length - 1)];
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join(" ");
const json = body => Buffer.from(JSON.stringify(body));
const fit = (make, n) => {
  // The largest document of this shape under the body limit: bombs that get past the size check.
  let body = make(n);
  while (body.length > maxBody && n > 1) body = make(n = Math.floor(n * 0.8));
  return body;
};
const valid = ["{ stats { nodeCount edgeCount } }", "{ node(id: \"product:ct\") { id nameZh needs { to { id } } } }",
  "{ search(text: \"CT\") { nodes { id } } }", "{ nodes(first: 5) { totalCount edges { cursor } } }"];
const utf8 = s => Buffer.from(s, "utf8");
const badBytes = [[0xff], [0xc0, 0xaf], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const surrogates = ["\\ud800", "\\udfff", "\\ud800\\u0041", "\\udc00\\ud800"];
const fields = ["query", "variables", "operationName", "extensions"];

// Each shape returns a request: method, path, headers, body.
const post = (body, headers = {}) => ({ method: "POST", path: url.pathname, headers: { "content-type": "application/json", ...headers }, body });
const shapes = {
  garbledJson: () => {
    const text = JSON.stringify({ query: pick(valid), variables: { a: int(0, 9) } });
    const cut = int(0, text.length - 1);
    return post(utf8(pick([text.slice(0, cut), text.slice(cut), text.replace(/[{}":,]/, pick(["", "'", "}", "[", "\\"])),
      "{\"query\":", "{\"query\":\"{ stats { nodeCount } }\",}", "\u0000", "", "[]", "null", "1e999999", "{".repeat(int(1, 5000))])));
  },
  badBytes: () => {
    const field = pick(fields);
    const bad = Buffer.from(pick(badBytes));
    const value = field === "query" ? ["{\"query\":\"{ stats { nodeCount } } #", "\"}"]
      : field === "operationName" ? ["{\"query\":\"{ stats { nodeCount } }\",\"operationName\":\"", "\"}"]
      : [`{"query":"{ stats { nodeCount } }","${field}":{"a":"`, "\"}}"];
    return post(Buffer.concat([utf8(value[0]), bad, utf8(value[1])]));
  },
  loneSurrogate: () => {
    const field = pick(fields);
    const s = pick(surrogates);
    const body = field === "query" ? `{"query":"{ stats { nodeCount } } #${s}"}`
      : field === "operationName" ? `{"query":"{ stats { nodeCount } }","operationName":"${s}"}`
      : `{"query":"{ stats { nodeCount } }","${field}":{"a":"${s}"}}`;
    return random() < 0.8 ? post(utf8(body))
      : { method: "GET", path: `${url.pathname}?query=${encodeURIComponent("{ stats { nodeCount } }")}&${pick(["variables", "extensions"])}=${encodeURIComponent(`{"a":"${s}"}`)}`, headers: {} };
  },
  wrongTypes: () => post(json(pick([{ query: int(0, 99) }, { query: ["{ stats { nodeCount } }"] }, { query: null }, { query: {} },
    { query: pick(valid), variables: "x" }, { query: pick(valid), variables: [1] }, { query: pick(valid), operationName: 7 },
    { query: pick(valid), extensions: "x" }, { query: "query($n: Int!) { nodes(first: $n) { totalCount } }", variables: { n: pick(["a", 1.5, 2 ** 40, null, [1]]) } },
    { query: `{ search(text: ${JSON.stringify(pick(["\u0000", "a\u0000", "😀".repeat(201), " ", "x".repeat(5000)]))}) { nodes { id } } }` },
    { query: `{ nodes(after: ${JSON.stringify(Buffer.from(pick(["node:2147483647", "node:-1", "node:+1", "node:99999999999", "x"])).toString("base64"))}) { totalCount } }` },
    { query: `{ dependencies(id: "product:ct", maxDepth: ${pick([-1, 0, 11, 2 ** 31 - 1])}) { truncated } }` }]))),
  aliasBomb: () => {
    const sameAlias = random() < 0.5;
    return post(fit(n => json({ query: `{${times(n, i => `${sameAlias ? "n" : `n${i}`}:node(id:"x${i}"){id}`)}}` }), int(100, 3000)));
  },
  fieldBomb: () => random() < 0.5
    ? post(fit(n => json({ query: `{ stats { ${times(n, () => "nodeCount")} } }` }), int(1000, 12000)))
    : (k => post(json({ query: `{ node(id: "product:ct") { ${"needs { to { ".repeat(k)}id${" } }".repeat(k)} } }` })))(int(5, 200)),
  fragmentBomb: () => random() < 0.5
    ? post(fit(n => json({ query: `{${times(n, i => `...F${i}`)}} ${times(n, i => `fragment F${i} on Query{stats{nodeCount}}`)}` }), int(200, 1400)))
    : post(fit(n => json({ query: `{${times(n, () => "...F")}} fragment F on Query { stats { nodeCount } }` }), int(200, 9000))),
  introspectionBomb: () => post(fit(n => json({ query: `{${times(n, i => `a${i}:__schema{...F}`)}} fragment F on __Schema { types { name fields { name type { name ofType { name } } } } }` }), int(20, 3300))),
  exportBomb: () => post(fit(n => json({ query: `{${times(n, i => `e${i}:dependents(id:"technology:novel-imaging"){export(format:${pick(["GRAPHML", "MERMAID", "CSV"])})}`)}}` }), int(15, 600))),
  mutationWithoutKey: () => post(json({ query: pick([
    "mutation { upsertNode(input: { id: \"technology:abuse\", kind: TECHNOLOGY, nameZh: \"滥用\", nameEn: \"abuse\" }) { node { id } } }",
    "mutation { deleteNode(input: { id: \"product:ct\", cascade: true }) { deletedNodeId } }"]) }),
    random() < 0.5 ? {} : { authorization: `Bearer ${pick(["rk_wrong", "rk_" + "A".repeat(43), "", "Basic x"])}` }),
  httpOddities: () => pick([
    { method: "PUT", path: url.pathname, headers: {}, body: utf8("{}") },
    { method: "POST", path: url.pathname, headers: { "content-type": "text/plain" }, body: utf8("{ stats { nodeCount } }") },
    { method: "POST", path: url.pathname, headers: { "content-type": "application/json", accept: "text/html" }, body: json({ query: pick(valid) }) },
    { method: "GET", path: `${url.pathname}?query=${encodeURIComponent("mutation { deleteNode(input: { id: \"product:ct\" }) { deletedNodeId } }")}`, headers: {} },
    { method: "GET", path: `${url.pathname}?query=%FF%FE`, headers: {} },
    { method: "POST", path: url.pathname, headers: { "content-type": "application/json" }, body: Buffer.alloc(maxBody + int(1, 1000), 0x20) },
  ]),
  valid: () => post(json({ query: pick(valid) })),
};
// Weights: the cheap shapes most often, the bombs often enough to matter.
const plan = Object.entries({ garbledJson: 14, badBytes: 14, loneSurrogate: 10, wrongTypes: 14, aliasBomb: 6, fieldBomb: 5, fragmentBomb: 6,
  introspectionBomb: 5, exportBomb: 4, mutationWithoutKey: 8, httpOddities: 8, valid: 6 });
const weightSum = plan.reduce((s, [, w]) => s + w, 0);
const nextShape = () => {
  let r = random() * weightSum;
  for (const [name, weight] of plan) if ((r -= weight) < 0) return name;
  return "valid";
};

const agent = new Agent({ keepAlive: true, maxSockets: Number(args.connections) });
function send({ method, path, headers, body }) {
  return new Promise(resolve => {
    const started = performance.now();
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, agent, timeout: timeoutMs + 5000,
      headers: { accept: "application/graphql-response+json", ...headers, ...(body ? { "content-length": body.length } : {}) } }, res => {
      const chunks = [];
      res.on("data", c => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
      res.on("error", e => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", e => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
    if (body) req.end(body); else req.end();
  });
}

// What is wrong with an answer, or null.
function check(shape, answer) {
  if (answer.status === 0) return `no answer: ${answer.body}`;
  if (answer.ms > timeoutMs) return `took ${Math.round(answer.ms)} ms`;
  let parsed;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return `status ${answer.status}, body not JSON: ${answer.body.slice(0, 120)}`;
  }
  const errors = parsed.errors ?? [];
  if (!("data" in parsed) && errors.length === 0) return `status ${answer.status}: neither data nor errors`;
  for (const error of errors) {
    const code = error?.extensions?.code;
    if (!codes.has(code)) return `status ${answer.status}: an error without a catalogued code: ${JSON.stringify(error).slice(0, 200)}`;
    // Coded, but a fault of the service: a hostile request must be refused for what it is.
    if (code === "INTERNAL") return `status ${answer.status}: INTERNAL: ${error.message}`;
  }
  if (answer.status >= 500 && !(answer.status === 503 && errors.length > 0 && documented503.has(errors[0].extensions.code))) {
    return `status ${answer.status}: ${answer.body.slice(0, 200)}`;
  }
  // Bombs within the limits are served, as they should be; these shapes can never be.
  if (["badBytes", "loneSurrogate", "mutationWithoutKey"].includes(shape) && errors.length === 0) return `status ${answer.status}: answered without an error`;
  return null;
}

const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${args.pid}/status`, "utf8"))[1]) / 1024;
const byShape = {};
const byStatus = {};
const byCode = {};
const failures = [];
let slowest = { ms: 0 };
async function run(count, record) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const shape = nextShape();
      const request = shapes[shape]();
      const answer = await send(request);
      if (!record) continue;
      byShape[shape] = (byShape[shape] ?? 0) + 1;
      byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
      try {
        for (const e of JSON.parse(answer.body).errors ?? []) byCode[e?.extensions?.code] = (byCode[e?.extensions?.code] ?? 0) + 1;
      } catch {
        // Counted as a failure by check.
      }
      if (answer.ms > slowest.ms) slowest = { ms: answer.ms, shape };
      const problem = check(shape, answer);
      if (problem) failures.push({ shape, problem, request: `${request.method} ${request.path} ${request.body ? request.body.subarray(0, 160).toString("latin1") : ""}` });
    }
  };
  await Promise.all(Array.from({ length: Number(args.connections) }, worker));
}

const started = performance.now();
// A long enough warm-up that the heap has grown to its working size before the baseline is taken.
await run(3000, false);
const rssStart = rssMb();
await run(total, true);
const seconds = (performance.now() - started) / 1000;
// Give the collector a moment: what is measured is whether memory comes back, not how fast.
let rssEnd = rssMb();
for (let i = 0; i < 20 && rssEnd > rssStart * 1.5; i++) {
  await new Promise(r => setTimeout(r, 500));
  rssEnd = rssMb();
}
agent.destroy();

const sorted = o => Object.fromEntries(Object.entries(o).sort((a, b) => b[1] - a[1]));
console.log(`abuse: ${total} requests in ${seconds.toFixed(1)} s over ${args.connections} connections (after a 3,000-request warm-up)`);
console.log(`  by shape:  ${JSON.stringify(sorted(byShape))}`);
console.log(`  by status: ${JSON.stringify(sorted(byStatus))}`);
console.log(`  by code:   ${JSON.stringify(sorted(byCode))}`);
console.log(`  slowest:   ${Math.round(slowest.ms)} ms (${slowest.shape}); limit ${timeoutMs} ms`);
console.log(`  resident:  ${rssStart.toFixed(0)} MB after the warm-up, ${rssEnd.toFixed(0)} MB after the run (limit ${(rssStart * 1.5).toFixed(0)} MB)`);
if (rssEnd > rssStart * 1.5) failures.push({ shape: "-", problem: `resident set ${rssEnd.toFixed(0)} MB, more than 1.5x ${rssStart.toFixed(0)} MB`, request: "" });
for (const f of failures.slice(0, 20)) console.log(`  FAIL ${f.shape}: ${f.problem}\n       ${f.request}`);
console.log(failures.length === 0 ? "abuse: passed" : `abuse: ${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
