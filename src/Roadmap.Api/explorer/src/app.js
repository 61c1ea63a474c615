// The Roadmap explorer: search, node pages with sources in context, dependency graphs, paths and impact.
// A hash router keeps every view linkable: #/search?q=, #/node/<id>, #/paths?from=&to=, #/impact?ids=&assume=1.
import { gql, NODE_FIELDS, EDGE_FIELDS } from './api.js';
import { drawGraph } from './graph.js';
import { t, name, otherName, toggleLang, applyStaticLabels } from './i18n.js';

const view = document.getElementById('view');

// Each navigation starts a new generation; an answer that arrives for an older one is dropped, so a slow page
// can never overwrite the page the reader has moved on to.
let generation = 0;
class Stale extends Error {}
const ignoreStale = error => { if (!(error instanceof Stale)) throw error; };

async function load(query, variables) {
  const mine = generation;
  const data = await gql(query, variables);
  if (mine !== generation) throw new Stale();
  return data;
}
const KINDS = ['PRODUCT', 'COMPONENT', 'TECHNOLOGY', 'PROGRAM', 'DOCUMENT'];

const esc = text => String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const kindBadge = kind => `<span class="kind ${kind}">${esc(t('kinds')[kind] ?? kind)}</span>`;
const statusBadge = status => (status ? `<span class="status ${status}">${esc(status)}</span>` : '');
const nodeLink = node => `<a href="#/node/${encodeURIComponent(node.id)}">${esc(name(node))}</a> <span class="muted">${esc(otherName(node))}</span>`;

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  generation++;
  applyStaticLabels();
  const render = path.startsWith('/node/') ? () => nodePage(decodeURIComponent(path.slice('/node/'.length)))
    : path === '/paths' ? () => pathsPage(params)
    : path === '/impact' ? () => impactPage(params)
    : () => searchPage(params);
  render().catch(error => {
    if (!(error instanceof Stale)) view.innerHTML = `<p class="error" data-testid="error">${esc(error.message)}</p>`;
  });
}

// ---- search ----
async function searchPage(params) {
  const q = params.get('q') ?? '';
  view.innerHTML = `<input type="search" id="q" data-testid="search" placeholder="${esc(t('searchPlaceholder'))}" value="${esc(q)}" autofocus>
    <div id="results" data-testid="results"></div>`;
  const input = document.getElementById('q');
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => history.replaceState(null, '', `#/search?q=${encodeURIComponent(input.value)}`) || showResults(input.value).catch(ignoreStale), 200);
  });
  await showResults(q);
}

async function showResults(q) {
  const results = document.getElementById('results');
  if (!q.trim()) { results.innerHTML = `<p class="muted">${esc(t('searchHint'))}</p>`; return; }
  const { search: { nodes: search } } = await load(`query($q: String!) { search(text: $q, first: 100) { nodes { ${NODE_FIELDS} } } }`, { q });
  if (search.length === 0) { results.innerHTML = `<p>${esc(t('noResults'))}</p>`; return; }
  results.innerHTML = KINDS.filter(kind => search.some(n => n.kind === kind)).map(kind => `
    <h2>${esc(t('kinds')[kind])} <span class="muted">${search.filter(n => n.kind === kind).length}</span></h2>
    <ul class="results">${search.filter(n => n.kind === kind).map(n => `<li>${nodeLink(n)} ${statusBadge(n.latestStatus)}</li>`).join('')}</ul>`).join('');
}

// ---- node page ----
const SOURCE_FIELDS = 'section quote context document { id title year }';

async function nodePage(id) {
  const { node } = await load(`query($id: ID!) { node(id: $id) {
      ${NODE_FIELDS} aliases note
      sources { ${SOURCE_FIELDS} }
      assessments { status year source { ${SOURCE_FIELDS} } }
      ... on Product { targets { metric comparator value maxValue unit source { ${SOURCE_FIELDS} } } }
      ... on Program { goals { metric comparator value maxValue unit source { ${SOURCE_FIELDS} } } period { start end } }
      needs { type group to { ${NODE_FIELDS} } }
      neededBy { type from { ${NODE_FIELDS} } } } }`, { id });
  if (!node) { view.innerHTML = `<p data-testid="not-found">${esc(t('notFound'))}</p>`; return; }
  const quantities = list => (list?.length ? `<table><tr><th></th><th></th><th>${esc(t('plan'))}</th></tr>${list.map(q => `<tr>
      <td>${esc(q.metric)}</td><td>${esc(comparator(q))}</td><td>${esc(q.source.document.title)} ${esc(q.source.section)}</td></tr>`).join('')}</table>` : `<p class="muted">${esc(t('none'))}</p>`);
  view.innerHTML = `
    <h1 data-testid="node-title">${esc(name(node))}</h1>
    <p>${kindBadge(node.kind)} ${statusBadge(node.latestStatus)} <span class="muted">${esc(otherName(node))} · ${esc(node.id)}${node.aliases.length ? ' · ' + esc(node.aliases.join(', ')) : ''}</span></p>
    ${node.note ? `<p class="muted">${esc(node.note)}</p>` : ''}
    <h2>${esc(t('graph'))}</h2>
    <div class="controls">
      <label><input type="radio" name="dir" value="dependencies" checked> ${esc(t('dependencies'))}</label>
      <label><input type="radio" name="dir" value="dependents"> ${esc(t('dependents'))}</label>
      <label>${esc(t('depth'))} <select id="depth">${[1, 2, 3, 4].map(d => `<option ${d === 2 ? 'selected' : ''}>${d}</option>`).join('')}</select></label>
      <span class="muted">${esc(t('graphHint'))}</span>
    </div>
    <div class="legend muted">${esc(t('legend'))}</div>
    <div id="graph" class="graph" data-testid="graph"></div>
    <h2>${esc(t('timeline'))}</h2>
    ${node.assessments.length ? `<table data-testid="timeline"><tr><th>${esc(t('year'))}</th><th>${esc(t('status'))}</th><th>${esc(t('plan'))}</th><th>${esc(t('quote'))}</th></tr>
      ${node.assessments.map(a => `<tr><td>${a.year}</td><td>${statusBadge(a.status)}</td><td>${esc(a.source.document.title)} ${esc(a.source.section)}</td><td>${inContext(a.source)}</td></tr>`).join('')}</table>`
      : `<p class="muted">${esc(t('none'))}</p>`}
    ${node.kind === 'PRODUCT' ? `<h2>${esc(t('targets'))}</h2>${quantities(node.targets)}` : ''}
    ${node.kind === 'PROGRAM' ? `<h2>${esc(t('goals'))}</h2>${quantities(node.goals)}` : ''}
    <h2>${esc(t('needs'))}</h2>${edgeList(node.needs.map(e => ({ ...e, other: e.to })))}
    <h2>${esc(t('neededBy'))}</h2>${edgeList(node.neededBy.map(e => ({ ...e, other: e.from })))}
    <h2>${esc(t('sources'))}</h2>
    <table data-testid="sources"><tr><th>${esc(t('plan'))}</th><th>${esc(t('section'))}</th><th>${esc(t('quote'))}</th></tr>
      ${node.sources.map(s => `<tr><td>${esc(s.document.title)} (${s.document.year})</td><td>${esc(s.section)}</td><td>${inContext(s)}</td></tr>`).join('')}</table>`;

  const container = document.getElementById('graph');
  const drawn = new Set();
  let graph;
  const expand = async (nodeId, direction, depth) => {
    const key = `${nodeId}|${direction}|${depth}`;
    if (drawn.has(key)) return;
    drawn.add(key);
    const data = await load(`query($id: ID!, $d: Int) { sub: ${direction}(id: $id, maxDepth: $d) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`, { id: nodeId, d: depth });
    graph.add(data.sub.nodes, data.sub.edges, { [id]: 'root' });
  };
  const redraw = () => {
    container.innerHTML = '';
    drawn.clear();
    const direction = document.querySelector('input[name=dir]:checked').value;
    graph = drawGraph(container, {
      onTap: nodeId => expand(nodeId, direction, 1).catch(ignoreStale),
      onOpen: nodeId => { location.hash = `#/node/${encodeURIComponent(nodeId)}`; },
    });
    return expand(id, direction, Number(document.getElementById('depth').value));
  };
  for (const input of document.querySelectorAll('input[name=dir], #depth')) input.addEventListener('change', () => redraw().catch(ignoreStale));
  await redraw();
}

const comparator = q => ({ LT: '<', LTE: '≤', GT: '>', GTE: '≥', EQ: '=', WITHIN: '±', BETWEEN: '' }[q.comparator] ?? '')
  + (q.comparator === 'BETWEEN' ? `${q.value}–${q.maxValue}` : `${q.value}`) + (q.unit ? ` ${q.unit}` : '');

// The quote highlighted inside the plan's sentence around it.
function inContext(source) {
  const quote = source.quote.replace(/\s+/g, '');
  const context = source.context ?? '';
  const at = context.indexOf(quote);
  if (at < 0) return `<span class="quote">${esc(source.quote)}</span>`;
  return `<span class="context">${esc(context.slice(0, at))}<span class="quote" data-testid="quote">${esc(quote)}</span>${esc(context.slice(at + quote.length))}</span>`;
}

function edgeList(edges) {
  if (edges.length === 0) return `<p class="muted">${esc(t('none'))}</p>`;
  return `<ul class="results">${edges.map(e => `<li><span class="muted">${esc(e.type)}${e.group ? ` (${esc(e.group)})` : ''}</span> ${kindBadge(e.other.kind)} ${nodeLink(e.other)} ${statusBadge(e.other.latestStatus)}</li>`).join('')}</ul>`;
}

// ---- pickers shared by paths and impact ----
function picker(inputId, listId) {
  const input = document.getElementById(inputId);
  const list = document.getElementById(listId);
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!input.value.trim() || input.value.includes(':')) return;
      const { search: { nodes: search } } = await gql('query($q: String!) { search(text: $q, first: 15) { nodes { id nameZh nameEn } } }', { q: input.value });
      list.innerHTML = search.map(n => `<option value="${esc(n.id)}">${esc(name(n))} · ${esc(otherName(n))}</option>`).join('');
    }, 200);
  });
}

// ---- paths ----
async function pathsPage(params) {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  view.innerHTML = `<h1>${esc(t('pathsTitle'))}</h1>
    <div class="controls">
      <label>${esc(t('from'))} <input type="text" id="from" list="from-list" value="${esc(from)}" data-testid="path-from"></label><datalist id="from-list"></datalist>
      <label>${esc(t('to'))} <input type="text" id="to" list="to-list" value="${esc(to)}" data-testid="path-to"></label><datalist id="to-list"></datalist>
      <button id="find" data-testid="find-paths">${esc(t('find'))}</button>
    </div>
    <p class="muted">${esc(t('pickHint'))}</p>
    <div id="paths" data-testid="paths"></div>
    <div id="graph" class="graph" data-testid="graph"></div>`;
  picker('from', 'from-list');
  picker('to', 'to-list');
  document.getElementById('find').addEventListener('click', () => {
    location.hash = `#/paths?from=${encodeURIComponent(document.getElementById('from').value)}&to=${encodeURIComponent(document.getElementById('to').value)}`;
  });
  if (!from || !to) return;
  const { paths: { paths } } = await load(`query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 6, limit: 10) { paths {
      length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } } }`, { from, to });
  const list = document.getElementById('paths');
  if (paths.length === 0) { list.innerHTML = `<p>${esc(t('noPaths'))}</p>`; return; }
  list.innerHTML = `<ol>${paths.map(p => `<li data-testid="path">${p.nodes.map(n => nodeLink(n)).join(' → ')} <span class="muted">(${p.length})</span></li>`).join('')}</ol>`;
  const graph = drawGraph(document.getElementById('graph'), { onOpen: id => { location.hash = `#/node/${encodeURIComponent(id)}`; } });
  graph.add(paths.flatMap(p => p.nodes), paths.flatMap(p => p.edges), { [from]: 'root', [to]: 'root' });
}

// ---- impact ----
async function impactPage(params) {
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const assume = params.get('assume') === '1';
  view.innerHTML = `<h1>${esc(t('impactTitle'))}</h1>
    <div class="controls">
      <input type="text" id="add" list="add-list" data-testid="impact-add"><datalist id="add-list"></datalist>
      <button id="add-button">${esc(t('add'))}</button>
      <label><input type="checkbox" id="assume" ${assume ? 'checked' : ''} data-testid="assume-gaps"> ${esc(t('assume'))}</label>
      <button id="run" data-testid="run-impact">${esc(t('run'))}</button>
    </div>
    <p>${esc(t('gapSet'))}: <span class="chips" id="chips">${ids.map(id => `<span>${esc(id)}</span>`).join('')}</span></p>
    <div id="impact" data-testid="impact"></div>
    <div id="graph" class="graph" data-testid="graph"></div>`;
  picker('add', 'add-list');
  const go = extra => {
    const next = [...ids, ...extra].filter(Boolean);
    location.hash = `#/impact?ids=${encodeURIComponent(next.join(','))}${document.getElementById('assume').checked ? '&assume=1' : ''}`;
  };
  document.getElementById('add-button').addEventListener('click', () => go([document.getElementById('add').value.trim()]));
  document.getElementById('run').addEventListener('click', () => go([]));
  if (ids.length === 0 && !assume) return;

  const { impact } = await load(`query($ids: [ID!]!, $assume: Boolean) { impact(ids: $ids, assumeGaps: $assume) {
      gaps { ${NODE_FIELDS} } blockedCount atRiskCount csv: export(format: CSV)
      products { ...hit } programs { ...hit } components { ...hit } technologies { ...hit } } }
    fragment hit on ImpactedNode { severity distance node { ${NODE_FIELDS} needs { ${EDGE_FIELDS} } } path { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`, { ids, assume });
  const hits = [...impact.products, ...impact.programs, ...impact.components, ...impact.technologies]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'BLOCKED' ? -1 : 1) || KINDS.indexOf(a.node.kind) - KINDS.indexOf(b.node.kind) || a.distance - b.distance);
  const panel = document.getElementById('impact');
  if (hits.length === 0) { panel.innerHTML = `<p>${esc(t('impactEmpty'))}</p>`; return; }
  const csvUrl = URL.createObjectURL(new Blob([impact.csv], { type: 'text/csv' }));
  panel.innerHTML = `<p><span class="sev BLOCKED">${impact.blockedCount} ${esc(t('blocked'))}</span> · <span class="sev AT_RISK">${impact.atRiskCount} ${esc(t('atRisk'))}</span>
      · <a href="${csvUrl}" download="impact.csv" data-testid="csv">${esc(t('csv'))}</a></p>
    <table data-testid="impact-table"><tr><th>${esc(t('severity'))}</th><th>${esc(t('kind'))}</th><th>${esc(t('node'))}</th><th>${esc(t('distance'))}</th></tr>
    ${hits.map(h => `<tr data-testid="impact-row"><td class="sev ${h.severity}">${esc(h.severity === 'BLOCKED' ? t('blocked') : t('atRisk'))}</td><td>${kindBadge(h.node.kind)}</td><td>${nodeLink(h.node)}</td><td>${h.distance}</td></tr>`).join('')}</table>`;
  const classes = Object.fromEntries(hits.map(h => [h.node.id, h.severity]));
  for (const gap of impact.gaps) classes[gap.id] = 'gap';
  const graph = drawGraph(document.getElementById('graph'), { onOpen: id => { location.hash = `#/node/${encodeURIComponent(id)}`; } });
  // Each hit carries one chain as evidence; its other edges into the drawn set show the alternatives too.
  graph.add([...impact.gaps, ...hits.flatMap(h => h.path.nodes)], hits.flatMap(h => [...h.path.edges, ...h.node.needs]), classes);
}

document.getElementById('lang').addEventListener('click', () => { toggleLang(); route(); });
window.addEventListener('hashchange', route);
route();
