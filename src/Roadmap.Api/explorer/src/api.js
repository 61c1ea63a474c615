// The explorer's only door to the data: GraphQL over HTTP, the same endpoint every client uses.
// Every query the explorer sends is here, one named function each, so a change of the API's shape is a change here.

// A failed answer: its codes are kept for the plain sentence the page shows (i18n's errorText) and for retrying.
export class ApiError extends Error {
  constructor(message, codes, { network = false } = {}) { super(message); this.codes = codes; this.network = network; }
}

export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(error.message, [], { network: true });
  }
  let body;
  try { body = await response.json(); } catch { throw new ApiError(`HTTP ${response.status}`, [`HTTP_${response.status}`]); }
  if (body.errors?.length) throw new ApiError(body.errors.map(e => e.message).join('; '), body.errors.map(e => e.extensions?.code ?? 'ERROR'));
  return body.data;
}

export const NODE_FIELDS = 'id kind nameZh nameEn latestStatus';
export const EDGE_FIELDS = 'type group reach from { id } to { id }';
const SOURCE_FIELDS = 'section quote context document { id title titleEn year }';

export const homeData = () => gql(`{
  stats { nodeCount edgeCount byKind { kind count } }
  byStatus: nodeCounts(groupBy: [KIND, STATUS]) { key { kind status } count }
  byDocument: nodeCounts(groupBy: [DOCUMENT, KIND]) { key { document kind } count }
  documents { id title titleEn year issuer period { start end } }
  bottlenecks(first: 3) { node { ${NODE_FIELDS} } dependentProducts }
}`);

export const searchNodes = (text, first = 100) =>
  gql(`query($q: String!, $first: Int!) { search(text: $q, first: $first) { nodes { ${NODE_FIELDS} } } }`, { q: text, first }).then(d => d.search.nodes);

export const nodeById = id => gql(`query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, { id }).then(d => d.node);

export const nodePageData = id => gql(`query($id: ID!) { node(id: $id) {
    ${NODE_FIELDS} aliases note
    sources { ${SOURCE_FIELDS} }
    assessments { status year basis note source { ${SOURCE_FIELDS} } context { ${SOURCE_FIELDS} } }
    ... on Product { targets { metric comparator value maxValue unit unitEn source { ${SOURCE_FIELDS} } } }
    ... on Program { goals { metric comparator value maxValue unit unitEn source { ${SOURCE_FIELDS} } } period { start end } }
    needs(members: true) { type group reach from { ${NODE_FIELDS} } to { ${NODE_FIELDS} } }
    neededBy(members: true) { type group reach from { ${NODE_FIELDS} } to { ${NODE_FIELDS} } } }
  documents { id year } }`, { id });

// direction is 'dependencies' (what it needs) or 'dependents' (what needs it). members: true rolls a class up over
// its members (the node page), the VARIANT_OF hops to them among the edges.
export const subgraph = (direction, id, depth, { members = false } = {}) =>
  gql(`query($id: ID!, $d: Int!, $m: Boolean!) { sub: ${direction === 'dependents' ? 'dependents' : 'dependencies'}(id: $id, maxDepth: $d, members: $m) {
    nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated } }`, { id, d: depth, m: members }).then(d => d.sub);

export const subgraphExport = (direction, id, depth, format, { members = false } = {}) =>
  gql(`query($id: ID!, $d: Int!, $f: ExportFormat!, $m: Boolean!) { sub: ${direction === 'dependents' ? 'dependents' : 'dependencies'}(id: $id, maxDepth: $d, members: $m) { export(format: $f) } }`,
    { id, d: depth, f: format, m: members }).then(d => d.sub.export);

// { paths, complete }: complete is false when the search stopped before it saw every path up to maxLength.
export const findPaths = (from, to) => gql(`query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 6, limit: 10) {
    paths { length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } complete } }`, { from, to }).then(d => d.paths);

// scenario: { gaps, assumeGaps, resolved, asOfYear } — what is unavailable, what is taken out of the gap set, and the year to judge by.
export const impactReport = scenario => gql(`query($scenario: Scenario!) { impact(scenario: $scenario) {
    gaps { ${NODE_FIELDS} } unknownIds blockedCount atRiskCount
    products { ...hit } programs { ...hit } components { ...hit } technologies { ...hit } } }
  fragment hit on ImpactedNode { severity distance node { ${NODE_FIELDS} needs { ${EDGE_FIELDS} } }
    path { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} sources { quote document { title year } section } } } }`, { scenario }).then(d => d.impact);

export const impactExport = (scenario, format) => gql(`query($scenario: Scenario!, $f: ExportFormat!) { impact(scenario: $scenario) { export(format: $f) } }`,
  { scenario, f: format }).then(d => d.impact.export);

export const bottlenecks = (kinds, statuses, first = 100) => gql(`query($kinds: [NodeKind!], $statuses: [AssessmentStatus!], $first: Int!) {
    bottlenecks(kinds: $kinds, statuses: $statuses, first: $first) { node { ${NODE_FIELDS} } dependentProducts dependentPrograms blockedProducts latestStatus } }`,
  { kinds: kinds.length ? kinds : null, statuses: statuses.length ? statuses : null, first }).then(d => d.bottlenecks);

export const documents = () => gql('{ documents { id title titleEn year issuer period { start end } } }').then(d => d.documents);

export const changes = (fromYear, toYear) => gql(`query($from: Int!, $to: Int!) { changes(fromYear: $from, toYear: $to) {
    node { ${NODE_FIELDS} } from { status year document { title } } to { status year document { title } } direction } }`, { from: fromYear, to: toYear }).then(d => d.changes);

export const compareDocuments = (a, b) => gql(`query($a: ID!, $b: ID!) { compareDocuments(a: $a, b: $b) {
    a { id title titleEn year } b { id title titleEn year }
    both { ${NODE_FIELDS} } onlyA { ${NODE_FIELDS} } onlyB { ${NODE_FIELDS} } } }`, { a, b }).then(d => d.compareDocuments);

export const planDocument = id => gql(`query($id: ID!) { node(id: $id) { id kind ... on Document { title titleEn year issuer period { start end } file } } }`, { id }).then(d => d.node);

// Every node the plan states, page by page (a page holds at most 100).
export async function planNodes(id) {
  const all = [];
  let after = null;
  for (;;) {
    const { nodes } = await gql(`query($id: ID!, $after: String) { nodes(where: { statedIn: [$id] }, first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${NODE_FIELDS} assessments { status year document { id } } } } } }`, { id, after });
    all.push(...nodes.edges.map(e => e.node));
    if (!nodes.pageInfo.hasNextPage) return all;
    after = nodes.pageInfo.endCursor;
  }
}

export const nodesByIds = ids => gql(`query($ids: [ID!]) { nodes(where: { ids: $ids }, first: 100) { edges { node { ${NODE_FIELDS} } } } }`, { ids })
  .then(d => d.nodes.edges.map(e => e.node));

export const searchFew = text => gql('query($q: String!) { search(text: $q, first: 10) { nodes { id kind nameZh nameEn aliases latestStatus } } }', { q: text }).then(d => d.search.nodes);

export const roadmap = (id, depth = 6) => gql(`query($id: ID!, $d: Int!) { roadmap(id: $id, maxDepth: $d) {
    node { ${NODE_FIELDS} } truncated years
    lanes { kind items { node { ${NODE_FIELDS} } startYear endYear span
      statuses { year status assessment { year document { title titleEn } } }
      milestones { dueYear dueYearStated label } } }
    gantt: export(format: MERMAID_GANTT) } }`, { id, d: depth }).then(d => d.roadmap);
