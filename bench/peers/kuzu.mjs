// The Kuzu peer: loads a generated graph's CSVs into an in-memory Kuzu database, single-threaded, answers the
// benchmark questions in Cypher, writes the answers (to be checked against Roadmap's) and, unless --answers-only,
// times each question: node kuzu.mjs DIR [--answers-only] [--iterations N]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import kuzu from "kuzu";

const dir = process.argv[2];
const answersOnly = process.argv.includes("--answers-only");
const iterationsArg = process.argv.indexOf("--iterations");
const iterations = iterationsArg > 0 ? Number(process.argv[iterationsArg + 1]) : 15;
const q = JSON.parse(readFileSync(join(dir, "queries.json"), "utf8"));

const db = new kuzu.Database(":memory:");
const conn = new kuzu.Connection(db);
const run = async (cypher, params) => {
  const result = params ? await conn.execute(await conn.prepare(cypher), params) : await conn.query(cypher);
  return result.getAll();
};

await run("CALL THREADS=1");
const loadStart = performance.now();
await run("CREATE NODE TABLE Node(id STRING, kind STRING, name_zh STRING, name_en STRING, status STRING, PRIMARY KEY (id))");
await run("CREATE REL TABLE E(FROM Node TO Node, type STRING, grp STRING)");
await run(`COPY Node FROM '${join(dir, "nodes.csv")}' (header=true)`);
await run(`COPY E FROM '${join(dir, "edges.csv")}' (header=true)`);
const loadMs = performance.now() - loadStart;

// The same questions as Roadmap's: SHORTEST gives each node reached within the bound once (breadth-first), as
// Roadmap's reachability does. The graph is a DAG, so the default walk semantics enumerate simple paths.
// Search ranks as Roadmap does: exact name, prefix, word start (every match of a whole word here), length, id.
const rank = (name) => `CASE WHEN lower(${name}) = $t THEN 0 WHEN starts_with(lower(${name}), $t) THEN 1 WHEN contains(lower(${name}), $t) THEN 2 ELSE 9 END * 1000000 + size(${name})`;
const questions = {
  impact: {
    ids: ["MATCH (h:Node {id: $id})<-[:E* SHORTEST 1..8]-(d:Node) RETURN DISTINCT d.id AS x", { id: q.HighFanIn }],
    timed: ["MATCH (h:Node {id: $id})<-[:E* SHORTEST 1..8]-(d:Node) RETURN count(DISTINCT d.id) AS x", { id: q.HighFanIn }],
    set: true,
  },
  dependencies: {
    ids: ["MATCH (r:Node {id: $id})-[:E* SHORTEST 1..6]->(d:Node) RETURN DISTINCT d.id AS x", { id: q.DependencyRoot }],
    timed: ["MATCH (r:Node {id: $id})-[:E* SHORTEST 1..6]->(d:Node) RETURN count(DISTINCT d.id) AS x", { id: q.DependencyRoot }],
    set: true,
  },
  paths: {
    ids: ["MATCH p = (a:Node {id: $from})-[:E*1..8]->(b:Node {id: $to}) RETURN length(p) AS x ORDER BY x LIMIT 10", { from: q.PathFrom, to: q.PathTo }],
    set: false,
  },
  search: {
    ids: [`MATCH (n:Node) WHERE contains(lower(n.name_en), $t) OR contains(lower(n.name_zh), $t)
           WITH n, CASE WHEN ${rank("n.name_en")} < ${rank("n.name_zh")} THEN ${rank("n.name_en")} ELSE ${rank("n.name_zh")} END AS best
           RETURN n.id AS x ORDER BY best, x LIMIT 20`, { t: q.SearchText }],
    set: false,
  },
};

const digest = (items) => createHash("sha256").update(items.join("\n")).digest("hex").slice(0, 16);
const answers = {};
for (const [name, question] of Object.entries(questions)) {
  const rows = (await run(...question.ids)).map((r) => String(r.x));
  const items = question.set ? [...rows].sort() : rows;
  answers[name] = { Count: items.length, Digest: digest(items) };
}

const timings = {};
if (!answersOnly) {
  for (const [name, question] of Object.entries(questions)) {
    const [cypher, params] = question.timed ?? question.ids;
    const statement = await conn.prepare(cypher);
    for (let i = 0; i < 3; i++) await (await conn.execute(statement, params)).getAll();
    const samples = [];
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      await (await conn.execute(statement, params)).getAll();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    timings[name] = { medianMs: samples[Math.floor(samples.length / 2)], p99Ms: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)], iterations };
  }
}

writeFileSync(join(dir, "kuzu.json"), JSON.stringify({ version: kuzu.VERSION ?? "0.11.3", loadMs, answers, timings }, null, 2));
console.log(`kuzu: loaded in ${(loadMs / 1000).toFixed(1)} s; ` + Object.entries(answers).map(([k, v]) => `${k} ${v.Count}`).join(", "));
process.exit(0);
