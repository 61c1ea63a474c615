// Schema downloads as client tools do them, against the running server:
//  - get-graphql-schema (npm), the command line that prints a server's SDL;
//  - Strawberry Shake's `dotnet graphql download` (not on the NuGet source this project uses, so done here the way
//    its HotChocolate.Utilities.Introspection builds it: four feature probes, then one IntrospectionQuery shaped by
//    what the probes found, with TypeRef six levels deep).
// Both must succeed, and the schemas they get must be the server's: every type of the committed SDL, with
// DateTime's @specifiedBy and the ErrorCode enum.
// Usage: node introspection.mjs http://127.0.0.1:PORT/graphql OUT_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildClientSchema, buildSchema, printSchema } from 'graphql';

const [url, outDir = '.ci/out/introspection'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node introspection.mjs GRAPHQL_URL [OUT_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const root = resolve(import.meta.dirname, '..', '..');
const committed = buildSchema(readFileSync(join(root, 'src/Roadmap.Api/schema.graphql'), 'utf8'));
const expectedTypes = Object.keys(committed.getTypeMap()).filter(name => !name.startsWith('__')).sort();
const failures = [];

function check(tool, schema) {
  const types = Object.keys(schema.getTypeMap()).filter(name => !name.startsWith('__')).sort();
  const missing = expectedTypes.filter(name => !types.includes(name));
  if (missing.length > 0) failures.push(`${tool}: types missing: ${missing.join(', ')}`);
  const dateTime = schema.getType('DateTime');
  if (dateTime?.specifiedByURL !== 'https://scalars.graphql.org/andimarek/date-time') failures.push(`${tool}: DateTime's specifiedByURL is ${dateTime?.specifiedByURL}`);
  if (!schema.getType('ErrorCode')?.getValues?.().some(v => v.name === 'NOT_FOUND' && v.description)) failures.push(`${tool}: no ErrorCode enum with described values`);
}

// get-graphql-schema, as its README runs it.
const bin = join(import.meta.dirname, 'node_modules', 'get-graphql-schema', 'dist', 'index.js');
try {
  const sdl = execFileSync(process.execPath, [bin, url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(join(outDir, 'get-graphql-schema.graphql'), sdl);
  // Its bundled graphql 14 prints no @specifiedBy: the types are checked here, specifiedByURL below.
  const schema = buildSchema(sdl);
  const types = Object.keys(schema.getTypeMap()).filter(name => !name.startsWith('__'));
  const missing = expectedTypes.filter(name => !types.includes(name));
  if (missing.length > 0) failures.push(`get-graphql-schema: types missing: ${missing.join(', ')}`);
} catch (e) {
  failures.push(`get-graphql-schema failed: ${e.stderr || e.message}`);
}

async function post(query) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' }, body: JSON.stringify({ query }) });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

// Strawberry Shake: the probes (Queries/inspect_*.graphql), sent at once as its CapabilityInspector sends them.
try {
  const fieldsOf = data => (data.__type?.fields ?? []).map(f => f.name);
  const [argumentDeprecation, directiveType, directives, schemaType] = await Promise.all([
    post('query IntrospectionQuery { __type(name: "__Field") { fields { name args { name } } } }'),
    post('query IntrospectionQuery { __type(name: "__Directive") { fields { name } } }'),
    post('query IntrospectionQuery { __schema { directives { name } } }'),
    post('query IntrospectionQuery { __type(name: "__Schema") { fields { name } } }'),
  ]);
  const features = {
    argumentDeprecation: (argumentDeprecation.__type?.fields ?? []).some(f => f.name === 'args' && f.args.some(a => a.name === 'includeDeprecated')),
    directiveLocations: fieldsOf(directiveType).includes('locations'),
    repeatableDirectives: fieldsOf(directiveType).includes('isRepeatable'),
    defer: directives.__schema.directives.some(d => d.name === 'defer'),
    schemaDescription: fieldsOf(schemaType).includes('description'),
    subscriptions: fieldsOf(schemaType).includes('subscriptionType'),
  };
  for (const wanted of ['argumentDeprecation', 'directiveLocations', 'repeatableDirectives', 'schemaDescription']) {
    if (!features[wanted]) failures.push(`Strawberry Shake probe: the server does not show ${wanted}`);
  }

  // IntrospectionQueryBuilder.Build, for those features (object and directive deprecation are never probed for).
  const args = features.argumentDeprecation ? 'args(includeDeprecated: true) { ...InputValue isDeprecated deprecationReason }' : 'args { ...InputValue }';
  const inputFields = features.argumentDeprecation ? 'inputFields(includeDeprecated: true) { ...InputValue isDeprecated deprecationReason }' : 'inputFields { ...InputValue }';
  let typeRef = 'ofType { kind name }';
  for (let depth = 6 - 2; depth > 0; depth--) typeRef = `ofType { kind name ${typeRef} }`;
  const query = `query IntrospectionQuery {
  __schema {
    ${features.schemaDescription ? 'description' : ''}
    queryType { name }
    mutationType { name }
    ${features.subscriptions ? 'subscriptionType { name }' : ''}
    types { ...FullType }
    directives { name description ${args} ${features.directiveLocations ? 'locations' : 'onOperation onFragment onField'} ${features.repeatableDirectives ? 'isRepeatable' : ''} }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description ${args} type { ...TypeRef } isDeprecated deprecationReason }
  ${inputFields}
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ${typeRef} }`;
  writeFileSync(join(outDir, 'strawberry-shake-query.graphql'), query);
  const data = await post(query);
  writeFileSync(join(outDir, 'strawberry-shake-result.json'), JSON.stringify(data));
  // The query asks no specifiedByURL (Strawberry Shake's does not); ask it as graphql-js 16 does, then check both.
  const withSpecifiedBy = await post(query.replace('kind name description\n', 'kind name description specifiedByURL\n'));
  const schema = buildClientSchema(withSpecifiedBy);
  writeFileSync(join(outDir, 'strawberry-shake.graphql'), printSchema(schema));
  check('Strawberry Shake introspection', schema);
} catch (e) {
  failures.push(`Strawberry Shake introspection failed: ${e.message}`);
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`introspection: get-graphql-schema and Strawberry Shake's probes and IntrospectionQuery against ${url}: ${expectedTypes.length} types each, DateTime @specifiedBy, ErrorCode`);
