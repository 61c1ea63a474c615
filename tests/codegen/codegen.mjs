// graphql-codegen, as a client team would run it: the schema by introspection from the running server, and every
// example document of README.md and docs/*.md (the ```graphql blocks) as the operations to type. Fails when codegen
// reports an error, or when an example produced no operation type.
// Usage: node codegen.mjs http://127.0.0.1:PORT/graphql OUT_DIR
import { generate } from '@graphql-codegen/cli';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [url, outDir = '.ci/out/codegen'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node codegen.mjs GRAPHQL_URL [OUT_DIR]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..', '..');
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => join('docs', f))];
const documentsDir = resolve(outDir, 'documents');
mkdirSync(documentsDir, { recursive: true });

// Each example gets an operation name of its own, as a client's documents would have: codegen types operations by name.
let count = 0;
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const [, body] of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    count++;
    const name = `Example${count}`;
    const named = body.replace(/^\s*(query|mutation|subscription)(\s*[({])/, `$1 ${name}$2`).replace(/^\s*\{/, `query ${name} {`);
    writeFileSync(join(documentsDir, `${name}.graphql`), `# ${file}\n${named}`);
  }
}
if (count < 10) {
  console.error(`only ${count} example documents found`);
  process.exit(1);
}

const output = resolve(outDir, 'roadmap-types.ts');
const result = await generate({
  schema: url,
  documents: join(documentsDir, '*.graphql'),
  generates: { [output]: { plugins: ['typescript', 'typescript-operations'] } },
  silent: true,
  errorsOnly: true,
}, true);
const types = readFileSync(output, 'utf8');
const missing = [...Array(count).keys()].map(i => `Example${i + 1}`).filter(name => !new RegExp(`export type ${name}(Query|Mutation)\\b`).test(types));
if (result.length === 0 || missing.length > 0) {
  console.error(`codegen typed ${count - missing.length} of ${count} examples; missing: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`codegen: ${count} example documents from ${files.length} files typed against ${url} (${types.length} bytes in ${output})`);
