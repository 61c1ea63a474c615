// The roadmap over time: lanes by layer, years across; program bars by period, status chips in the year of each
// judgement, specification targets as milestones in the year of the plan that sets them; each item links to its node.
import * as api from './api.js';
import { t, fmt, name, statusName, docTitle } from './i18n.js';
import { esc, kindBadge, statusBadge, nodeLink, scroll, download, STATUSES } from './ui.js';
import { STATUS_FILL } from './graph.js';
import { guarded, setTitle } from './nav.js';

const LANES = ['PROGRAM', 'PRODUCT', 'COMPONENT', 'TECHNOLOGY'];
const LANE_FILL = { PROGRAM: '#eef6ee', PRODUCT: '#fbf1ea', COMPONENT: '#eaf4f6', TECHNOLOGY: '#f2eefb' };
const LABEL_W = 300, YEAR_W = 58, ROW_H = 24, HEAD_H = 34, LANE_HEAD_H = 22, LEGEND_H = 64;

// The one shape the chart draws from, out of the API's time axis: bars from startYear to endYear (a program's period,
// or the years of the first and last plan that state the node), the judgement in force each year (judged marks the
// years a plan made it), and milestones at their due years (stated when the plan gives the year).
export function timeModel(roadmap) {
  return {
    years: roadmap.years,
    lanes: roadmap.lanes.map(lane => ({
      kind: lane.kind,
      items: lane.items.map(item => ({
        node: item.node, startYear: item.startYear, endYear: item.endYear, span: item.span,
        statuses: item.statuses.map(s => ({ year: s.year, status: s.status, judged: s.assessment.year === s.year, plan: docTitle(s.assessment.document) })),
        milestones: item.milestones.map(m => ({ year: m.dueYear, stated: m.dueYearStated, label: m.label })),
      })),
    })),
  };
}

const escXml = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function timeSvg(model) {
  const width = LABEL_W + Math.max(1, model.years.length) * YEAR_W + 20;
  const rows = model.lanes.reduce((n, l) => n + l.items.length, 0);
  const height = HEAD_H + model.lanes.length * LANE_HEAD_H + rows * ROW_H + LEGEND_H + 10;
  const x = year => LABEL_W + (year - model.years[0]) * YEAR_W;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"
    font-family="system-ui, 'Noto Sans CJK SC', sans-serif" font-size="12" aria-labelledby="roadmap-svg-title" data-testid="roadmap-svg">`,
    `<title id="roadmap-svg-title">${escXml(t('roadmapTitle'))}</title><rect width="100%" height="100%" fill="#ffffff"/>`];
  model.years.forEach(year => {
    out.push(`<line x1="${x(year)}" y1="${HEAD_H - 6}" x2="${x(year)}" y2="${height - LEGEND_H}" stroke="#e2e2e2"/>`);
    out.push(`<text x="${x(year) + YEAR_W / 2}" y="${HEAD_H - 12}" text-anchor="middle" fill="#1a1a1a" font-weight="600">${year}</text>`);
  });
  let y = HEAD_H;
  for (const lane of model.lanes) {
    const laneHeight = LANE_HEAD_H + lane.items.length * ROW_H;
    out.push(`<rect x="0" y="${y}" width="${width}" height="${laneHeight}" fill="${LANE_FILL[lane.kind]}" stroke="#cccccc"/>`);
    out.push(`<text x="8" y="${y + 15}" font-weight="700" fill="#1a1a1a">${escXml(t('kinds')[lane.kind])}</text>`);
    y += LANE_HEAD_H;
    for (const item of lane.items) {
      const mid = y + ROW_H / 2;
      out.push(`<a href="#/node/${encodeURIComponent(item.node.id)}" xlink:href="#/node/${encodeURIComponent(item.node.id)}" data-testid="roadmap-item"><title>${escXml(name(item.node))}</title>`
        + `<text x="16" y="${mid + 4}" fill="#0b4a8b">${escXml(clip(name(item.node), 42))}</text></a>`);
      const program = item.span === 'PROGRAM_PERIOD';
      out.push(`<rect x="${x(item.startYear) + 2}" y="${y + 6}" width="${(item.endYear - item.startYear + 1) * YEAR_W - 4}" height="${ROW_H - 12}" rx="4" fill="${program ? '#2e7d32' : '#b9c2cc'}" opacity="${program ? 0.75 : 0.6}" data-testid="roadmap-bar" data-span="${item.span}"><title>${item.startYear}–${item.endYear} (${escXml(program ? t('period') : t('statedYears'))})</title></rect>`);
      for (const s of item.statuses) {
        out.push(`<rect x="${x(s.year) + 4}" y="${y + 4}" width="${YEAR_W - 22}" height="${ROW_H - 8}" rx="8" fill="${STATUS_FILL[s.status]}" opacity="${s.judged ? 1 : 0.45}" stroke="#222" stroke-width="${s.judged ? 1.5 : 0.5}" data-testid="roadmap-chip"${s.judged ? ' data-judged="true"' : ''}><title>${s.year}: ${escXml(statusName(s.status))} (${escXml(s.plan)})</title></rect>`);
      }
      for (const m of item.milestones) {
        const cx = x(m.year) + YEAR_W - 10;
        out.push(`<path d="M ${cx} ${y + 3} l 8 9 l -8 9 l -8 -9 z" fill="${m.stated ? '#000000' : '#ffffff'}" stroke="#000" stroke-width="1.5" data-testid="roadmap-milestone"><title>${m.year}${m.stated ? '' : ` (${escXml(t('dueAssumed'))})`}: ${escXml(m.label)}</title></path>`);
      }
      y += ROW_H;
    }
  }
  // The legend, so a downloaded chart reads on its own.
  let lx = 8, ly = height - LEGEND_H + 10;
  const key = (shape, label) => {
    const w = 30 + [...label].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
    if (lx + w > width) { lx = 8; ly += 24; }
    out.push(shape(lx)); out.push(`<text x="${lx + 22}" y="${ly + 11}" fill="#1a1a1a">${escXml(label)}</text>`); lx += w;
  };
  key(at => `<rect x="${at}" y="${ly}" width="18" height="14" rx="4" fill="#2e7d32" opacity="0.75"/>`, t('period'));
  key(at => `<rect x="${at}" y="${ly}" width="18" height="14" rx="4" fill="#b9c2cc" opacity="0.6"/>`, t('statedYears'));
  for (const s of STATUSES) key(at => `<rect x="${at}" y="${ly}" width="18" height="14" rx="7" fill="${STATUS_FILL[s]}" stroke="#222"/>`, statusName(s));
  key(at => `<path d="M ${at + 9} ${ly - 2} l 8 9 l -8 9 l -8 -9 z" fill="#000" stroke="#000" stroke-width="1.5"/>`, t('milestone'));
  key(at => `<path d="M ${at + 9} ${ly - 2} l 8 9 l -8 9 l -8 -9 z" fill="#fff" stroke="#000" stroke-width="1.5"/>`, t('dueAssumed'));
  out.push('</svg>');
  return out.join('\n');
}

async function svgToPng(svgText) {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = () => reject(new Error('SVG did not load')); img.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = img.width * 2; canvas.height = img.height * 2;
    const ctx = canvas.getContext('2d');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
  } finally { URL.revokeObjectURL(url); }
}

export async function roadmapPage(view, id) {
  const roadmap = await guarded(api.roadmap(id));
  if (!roadmap) { setTitle(t('notFound')); view.innerHTML = `<h1>${esc(t('notFound'))}</h1><p data-testid="not-found">${esc(id)}</p>`; return; }
  const title = fmt('roadmapOf', name(roadmap.node));
  setTitle(title);
  const model = timeModel(roadmap);
  const svg = timeSvg(model);
  const period = i => `${i.startYear}–${i.endYear}`;
  view.innerHTML = `<h1 data-testid="roadmap-title">${esc(title)}</h1>
    <p>${kindBadge(roadmap.node.kind)} ${nodeLink(roadmap.node)}</p>
    <p class="muted">${esc(t('roadmapHint'))}</p>
    ${roadmap.truncated ? `<p class="muted">${esc(t('truncated'))}</p>` : ''}
    <p class="controls">${esc(t('download'))}: <button type="button" data-testid="roadmap-svg-download">${esc(t('svg'))}</button>
      <button type="button" data-testid="roadmap-png-download">${esc(t('png'))}</button>
      <button type="button" data-testid="roadmap-mermaid-download">${esc(t('mermaidGantt'))}</button></p>
    <div class="roadmap-chart">${svg}</div>
    <details><summary>${esc(t('asList'))}</summary>
    ${scroll(`<table data-testid="roadmap-table"><thead><tr><th scope="col">${esc(t('kind'))}</th><th scope="col">${esc(t('node'))}</th><th scope="col">${esc(t('period'))}</th><th scope="col">${esc(t('status'))}</th><th scope="col">${esc(t('targets'))}</th></tr></thead>
      <tbody>${model.lanes.flatMap(l => l.items).map(i => `<tr><td>${kindBadge(i.node.kind)}</td><td>${nodeLink(i.node)}</td><td>${period(i)}</td>
        <td>${i.statuses.filter(s => s.judged).map(s => `${s.year} ${statusBadge(s.status)}`).join(' ')}</td><td>${i.milestones.map(m => `${m.year} ${esc(m.label)}`).join('; ')}</td></tr>`).join('')}</tbody></table>`)}</details>`;
  const file = `roadmap-${id.replace(':', '-')}`;
  view.querySelector('[data-testid=roadmap-svg-download]').addEventListener('click', () => download(`${file}.svg`, svg, 'image/svg+xml'));
  view.querySelector('[data-testid=roadmap-png-download]').addEventListener('click', async () => download(`${file}.png`, await svgToPng(svg), 'image/png'));
  view.querySelector('[data-testid=roadmap-mermaid-download]').addEventListener('click', () => download(`${file}.mmd`, roadmap.gantt, 'text/plain'));
}
