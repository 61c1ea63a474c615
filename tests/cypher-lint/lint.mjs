// Lints every .cypher file under cypher/ with Neo4j's Cypher language support (its parser and semantic
// analysis), given the labels, relationship types and property keys of cypher/graph-schema.json, so that a
// misspelt label or type fails as surely as a syntax error. Parameters are expected, so "not defined" is not.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const root = new URL('../../cypher/', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'graph-schema.json'), 'utf8'));

const files = [];
const walk = dir => {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.cypher')) files.push(path);
  }
};
walk(root);
// Extra files on the command line: e.g. a `roadmap export --format cypher` script.
files.push(...process.argv.slice(2));

let problems = 0;
let statements = 0;
for (const file of files.sort()) {
  // A file holds one statement, or several ended by ';' (schema.cypher). Comments are stripped first.
  const text = readFileSync(file, 'utf8').split('\n').map(line => line.replace(/\/\/.*$/, '')).join('\n');
  for (const statement of text.split(/;\s*(?:\n|$)/).map(s => s.trim()).filter(Boolean)) {
    statements++;
    const { diagnostics } = lintCypherQuery(statement, schema);
    for (const d of diagnostics.filter(isNotParamError)) {
      problems++;
      console.log(`${file.startsWith(root) ? relative(root, file) : file}: ${d.severity === 1 ? 'error' : 'warning'}: ${d.message}\n    ${statement.split('\n')[0]}`);
    }
  }
}
console.log(`cypher lint: ${files.length} files, ${statements} statements, ${problems} problems`);
process.exit(problems === 0 && statements > 0 ? 0 : 1);
