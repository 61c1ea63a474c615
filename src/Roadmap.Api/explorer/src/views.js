// The analysis views: paths, impact, bottlenecks, changes between years, plan comparison and plan pages.
import * as api from './api.js';
import { t, fmt, name, docTitle, statusName, currentLang } from './i18n.js';
import { esc, kindBadge, statusBadge, nodeLink, scroll, graphPanel, csv, download, KINDS, STATUSES } from './ui.js';
import { guarded, setTitle, loadingHtml, go } from './nav.js';

const th = text => `<th scope="col">${esc(text)}</th>`;

// A typed name or id as a node: an id as it is, else the search hit whose name or alias is the text, else the first hit.
export async function resolveNode(text) {
  const value = text.trim();
  if (!value) return null;
  if (value.includes(':')) { const node = await api.nodeById(value); if (node) return node; }
  const hits = await api.searchFew(value);
  const lower = value.toLowerCase();
  return hits.find(n => [n.nameZh, n.nameEn, ...(n.aliases ?? [])].some(x => x.toLowerCase() === lower)) ?? hits[0] ?? null;
}

function picker(input, list) {
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!input.value.trim() || input.value.includes(':')) return;
      const hits = await api.searchFew(input.value).catch(() => []);
      list.innerHTML = hits.map(n => `<option value="${esc(n.id)}">${esc(name(n))}</option>`).join('');
    }, 200);
  });
}

// ---- paths ----
export async function pathsPage(view, params) {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  setTitle(t('navPaths'));
  view.innerHTML = `<h1>${esc(t('pathsTitle'))}</h1>
    <form class="controls" id="paths-form">
      <label>${esc(t('from'))} <input type="text" id="from" list="from-list" value="${esc(from)}" data-testid="path-from"></label><datalist id="from-list"></datalist>
      <label>${esc(t('to'))} <input type="text" id="to" list="to-list" value="${esc(to)}" data-testid="path-to"></label><datalist id="to-list"></datalist>
      <button type="submit" data-testid="find-paths">${esc(t('find'))}</button>
    </form>
    <p class="muted">${esc(t('pickHint'))}</p>
    <div id="paths" data-testid="paths" aria-live="polite"></div>
    <div id="graph-panel"></div>`;
  picker(view.querySelector('#from'), view.querySelector('#from-list'));
  picker(view.querySelector('#to'), view.querySelector('#to-list'));
  const list = view.querySelector('#paths');
  view.querySelector('#paths-form').addEventListener('submit', async event => {
    event.preventDefault();
    const [a, b] = await Promise.all([resolveNode(view.querySelector('#from').value), resolveNode(view.querySelector('#to').value)]);
    if (!a || !b) { list.innerHTML = `<p role="alert">${esc(fmt('noMatch', !a ? view.querySelector('#from').value : view.querySelector('#to').value))}</p>`; return; }
    go('/paths', { from: a.id, to: b.id });
  });
  if (!from || !to) return;
  list.innerHTML = loadingHtml();
  const { paths, complete } = await guarded(api.findPaths(from, to));
  if (paths.length === 0) { list.innerHTML = `<p>${esc(t('noPaths'))}</p>`; return; }
  list.innerHTML = `${complete ? '' : `<p class="muted" data-testid="paths-incomplete">${esc(t('pathsIncomplete'))}</p>`}<ol>${paths.map(p => `<li data-testid="path">${p.nodes.map(n => nodeLink(n)).join(' → ')} <span class="muted">(${p.length})</span></li>`).join('')}</ol>`;
  const graph = graphPanel(view.querySelector('#graph-panel'), { filename: 'paths' });
  graph.add(paths.flatMap(p => p.nodes), paths.flatMap(p => p.edges), { [from]: 'root', [to]: 'root' });
}

// ---- impact ----
const severityOrder = h => (h.severity === 'BLOCKED' ? 0 : 1);

export async function impactPage(view, params) {
  const list = key => [...new Set((params.get(key) ?? '').split(',').filter(Boolean))];
  const ids = list('ids');
  const resolved = list('resolved');
  const assume = params.get('assume') === '1';
  const asOf = /^\d{4}$/.test(params.get('asOf') ?? '') ? Number(params.get('asOf')) : null;
  const state = { ids: ids.join(','), assume: assume ? '1' : '', resolved: resolved.join(','), asOf: asOf ?? '' };
  const scenario = { gaps: ids, assumeGaps: assume, resolved, asOfYear: asOf };
  setTitle(t('navImpact'));
  const docs = await guarded(api.documents());
  const years = [...new Set(docs.map(d => d.year))].sort();
  view.innerHTML = `<h1>${esc(t('impactTitle'))}</h1>
    <form class="controls" id="add-form">
      <label>${esc(t('addLabel'))} <input type="text" id="add" list="add-list" data-testid="impact-add" autocomplete="off"></label><datalist id="add-list"></datalist>
      <button type="submit" id="add-button" data-testid="impact-add-button">${esc(t('add'))}</button>
      <label><input type="checkbox" id="assume" ${assume ? 'checked' : ''} data-testid="assume-gaps"> ${esc(t('assume'))}</label>
    </form>
    <form class="controls" id="scenario-form">
      <label>${esc(t('resolvedLabel'))} <input type="text" id="resolve" list="resolve-list" data-testid="impact-resolve" autocomplete="off"></label><datalist id="resolve-list"></datalist>
      <button type="submit" data-testid="impact-resolve-button">${esc(t('add'))}</button>
      <label>${esc(t('asOfYear'))} <select id="as-of" data-testid="as-of-year"><option value="">${esc(t('latest'))}</option>${years.map(y => `<option ${y === asOf ? 'selected' : ''}>${y}</option>`).join('')}</select></label>
    </form>
    <p id="add-message" role="status" data-testid="add-message"></p>
    <div><strong>${esc(t('gapSet'))}:</strong> <ul class="chips" id="chips" data-testid="chips">${ids.map(id => `<li data-id="${esc(id)}"><span>${esc(id)}</span></li>`).join('')}</ul></div>
    <div><strong>${esc(t('resolvedSet'))}:</strong> <ul class="chips resolved" id="resolved-chips" data-testid="resolved-chips">${resolved.map(id => `<li><span>${esc(id)}</span></li>`).join('')}</ul></div>
    <div id="impact" data-testid="impact" aria-live="polite"></div>
    <div id="graph-panel"></div>`;
  picker(view.querySelector('#add'), view.querySelector('#add-list'));
  picker(view.querySelector('#resolve'), view.querySelector('#resolve-list'));
  const message = view.querySelector('#add-message');
  const addTo = (inputId, key, current) => async event => {
    event.preventDefault();
    const text = view.querySelector(inputId).value;
    if (!text.trim()) return;
    const node = await resolveNode(text);
    if (!node) { message.textContent = fmt('noMatch', text.trim()); return; }
    go('/impact', { ...state, [key]: [...current.filter(i => i !== node.id), node.id].join(',') });
  };
  view.querySelector('#add-form').addEventListener('submit', addTo('#add', 'ids', ids));
  view.querySelector('#scenario-form').addEventListener('submit', addTo('#resolve', 'resolved', resolved));
  view.querySelector('#assume').addEventListener('change', event => go('/impact', { ...state, assume: event.target.checked ? '1' : '' }));
  view.querySelector('#as-of').addEventListener('change', event => go('/impact', { ...state, asOf: event.target.value }));
  if (ids.length === 0 && !assume) { view.querySelector('#impact').innerHTML = `<p class="muted">${esc(t('emptyGapSet'))}</p>`; return; }

  const panel = view.querySelector('#impact');
  panel.innerHTML = loadingHtml();
  const [named, impact] = await guarded(Promise.all([ids.length || resolved.length ? api.nodesByIds([...ids, ...resolved]) : Promise.resolve([]), api.impactReport(scenario)]));
  const byId = new Map(named.map(n => [n.id, n]));
  setTitle(`${t('navImpact')}: ${[...ids.map(id => (byId.has(id) ? name(byId.get(id)) : id)), ...(assume ? [t('assumed')] : [])].join(', ')}${asOf ? ` (${asOf})` : ''}`);
  const chip = (id, key, current) => `<li data-testid="${key === 'ids' ? 'chip' : 'resolved-chip'}">${byId.has(id) ? `${kindBadge(byId.get(id).kind)} ${esc(name(byId.get(id)))}` : esc(id)}
    <button type="button" class="remove" data-key="${key}" data-id="${esc(id)}" aria-label="${esc(t('remove'))} ${esc(byId.has(id) ? name(byId.get(id)) : id)}">×</button></li>`;
  view.querySelector('#chips').innerHTML = ids.map(id => chip(id, 'ids')).join('');
  view.querySelector('#resolved-chips').innerHTML = resolved.map(id => chip(id, 'resolved')).join('');
  for (const button of view.querySelectorAll('.chips .remove')) button.addEventListener('click', () => {
    const current = button.dataset.key === 'ids' ? ids : resolved;
    go('/impact', { ...state, [button.dataset.key]: current.filter(i => i !== button.dataset.id).join(',') });
  });

  const hits = [...impact.products, ...impact.programs, ...impact.components, ...impact.technologies]
    .sort((a, b) => severityOrder(a) - severityOrder(b) || KINDS.indexOf(a.node.kind) - KINDS.indexOf(b.node.kind) || a.distance - b.distance || name(a.node).localeCompare(name(b.node)));
  const assumed = impact.gaps.filter(g => !ids.includes(g.id));
  const unknown = impact.unknownIds.length ? `<p role="alert">${esc(fmt('unknownIds', impact.unknownIds.join(', ')))}</p>` : '';
  const assumedList = assume ? `<details data-testid="assumed-gaps" ${assumed.length <= 25 ? 'open' : ''}><summary>${esc(t('assumed'))} (${assumed.length})</summary>
    <ul class="results columns">${assumed.map(g => `<li>${kindBadge(g.kind)} ${nodeLink(g)} ${statusBadge(g.latestStatus)}</li>`).join('')}</ul></details>` : '';
  if (hits.length === 0) { panel.innerHTML = `${unknown}${assumedList}<p>${esc(t('impactEmpty'))}</p>`; return; }
  const chain = h => h.path.nodes.map(n => name(n)).join(' → ');
  const quotes = h => h.path.edges.flatMap(e => e.sources.slice(0, 1).map(s => `<li lang="zh-CN"><mark class="quote">${esc(s.quote)}</mark> <span class="muted">${esc(s.document.title)} ${esc(s.section)}</span></li>`)).join('');
  const csvText = csv([
    ['severity', 'kind', 'id', 'name_zh', 'name_en', 'distance', 'chain'],
    ...hits.map(h => [h.severity, h.node.kind, h.node.id, h.node.nameZh, h.node.nameEn, h.distance, h.path.nodes.map(n => n.id).join(' > ')]),
  ]);
  panel.innerHTML = `${unknown}${assumedList}
    <p><span class="sev BLOCKED">${impact.blockedCount} ${esc(t('blocked'))}</span> · <span class="sev AT_RISK">${impact.atRiskCount} ${esc(t('atRisk'))}</span>
      · <button type="button" id="csv" data-testid="csv">${esc(t('csv'))}</button></p>
    ${scroll(`<table data-testid="impact-table"><caption class="sr-only">${esc(t('impactTitle'))}</caption>
      <thead><tr>${th(t('severity'))}${th(t('kind'))}${th(t('node'))}${th(t('distance'))}${th(t('because'))}</tr></thead>
      <tbody>${hits.map(h => `<tr data-testid="impact-row"><td class="sev ${h.severity}">${esc(h.severity === 'BLOCKED' ? t('blocked') : t('atRisk'))}</td><td>${kindBadge(h.node.kind)}</td>
        <td>${nodeLink(h.node)}</td><td>${h.distance}</td><td data-testid="because"><details><summary>${esc(chain(h))}</summary><ul class="quotes">${quotes(h)}</ul></details></td></tr>`).join('')}</tbody></table>`)}`;
  panel.querySelector('#csv').addEventListener('click', () => download('impact.csv', csvText, 'text/csv;charset=utf-8'));
  const classes = Object.fromEntries(hits.map(h => [h.node.id, h.severity]));
  for (const gap of impact.gaps) classes[gap.id] = 'gap';
  const graph = graphPanel(view.querySelector('#graph-panel'), { filename: 'impact', exports: format => api.impactExport(scenario, format) });
  // Each hit carries one chain as evidence; its other edges into the drawn set show the alternatives too.
  graph.add([...impact.gaps, ...hits.flatMap(h => h.path.nodes)], hits.flatMap(h => [...h.path.edges, ...h.node.needs]), classes);
}

// ---- bottlenecks ----
export async function bottlenecksPage(view, params) {
  const kinds = (params.get('kinds') ?? '').split(',').filter(k => KINDS.includes(k));
  const statuses = (params.get('statuses') ?? '').split(',').filter(s => STATUSES.includes(s));
  setTitle(t('navBottlenecks'));
  const rows = await guarded(api.bottlenecks(kinds, statuses));
  const box = (group, value, label, on) => `<label><input type="checkbox" name="${group}" value="${value}" ${on ? 'checked' : ''}> ${esc(label)}</label>`;
  view.innerHTML = `<h1>${esc(t('bottlenecksTitle'))}</h1>
    <form class="controls" id="filters">
      <fieldset class="inline"><legend>${esc(t('kind'))}</legend>${KINDS.filter(k => k !== 'DOCUMENT').map(k => box('kinds', k, t('kinds')[k], kinds.includes(k))).join('')}</fieldset>
      <fieldset class="inline"><legend>${esc(t('status'))}</legend>${STATUSES.map(s => box('statuses', s, statusName(s), statuses.includes(s))).join('')}</fieldset>
      <button type="button" id="csv" data-testid="csv">${esc(t('csv'))}</button>
    </form>
    ${scroll(`<table data-testid="bottlenecks"><caption class="sr-only">${esc(t('bottlenecksTitle'))}</caption>
      <thead><tr>${th(t('rank'))}${th(t('kind'))}${th(t('node'))}${th(t('status'))}${th(t('dependentProducts'))}${th(t('dependentPrograms'))}${th(t('blockedProducts'))}${th(t('navImpact'))}</tr></thead>
      <tbody>${rows.map((b, i) => `<tr data-testid="bottleneck-row"><td>${i + 1}</td><td>${kindBadge(b.node.kind)}</td><td>${nodeLink(b.node)}</td><td>${statusBadge(b.latestStatus)}</td>
        <td>${b.dependentProducts}</td><td>${b.dependentPrograms}</td><td>${b.blockedProducts}</td>
        <td><a href="#/impact?ids=${encodeURIComponent(b.node.id)}" data-testid="impact-link">${esc(t('impactLink'))}</a></td></tr>`).join('')}</tbody></table>`)}`;
  const form = view.querySelector('#filters');
  form.addEventListener('change', () => go('/bottlenecks', {
    kinds: [...form.querySelectorAll('input[name=kinds]:checked')].map(i => i.value).join(','),
    statuses: [...form.querySelectorAll('input[name=statuses]:checked')].map(i => i.value).join(','),
  }));
  view.querySelector('#csv').addEventListener('click', () => download('bottlenecks.csv', csv([
    ['rank', 'kind', 'id', 'name_zh', 'name_en', 'latest_status', 'dependent_products', 'dependent_programs', 'blocked_products'],
    ...rows.map((b, i) => [i + 1, b.node.kind, b.node.id, b.node.nameZh, b.node.nameEn, b.latestStatus ?? '', b.dependentProducts, b.dependentPrograms, b.blockedProducts]),
  ]), 'text/csv;charset=utf-8'));
}

// ---- changes between two years ----
export async function changesPage(view, params) {
  const docs = await guarded(api.documents());
  const years = [...new Set(docs.map(d => d.year))].sort();
  const from = years.includes(Number(params.get('from'))) ? Number(params.get('from')) : years[1] ?? years[0];
  const to = years.includes(Number(params.get('to'))) ? Number(params.get('to')) : years[years.length - 1];
  setTitle(`${t('navChanges')} ${from}–${to}`);
  const list = await guarded(api.changes(from, to));
  const select = (id, label, value) => `<label>${esc(label)} <select id="${id}" data-testid="${id}">${years.map(y => `<option ${y === value ? 'selected' : ''}>${y}</option>`).join('')}</select></label>`;
  const improved = list.filter(c => c.direction === 'IMPROVED').length;
  view.innerHTML = `<h1>${esc(t('changesTitle'))}</h1>
    <form class="controls" id="years">${select('from-year', t('fromYear'), from)}${select('to-year', t('toYear'), to)}</form>
    <p data-testid="change-counts"><strong>${list.length}</strong> · ${improved} ${esc(t('improved'))} · ${list.length - improved} ${esc(t('worsened'))}</p>
    ${list.length ? scroll(`<table data-testid="changes"><caption class="sr-only">${esc(t('changesTitle'))}</caption>
      <thead><tr>${th(t('kind'))}${th(t('node'))}${th(`${t('status')} (${t('from')})`)}${th(`${t('status')} (${t('to')})`)}${th(t('change'))}</tr></thead>
      <tbody>${list.map(c => `<tr data-testid="change-row"><td>${kindBadge(c.node.kind)}</td><td>${nodeLink(c.node)}</td>
        <td>${statusBadge(c.from.status)} <span class="muted">${c.from.year}</span></td><td>${statusBadge(c.to.status)} <span class="muted">${c.to.year}</span></td>
        <td class="dir ${c.direction}">${esc(c.direction === 'IMPROVED' ? `↑ ${t('improved')}` : `↓ ${t('worsened')}`)}</td></tr>`).join('')}</tbody></table>`) : `<p>${esc(t('noChanges'))}</p>`}`;
  view.querySelector('#years').addEventListener('change', () => go('/changes', { from: view.querySelector('#from-year').value, to: view.querySelector('#to-year').value }));
}

// ---- plan comparison ----
export async function comparePage(view, params) {
  const docs = (await guarded(api.documents())).sort((x, y) => x.year - y.year);
  const a = docs.find(d => d.id === params.get('a'))?.id ?? docs[1]?.id;
  const b = docs.find(d => d.id === params.get('b'))?.id ?? docs[docs.length - 1]?.id;
  const cmp = await guarded(api.compareDocuments(a, b));
  setTitle(`${t('navCompare')}: ${cmp.a.year} / ${cmp.b.year}`);
  const select = (id, label, value) => `<label>${esc(label)} <select id="${id}" data-testid="${id}">${docs.map(d => `<option value="${esc(d.id)}" ${d.id === value ? 'selected' : ''}>${d.year} ${esc(docTitle(d))}</option>`).join('')}</select></label>`;
  const column = (title, nodes, testid) => `<section class="column" data-testid="${testid}"><h2>${esc(title)} <span class="count">${nodes.length}</span></h2>
    ${KINDS.filter(k => nodes.some(n => n.kind === k)).map(k => `<h3>${esc(t('kinds')[k])} <span class="muted">${nodes.filter(n => n.kind === k).length}</span></h3>
      <ul class="results">${nodes.filter(n => n.kind === k).map(n => `<li>${nodeLink(n)}</li>`).join('')}</ul>`).join('')}</section>`;
  view.innerHTML = `<h1>${esc(t('compareTitle'))}</h1>
    <form class="controls" id="pick">${select('plan-a', t('planA'), a)}${select('plan-b', t('planB'), b)}</form>
    <div class="three">${column(fmt('onlyIn', `${cmp.a.year} ${docTitle(cmp.a)}`), cmp.onlyA, 'only-a')}${column(t('inBoth'), cmp.both, 'both')}${column(fmt('onlyIn', `${cmp.b.year} ${docTitle(cmp.b)}`), cmp.onlyB, 'only-b')}</div>`;
  view.querySelector('#pick').addEventListener('change', () => go('/compare', { a: view.querySelector('#plan-a').value, b: view.querySelector('#plan-b').value }));
}

// ---- a plan's page ----
export async function planPage(view, id) {
  const [doc, nodes] = await guarded(Promise.all([api.planDocument(id), api.planNodes(id).catch(() => [])]));
  if (!doc || doc.kind !== 'DOCUMENT') { setTitle(t('notFound')); view.innerHTML = `<h1>${esc(t('notFound'))}</h1><p data-testid="not-found">${esc(id)}</p>`; return; }
  setTitle(docTitle(doc));
  const judgement = n => n.assessments.find(a => a.document.id === id)?.status;
  view.innerHTML = `<h1 data-testid="plan-title">${esc(docTitle(doc))}</h1>
    <p class="muted" lang="${currentLang() === 'zh' ? 'en' : 'zh-CN'}">${esc(currentLang() === 'zh' ? doc.titleEn : doc.title)}</p>
    <p>${doc.year} · ${esc(t('issuer'))}: ${esc(doc.issuer ?? '')}${doc.period ? ` · ${esc(t('period'))}: ${doc.period.start}–${doc.period.end ?? ''}` : ''} · <strong data-testid="stated-count">${esc(fmt('statedCount', nodes.length))}</strong></p>
    ${KINDS.filter(k => nodes.some(n => n.kind === k)).map(k => { const list = nodes.filter(n => n.kind === k); return `<h2>${esc(t('kinds')[k])} <span class="muted">${list.length}</span></h2>
      ${scroll(`<table><thead><tr>${th(t('node'))}${th(t('judgement'))}${th(t('status'))}</tr></thead>
        <tbody>${list.map(n => `<tr data-testid="plan-row"><td>${nodeLink(n)}</td><td>${statusBadge(judgement(n))}</td><td>${statusBadge(n.latestStatus)}</td></tr>`).join('')}</tbody></table>`)}`; }).join('')}`;
}

