// The Roadmap explorer. A hash router keeps every view linkable, its settings and language in the URL:
// #/ home, #/search?q=, #/node/<id>?dir=&depth=&show=, #/paths?from=&to=, #/impact?ids=&assume=1, #/bottlenecks?kinds=&statuses=,
// #/changes?from=&to=, #/compare?a=&b=, #/plan/<id>, #/roadmap/<id>; any of them takes &lang=en|zh.
import * as api from './api.js';
import { t, name, otherName, docTitle, statusName, edgeName, setLang, currentLang, applyStaticLabels } from './i18n.js';
import { guarded, ignoreStale, setTitle, loadingHtml, go, nextGeneration } from './nav.js';
import { esc, kindBadge, statusBadge, nodeLink, nodeHref, scroll, graphPanel, inContext, comparator, KINDS, STATUSES } from './ui.js';
import { STATUS_FILL, destroyGraphs } from './graph.js';
import { impactPage, bottlenecksPage, changesPage, comparePage, planPage, pathsPage } from './views.js';
import { roadmapPage } from './timeline.js';

const view = document.getElementById('view');

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  if (params.has('lang')) setLang(params.get('lang'));
  else { params.set('lang', currentLang()); history.replaceState(null, '', `#${path || '/'}?${params}`); }
  nextGeneration(route);
  destroyGraphs();
  applyStaticLabels();
  for (const a of document.querySelectorAll('header nav a')) a.toggleAttribute('aria-current', a.getAttribute('href') === `#${path || '/'}`);
  // The old page goes at once: a slow answer never leaves it on screen under the new URL.
  view.innerHTML = loadingHtml();
  const idAfter = prefix => decodeURIComponent(path.slice(prefix.length));
  const render = path === '' || path === '/' ? () => homePage()
    : path === '/search' ? () => searchPage(params)
    : path.startsWith('/node/') ? () => nodePage(idAfter('/node/'), params)
    : path === '/paths' ? () => pathsPage(view, params)
    : path === '/impact' ? () => impactPage(view, params)
    : path === '/bottlenecks' ? () => bottlenecksPage(view, params)
    : path === '/changes' ? () => changesPage(view, params)
    : path === '/compare' ? () => comparePage(view, params)
    : path.startsWith('/plan/') ? () => planPage(view, idAfter('/plan/'))
    : path.startsWith('/roadmap/') ? () => roadmapPage(view, idAfter('/roadmap/'), params)
    : () => { setTitle(t('noView')); view.innerHTML = `<h1>${esc(t('noView'))}</h1><p data-testid="not-found"><a href="#/">${esc(t('navHome'))}</a></p>`; };
  Promise.resolve().then(render).catch(ignoreStale);
}

// ---- home ----
async function homePage() {
  setTitle(t('navHome'));
  const data = await guarded(api.homeData());
  const byKind = Object.fromEntries(data.stats.byKind.map(k => [k.kind, k.count]));
  const statusTotals = Object.fromEntries(STATUSES.map(s => [s, 0]));
  let unjudged = 0;
  for (const c of data.byStatus) if (c.key.status) statusTotals[c.key.status] += c.count; else if (c.key.kind !== 'DOCUMENT') unjudged += c.count;
  const stated = (doc, kind) => data.byDocument.filter(c => c.key.document === doc && (!kind || c.key.kind === kind)).reduce((n, c) => n + c.count, 0);
  const maxStatus = Math.max(...Object.values(statusTotals));
  const cell = (kind, status) => data.byStatus.find(c => c.key.kind === kind && c.key.status === status)?.count ?? 0;
  const gap = ['DOMESTIC_GAP', 'IMPORT_DEPENDENT'];
  const d13 = data.documents.find(d => d.id.includes('13fyp-medical-device')), d14 = data.documents.find(d => d.id.includes('14fyp'));
  view.innerHTML = `<h1 data-testid="home-title">${esc(t('homeTitle'))}</h1>
    <p class="lead">${esc(t('homeIntro'))}</p>
    <form class="controls" id="home-search" role="search"><label class="sr-only" for="q">${esc(t('searchLabel'))}</label>
      <input type="search" id="q" data-testid="search" placeholder="${esc(t('searchPlaceholder'))}"><button type="submit">${esc(t('navSearch'))}</button></form>
    <section><h2>${esc(t('questions'))}</h2><ul class="questions" data-testid="questions">
      <li><a href="#/impact?assume=1">${esc(t('qGaps'))}</a> <span class="muted">${gap.map(s => `${statusTotals[s]} ${esc(statusName(s))}`).join(', ')}</span></li>
      <li><a href="#/bottlenecks?kinds=COMPONENT,TECHNOLOGY">${esc(t('qBottlenecks'))}</a> <span class="muted">${data.bottlenecks.map(b => esc(name(b.node))).join(', ')}</span></li>
      <li><a href="#/changes?from=2016&amp;to=2021">${esc(t('qChanges'))}</a></li>
      ${d13 && d14 ? `<li><a href="#/compare?a=${encodeURIComponent(d13.id)}&amp;b=${encodeURIComponent(d14.id)}">${esc(t('qCompare'))}</a></li>` : ''}
      <li><a href="#/roadmap/product%3Amri">${esc(t('qRoadmap'))}</a></li>
      <li><a href="#/node/component%3Act-x-ray-tube">${esc(t('qTube'))}</a></li></ul></section>
    <section><h2>${esc(t('plans'))}</h2><ul class="cards plans" data-testid="plans">
      ${[...data.documents].sort((a, b) => a.year - b.year).map(d => `<li data-testid="plan-card"><span class="big">${d.year}</span>
        <a href="#/plan/${encodeURIComponent(d.id)}">${esc(docTitle(d))}</a>
        <span class="muted">${esc(d.issuer ?? '')}${d.period ? ` · ${d.period.start}–${d.period.end ?? ''}` : ''}</span>
        <span><strong>${stated(d.id)}</strong> ${esc(t('states'))}</span>
        <span class="muted">${KINDS.filter(k => k !== 'DOCUMENT' && stated(d.id, k)).map(k => `${stated(d.id, k)} ${esc(t('kinds')[k])}`).join(' · ')}</span></li>`).join('')}</ul></section>
    <section><h2>${esc(t('countsByLayer'))}</h2><ul class="cards counts" data-testid="layer-counts">
      ${KINDS.filter(k => k !== 'DOCUMENT').map(k => `<li class="${k}"><span class="big">${byKind[k] ?? 0}</span> <span>${esc(t('kinds')[k])}</span></li>`).join('')}
      <li><span class="big">${data.stats.edgeCount}</span> <span>${esc(t('edgesCount'))}</span></li></ul></section>
    <section><h2>${esc(t('countsByStatus'))}</h2>
      <ul class="bars" data-testid="status-counts">${STATUSES.map(s => `<li><a href="#/bottlenecks?statuses=${s}">${esc(statusName(s))}</a>
        <span class="bar" style="width:${Math.max(4, (statusTotals[s] / maxStatus) * 100)}%;background:${STATUS_FILL[s]}"></span><span>${statusTotals[s]}</span></li>`).join('')}
        <li><span>${esc(t('noStatus'))}</span><span></span><span>${unjudged}</span></li></ul>
      ${scroll(`<table data-testid="judgement-spread"><caption>${esc(t('countsByStatus'))} × ${esc(t('kind'))}</caption>
        <thead><tr><th scope="col">${esc(t('kind'))}</th>${STATUSES.map(s => `<th scope="col">${esc(statusName(s))}</th>`).join('')}<th scope="col">${esc(t('noStatus'))}</th></tr></thead>
        <tbody>${KINDS.filter(k => k !== 'DOCUMENT').map(k => `<tr><th scope="row">${esc(t('kinds')[k])}</th>${STATUSES.map(s => `<td>${cell(k, s) || ''}</td>`).join('')}<td>${cell(k, null)}</td></tr>`).join('')}</tbody></table>`)}
    </section>
`;
  document.getElementById('home-search').addEventListener('submit', event => { event.preventDefault(); go('/search', { q: document.getElementById('q').value }); });
}

// ---- search ----
async function searchPage(params) {
  const q = params.get('q') ?? '';
  setTitle(q ? `${t('navSearch')}: ${q}` : t('navSearch'));
  view.innerHTML = `<h1>${esc(t('navSearch'))}</h1><div role="search"><label class="sr-only" for="q">${esc(t('searchLabel'))}</label>
    <input type="search" id="q" data-testid="search" placeholder="${esc(t('searchPlaceholder'))}" value="${esc(q)}"></div>
    <div id="results" data-testid="results" aria-live="polite"></div>`;
  const input = document.getElementById('q');
  input.focus();
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = new URLSearchParams({ q: input.value, lang: currentLang() });
      history.replaceState(null, '', `#/search?${next}`);
      setTitle(`${t('navSearch')}: ${input.value}`);
      showResults(input.value).catch(ignoreStale);
    }, 200);
  });
  await showResults(q);
}

async function showResults(q) {
  const results = document.getElementById('results');
  if (!q.trim()) { results.innerHTML = `<p class="muted">${esc(t('searchHint'))}</p>`; return; }
  results.innerHTML = loadingHtml();
  const found = await guarded(api.searchNodes(q));
  if (found.length === 0) { results.innerHTML = `<p>${esc(t('noResults'))}</p>`; return; }
  results.innerHTML = KINDS.filter(kind => found.some(n => n.kind === kind)).map(kind => `
    <h2>${esc(t('kinds')[kind])} <span class="muted">${found.filter(n => n.kind === kind).length}</span></h2>
    <ul class="results">${found.filter(n => n.kind === kind).map(n => `<li>${nodeLink(n)} ${statusBadge(n.latestStatus)}</li>`).join('')}</ul>`).join('');
}

// ---- node page ----
// Components and technologies are looked at for what they hold up; products and programs for what they need.
export const defaultDirection = kind => (kind === 'COMPONENT' || kind === 'TECHNOLOGY' ? 'dependents' : 'dependencies');

async function nodePage(id, params) {
  const { node, documents } = await guarded(api.nodePageData(id));
  if (!node) { setTitle(t('notFound')); view.innerHTML = `<h1>${esc(t('notFound'))}</h1><p data-testid="not-found">${esc(id)}</p>`; return; }
  const direction = params.get('dir') === 'dependents' || params.get('dir') === 'dependencies' ? params.get('dir') : defaultDirection(node.kind);
  const depth = [1, 2, 3, 4].includes(Number(params.get('depth'))) ? Number(params.get('depth')) : 2;
  const show = params.get('show') === 'table' ? 'table' : 'graph';
  const state = { dir: direction, depth, show };
  const reroute = change => go(`/node/${encodeURIComponent(id)}`, { ...state, ...change });
  setTitle(name(node));
  const years = [...new Set(documents.map(d => d.year))].sort();
  const inForce = year => [...node.assessments].filter(a => a.year <= year).sort((a, b) => a.year - b.year).pop();
  const readTag = a => (a.basis === 'READ' ? ` <span class="tag read" data-testid="read-basis"${a.note ? ` title="${esc(a.note)}"` : ''}>${esc(t('readBasis'))}</span>` : '');
  const contextClauses = a => (a.context.length ? `<ul class="context-clauses" data-testid="assessment-context" aria-label="${esc(t('alsoInPlan'))}"><li class="muted">${esc(t('alsoInPlan'))}</li>${a.context.map(c => `<li><q>${esc(c.quote)}</q> <span class="muted">${esc(c.section)}</span></li>`).join('')}</ul>` : '');
  const quantities = list => (list?.length ? scroll(`<table><thead><tr><th scope="col">${esc(t('targets'))}</th><th scope="col">${esc(t('status'))}</th><th scope="col">${esc(t('plan'))}</th></tr></thead><tbody>${list.map(q => `<tr>
      <td>${esc(q.metric)}</td><td>${esc(comparator(q))}</td><td>${esc(docTitle(q.source.document))} ${esc(q.source.section)}</td></tr>`).join('')}</tbody></table>`) : `<p class="muted">${esc(t('none'))}</p>`);
  view.innerHTML = `
    <h1 data-testid="node-title">${esc(name(node))}</h1>
    <p>${kindBadge(node.kind)} ${statusBadge(node.latestStatus)} <span class="muted">${esc(otherName(node))} · ${esc(node.id)}${node.aliases.length ? ' · ' + esc(node.aliases.join(', ')) : ''}</span></p>
    ${node.note ? `<p class="muted">${esc(node.note)}</p>` : ''}
    <p class="controls">${node.kind !== 'DOCUMENT' ? `<a href="#/roadmap/${encodeURIComponent(node.id)}" data-testid="roadmap-link">${esc(t('roadmapLink'))}</a>
      · <a href="#/impact?ids=${encodeURIComponent(node.id)}">${esc(t('impactLink'))}</a>` : ''}</p>
    <h2>${esc(t('graph'))}</h2>
    <div class="controls">
      <fieldset class="inline"><legend>${esc(t('direction'))}</legend>
        <label><input type="radio" name="dir" value="dependencies" ${direction === 'dependencies' ? 'checked' : ''}> ${esc(t('dependencies'))}</label>
        <label><input type="radio" name="dir" value="dependents" ${direction === 'dependents' ? 'checked' : ''}> ${esc(t('dependents'))}</label></fieldset>
      <label>${esc(t('depth'))} <select id="depth" data-testid="depth">${[1, 2, 3, 4].map(d => `<option ${d === depth ? 'selected' : ''}>${d}</option>`).join('')}</select></label>
      <span class="muted">${esc(t('graphHint'))}</span>
    </div>
    <div id="graph-panel"></div>
    <h2>${esc(t('strip'))}</h2>
    <ol class="strip" data-testid="status-strip">${years.map(y => { const a = inForce(y); return `<li class="${a ? a.status : 'none'}"><span class="y">${y}</span><span class="s">${esc(a ? statusName(a.status) : t('noStatus'))}</span></li>`; }).join('')}</ol>
    <h2>${esc(t('timeline'))}</h2>
    ${node.assessments.length ? scroll(`<table data-testid="timeline"><thead><tr><th scope="col">${esc(t('year'))}</th><th scope="col">${esc(t('status'))}</th><th scope="col">${esc(t('plan'))}</th><th scope="col">${esc(t('quote'))}</th></tr></thead>
      <tbody>${node.assessments.map(a => `<tr><td>${a.year}</td><td>${statusBadge(a.status)}${readTag(a)}</td><td>${esc(docTitle(a.source.document))} ${esc(a.source.section)}</td><td lang="zh-CN">${inContext(a.source)}${contextClauses(a)}</td></tr>`).join('')}</tbody></table>`)
      : `<p class="muted">${esc(t('none'))}</p>`}
    ${node.kind === 'PRODUCT' ? `<h2>${esc(t('targets'))}</h2>${quantities(node.targets)}` : ''}
    ${node.kind === 'PROGRAM' ? `<h2>${esc(t('goals'))}</h2>${quantities(node.goals)}` : ''}
    <h2>${esc(t('needs'))}</h2>${edgeList(node.needs.map(e => ({ ...e, other: e.to, through: e.from.id === id ? null : e.from })), 'needs')}
    <h2>${esc(t('neededBy'))}</h2>${edgeList(node.neededBy.map(e => ({ ...e, other: e.from, through: e.to.id === id ? null : e.to })), 'needed-by')}
    <h2>${esc(t('sources'))}</h2>
    ${scroll(`<table data-testid="sources"><thead><tr><th scope="col">${esc(t('plan'))}</th><th scope="col">${esc(t('section'))}</th><th scope="col">${esc(t('quote'))}</th></tr></thead>
      <tbody>${node.sources.map(s => `<tr><td>${esc(docTitle(s.document))} (${s.document.year})</td><td>${esc(s.section)}</td><td lang="zh-CN">${inContext(s)}</td></tr>`).join('')}</tbody></table>`)}`;

  for (const input of document.querySelectorAll('input[name=dir]')) input.addEventListener('change', () => reroute({ dir: input.value }));
  document.getElementById('depth').addEventListener('change', event => reroute({ depth: event.target.value }));
  const panelHost = document.getElementById('graph-panel');
  panelHost.insertAdjacentHTML('afterbegin', loadingHtml());
  // The graph holds what the lists hold: the class with its members, and depth edges out from any of them.
  // The API counts each VARIANT_OF hop down to a member as one, so it is asked that much deeper and trimmed here.
  const remove = memberRemoves(id, node.neededBy);
  const sub = rollUp(id, direction, depth, await guarded(api.subgraph(direction, id, Math.min(10, depth + Math.max(0, ...remove.values())), { members: true })));
  const graph = graphPanel(panelHost, {
    mode: show,
    filename: `${id.replace(':', '-')}-${direction}-${depth}`,
    onMode: mode => { state.show = mode; history.replaceState(null, '', `#/node/${encodeURIComponent(id)}?${new URLSearchParams({ ...state, lang: currentLang() })}`); },
    onExpand: (nodeId, dir, g) => guarded(api.subgraph(dir, nodeId, 1)).then(more => g.add(more.nodes, more.edges, {}, { keep: true })).catch(ignoreStale),
    exports: format => api.subgraphExport(direction, id, depth, format, { members: true }),
  });
  graph.add(sub.nodes, sub.edges, { [id]: 'root' });
  if (sub.truncated) panelHost.insertAdjacentHTML('afterbegin', `<p class="muted">${esc(t('truncated'))}</p>`);
  // Drawn: the browser tests wait for this rather than for a time.
  Object.assign(panelHost.dataset, { ready: 'true', node: id, dir: direction, depth: String(depth) });
}

// A class's members (the nodes that are a VARIANT_OF it, at any remove) and how many VARIANT_OF hops each is away,
// from a list of edges that holds the VARIANT_OF edges into the class and its members (neededBy with members: true,
// or a subgraph's edges).
export function memberRemoves(id, edges) {
  const remove = new Map();
  const variants = edges.filter(e => e.type === 'VARIANT_OF');
  for (let frontier = [id], hops = 1; frontier.length; hops++) {
    const next = [];
    for (const e of variants) if (frontier.includes(e.to.id) && e.from.id !== id && !remove.has(e.from.id)) { remove.set(e.from.id, hops); next.push(e.from.id); }
    frontier = next;
  }
  return remove;
}

// A members: true subgraph cut to depth edges out from the class or any member (the members themselves count as the
// start), so that at depth 1 it holds exactly the ends of needs and neededBy with members: true. truncated also when
// the cut dropped something.
export function rollUp(id, direction, depth, sub) {
  const distance = new Map([[id, 0], ...[...memberRemoves(id, sub.edges).keys()].map(m => [m, 0])]);
  const onward = new Map();
  for (const e of sub.edges) {
    const [near, far] = direction === 'dependents' ? [e.to.id, e.from.id] : [e.from.id, e.to.id];
    (onward.get(near) ?? onward.set(near, []).get(near)).push(far);
  }
  let frontier = [...distance.keys()];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next = [];
    for (const near of frontier) for (const far of onward.get(near) ?? []) if (!distance.has(far)) { distance.set(far, d); next.push(far); }
    frontier = next;
  }
  const nodes = sub.nodes.filter(n => distance.has(n.id));
  return { nodes, edges: sub.edges.filter(e => distance.has(e.from.id) && distance.has(e.to.id)), truncated: sub.truncated || nodes.length < sub.nodes.length };
}

function edgeList(edges, testid) {
  if (edges.length === 0) return `<p class="muted" data-testid="${testid}">${esc(t('none'))}</p>`;
  const through = m => `<span class="through">${esc(t('through')).replace('{0}', `<a href="${nodeHref(m.id)}" data-testid="through">${esc(name(m))}</a>`)}</span>`;
  return `<ul class="results" data-testid="${testid}">${edges.map(e => `<li data-testid="edge-row" data-id="${esc(e.other.id)}" data-type="${esc(e.type)}"><span class="muted">${esc(edgeName(e.type))}${e.group ? ` (${esc(e.group)})` : ''}</span>
    ${kindBadge(e.other.kind)} ${nodeLink(e.other)} ${statusBadge(e.other.latestStatus)}${e.reach === 'CLASS' ? ` <span class="tag class-wide" data-testid="class-wide" title="${esc(t('classWideTitle'))}">${esc(t('classWide'))}</span>` : ''}${e.through ? ` ${through(e.through)}` : ''}</li>`).join('')}</ul>`;
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  params.set('lang', currentLang());
  location.hash = `#${path || '/'}?${params}`;
});
window.addEventListener('hashchange', route);
route();
