// The explorer in a real browser: Debian's Chromium driven by playwright-core, against a running server.
// ROADMAP_URL (default http://127.0.0.1:5080) names the server; screenshots go to SCREENSHOTS (default ./screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`); });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', request => problems.push(`request failed: ${request.url()}`));
});

after(async () => { await browser?.close(); });

const graphNodes = async () => Number(await page.getAttribute('[data-testid=graph]', 'data-node-count') ?? 0);

test('search finds CT, grouped by kind, in English and Chinese', async () => {
  await page.goto(`${base}/`);
  await page.fill('[data-testid=search]', 'CT');
  await page.waitForSelector('[data-testid=results] a[href="#/node/product%3Act"]');
  const headings = await page.locator('[data-testid=results] h2').allTextContents();
  assert.ok(headings.some(h => h.startsWith('Products')), `kind groups: ${headings}`);
  await page.screenshot({ path: `${shots}search.png` });

  await page.click('[data-testid=lang-toggle]');
  await page.waitForSelector('text=产品');
  assert.equal(await page.textContent('header nav a[href="#/"]'), '搜索');
  await page.click('[data-testid=lang-toggle]');
  await page.waitForSelector('header nav a[href="#/"]:text("Search")');
});

test('a node page shows the timeline, sources in context and a dependency graph', async () => {
  await page.click('[data-testid=results] a[href="#/node/product%3Act"]');
  await page.waitForSelector('[data-testid=node-title]');
  assert.equal(await page.textContent('[data-testid=node-title]'), 'computed tomography (CT) system');
  assert.ok(await page.locator('[data-testid=timeline] tr').count() > 1, 'the timeline lists assessments');
  assert.ok(await page.locator('[data-testid=sources] [data-testid=quote]').count() > 0, 'quotes are shown in their sentence');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph]')?.dataset.nodeCount ?? 0) > 0);
  const before = await graphNodes();
  assert.ok(before > 1, `the graph draws the dependencies (${before} nodes)`);

  await page.selectOption('#depth', '3');
  await page.waitForFunction(n => Number(document.querySelector('[data-testid=graph]').dataset.nodeCount) > n, before);
  await page.screenshot({ path: `${shots}node.png`, fullPage: false });

  // The same page in Chinese: labels switch, node names lead with nameZh.
  await page.click('[data-testid=lang-toggle]');
  await page.waitForSelector('[data-testid=node-title]:text("CT")');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph]')?.dataset.nodeCount ?? 0) > 0);
  await page.screenshot({ path: `${shots}node-zh.png`, fullPage: false });
  await page.click('[data-testid=lang-toggle]');
});

test('the path finder lists the paths from a program to a part and draws them', async () => {
  await page.goto(`${base}/#/paths?from=program%3Ahigh-end-device-industrialisation&to=component%3Avacuum-high-temperature-bearing`);
  await page.waitForSelector('[data-testid=path]');
  assert.ok(await page.locator('[data-testid=path]').count() > 0);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph]')?.dataset.nodeCount ?? 0) > 0);
  await page.screenshot({ path: `${shots}paths.png` });
});

test('the impact view tells blocked from at risk and offers a CSV', async () => {
  await page.goto(`${base}/#/impact?ids=component%3Ahigh-pixel-ccd-image-sensor%2Ccomponent%3Ahigh-pixel-cmos-image-sensor`);
  await page.waitForSelector('[data-testid=impact-row]');
  const rows = await page.locator('[data-testid=impact-row]').allTextContents();
  assert.ok(rows.some(r => r.includes('blocked') && r.includes('video endoscope')), rows.join(' | '));
  assert.match(await page.getAttribute('[data-testid=csv]', 'href'), /^blob:/);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph]')?.dataset.nodeCount ?? 0) > 2);
  await page.screenshot({ path: `${shots}impact.png` });

  await page.goto(`${base}/#/impact?assume=1`);
  await page.waitForSelector('[data-testid=impact-row]');
  assert.ok(await page.locator('[data-testid=impact-row]').count() > 10, 'the plans\' own gaps hit many nodes');
});

test('GraphiQL loads for power users', async () => {
  await page.goto(`${base}/graphiql`);
  await page.waitForSelector('.graphiql-container');
  await page.click('.graphiql-execute-button');
  await page.waitForSelector('.graphiql-response >> text=magnetic resonance imaging');
  await page.screenshot({ path: `${shots}graphiql.png` });
});

test('no console errors on any view', () => {
  assert.deepEqual(problems, []);
});
