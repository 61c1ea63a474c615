// The change feed against a running server with the real clients: graphql-sse in its distinct connections mode
// and graphql-ws over the graphql-transport-ws protocol, both on /graphql. A mutation's change must
// arrive on both; a client that reconnects with afterRevision must get the changes it missed, in order.
// Usage: node feed.mjs --url http://127.0.0.1:PORT/graphql --key rk_... (a key with the editor role)
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const url = new URL(args.url ?? "http://127.0.0.1:5000/graphql");
const key = args.key ?? process.exit(2);
const source = { document: "document:14fyp-medical-equipment", section: "三(二)", quote: "攻关精准放射治疗装备" };
const watch = "subscription($after: Int) { graphChanged(afterRevision: $after) { revision operation actor nodes { id change } } }";

async function post(query, variables, withKey) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(withKey ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const create = async id => (await post("mutation($input: UpsertNodeInput!) { upsertNode(input: $input) { revision } }",
  { input: { id, kind: "TECHNOLOGY", nameZh: id, nameEn: id, sources: [source] } }, true)).upsertNode.revision;

// Both clients on the one URL, as their default setup has it (the /graphql/stream and /graphql/ws aliases have .NET tests).
const sse = createSseClient({ url: url.toString(), singleConnection: false });
const ws = createWsClient({ url: url.toString().replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });

// Collects a subscription's changes; resolves waitFor(n) once n have arrived (10 s at most).
function subscribe(client, name, after) {
  const changes = [];
  let wake = () => {};
  const stop = client.subscribe({ query: watch, variables: { after } }, {
    next: result => {
      if (result.errors) failures.push(`${name}: ${JSON.stringify(result.errors)}`);
      else changes.push(result.data.graphChanged);
      wake();
    },
    error: e => { failures.push(`${name}: ${e?.message ?? JSON.stringify(e)}`); wake(); },
    complete: () => {},
  });
  const waitFor = n => new Promise(resolve => {
    const timer = setTimeout(resolve, 10_000);
    wake = () => { if (changes.length >= n) { clearTimeout(timer); resolve(); } };
    wake();
  });
  return { changes, stop, waitFor };
}

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); console.log(`${ok ? "ok  " : "FAIL"} ${what}`); };
const stamp = Date.now();

// Live: both transports hear of one mutation, anonymously, without who made it.
const liveSse = subscribe(sse, "sse", null);
const liveWs = subscribe(ws, "ws", null);
await new Promise(r => setTimeout(r, 1000));
const id = `technology:feed-${stamp}`;
const revision = await create(id);
await Promise.all([liveSse.waitFor(1), liveWs.waitFor(1)]);
for (const [name, live] of [["graphql-sse", liveSse], ["graphql-ws", liveWs]]) {
  const change = live.changes[0];
  check(change?.revision === revision && change.nodes[0]?.id === id && change.nodes[0].change === "CREATED" && change.operation === "upsertNode",
    `${name}: the mutation's change arrives (revision ${revision}, got ${JSON.stringify(change)})`);
  check(change?.actor === null, `${name}: an anonymous subscriber does not see who made it`);
  live.stop();
}

// Reconnect: two changes committed while away arrive first, in order, on both.
const missed = [await create(`${id}-missed-1`), await create(`${id}-missed-2`)];
const resumedSse = subscribe(sse, "sse replay", revision);
const resumedWs = subscribe(ws, "ws replay", revision);
await Promise.all([resumedSse.waitFor(2), resumedWs.waitFor(2)]);
for (const [name, resumed] of [["graphql-sse", resumedSse], ["graphql-ws", resumedWs]]) {
  const got = resumed.changes.map(c => c.revision);
  check(JSON.stringify(got.slice(0, 2)) === JSON.stringify(missed), `${name}: a reconnect with afterRevision ${revision} resumes with ${missed} (got ${got})`);
  resumed.stop();
}

await ws.dispose();
await sse.dispose();
console.log(failures.length === 0 ? "change feed: all checks passed" : `change feed: ${failures.length} failure(s)\n  ${failures.join("\n  ")}`);
process.exit(failures.length === 0 ? 0 : 1);
