// The dependency graph in fixed lanes, one per layer (program | product | component | technology), drawn by cytoscape.
// Positions are computed here rather than by a general layout so that the layers always read as bands from left to
// right, labels never shrink below MIN_LABEL_PX, and expanding keeps every node already drawn where it is.
import cytoscape from 'cytoscape';
import { name, t, statusName, edgeName } from './i18n.js';

export const LANES = ['DOCUMENT', 'PROGRAM', 'PRODUCT', 'COMPONENT', 'TECHNOLOGY'];
export const STATUS_FILL = { DOMESTIC_GAP: '#b00020', IMPORT_DEPENDENT: '#e07000', FOUNDATION: '#c9a400', BREAKTHROUGH: '#1565c0', ADVANCED: '#2e7d32' };
export const NO_STATUS_FILL = '#d0d0d0';
export const KIND_SHAPES = { PROGRAM: 'round-rectangle', PRODUCT: 'ellipse', COMPONENT: 'diamond', TECHNOLOGY: 'hexagon', DOCUMENT: 'rectangle' };
export const EDGE_STYLES = {
  TARGETS: { color: '#2e7d32', style: 'solid' },
  INCLUDES: { color: '#555555', style: 'dotted' },
  REQUIRES: { color: '#1f5f8c', style: 'solid' },
  USES_TECHNOLOGY: { color: '#7b4fd6', style: 'solid' },
  VARIANT_OF: { color: '#a0460f', style: 'dotted' },
};
// How a class-wide need (reach CLASS) is drawn, on screen, in the SVG and in the legend.
export const CLASS_EDGE = { width: 3.2 };
const FONT_PX = 12;
export const MIN_LABEL_PX = 11;
// A lane that would get more new nodes than this at once shows them as groups (by status) that open on click.
export const GROUP_ABOVE = 40;
const MIN_GROUP = 5;
const ROWS = 14, ROW_H = 36, COL_W = 230, LANE_GAP = 60;

// Every graph drawn since the last navigation: cytoscape keeps its renderer and window listeners alive until it is
// destroyed, so each navigation destroys the graphs of the page it leaves.
const live = new Set();
export function destroyGraphs() {
  for (const cy of live) cy.destroy();
  live.clear();
}

const laneOf = kind => Math.max(0, LANES.indexOf(kind));

export function drawGraph(container, { onSelect, onOpen, onChange } = {}) {
  const cy = cytoscape({
    container,
    minZoom: MIN_LABEL_PX / FONT_PX,
    maxZoom: 2,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: {
        label: 'data(label)', 'font-size': FONT_PX, 'text-wrap': 'ellipsis', 'text-max-width': COL_W - 40, 'text-valign': 'center', 'text-halign': 'right',
        'text-margin-x': 5, color: '#1a1a1a', 'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        shape: el => KIND_SHAPES[el.data('kind')] ?? 'ellipse', width: 18, height: 18,
        'background-color': el => STATUS_FILL[el.data('status')] ?? NO_STATUS_FILL, 'border-width': 1, 'border-color': '#333',
      } },
      { selector: 'node.root', style: { width: 26, height: 26, 'border-width': 3, 'border-color': '#000', 'font-weight': 'bold' } },
      { selector: 'node.group', style: { shape: 'round-tag', width: 22, height: 22, 'border-style': 'double', 'border-width': 3 } },
      { selector: 'node.gap', style: { 'border-width': 4, 'border-color': '#000', 'border-style': 'double' } },
      { selector: 'node.BLOCKED', style: { 'overlay-color': '#b00020', 'overlay-opacity': 0.22, 'overlay-padding': 5 } },
      { selector: 'node.AT_RISK', style: { 'overlay-color': '#e07000', 'overlay-opacity': 0.2, 'overlay-padding': 5 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0b57d0' } },
      { selector: '.faded', style: { opacity: 0.2 } },
      { selector: 'edge', style: {
        width: 1.4, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'line-color': el => EDGE_STYLES[el.data('type')]?.color ?? '#999', 'target-arrow-color': el => EDGE_STYLES[el.data('type')]?.color ?? '#999',
        'line-style': el => (el.data('group') ? 'dashed' : EDGE_STYLES[el.data('type')]?.style ?? 'solid'),
      } },
      // A need of the class as a whole (reach CLASS): heavier, with a square at the class's end; no member inherits it.
      { selector: 'edge[reach = "CLASS"]', style: {
        width: CLASS_EDGE.width, 'source-arrow-shape': 'square', 'source-arrow-color': el => EDGE_STYLES[el.data('type')]?.color ?? '#999',
      } },
    ],
  });
  live.add(cy);
  // The live graph, for the browser tests and for the curious.
  window.__roadmapGraph = cy;

  const known = new Map();     // id -> node as the API gave it (members of closed groups included)
  const groupOf = new Map();   // member id -> group id while the group is closed
  const groups = new Map();    // group id -> { members, lane, label }
  const edges = new Map();     // edge key -> edge as the API gave it
  const classesOf = {};
  let groupSeq = 0;

  const laneNodes = lane => cy.nodes().filter(n => n.data('lane') === lane);
  const lanesDrawn = () => [...new Set(cy.nodes().map(n => n.data('lane')))].sort((a, b) => a - b);
  const laneLeft = lane => Math.min(...laneNodes(lane).map(n => n.position('x')));
  const laneRight = lane => Math.max(...laneNodes(lane).map(n => n.position('x')));

  // Where a lane's first column goes: after the lanes to its left, before those to its right (which move right to make room).
  function placeLane(lane, columns) {
    const drawn = lanesDrawn().filter(l => l !== lane);
    const left = drawn.filter(l => l < lane), right = drawn.filter(l => l > lane);
    const x = left.length ? laneRight(left[left.length - 1]) + COL_W + LANE_GAP : right.length ? laneLeft(right[0]) - columns * COL_W - LANE_GAP : 0;
    if (left.length && right.length) {
      const shift = x + columns * COL_W + LANE_GAP - laneLeft(right[0]);
      if (shift > 0) for (const l of right) laneNodes(l).positions(n => ({ x: n.position('x') + shift, y: n.position('y') }));
    }
    return x;
  }

  // The row a new node wants: the mean row of its drawn neighbours, so that chains stay roughly level.
  function wantedY(id) {
    const ys = [];
    for (const e of edges.values()) {
      const other = e.from.id === id ? e.to.id : e.to.id === id ? e.from.id : null;
      const drawnId = other && (groupOf.get(other) ?? other);
      const n = drawnId && cy.getElementById(drawnId);
      if (n && n.nonempty() && n.position) ys.push(n.position('y'));
    }
    return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Infinity;
  }

  function placeNew(items) {
    const byLane = new Map();
    for (const item of items) (byLane.get(item.lane) ?? byLane.set(item.lane, []).get(item.lane)).push(item);
    const rootLane = items.find(i => i.classes?.includes('root'))?.lane;
    // Lanes nearest the root first, so that each lane can line up with the one before it.
    const order = [...byLane.keys()].sort((a, b) => (rootLane === undefined ? a - b : Math.abs(a - rootLane) - Math.abs(b - rootLane) || a - b));
    for (const lane of order) {
      const list = byLane.get(lane);
      for (const item of list) item.want = wantedY(item.id);
      const isRoot = item => (item.classes.includes('root') ? 0 : 1);
      list.sort((a, b) => isRoot(a) - isRoot(b) || a.want - b.want || a.label.localeCompare(b.label));
      const existing = laneNodes(lane);
      if (existing.empty()) {
        // The root gets a column of its own at mid height, so that its edges into its own lane do not run through nodes.
        const root = list[0].classes.includes('root') && list.length > 1 ? list.shift() : null;
        const columns = Math.ceil(list.length / ROWS) + (root ? 1 : 0);
        const x0 = placeLane(lane, columns);
        if (root) cy.add({ group: 'nodes', data: root.data, classes: root.classes, position: { x: x0, y: ((Math.min(ROWS, list.length) - 1) * ROW_H) / 2 } });
        const first = root ? x0 + COL_W : x0;
        list.forEach((item, i) => cy.add({ group: 'nodes', data: item.data, classes: item.classes, position: { x: first + Math.floor(i / ROWS) * COL_W, y: (i % ROWS) * ROW_H } }));
      } else {
        // Below the lane's last column, so nothing already drawn moves.
        const x = laneRight(lane);
        let y = Math.max(...existing.filter(n => n.position('x') === x).map(n => n.position('y'))) + ROW_H;
        for (const item of list) { cy.add({ group: 'nodes', data: item.data, classes: item.classes, position: { x, y } }); y += ROW_H; }
      }
    }
  }

  const nodeItem = (node, extra = '') => ({
    id: node.id, lane: laneOf(node.kind), label: name(node), classes: `${classesOf[node.id] ?? ''} ${extra}`.trim(),
    data: { id: node.id, label: name(node), kind: node.kind, status: node.latestStatus ?? null, lane: laneOf(node.kind) },
  });

  function syncEdges() {
    const wanted = new Map();
    for (const [key, e] of edges) {
      const source = groupOf.get(e.from.id) ?? e.from.id, target = groupOf.get(e.to.id) ?? e.to.id;
      if (source === target || cy.getElementById(source).empty() || cy.getElementById(target).empty()) continue;
      const id = source === e.from.id && target === e.to.id ? key : `${source}|${e.type}|${target}`;
      if (!wanted.has(id)) wanted.set(id, { id, source, target, type: e.type, group: e.group ?? null, reach: e.reach ?? 'EVERY_MEMBER' });
    }
    cy.edges().filter(e => !wanted.has(e.id())).remove();
    for (const data of wanted.values()) if (cy.getElementById(data.id).empty()) cy.add({ group: 'edges', data });
  }

  // Fits the graph; when that would shrink labels below MIN_LABEL_PX, keeps the smallest readable zoom and shows
  // the top left, where the root's lane starts (the rest is a pan away).
  function frame() {
    cy.fit(undefined, 24);
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
    if (cy.zoom() <= cy.minZoom() + 1e-9) {
      const box = cy.nodes().boundingBox({ includeLabels: false });
      cy.pan({ x: 24 - box.x1 * cy.zoom(), y: 24 - box.y1 * cy.zoom() });
    }
  }

  function changed() {
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.groupCount = String(cy.nodes('.group').length);
    onChange?.(api);
  }

  const api = {
    cy,
    // Adds what is not drawn yet. New nodes of a lane beyond GROUP_ABOVE arrive as closed groups by status.
    add(nodes, newEdges, classes = {}, { keep = false } = {}) {
      Object.assign(classesOf, classes);
      for (const e of newEdges) edges.set(`${e.from.id}|${e.type}|${e.to.id}`, e);
      const fresh = [];
      for (const node of nodes) if (!known.has(node.id)) { known.set(node.id, node); fresh.push(node); }
      const items = [];
      const byLane = new Map();
      for (const node of fresh) (byLane.get(laneOf(node.kind)) ?? byLane.set(laneOf(node.kind), []).get(laneOf(node.kind))).push(node);
      for (const [lane, list] of byLane) {
        const loose = list.filter(n => (classesOf[n.id] ?? '').includes('root'));
        const rest = list.filter(n => !loose.includes(n));
        if (rest.length <= GROUP_ABOVE) { items.push(...list.map(n => nodeItem(n))); continue; }
        items.push(...loose.map(n => nodeItem(n)));
        const byStatus = new Map();
        for (const n of rest) (byStatus.get(n.latestStatus ?? '') ?? byStatus.set(n.latestStatus ?? '', []).get(n.latestStatus ?? '')).push(n);
        // Groups of at most GROUP_ABOVE, so that opening one never drops more than that into the lane.
        const chunks = [...byStatus].flatMap(([status, list]) => Array.from({ length: Math.ceil(list.length / GROUP_ABOVE) },
          (_, i) => [status, list.slice(i * GROUP_ABOVE, (i + 1) * GROUP_ABOVE)]));
        for (const [status, members] of chunks) {
          // A handful is clearer drawn than counted.
          if (members.length < MIN_GROUP) { items.push(...members.map(n => nodeItem(n))); continue; }
          const id = `group:${++groupSeq}`;
          const label = `${members.length} ${t('kinds')[rest[0].kind]} · ${status ? statusName(status) : t('noStatus')}`;
          groups.set(id, { members, lane, label });
          for (const m of members) groupOf.set(m.id, id);
          items.push({ id, lane, label, classes: 'group', data: { id, label, kind: rest[0].kind, status: status || null, lane, count: members.length, group: true } });
        }
      }
      placeNew(items);
      syncEdges();
      if (!keep) frame();
      changed();
    },
    openGroup(id) {
      const group = groups.get(id);
      if (!group) return;
      const at = cy.getElementById(id).position();
      cy.getElementById(id).remove();
      groups.delete(id);
      for (const m of group.members) groupOf.delete(m.id);
      // The members take the group's place, in the lane's last column and below, so the rest stays put.
      const x = at.x;
      let y = at.y;
      const taken = new Set(laneNodes(group.lane).filter(n => n.position('x') === x).map(n => Math.round(n.position('y'))));
      for (const m of group.members) {
        while (taken.has(Math.round(y))) y += ROW_H;
        const item = nodeItem(m);
        cy.add({ group: 'nodes', data: item.data, classes: item.classes, position: { x, y } });
        taken.add(Math.round(y));
      }
      syncEdges();
      changed();
    },
    // Every node the graph holds, members of closed groups included: the text alternative and the table use it.
    nodes: () => [...known.values()],
    edges: () => [...edges.values()],
    isGroup: id => groups.has(id),
    filter(text) {
      const needle = text.trim().toLowerCase();
      cy.elements().removeClass('faded');
      if (!needle) return;
      const hit = id => { const n = known.get(id); return n && `${n.nameZh} ${n.nameEn} ${n.id}`.toLowerCase().includes(needle); };
      cy.nodes().forEach(n => {
        const match = n.data('group') ? groups.get(n.id()).members.some(m => hit(m.id)) : hit(n.id());
        if (!match) n.addClass('faded');
      });
      cy.edges().forEach(e => { if (e.source().hasClass('faded') || e.target().hasClass('faded')) e.addClass('faded'); });
    },
    png: () => cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }),
    svg: () => toSvg(cy),
  };
  cy.on('tap', 'node', event => {
    const id = event.target.id();
    if (groups.has(id)) api.openGroup(id);
    else onSelect?.(known.get(id));
  });
  // Keyboard: the arrows move the selection to the nearest node that way, Enter opens it (or opens a group).
  container.tabIndex = 0;
  const STEPS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
  container.addEventListener('keydown', event => {
    const current = cy.nodes(':selected').first();
    if (STEPS[event.key]) {
      event.preventDefault();
      let next = null;
      if (current.empty()) next = cy.nodes('.root').nonempty() ? cy.nodes('.root').first() : cy.nodes().first();
      else {
        const [dx, dy] = STEPS[event.key], p = current.position();
        let best = Infinity;
        cy.nodes().forEach(n => {
          const q = n.position(), ahead = (q.x - p.x) * dx + (q.y - p.y) * dy, aside = Math.abs((q.x - p.x) * dy) + Math.abs((q.y - p.y) * dx);
          if (ahead > 0 && ahead + 3 * aside < best) { best = ahead + 3 * aside; next = n; }
        });
      }
      if (!next || next.empty()) return;
      cy.nodes().unselect();
      next.select();
      const ext = cy.extent(), q = next.position();
      if (q.x < ext.x1 || q.x > ext.x2 || q.y < ext.y1 || q.y > ext.y2) cy.center(next);
      if (!groups.has(next.id())) onSelect?.(known.get(next.id()));
    } else if (event.key === 'Enter' && current.nonempty()) {
      event.preventDefault();
      if (groups.has(current.id())) api.openGroup(current.id());
      else onOpen?.(current.id());
    }
  });
  cy.on('dbltap', 'node', event => { if (!groups.has(event.target.id())) onOpen?.(event.target.id()); });
  return api;
}

// The drawn graph as a standalone SVG: the same positions, fills, shapes and labels as on screen.
function toSvg(cy) {
  const box = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20, w = Math.ceil(box.w + 2 * pad), h = Math.ceil(box.h + 2 * pad);
  const px = x => (x - box.x1 + pad).toFixed(1), py = y => (y - box.y1 + pad).toFixed(1);
  const escXml = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`];
  cy.edges().forEach(e => {
    const s = e.source().position(), d = e.target().position();
    const style = EDGE_STYLES[e.data('type')] ?? { color: '#999', style: 'solid' };
    const dash = e.data('group') ? ' stroke-dasharray="6 4"' : style.style === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    const wide = e.data('reach') === 'CLASS';
    parts.push(`<line x1="${px(s.x)}" y1="${py(s.y)}" x2="${px(d.x)}" y2="${py(d.y)}" stroke="${style.color}" stroke-width="${wide ? CLASS_EDGE.width : 1.4}"${dash}><title>${escXml(edgeName(e.data('type')))}${wide ? ` (${escXml(t('classWide'))})` : ''}</title></line>`);
  });
  cy.nodes().forEach(n => {
    const { x, y } = n.position();
    const fill = STATUS_FILL[n.data('status')] ?? NO_STATUS_FILL;
    parts.push(`<g><title>${escXml(n.data('label'))}</title><circle cx="${px(x)}" cy="${py(y)}" r="${n.hasClass('root') ? 13 : 9}" fill="${fill}" stroke="#333"/>`
      + `<text x="${px(x + 16)}" y="${py(y + 4)}">${escXml(n.data('label'))}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
