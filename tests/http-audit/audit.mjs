// Runs graphql-http's audit suite against a running Roadmap service and fails on any `error` result.
// Usage: node audit.mjs [url]   (default http://127.0.0.1:5080/graphql)
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? process.env.ROADMAP_URL ?? 'http://127.0.0.1:5080/graphql';
const results = await auditServer({ url, fetchFn: fetch });

const counts = { ok: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
  if (result.status !== 'ok') {
    const detail = result.status === 'error' || result.status === 'warn' ? ` — ${result.reason}` : '';
    console.log(`${result.status.toUpperCase().padEnd(5)} ${result.id} ${result.name}${detail}`);
  }
}
console.log(`graphql-http audit of ${url}: ${counts.ok} ok, ${counts.warn} warnings, ${counts.error} errors`);
process.exit(counts.error === 0 ? 0 : 1);
