// The API peer: graphql-js served by graphql-http on node's http server, over a generated graph's CSVs held in
// flat arrays, answering the three load-run queries with Roadmap's semantics (node with its edges, impact with
// blocked/at-risk counts, ranked search). Listens on 127.0.0.1 only: node graphql-server.mjs DIR PORT
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { createHandler } from "graphql-http/lib/use/http";

const [dir, port] = [process.argv[2], Number(process.argv[3])];
const screaming = (s) => s.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
const rows = (file) => readFileSync(join(dir, file), "utf8").split("\n").slice(1).filter((l) => l.length > 0).map((l) => l.split(","));

const nodeRows = rows("nodes.csv");
const n = nodeRows.length;
const ids = new Array(n), kinds = new Array(n), nameZh = new Array(n), nameEn = new Array(n), status = new Array(n);
const lowerZh = new Array(n), lowerEn = new Array(n);
const indexOf = new Map();
nodeRows.forEach(([id, kind, zh, en, st], i) => {
  ids[i] = id; kinds[i] = screaming(kind); nameZh[i] = zh; nameEn[i] = en; status[i] = st ? screaming(st) : null;
  lowerZh[i] = zh.toLowerCase(); lowerEn[i] = en.toLowerCase();
  indexOf.set(id, i);
});

const edgeRows = rows("edges.csv");
const m = edgeRows.length;
const edgeFrom = new Int32Array(m), edgeTo = new Int32Array(m), edgeType = new Array(m), edgeGroup = new Array(m);
edgeRows.forEach(([from, to, type, grp], e) => {
  edgeFrom[e] = indexOf.get(from); edgeTo[e] = indexOf.get(to); edgeType[e] = screaming(type); edgeGroup[e] = grp || null;
});
// Compressed adjacency both ways: the edges of v are edges[offsets[v] .. offsets[v + 1]).
const adjacency = (owner) => {
  const offsets = new Int32Array(n + 1), edges = new Int32Array(m);
  for (let e = 0; e < m; e++) offsets[owner[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  for (let e = 0; e < m; e++) edges[fill[owner[e]]++] = e;
  return { offsets, edges };
};
const out = adjacency(edgeFrom), back = adjacency(edgeTo);
// Alternative groups: one slot per (node, group).
const groupSlot = new Int32Array(m).fill(-1), groupSizes = [];
{
  const slots = new Map();
  for (let e = 0; e < m; e++) {
    if (edgeGroup[e] === null) continue;
    const key = `${edgeFrom[e]}\u0000${edgeGroup[e]}`;
    if (!slots.has(key)) { slots.set(key, groupSizes.length); groupSizes.push(0); }
    groupSlot[e] = slots.get(key);
    groupSizes[groupSlot[e]]++;
  }
}
const coverCount = new Int32Array(n);
for (let e = 0; e < m; e++) if (edgeType[e] === "TARGETS" || edgeType[e] === "INCLUDES") coverCount[edgeFrom[e]]++;

// Roadmap's blocking rules (Analytics.BlockedMarks): hard requirements block, a variant is blocked by its general node's
// needs (not its judgement), a group when every alternative is, a program when everything it targets or includes is.
function blocked(gaps) {
  const isBlocked = new Uint8Array(n), isGap = new Uint8Array(n);
  const groupLeft = Int32Array.from(groupSizes), coverLeft = Int32Array.from(coverCount);
  const queue = [];
  for (const g of gaps) if (!isBlocked[g]) { isBlocked[g] = isGap[g] = 1; queue.push(g); }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (let i = back.offsets[u]; i < back.offsets[u + 1]; i++) {
      const e = back.edges[i], v = edgeFrom[e];
      if (isBlocked[v]) continue;
      const type = edgeType[e];
      const blocks = type === "VARIANT_OF" ? !isGap[u]
        : type === "TARGETS" || type === "INCLUDES" ? --coverLeft[v] === 0
        : groupSlot[e] >= 0 ? --groupLeft[groupSlot[e]] === 0
        : true;
      if (!blocks) continue;
      isBlocked[v] = 1;
      queue.push(v);
    }
  }
  return isBlocked;
}

function impact({ ids: requested, maxDepth = 8 }) {
  const gaps = [...new Set(requested)].map((id) => indexOf.get(id)).filter((v) => v !== undefined);
  const depth = new Int32Array(n).fill(-1);
  const order = [];
  for (const g of gaps) if (depth[g] < 0) { depth[g] = 0; order.push(g); }
  const gapCount = order.length;
  for (let head = 0; head < order.length; head++) {
    const v = order[head];
    if (depth[v] === maxDepth) continue;
    for (let i = back.offsets[v]; i < back.offsets[v + 1]; i++) {
      const w = edgeFrom[back.edges[i]];
      if (depth[w] >= 0) continue;
      depth[w] = depth[v] + 1;
      order.push(w);
    }
  }
  const isBlocked = blocked(gaps);
  let blockedCount = 0;
  for (let k = gapCount; k < order.length; k++) if (isBlocked[order[k]]) blockedCount++;
  return { blockedCount, atRiskCount: order.length - gapCount - blockedCount };
}

function search({ text, first = 20 }) {
  const needle = text.trim().toLowerCase();
  const startsWord = (name, at) => !/[a-z0-9]/i.test(name[at - 1]) || !/[a-z0-9]/i.test(name[at]);
  const hits = [];
  for (let v = 0; v < n; v++) {
    let best = null;
    for (const name of [lowerZh[v], lowerEn[v]]) {
      const at = name.indexOf(needle);
      if (at < 0) continue;
      const rank = name.length === needle.length ? 0 : at === 0 ? 1 : startsWord(name, at) ? 2 : 3;
      if (best === null || rank < best[0] || (rank === best[0] && name.length < best[1])) best = [rank, name.length];
    }
    if (best !== null) hits.push([best[0], best[1], v]);
  }
  // Node numbers follow the CSV's order; ties are broken by id, as Roadmap does.
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (ids[a[2]] < ids[b[2]] ? -1 : ids[a[2]] > ids[b[2]] ? 1 : 0));
  // The same connection as Roadmap's search (no "after": the load run asks for the first page only).
  const page = hits.slice(0, first);
  const edges = page.map((h) => ({ cursor: `${h[0]}:${h[1]}:${ids[h[2]]}`, match: MATCHES[h[0]], node: nodeObject(h[2]) }));
  return {
    edges, nodes: edges.map((e) => e.node), totalCount: hits.length,
    pageInfo: { hasNextPage: hits.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
const MATCHES = ["EXACT", "PREFIX", "WORD", "SUBSTRING"];

const edgeObject = (e) => ({ type: edgeType[e], group: edgeGroup[e], from: () => nodeObject(edgeFrom[e]), to: () => nodeObject(edgeTo[e]) });
const edgesOf = (adj, v) => Array.from(adj.edges.subarray(adj.offsets[v], adj.offsets[v + 1]), edgeObject);
function nodeObject(v) {
  return {
    id: ids[v], kind: kinds[v], nameZh: nameZh[v], nameEn: nameEn[v], latestStatus: status[v],
    needs: () => edgesOf(out, v), neededBy: () => edgesOf(back, v),
  };
}

const schema = buildSchema(`
  enum NodeKind { TECHNOLOGY COMPONENT PRODUCT PROGRAM DOCUMENT }
  enum EdgeType { REQUIRES USES_TECHNOLOGY VARIANT_OF TARGETS INCLUDES }
  enum AssessmentStatus { DOMESTIC_GAP IMPORT_DEPENDENT FOUNDATION BREAKTHROUGH ADVANCED }
  type Node { id: ID! kind: NodeKind! nameZh: String! nameEn: String! latestStatus: AssessmentStatus needs: [Edge!]! neededBy: [Edge!]! }
  type Edge { type: EdgeType! group: String from: Node! to: Node! }
  type ImpactReport { blockedCount: Int! atRiskCount: Int! }
  enum SearchMatch { EXACT PREFIX WORD SUBSTRING }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type SearchHitEdge { cursor: String! node: Node! match: SearchMatch! }
  type SearchHitConnection { edges: [SearchHitEdge!]! nodes: [Node!]! pageInfo: PageInfo! totalCount: Int! }
  type Query {
    node(id: ID!): Node
    impact(ids: [ID!]!, maxDepth: Int = 8): ImpactReport!
    search(text: String!, first: Int! = 20): SearchHitConnection!
  }
`);
const rootValue = {
  node: ({ id }) => (indexOf.has(id) ? nodeObject(indexOf.get(id)) : null),
  impact,
  search,
};

const handler = createHandler({ schema, rootValue });
createServer((req, res) => {
  if (req.url === "/health/ready") { res.writeHead(200).end("Healthy"); return; }
  if (req.url.startsWith("/graphql")) { handler(req, res); return; }
  res.writeHead(404).end();
}).listen(port, "127.0.0.1", () => console.log(`graphql-js peer on http://127.0.0.1:${port}/graphql: ${n} nodes, ${m} edges`));
