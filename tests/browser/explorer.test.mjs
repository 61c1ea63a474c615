// The explorer in a real browser: Debian's Chromium driven by playwright-core, against a running server.
// ROADMAP_URL (default http://127.0.0.1:5080) names the server; screenshots go to SCREENSHOTS (default ./screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const base = process.env.ROADMAP_URL ?? 'http://127.0.0.1:5080';
const shots = process.env.SCREENSHOTS ?? new URL('./screenshots/', import.meta.url).pathname;
let browser, page;
const problems = [];

before(async () => {
  await mkdir(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`); });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', request => { if (!request.url().startsWith('blob:')) problems.push(`request failed: ${request.url()}`); });
});

after(async () => { await browser?.close(); });

// The API itself, to compare what the page shows with what the server says.
async function gql(query, variables = {}) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const settled = () => page.waitForFunction(() => !document.querySelector('#view [data-testid=loading]'));
async function open(hash, ready) {
  await page.goto(`${base}/#${hash}`);
  await page.waitForSelector(ready);
  await settled();
}
const graphReady = (min = 1) => page.waitForFunction(n => Number(document.querySelector('[data-testid=graph]')?.dataset.nodeCount ?? 0) >= n, min);
const graphNodes = async () => Number(await page.getAttribute('[data-testid=graph]', 'data-node-count') ?? 0);
const hashParams = async () => new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1] ?? '');

// What cytoscape draws: each node's label size on screen (font size × zoom), lane and position.
const drawn = () => page.evaluate(() => {
  const cy = window.__roadmapGraph;
  return cy.nodes().map(n => ({ id: n.id(), kind: n.data('kind'), label: n.style('label'), px: parseFloat(n.style('font-size')) * cy.zoom(), x: n.position('x'), y: n.position('y'), group: Boolean(n.data('group')) }));
});

function assertReadableLanes(nodes, what) {
  const smallest = Math.min(...nodes.map(n => n.px));
  assert.ok(smallest >= 11, `${what}: smallest label ${smallest.toFixed(2)} px`);
  assert.ok(nodes.every(n => n.label.trim().length > 0), `${what}: every node has a label`);
  const order = ['PROGRAM', 'PRODUCT', 'COMPONENT', 'TECHNOLOGY'];
  const lanes = order.map(kind => nodes.filter(n => n.kind === kind).map(n => n.x)).filter(xs => xs.length);
  for (let i = 1; i < lanes.length; i++) assert.ok(Math.max(...lanes[i - 1]) < Math.min(...lanes[i]), `${what}: lanes in layer order`);
}

async function downloaded(trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

test('the home page orients: counts by layer and status, the five plans, questions to start with', async () => {
  await open('/', '[data-testid=plan-card]');
  const { stats, documents } = await gql('{ stats { byKind { kind count } } documents { id } }');
  assert.equal(await page.locator('[data-testid=plan-card]').count(), documents.length);
  const { nodes: stated14 } = await gql('{ nodes(where: { statedIn: ["document:14fyp-medical-equipment"] }) { totalCount } }');
  assert.match(await page.textContent('[data-testid=plan-card]:has(a[href="#/plan/document%3A14fyp-medical-equipment"])'), new RegExp(`\\b${stated14.totalCount} nodes stated`));
  const layerText = await page.textContent('[data-testid=layer-counts]');
  for (const k of stats.byKind.filter(k => k.kind !== 'DOCUMENT')) assert.ok(layerText.includes(String(k.count)), `${k.kind} ${k.count} in "${layerText}"`);
  assert.equal(await page.locator('[data-testid=status-counts] li').count(), 6);
  const questions = await page.locator('[data-testid=questions] a').evaluateAll(links => links.map(a => a.getAttribute('href')));
  for (const view of ['#/impact', '#/bottlenecks', '#/changes', '#/compare', '#/roadmap/']) assert.ok(questions.some(q => q.startsWith(view)), `a question opens ${view}: ${questions}`);
  assert.match(await page.title(), /Home/);
  await page.screenshot({ path: `${shots}home.png`, fullPage: true });
});

test('search finds CT, grouped by kind, in English and Chinese', async () => {
  await open('/search', '[data-testid=search]');
  await page.fill('[data-testid=search]', 'CT');
  await page.waitForSelector('[data-testid=results] a[href="#/node/product%3Act"]');
  const headings = await page.locator('[data-testid=results] h2').allTextContents();
  assert.ok(headings.some(h => h.startsWith('Products')), `kind groups: ${headings}`);
  assert.equal((await hashParams()).get('q'), 'CT');
  await page.screenshot({ path: `${shots}search.png` });

  await page.click('[data-testid=lang-toggle]');
  await page.waitForSelector('text=产品');
  assert.equal(await page.textContent('header nav a[href="#/search"]'), '搜索');
  assert.equal((await hashParams()).get('lang'), 'zh');
  await page.click('[data-testid=lang-toggle]');
  await page.waitForSelector('header nav a[href="#/search"]:text("Search")');
});

test('the 14th FYP program at depth 1: lanes in layer order, labels at least 11 px, legend and a text alternative', async () => {
  await open('/node/program%3A14fyp-medical-equipment-plan?depth=1', '[data-testid=graph]');
  await graphReady(2);
  const nodes = await drawn();
  assert.ok(nodes.length > 40, `${nodes.length} nodes drawn`);
  assertReadableLanes(nodes, '14th FYP program');
  assert.equal(await page.isChecked('input[name=dir][value=dependencies]'), true, 'a program opens on what it needs');
  assert.ok(await page.locator('[data-testid=legend] .swatch').count() >= 6, 'the legend has a swatch per status');
  assert.equal(await page.locator('[data-testid=graph-table] [data-testid=graph-row]').count(), nodes.length, 'the same nodes as a list');
  await page.evaluate(() => document.querySelector('.graph-tools').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${shots}program-14fyp.png` });

  // The keyboard reaches the graph: arrows select, Enter opens.
  await page.focus('[data-testid=graph]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const selected = await page.evaluate(() => window.__roadmapGraph.nodes(':selected').map(n => n.id()));
  assert.equal(selected.length, 1);
  await page.waitForSelector(`[data-testid=details] a[href="#/node/${encodeURIComponent(selected[0])}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(id => location.hash.startsWith(`#/node/${encodeURIComponent(id)}`), selected[0]);
});

test('CT at depth 2 and all current gaps stay readable and layered', async () => {
  await open('/node/product%3Act', '[data-testid=graph]');
  await graphReady(2);
  assertReadableLanes(await drawn(), 'CT depth 2');
  await open('/impact?assume=1', '[data-testid=impact-row]');
  await graphReady(10);
  const nodes = await drawn();
  assertReadableLanes(nodes, 'all current gaps');
});

test('a fan-out above 40 nodes arrives as groups with counts that open in place', async () => {
  await open('/node/program%3A14fyp-medical-equipment-plan?depth=2', '[data-testid=graph]');
  await graphReady(2);
  const before = await drawn();
  const groups = before.filter(n => n.group);
  assert.ok(groups.length > 0, 'groups drawn');
  assert.ok(groups.every(g => /^\d+ /.test(g.label)), `group labels carry counts: ${groups.map(g => g.label)}`);
  const count = Number(groups[0].label.split(' ')[0]);
  await page.evaluate(id => window.__roadmapGraph.getElementById(id).emit('tap'), groups[0].id);
  await page.waitForFunction(n => Number(document.querySelector('[data-testid=graph]').dataset.nodeCount) === n, before.length - 1 + count);
  const after = new Map((await drawn()).map(n => [n.id, n]));
  for (const n of before.filter(n => n.id !== groups[0].id)) assert.deepEqual([after.get(n.id).x, after.get(n.id).y], [n.x, n.y], `${n.id} stays where it was`);
  assertReadableLanes([...after.values()], 'opened group');
});

test('a node page: details panel, expand in place, table and filter, exports, status strip, URL round trip', async () => {
  await open('/node/product%3Act', '[data-testid=node-title]');
  assert.equal(await page.textContent('[data-testid=node-title]'), 'computed tomography (CT) system');
  assert.ok(await page.locator('[data-testid=timeline] tr').count() > 1, 'the timeline lists assessments');
  assert.ok(await page.locator('[data-testid=sources] [data-testid=quote]').count() > 0, 'quotes are shown in their sentence');
  const { documents } = await gql('{ documents { year } }');
  assert.equal(await page.locator('[data-testid=status-strip] li').count(), new Set(documents.map(d => d.year)).size, 'one strip cell per plan year');
  await graphReady(2);

  const before = await drawn();
  // A drawn node with something that needs it outside the drawing, so that expanding it adds nodes.
  const ids = new Set(before.map(n => n.id));
  const { nodes: withUsers } = await gql('query($ids: [ID!]) { nodes(where: { ids: $ids }, first: 100) { edges { node { id neededBy { from { id } } } } } }', { ids: [...ids] });
  const target = withUsers.edges.map(e => e.node).find(n => n.id !== 'product:ct' && n.neededBy.some(e => !ids.has(e.from.id)));
  assert.ok(target, 'a node to expand');
  await page.evaluate(id => window.__roadmapGraph.getElementById(id).emit('tap'), target.id);
  await page.waitForSelector(`[data-testid=details] a[href="#/node/${encodeURIComponent(target.id)}"]`);
  await page.click('[data-testid=expand-needed-by]');
  await page.waitForFunction(n => Number(document.querySelector('[data-testid=graph]').dataset.nodeCount) > n, before.length);
  const after = new Map((await drawn()).map(n => [n.id, n]));
  for (const n of before) assert.deepEqual([after.get(n.id).x, after.get(n.id).y], [n.x, n.y], `${n.id} keeps its place`);

  await page.click('[data-testid=as-table]');
  assert.equal((await hashParams()).get('show'), 'table');
  await page.fill('[data-testid=graph-filter]', 'tube');
  const rows = await page.locator('[data-testid=graph-row]').allTextContents();
  assert.ok(rows.length > 0 && rows.length < after.size, `${rows.length} of ${after.size} rows`);
  assert.ok(rows.every(r => /tube|球管|管/i.test(r)), rows.join(' | '));
  await page.fill('[data-testid=graph-filter]', '');
  await page.click('[data-testid=as-graph]');

  const png = await downloaded(() => page.click('[data-testid=export-png]'));
  assert.ok(png.bytes.length > 1000 && png.bytes.subarray(0, 4).equals(PNG), `PNG ${png.name} ${png.bytes.length} bytes`);
  const svg = await downloaded(() => page.click('[data-testid=export-svg]'));
  assert.match(svg.bytes.toString('utf8'), /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<circle[\s\S]*<\/svg>$/);
  assert.match(svg.name, /\.svg$/);
  const mermaid = await downloaded(() => page.click('[data-testid=export-mermaid]'));
  assert.ok(mermaid.bytes.length > 20 && /graph|flowchart/.test(mermaid.bytes.toString('utf8')), 'Mermaid from the API');
  const graphml = await downloaded(() => page.click('[data-testid=export-graphml]'));
  assert.match(graphml.bytes.toString('utf8'), /<graphml/);

  // Direction and depth go into the URL, and the URL brings them back.
  await page.check('input[name=dir][value=dependents]');
  await page.waitForFunction(() => location.hash.includes('dir=dependents'));
  await settled();
  await page.selectOption('[data-testid=depth]', '3');
  await page.waitForFunction(() => location.hash.includes('depth=3'));
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('[data-testid=graph]');
  await graphReady(2);
  assert.equal(await page.isChecked('input[name=dir][value=dependents]'), true);
  assert.equal(await page.inputValue('[data-testid=depth]'), '3');
  await open('/node/component%3Act-x-ray-tube', '[data-testid=graph]');
  assert.equal(await page.isChecked('input[name=dir][value=dependents]'), true, 'a component opens on what needs it');
  await page.screenshot({ path: `${shots}node.png` });

  await page.click('[data-testid=lang-toggle]');
  await page.waitForSelector('[data-testid=node-title]:text("CT")');
  await graphReady(1);
  assert.equal(await page.textContent('label:has(input[value=dependents])'), ' 被什么依赖');
  await page.screenshot({ path: `${shots}node-zh.png` });
  await page.click('[data-testid=lang-toggle]');
});

// Navigates the open page by its hash (no reload) and waits for the node page to have drawn its graph.
async function showNode(id, dir, depth = 1, lang = 'en') {
  await page.evaluate(hash => { location.hash = hash; }, `#/node/${encodeURIComponent(id)}?dir=${dir}&depth=${depth}&lang=${lang}`);
  await page.waitForSelector(`#graph-panel[data-ready][data-node="${id}"][data-dir="${dir}"][data-depth="${depth}"]`);
}
// What the node page lists and draws: the rows of Needs and Needed-by, and every node the graph holds (its table,
// which holds the members of closed groups too).
const nodePageIds = () => page.evaluate(() => {
  const rows = testid => [...document.querySelectorAll(`[data-testid=${testid}] [data-testid=edge-row]`)].map(li => ({ id: li.dataset.id, type: li.dataset.type }));
  const graph = [...document.querySelectorAll('[data-testid=graph-table] [data-testid=graph-row] a[href^="#/node/"]')].map(a => decodeURIComponent(a.getAttribute('href').slice('#/node/'.length)));
  return { needs: rows('needs'), neededBy: rows('needed-by'), graph };
});

test('every product, component and technology of the 2015 plan: Needs and Needed-by hold the nodes the graph draws one hop out, members rolled up', async () => {
  const plan = 'document:digital-diagnosis-special-project';
  const { nodes } = await gql(`query($plan: ID!) { nodes(where: { statedIn: [$plan], kinds: [PRODUCT, COMPONENT, TECHNOLOGY] }, first: 100) {
    totalCount edges { node { id } } } }`, { plan });
  const ids = nodes.edges.map(e => e.node.id);
  assert.equal(ids.length, nodes.totalCount, 'one page holds them all');
  assert.ok(ids.length >= 30, `${ids.length} nodes`);
  await open('/', '[data-testid=plan-card]');
  const differ = [];
  let rolledUp = 0;
  const sorted = set => [...set].sort().join(' ');
  for (const id of ids) {
    await showNode(id, 'dependencies');
    const { needs, neededBy, graph: forward } = await nodePageIds();
    rolledUp += await page.locator('[data-testid=edge-row] [data-testid=through]').count();
    await showNode(id, 'dependents');
    const { graph: backward } = await nodePageIds();
    const without = list => new Set(list.filter(x => x !== id));
    const lists = without([...needs, ...neededBy].map(r => r.id));
    const drawn = without([...forward, ...backward]);
    // Each side too: what needs it is what needs it; what it needs, with the members it is rolled up over.
    const members = neededBy.filter(r => r.type === 'VARIANT_OF').map(r => r.id);
    for (const [what, listed, shown] of [['lists / graph', lists, drawn], ['needed by / dependents', without(neededBy.map(r => r.id)), without(backward)],
      ['needs and members / dependencies', without([...needs.map(r => r.id), ...members]), without(forward)]]) {
      if (sorted(listed) !== sorted(shown)) differ.push(`${id} ${what}: only listed [${[...listed].filter(x => !shown.has(x))}], only drawn [${[...shown].filter(x => !listed.has(x))}]`);
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(rolledUp > 0, 'some rows are reached through a member');
});

test('node pages: "through" a member, class-wide needs, read judgements with their note, context clauses, units in the page language', async () => {
  await showNode('product:ventilator', 'dependencies', 1, 'en');
  const { node } = await gql(`{ node(id: "product:ventilator") { needs(members: true) { reach from { id nameEn } to { id } } } }`);
  const viaMember = node.needs.find(e => e.from.id !== 'product:ventilator');
  assert.ok(viaMember, 'the ventilator class has a member with needs of its own');
  const row = page.locator(`[data-testid=needs] [data-testid=edge-row][data-id="${viaMember.to.id}"]`);
  assert.equal((await row.locator('.through').textContent()).trim(), `through ${viaMember.from.nameEn}`);
  assert.equal(await row.locator('[data-testid=through]').getAttribute('href'), `#/node/${encodeURIComponent(viaMember.from.id)}`);
  await showNode('product:ventilator', 'dependencies', 1, 'zh');
  const { node: zh } = await gql(`query($id: ID!) { node(id: $id) { nameZh } }`, { id: viaMember.from.id });
  assert.equal((await row.locator('.through').textContent()).trim(), `经由 ${zh.nameZh}`);

  // A class-wide need is tagged in the list and drawn apart in the graph, with a legend entry.
  const { node: ct } = await gql('{ node(id: "product:ct") { needs(members: true) { reach to { id } } } }');
  await showNode('product:ct', 'dependencies', 1, 'en');
  const classWide = ct.needs.filter(e => e.reach === 'CLASS').map(e => e.to.id);
  assert.ok(classWide.length > 0, 'CT has a need of the class as a whole');
  assert.deepEqual((await page.locator('[data-testid=needs] [data-testid=edge-row]:has([data-testid=class-wide])').evaluateAll(li => li.map(l => l.dataset.id))).sort(), classWide.sort());
  assert.match(await page.textContent('[data-testid=legend-class-wide]'), /class-wide/);
  const drawnClassWide = await page.evaluate(() => window.__roadmapGraph.edges('[reach = "CLASS"]').map(e => ({ target: e.target().id(), width: parseFloat(e.style('width')) })));
  assert.deepEqual(drawnClassWide.map(e => e.target).sort(), classWide.sort());
  assert.ok(drawnClassWide.every(e => e.width > 2), 'drawn heavier');

  // A judgement read from wording says so, its note as the tooltip; an assessment's context clauses are quoted with their section.
  const { node: gene } = await gql('{ node(id: "product:gene-sequencer") { assessments { basis note } } }');
  await showNode('product:gene-sequencer', 'dependencies', 1, 'en');
  const read = gene.assessments.filter(a => a.basis === 'READ');
  assert.ok(read.length > 0);
  assert.deepEqual(await page.locator('[data-testid=timeline] [data-testid=read-basis]').evaluateAll(tags => tags.map(t => [t.textContent, t.title])),
    read.map(a => ['read from wording', a.note ?? '']));
  const { node: tube } = await gql('{ node(id: "component:ct-x-ray-tube") { assessments { context { quote section } } } }');
  await showNode('component:ct-x-ray-tube', 'dependents', 1, 'zh');
  assert.equal(await page.locator('[data-testid=timeline] [data-testid=read-basis]').count(), 0);
  const clauses = await page.locator('[data-testid=assessment-context] li:has(q)').allTextContents();
  assert.deepEqual(clauses.map(c => c.replace(/\s+/g, ' ').trim()), tube.assessments.flatMap(a => a.context.map(c => `${c.quote} ${c.section}`)));
  assert.ok(clauses.length > 0);

  // Targets in the plan's unit, in English where the API has the English unit.
  await showNode('product:64-slice-ct', 'dependencies', 1, 'zh');
  assert.match(await page.textContent('main table:has(th:text("技术指标"))'), /64 排/);
  await showNode('product:64-slice-ct', 'dependencies', 1, 'en');
  assert.match(await page.textContent('main table:has(th:text("Specification targets"))'), /64 rows/);

  // The picture for the docs: a class rolled up over its members.
  await showNode('product:hybrid-endoscope', 'dependencies', 1, 'en');
  await page.screenshot({ path: `${shots}class-rollup.png` });
});

test('impact: a typed name is added, chips have names and remove, assumed gaps listed, CSV with BOM, severity, distance and chain', async () => {
  await open('/impact', '[data-testid=impact-add]');
  await page.fill('[data-testid=impact-add]', 'zzz-no-such-thing');
  await page.click('[data-testid=impact-add-button]');
  await page.waitForSelector('[data-testid=add-message]:has-text("Nothing matches")');

  await page.fill('[data-testid=impact-add]', 'CT球管');
  await page.click('[data-testid=impact-add-button]');
  await page.waitForSelector('[data-testid=impact-row]');
  assert.equal((await hashParams()).get('ids'), 'component:ct-x-ray-tube');
  assert.match(await page.textContent('[data-testid=chip]'), /CT X-ray tube/);
  const rows = await page.locator('[data-testid=impact-row]').allTextContents();
  assert.ok(rows.some(r => r.includes('blocked') && r.includes('computed tomography (CT) system')), rows.join(' | '));
  const because = await page.locator('[data-testid=because] summary').allTextContents();
  assert.ok(because.every(c => c.endsWith('CT X-ray tube')), 'each chain ends at the gap');
  assert.ok(await page.locator('[data-testid=because] .quote').count() >= rows.length, 'each chain has its quotes');
  await graphReady(3);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}impact-ct-x-ray-tube.png` });
  const mermaid = await downloaded(() => page.click('[data-testid=export-mermaid]'));
  assert.match(mermaid.bytes.toString('utf8'), /ct-x-ray-tube|CT X-ray tube/, 'the impact graph as Mermaid from the API');

  const file = await downloaded(() => page.click('[data-testid=csv]'));
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const lines = file.bytes.toString('utf8').slice(1).trim().split(/\r\n/);
  assert.deepEqual(lines[0].split(','), ['severity', 'kind', 'id', 'name_zh', 'name_en', 'distance', 'chain']);
  assert.equal(lines.length - 1, rows.length);
  assert.ok(lines.some(l => l.startsWith('BLOCKED,PRODUCT,product:ct,') && l.endsWith(',1,product:ct > component:ct-x-ray-tube')), lines.slice(0, 3).join('\n'));
  assert.ok(lines.some(l => l.includes(',64排CT,64-slice CT system,2,')), 'Chinese names survive the round trip');

  // A second gap by id, then the first removed by its chip.
  await page.fill('[data-testid=impact-add]', 'component:vacuum-high-temperature-bearing');
  await page.click('[data-testid=impact-add-button]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=chip]').length === 2);
  await settled();
  await page.click('[data-testid=chip] button[aria-label*="CT X-ray tube"]');
  await page.waitForFunction(() => !location.hash.includes('ct-x-ray-tube'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=chip]').length === 1);

  await open('/impact?assume=1', '[data-testid=assumed-gaps]');
  const hits = r => r.products.length + r.programs.length + r.components.length + r.technologies.length;
  const report = scenario => gql('query($s: Scenario!) { impact(scenario: $s) { gaps { id } products { node { id } } programs { node { id } } components { node { id } } technologies { node { id } } } }', { s: scenario }).then(d => d.impact);
  const all = await report({ assumeGaps: true });
  assert.equal(await page.locator('[data-testid=assumed-gaps] li').count(), all.gaps.length);
  assert.equal(await page.locator('[data-testid=impact-row]').count(), hits(all));
  assert.ok(hits(all) > 10, 'the plans\' own gaps hit many nodes');

  // The scenario: one assumed gap resolved, then judged as of 2016; each in the URL and as the API answers it.
  const fixed = all.gaps[0].id;
  await page.fill('[data-testid=impact-resolve]', fixed);
  await page.click('[data-testid=impact-resolve-button]');
  await page.waitForFunction(id => new URLSearchParams(location.hash.split('?')[1]).get('resolved') === id, fixed);
  await page.waitForSelector('[data-testid=resolved-chip]');
  await settled();
  const withFix = await report({ assumeGaps: true, resolved: [fixed] });
  assert.equal(await page.locator('[data-testid=assumed-gaps] li').count(), withFix.gaps.length);
  assert.equal(await page.locator('[data-testid=impact-row]').count(), hits(withFix));
  await page.selectOption('[data-testid=as-of-year]', '2016');
  await page.waitForFunction(() => location.hash.includes('asOf=2016'));
  await page.waitForSelector('[data-testid=impact-row], [data-testid=impact] p');
  await settled();
  const in2016 = await report({ assumeGaps: true, resolved: [fixed], asOfYear: 2016 });
  assert.equal(await page.locator('[data-testid=impact-row]').count(), hits(in2016));
  assert.equal(await page.inputValue('[data-testid=as-of-year]'), '2016');
  assert.notEqual(hits(in2016), hits(withFix), 'the year changes the answer');
});

test('bottlenecks: ranked, filtered by kind in the URL, CSV, an impact link per row', async () => {
  await open('/bottlenecks', '[data-testid=bottleneck-row]');
  await page.check('input[name=kinds][value=COMPONENT]');
  await page.waitForFunction(() => location.hash.includes('kinds=COMPONENT'));
  await page.waitForSelector('[data-testid=bottleneck-row]');
  await settled();
  const kinds = await page.locator('[data-testid=bottleneck-row] .kind').allTextContents();
  assert.ok(kinds.length > 0 && kinds.every(k => k === 'Component'), kinds.join());
  const { bottlenecks } = await gql('{ bottlenecks(kinds: [COMPONENT], first: 100) { node { id } } }');
  assert.equal(kinds.length, bottlenecks.length);
  const first = await page.getAttribute('[data-testid=bottleneck-row] [data-testid=impact-link]', 'href');
  assert.equal(first, `#/impact?ids=${encodeURIComponent(bottlenecks[0].node.id)}`);
  const file = await downloaded(() => page.click('[data-testid=csv]'));
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(file.bytes.toString('utf8').trim().split(/\r\n/).length - 1, bottlenecks.length);
  await page.reload();
  await page.waitForSelector('[data-testid=bottleneck-row]');
  assert.equal(await page.isChecked('input[name=kinds][value=COMPONENT]'), true, 'the filter comes back from the URL');
  await page.screenshot({ path: `${shots}bottlenecks.png` });
});

test('changes between two years, plan comparison in three columns, a plan page', async () => {
  await open('/changes?from=2016&to=2021', '[data-testid=change-row]');
  const { changes } = await gql('{ changes(fromYear: 2016, toYear: 2021) { node { id } } }');
  assert.equal(await page.locator('[data-testid=change-row]').count(), changes.length);
  await page.selectOption('[data-testid=from-year]', '2015');
  await page.waitForFunction(() => location.hash.includes('from=2015'));
  await settled();
  assert.equal(await page.inputValue('[data-testid=from-year]'), '2015');
  await page.goto(`${base}/#/changes?from=2016&to=2021`);
  await page.waitForSelector('[data-testid=change-row]');
  await page.screenshot({ path: `${shots}changes.png` });

  const a = 'document:13fyp-medical-device-st', b = 'document:14fyp-medical-equipment';
  await open(`/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`, '[data-testid=only-a]');
  const { compareDocuments: cmp } = await gql('query($a: ID!, $b: ID!) { compareDocuments(a: $a, b: $b) { both { id } onlyA { id } onlyB { id } } }', { a, b });
  for (const [testid, list] of [['only-a', cmp.onlyA], ['both', cmp.both], ['only-b', cmp.onlyB]]) {
    assert.equal(await page.textContent(`[data-testid=${testid}] h2 .count`), String(list.length), testid);
    assert.equal(await page.locator(`[data-testid=${testid}] li`).count(), list.length, testid);
  }
  assert.equal(await page.inputValue('[data-testid=plan-b]'), b);
  await page.screenshot({ path: `${shots}compare.png` });

  await open(`/plan/${encodeURIComponent(b)}`, '[data-testid=plan-row]');
  const { nodes } = await gql('query($b: ID!) { nodes(where: { statedIn: [$b] }) { totalCount } }', { b });
  assert.equal(await page.locator('[data-testid=plan-row]').count(), nodes.totalCount);
  assert.match(await page.title(), /14th Five-Year/);
  await page.screenshot({ path: `${shots}plan-14fyp.png` });
});

test('the MRI roadmap over time: lanes by layer, bars, status chips per year, milestones, SVG and PNG downloads', async () => {
  await open('/roadmap/product%3Amri', '[data-testid=roadmap-svg]');
  const { roadmap } = await gql(`{ roadmap(id: "product:mri") { years lanes { kind items { node { id } span
    statuses { year assessment { year } } milestones { dueYear } } } } }`);
  const items = roadmap.lanes.flatMap(l => l.items);
  assert.equal(await page.locator('[data-testid=roadmap-item]').count(), items.length);
  assert.equal(await page.locator('[data-testid=roadmap-bar]').count(), items.length);
  assert.equal(await page.locator('[data-testid=roadmap-bar][data-span=PROGRAM_PERIOD]').count(), items.filter(i => i.span === 'PROGRAM_PERIOD').length);
  assert.equal(await page.locator('[data-testid=roadmap-chip]').count(), items.reduce((n, i) => n + i.statuses.length, 0));
  assert.equal(await page.locator('[data-testid=roadmap-chip][data-judged]').count(),
    items.reduce((n, i) => n + i.statuses.filter(s => s.assessment.year === s.year).length, 0));
  assert.equal(await page.locator('[data-testid=roadmap-milestone]').count(), items.reduce((n, i) => n + i.milestones.length, 0));
  assert.ok(await page.locator('[data-testid=roadmap-milestone]').count() > 0, 'MRI has targets');
  // Lanes top to bottom in the API's layer order, each item in its lane's band, linking to its node.
  assert.deepEqual(roadmap.lanes.map(l => l.kind), ['PROGRAM', 'PRODUCT', 'COMPONENT', 'TECHNOLOGY'].filter(k => roadmap.lanes.some(l => l.kind === k)));
  const rows = await page.evaluate(() => [...document.querySelectorAll('[data-testid=roadmap-item]')].map(a => ({ href: a.getAttribute('href'), y: a.getBoundingClientRect().y })));
  assert.ok(rows.every((r, i) => i === 0 || r.y > rows[i - 1].y), 'rows go down the lanes');
  assert.deepEqual(rows.map(r => r.href), items.map(i => `#/node/${encodeURIComponent(i.node.id)}`));
  const years = await page.locator('[data-testid=roadmap-svg] > text').allTextContents();
  assert.deepEqual(years.slice(0, roadmap.years.length), roadmap.years.map(String), 'years across');
  const svg = await downloaded(() => page.click('[data-testid=roadmap-svg-download]'));
  assert.match(svg.bytes.toString('utf8'), /^<svg[\s\S]*<\/svg>$/);
  const png = await downloaded(() => page.click('[data-testid=roadmap-png-download]'));
  assert.ok(png.bytes.length > 1000 && png.bytes.subarray(0, 4).equals(PNG), `PNG ${png.bytes.length} bytes`);
  const gantt = await downloaded(() => page.click('[data-testid=roadmap-mermaid-download]'));
  assert.match(gantt.bytes.toString('utf8'), /gantt/);
  await page.screenshot({ path: `${shots}roadmap-mri.png`, fullPage: true });
  await page.click('[data-testid=roadmap-item] >> nth=3');
  await page.waitForSelector('[data-testid=node-title]');
});

test('the path finder lists the paths from a program to a part and draws them', async () => {
  await open('/paths?from=program%3Ahigh-end-device-industrialisation&to=component%3Avacuum-high-temperature-bearing', '[data-testid=path]');
  assert.ok(await page.locator('[data-testid=path]').count() > 0);
  await graphReady(2);
  assertReadableLanes(await drawn(), 'paths');
  await page.screenshot({ path: `${shots}paths.png` });
});

test('a slow answer clears the old page at once and shows a loading indicator', async () => {
  await open('/bottlenecks', '[data-testid=bottleneck-row]');
  let release;
  const held = new Promise(resolve => { release = resolve; });
  await page.route('**/graphql', async route => { await held; await route.continue(); });
  await page.evaluate(() => { location.hash = '#/changes?from=2016&to=2021'; });
  await page.waitForSelector('#view [data-testid=loading]');
  assert.equal(await page.locator('[data-testid=bottleneck-row]').count(), 0, 'the old page is gone');
  release();
  await page.waitForSelector('[data-testid=change-row]');
  await page.unroute('**/graphql');
});

test('an error is a plain sentence with a retry; unknown ids and views say so', async () => {
  await page.route('**/graphql', route => route.fulfill({ status: 200, contentType: 'application/json',
    body: JSON.stringify({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }) }));
  await page.goto(`${base}/#/bottlenecks`);
  await page.waitForSelector('[data-testid=error]');
  const text = await page.textContent('[data-testid=error] p');
  assert.ok(!text.includes('RATE_LIMITED') && /Too many requests/.test(text), text);
  await page.unroute('**/graphql');
  await page.click('[data-testid=retry]');
  await page.waitForSelector('[data-testid=bottleneck-row]');

  await open('/node/product%3Ano-such-node', '[data-testid=not-found]');
  await open('/impact?ids=product%3Ano-such-node%2Ccomponent%3Act-x-ray-tube', '[data-testid=impact-row]');
  assert.match(await page.textContent('[data-testid=impact] [role=alert]'), /Unknown ids: product:no-such-node/);
  await open('/no-such-view', '[data-testid=not-found]');
  assert.match(await page.textContent('h1'), /no such page/i);
});

const VIEWS = [
  ['/', '[data-testid=plan-card]'],
  ['/search?q=CT', '[data-testid=results] li'],
  ['/node/product%3Act', '[data-testid=graph-row]'],
  ['/node/program%3A14fyp-medical-equipment-plan?depth=1', '[data-testid=graph-row]'],
  ['/node/component%3Act-x-ray-tube', '[data-testid=assessment-context]'],
  ['/paths?from=program%3Ahigh-end-device-industrialisation&to=component%3Avacuum-high-temperature-bearing', '[data-testid=path]'],
  ['/impact?ids=component%3Act-x-ray-tube', '[data-testid=impact-row]'],
  ['/impact?assume=1', '[data-testid=impact-row]'],
  ['/bottlenecks', '[data-testid=bottleneck-row]'],
  ['/changes?from=2016&to=2021', '[data-testid=change-row]'],
  ['/compare', '[data-testid=only-a]'],
  ['/plan/document%3A14fyp-medical-equipment', '[data-testid=plan-row]'],
  ['/roadmap/product%3Amri', '[data-testid=roadmap-item]'],
  ['/no-such-view', '[data-testid=not-found]'],
];

test('every view: axe finds nothing critical or serious, it has its own title, and at 390 px nothing scrolls sideways', async () => {
  const found = [], titles = new Set();
  for (const lang of ['en', 'zh']) {
    for (const [hash, ready] of VIEWS) {
      await open(`${hash}${hash.includes('?') ? '&' : '?'}lang=${lang}`, ready);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en', `${hash} in ${lang} from the URL`);
      assert.equal(await page.textContent('[data-testid=lang-toggle]'), lang === 'zh' ? 'English' : '中文');
      await page.addScriptTag({ path: axePath });
      const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of violations.filter(v => v.impact === 'critical' || v.impact === 'serious')) found.push(`${lang} ${hash}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')}`);
      titles.add(await page.title());
    }
  }
  assert.deepEqual(found, []);
  assert.ok(titles.size >= VIEWS.length * 2 - 2, `${titles.size} distinct titles`);

  await page.setViewportSize({ width: 390, height: 844 });
  const wide = [];
  for (const lang of ['zh', 'en']) {
    for (const [hash, ready] of VIEWS) {
      await open(`${hash}${hash.includes('?') ? '&' : '?'}lang=${lang}`, ready);
      const { doc, view } = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
      if (doc > view) wide.push(`${lang} ${hash}: ${doc} px`);
      if (hash === '/' && lang === 'en') await page.screenshot({ path: `${shots}phone-home.png`, fullPage: false });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(wide, []);
});

test('keyboard: the skip link comes first and focus is visible; print hides the header and controls', async () => {
  await open('/bottlenecks', '[data-testid=bottleneck-row]');
  await page.reload();
  await page.waitForSelector('[data-testid=bottleneck-row]');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ cls: document.activeElement.className, outline: getComputedStyle(document.activeElement).outlineStyle }));
  assert.equal(focused.cls, 'skip');
  assert.notEqual(focused.outline, 'none');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('header')).display), 'none');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#filters')).display), 'none');
  await page.emulateMedia({ media: 'screen' });
});

test('GraphiQL loads for power users', async () => {
  await page.goto(`${base}/graphiql`);
  await page.waitForSelector('.graphiql-container');
  await page.click('.graphiql-execute-button');
  await page.waitForSelector('.graphiql-response >> text=magnetic resonance imaging');
  await page.screenshot({ path: `${shots}graphiql.png` });
});

test('no console errors on any view', () => {
  // The error test answers with a 200 and a coded error on purpose; nothing else may log an error.
  assert.deepEqual(problems, []);
});
