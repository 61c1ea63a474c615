// Bundles the explorer into ../wwwroot, which the API serves at / and /graphiql.
// Everything comes from node_modules: nothing is fetched from a CDN at run time.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';

const out = new URL('../wwwroot/', import.meta.url).pathname;
await rm(out, { recursive: true, force: true });
await mkdir(`${out}graphiql`, { recursive: true });

const common = { bundle: true, minify: true, sourcemap: true, target: 'es2020', logLevel: 'warning', legalComments: 'linked' };
await build({ ...common, entryPoints: ['src/app.js'], outfile: `${out}app.js` });
await build({
  ...common,
  entryPoints: ['src/graphiql.jsx'],
  outfile: `${out}graphiql/graphiql.js`,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
});
await cp('src/index.html', `${out}index.html`);
await cp('src/app.css', `${out}app.css`);
await cp('src/graphiql.html', `${out}graphiql/index.html`);
console.log(`explorer built into ${out}`);
