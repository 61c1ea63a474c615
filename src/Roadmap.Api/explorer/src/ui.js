// Pieces every view shares: escaping, badges, links, downloads, and the graph panel (graph, legend, details, table).
import { drawGraph, STATUS_FILL, NO_STATUS_FILL, KIND_SHAPES, EDGE_STYLES, LANES, CLASS_EDGE } from './graph.js';
import { t, name, otherName, statusName, edgeName, currentLang } from './i18n.js';

export const KINDS = ['PROGRAM', 'PRODUCT', 'COMPONENT', 'TECHNOLOGY', 'DOCUMENT'];
export const STATUSES = ['DOMESTIC_GAP', 'IMPORT_DEPENDENT', 'FOUNDATION', 'BREAKTHROUGH', 'ADVANCED'];

export const esc = text => String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
export const kindBadge = kind => `<span class="kind ${esc(kind)}">${esc(t('kind1')[kind] ?? kind)}</span>`;
export const statusBadge = status => (status ? `<span class="status ${esc(status)}">${esc(statusName(status))}</span>` : '');
export const nodeHref = id => `#/node/${encodeURIComponent(id)}`;
export const nodeLink = node => `<a href="${nodeHref(node.id)}">${esc(name(node))}</a> <span class="muted" lang="${document.documentElement.lang === 'en' ? 'zh-CN' : 'en'}">${esc(otherName(node))}</span>`;
export const scroll = html => `<div class="scroll">${html}</div>`;

export function download(filename, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// CSV with a byte-order mark, so Excel reads the Chinese names as UTF-8.
export function csv(rows) {
  const cell = v => { const s = String(v ?? ''); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  return '\uFEFF' + rows.map(r => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const swatch = colour => `<span class="swatch" style="background:${colour}" aria-hidden="true"></span>`;
const shapeIcon = kind => `<span class="shape ${esc(KIND_SHAPES[kind])}" aria-hidden="true"></span>`;

export function legend() {
  return `<details class="legend" open data-testid="legend"><summary>${esc(t('legend'))}</summary>
    <div><strong>${esc(t('fill'))}:</strong> ${STATUSES.map(s => `<span>${swatch(STATUS_FILL[s])}${esc(statusName(s))}</span>`).join('')}<span>${swatch(NO_STATUS_FILL)}${esc(t('noStatus'))}</span></div>
    <div><strong>${esc(t('shape'))}:</strong> ${LANES.slice(1).map(k => `<span>${shapeIcon(k)}${esc(t('kind1')[k])}</span>`).join('')}</div>
    <div><strong>${esc(t('edgeStyles'))}:</strong> ${Object.entries(EDGE_STYLES).map(([type, s]) => `<span><span class="line ${s.style}" style="border-color:${s.color}" aria-hidden="true"></span>${esc(edgeName(type))}</span>`).join('')}
      <span><span class="line dashed" style="border-color:#555" aria-hidden="true"></span>${esc(t('alternative'))}</span>
      <span data-testid="legend-class-wide"><span class="line class-wide" style="border-color:#555;border-top-width:${CLASS_EDGE.width}px" aria-hidden="true"></span>${esc(t('classWideEdge'))}</span></div>
  </details>`;
}

// The graph with its toolbar, legend, details panel and the same nodes as a table (the text alternative).
// mode 'graph' or 'table'; onMode(mode) lets the view keep it in the URL; exports adds Mermaid/GraphML from the API.
export function graphPanel(host, { mode = 'graph', onMode, onExpand, exports, filename = 'graph' } = {}) {
  host.innerHTML = `<div class="graph-tools controls">
      <span role="group" aria-label="${esc(t('show'))}" class="toggle">
        <button type="button" data-mode="graph" aria-pressed="${mode === 'graph'}" data-testid="as-graph">${esc(t('asGraph'))}</button><button type="button" data-mode="table" aria-pressed="${mode === 'table'}" data-testid="as-table">${esc(t('asTable'))}</button>
      </span>
      <label>${esc(t('filter'))} <input type="search" class="graph-filter" data-testid="graph-filter"></label>
      <span class="downloads">${esc(t('download'))}:
        <button type="button" data-export="png" data-testid="export-png">${esc(t('png'))}</button>
        <button type="button" data-export="svg" data-testid="export-svg">${esc(t('svg'))}</button>
        ${exports ? `<button type="button" data-export="MERMAID" data-testid="export-mermaid">${esc(t('mermaid'))}</button><button type="button" data-export="GRAPHML" data-testid="export-graphml">${esc(t('graphml'))}</button>` : ''}
      </span>
    </div>
    ${legend()}
    <div class="graph-area ${mode === 'table' ? 'table-mode' : ''}">
      <div class="graph" data-testid="graph" role="application" aria-label="${esc(t('graph'))}. ${esc(t('keys'))}"></div>
      <aside class="details" data-testid="details" aria-live="polite"><p class="muted">${esc(t('pickNode'))}</p></aside>
    </div>
    <div class="graph-table ${mode === 'table' ? '' : 'sr-only'}" data-testid="graph-table"></div>`;
  const container = host.querySelector('.graph');
  const details = host.querySelector('.details');
  const tableHost = host.querySelector('.graph-table');
  const filterInput = host.querySelector('.graph-filter');

  const renderTable = () => {
    const needle = filterInput.value.trim().toLowerCase();
    const nodes = graph.nodes().filter(n => !needle || `${n.nameZh} ${n.nameEn} ${n.id}`.toLowerCase().includes(needle))
      .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || name(a).localeCompare(name(b)));
    tableHost.innerHTML = scroll(`<table><caption>${esc(t('asList'))} (${nodes.length})</caption>
      <thead><tr><th scope="col">${esc(t('kind'))}</th><th scope="col">${esc(t('node'))}</th><th scope="col">${esc(t('status'))}</th></tr></thead>
      <tbody>${nodes.map(n => `<tr data-testid="graph-row"><td>${kindBadge(n.kind)}</td><td>${nodeLink(n)}</td><td>${statusBadge(n.latestStatus)}</td></tr>`).join('')}</tbody></table>`);
  };
  const select = node => {
    if (!node) return;
    details.innerHTML = `<h3>${esc(name(node))}</h3><p class="muted">${esc(otherName(node))}</p>
      <p>${kindBadge(node.kind)} ${statusBadge(node.latestStatus) || `<span class="muted">${esc(t('noStatus'))}</span>`}</p>
      <p><a href="${nodeHref(node.id)}" data-testid="details-open">${esc(t('open'))}</a></p>
      ${onExpand ? `<p><button type="button" data-dir="dependencies" data-testid="expand-needs">${esc(t('expandNeeds'))}</button></p>
      <p><button type="button" data-dir="dependents" data-testid="expand-needed-by">${esc(t('expandNeededBy'))}</button></p>` : ''}`;
    for (const button of details.querySelectorAll('button[data-dir]')) button.addEventListener('click', () => onExpand(node.id, button.dataset.dir, graph));
  };
  const graph = drawGraph(container, {
    onSelect: select,
    onOpen: id => { location.hash = nodeHref(id); },
    onChange: renderTable,
  });
  filterInput.addEventListener('input', () => { graph.filter(filterInput.value); renderTable(); });
  for (const button of host.querySelectorAll('[data-mode]')) button.addEventListener('click', () => {
    const next = button.dataset.mode;
    host.querySelector('.graph-area').classList.toggle('table-mode', next === 'table');
    tableHost.classList.toggle('sr-only', next !== 'table');
    for (const b of host.querySelectorAll('[data-mode]')) b.setAttribute('aria-pressed', String(b.dataset.mode === next));
    if (next === 'graph') { graph.cy.resize(); graph.cy.fit(undefined, 24); }
    onMode?.(next);
  });
  for (const button of host.querySelectorAll('[data-export]')) button.addEventListener('click', async () => {
    const kind = button.dataset.export;
    if (kind === 'png') download(`${filename}.png`, await graph.png(), 'image/png');
    else if (kind === 'svg') download(`${filename}.svg`, graph.svg(), 'image/svg+xml');
    else download(`${filename}.${kind === 'MERMAID' ? 'mmd' : 'graphml'}`, await exports(kind), kind === 'MERMAID' ? 'text/plain' : 'application/xml');
  });
  return graph;
}

// A target or goal as the plan sets it, in the plan's unit (its English form in English, when the API has one).
export const quantityUnit = q => (currentLang() === 'en' && q.unitEn ? q.unitEn : q.unit);
export const comparator = q => ({ LT: '<', LTE: '≤', GT: '>', GTE: '≥', EQ: '=', WITHIN: '±', BETWEEN: '' }[q.comparator] ?? '')
  + (q.comparator === 'BETWEEN' ? `${q.value}–${q.maxValue}` : `${q.value}`) + (quantityUnit(q) ? ` ${quantityUnit(q)}` : '');

// The quote highlighted inside the plan's sentence around it.
export function inContext(source) {
  const quote = source.quote.replace(/\s+/g, '');
  const context = source.context ?? '';
  const at = context.indexOf(quote);
  if (at < 0) return `<span class="quote">${esc(source.quote)}</span>`;
  return `<span class="context">${esc(context.slice(0, at))}<mark class="quote" data-testid="quote">${esc(quote)}</mark>${esc(context.slice(at + quote.length))}</span>`;
}

