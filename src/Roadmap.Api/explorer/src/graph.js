// The layered dependency graph: technology → component → product → program, drawn by cytoscape with dagre.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { name } from './i18n.js';

cytoscape.use(dagre);

const KIND_COLOURS = { TECHNOLOGY: '#7b4fd6', COMPONENT: '#1f7a8c', PRODUCT: '#d2691e', PROGRAM: '#2e7d32', DOCUMENT: '#777' };
const STATUS_COLOURS = { DOMESTIC_GAP: '#b00020', IMPORT_DEPENDENT: '#ff8f00', FOUNDATION: '#c0a000', BREAKTHROUGH: '#1565c0', ADVANCED: '#2e7d32' };

export function drawGraph(container, { onTap, onOpen } = {}) {
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 4,
        'background-color': el => KIND_COLOURS[el.data('kind')] ?? '#999', width: 22, height: 22,
        'border-width': el => (el.data('status') ? 4 : 0), 'border-color': el => STATUS_COLOURS[el.data('status')] ?? '#fff',
      } },
      { selector: 'node.root', style: { width: 34, height: 34 } },
      { selector: 'node.gap', style: { shape: 'diamond', 'background-color': '#b00020' } },
      { selector: 'node.BLOCKED', style: { 'overlay-color': '#b00020', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
      { selector: 'node.AT_RISK', style: { 'overlay-color': '#ff8f00', 'overlay-opacity': 0.2, 'overlay-padding': 6 } },
      { selector: 'edge', style: {
        width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#aaa', 'target-arrow-color': '#aaa',
        'line-style': el => (el.data('group') ? 'dashed' : 'solid'),
      } },
    ],
  });
  cy.on('tap', 'node', event => onTap?.(event.target.id()));
  cy.on('dbltap', 'node', event => onOpen?.(event.target.id()));
  // For the browser tests and for curious people: the live graph.
  window.__roadmapGraph = cy;
  return {
    cy,
    add(nodes, edges, classes = {}) {
      for (const node of nodes) {
        if (cy.getElementById(node.id).nonempty()) continue;
        cy.add({ group: 'nodes', data: { id: node.id, label: name(node), kind: node.kind, status: node.latestStatus }, classes: classes[node.id] ?? '' });
      }
      for (const edge of edges) {
        const id = `${edge.from.id}|${edge.type}|${edge.to.id}`;
        if (cy.getElementById(id).nonempty() || cy.getElementById(edge.from.id).empty() || cy.getElementById(edge.to.id).empty()) continue;
        cy.add({ group: 'edges', data: { id, source: edge.from.id, target: edge.to.id, group: edge.group } });
      }
      cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 18, rankSep: 90, animate: false }).run();
      cy.fit(undefined, 20);
      // A handful of nodes would otherwise be blown up to fill the frame.
      if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }
      container.dataset.nodeCount = String(cy.nodes().length);
    },
  };
}
