// The dashboard webview in headless Chromium, under the same Content-Security-Policy as in VS Code, with fixture
// summaries: charts draw, numbers match the fixture, actions post the right messages; screenshots (light and dark)
// are saved under tests/extension/artifacts/webview/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.mjs';
import { costsSummary, emptySummary, largeSummary, samplesSummary } from '../support/summaries.mjs';
import { openDashboard, repo, sendSummary, startServer } from '../support/webview-harness.mjs';

const artifacts = join(repo, 'tests/extension/artifacts/webview');
let browser, server;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Every chart on the page with the number of drawn SVG shapes and its drawn area. */
const chartStats = (page) => page.$$eval('.chart', (els) => els.map((el) => {
  const shapes = [...el.querySelectorAll('svg path, svg rect')].filter((s) => {
    const fill = s.getAttribute('fill');
    const box = s.getBBox();
    return fill && fill !== 'none' && fill !== 'transparent' && box.width * box.height > 4;
  });
  const svg = el.querySelector('svg');
  return { id: el.id, shapes: shapes.length, width: svg?.clientWidth ?? 0, height: svg?.clientHeight ?? 0, label: el.getAttribute('aria-label') };
}));

const posted = (page) => page.evaluate(() => window.__posted);
const cspViolations = (page) => page.evaluate(() => window.__csp);

for (const theme of ['light', 'dark']) {
  describe(`${theme} theme`, () => {
    test('the samples summary (no cost data): compliance numbers, cost empty states, charts drawn', async () => {
      const s = samplesSummary();
      const page = await openDashboard(browser.context, server.url, { theme });
      await sendSummary(page, s);
      assert.equal(await page.textContent('#kpi-compliance .kpi-value'), `${s.totals.compliancePercent.toFixed(1)}%`);
      assert.match(await page.textContent('#kpi-compliance .kpi-sub'), new RegExp(`^${s.totals.compliantResources} of ${s.totals.taggableResources} taggable`));
      const violations = s.byRule.filter((r) => r.name.startsWith('tag-')).reduce((n, r) => n + r.count, 0);
      assert.equal(await page.textContent('#kpi-violations .kpi-value'), String(violations));
      assert.equal(await page.textContent('#kpi-resources .kpi-value'), String(s.totals.resources));
      assert.match(await page.textContent('#compliance-numbers'), new RegExp(`${s.totals.compliantResources} of ${s.totals.taggableResources} compliant · ${s.totals.taggableResources - s.totals.compliantResources} not`));
      assert.match(await page.textContent('#kpi-cost'), /Cost estimates arrive with the pricing engine/);
      assert.match(await page.textContent('#costs'), /Cost estimates arrive with the pricing engine/);
      assert.match(await page.textContent('#live'), /Connect AWS to see trend and forecast/);
      const stats = await chartStats(page);
      assert.deepEqual(stats.map((c) => c.id).sort(), ['chart-compliance', 'chart-resources-type', 'chart-rules', 'chart-tagkeys']);
      for (const c of stats) {
        assert.ok(c.shapes > 0 && c.width > 100 && c.height > 100, `${c.id} is drawn: ${JSON.stringify(c)}`);
      }
      // One bar per resource type: the ten largest and one for the others.
      const bars = await page.$$eval('#chart-resources-type svg path[fill]', (ps) => ps.filter((p) => p.getBBox().width > 1 && p.getBBox().height > 4).length);
      assert.ok(bars >= Math.min(11, s.byType.length), `${bars} bars for ${s.byType.length} types`);
      assert.equal(await page.$$eval('#files-table tbody tr', (rows) => rows.length), s.byFile.filter((f) => f.findings > 0 || f.nonCompliant > 0).length);
      assert.deepEqual(await cspViolations(page), []);
      await page.screenshot({ path: join(artifacts, `dashboard-samples-${theme}.png`), fullPage: true });
      await page.close();
    });

    test('a summary with cost data: cost charts, trend and savings', async () => {
      const s = costsSummary();
      const page = await openDashboard(browser.context, server.url, { theme });
      await sendSummary(page, s);
      assert.equal(await page.textContent('#kpi-cost .kpi-value'), '$3,515');
      assert.match(await page.textContent('#kpi-savings .kpi-value'), /^\$\d/);
      const ids = (await chartStats(page)).filter((c) => c.shapes > 0).map((c) => c.id);
      for (const id of ['chart-cost-type', 'chart-cost-file', 'chart-trend', 'chart-compliance']) assert.ok(ids.includes(id), `${id} drawn (${ids})`);
      assert.doesNotMatch(await page.textContent('#costs'), /arrive with the pricing engine/);
      assert.match(await page.textContent('#recommendations .card .saving'), /^\$612/);
      assert.deepEqual(await cspViolations(page), []);
      await page.screenshot({ path: join(artifacts, `dashboard-costs-${theme}.png`), fullPage: true });
      await page.close();
    });
  });
}

test('links and buttons post the right messages, by mouse and by keyboard', async () => {
  const s = samplesSummary();
  const page = await openDashboard(browser.context, server.url);
  await sendSummary(page, s);
  assert.deepEqual((await posted(page))[0], { type: 'ready' });

  await page.click('#files-table tbody tr:first-child a');
  const first = s.byFile.filter((f) => f.findings > 0 || f.nonCompliant > 0).sort((a, b) => b.nonCompliant - a.nonCompliant || b.findings - a.findings || a.path.localeCompare(b.path))[0];
  assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', uri: first.uri });

  await page.click('#recommendations .card:first-child button:has-text("Go to code")');
  const rec = (await posted(page)).at(-1);
  assert.equal(rec.type, 'reveal');
  assert.ok(s.topFindings.some((f) => f.uri === rec.uri && JSON.stringify(f.range) === JSON.stringify(rec.range)));

  await page.click('#recommendations .card:first-child button:has-text("Apply fix")');
  const fix = (await posted(page)).at(-1);
  assert.equal(fix.type, 'applyFix');
  assert.equal(fix.uri, rec.uri);
  assert.deepEqual(fix.range, rec.range);
  assert.ok(s.topFindings.some((f) => f.ruleId === fix.ruleId && f.uri === fix.uri));
  assert.equal(await page.textContent('#recommendations .card:first-child button:has-text("Applying")'), 'Applying…');
  await page.evaluate((key) => window.postMessage({ type: 'fixResult', key, ok: true, message: 'Add missing tags' }, '*'), fix.key);
  await page.waitForSelector('#recommendations .card:first-child button:has-text("Fixed")');

  for (const [label, type] of [['Export summary', 'export'], ['Refresh', 'refresh'], ['Open policy', 'openPolicy']]) {
    await page.click(`.toolbar button:has-text("${label}")`);
    assert.deepEqual((await posted(page)).at(-1), { type });
  }

  // Keyboard only: Tab from the top reaches the toolbar, Enter activates; a finding link opens with Enter.
  await page.focus('.toolbar button');
  await page.keyboard.press('Enter');
  assert.deepEqual((await posted(page)).at(-1), { type: 'refresh' });
  await page.focus('#findings-list a');
  await page.keyboard.press('Enter');
  const viaKeyboard = (await posted(page)).at(-1);
  assert.equal(viaKeyboard.type, 'reveal');
  assert.ok(viaKeyboard.range);
  const focusable = await page.$$eval('button, a[href]', (els) => els.every((e) => e.tabIndex >= 0));
  assert.ok(focusable, 'every action is reachable with Tab');
  await page.close();
});

test('the AWS empty state offers a way to connect', async () => {
  const page = await openDashboard(browser.context, server.url);
  await sendSummary(page, samplesSummary());
  await page.click('#live button');
  assert.deepEqual((await posted(page)).at(-1), { type: 'connectAws' });
  await page.close();
});

test('narrow panels stack without horizontal scrolling', async () => {
  const page = await openDashboard(browser.context, server.url, { theme: 'dark', width: 360, height: 800 });
  await sendSummary(page, costsSummary());
  await page.screenshot({ path: join(artifacts, 'dashboard-narrow-dark.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 360px: ${wide.join(', ')}`);
  await page.close();
});

test('the state VS Code restores (serializer) renders without a new summary', async () => {
  const first = await openDashboard(browser.context, server.url);
  await sendSummary(first, samplesSummary());
  const state = await first.evaluate(() => window.__state);
  await first.close();
  assert.ok(state.model.summary, 'the summary is kept in the webview state');
  const restored = await openDashboard(browser.context, server.url, { state });
  assert.equal(await restored.textContent('#kpi-compliance .kpi-value'), `${samplesSummary().totals.compliancePercent.toFixed(1)}%`);
  await restored.close();
});

test('an empty workspace and an untrusted one', async () => {
  const page = await openDashboard(browser.context, server.url);
  await sendSummary(page, emptySummary(), { trusted: false });
  assert.match(await page.textContent('body'), /Restricted mode/);
  assert.match(await page.textContent('#recommendations'), /No recommendations/);
  assert.equal(await page.textContent('#kpi-compliance .kpi-value'), '100%');
  await page.close();
});

test('resource details from Show Cost Breakdown', async () => {
  const page = await openDashboard(browser.context, server.url);
  await sendSummary(page, samplesSummary());
  const f = samplesSummary().topFindings[0];
  await page.evaluate((f) => window.postMessage({ type: 'resource', address: f.resource, details: { address: f.resource, type: 'AWS::RDS::DBInstance', name: f.resource, uri: f.uri, range: f.range, taggable: true, tags: [{ key: 'Owner', value: 'data-team', source: 'resource' }], findings: [f] } }, '*'), f);
  await page.waitForSelector('#resource');
  assert.match(await page.textContent('#resource'), /AWS::RDS::DBInstance[\s\S]*Cost estimates arrive with the pricing engine[\s\S]*data-team/);
  await page.close();
});

test('a 10,000-resource summary renders with bounded lists', async () => {
  const s = largeSummary(10000);
  const page = await openDashboard(browser.context, server.url);
  await sendSummary(page, s);
  assert.equal(await page.textContent('#kpi-resources .kpi-value'), '10000');
  assert.ok(await page.$$eval('#files-table tbody tr', (r) => r.length) <= 15);
  await page.click('#compliance .panel > button:has-text("more")');
  assert.ok(await page.$$eval('#files-table tbody tr', (r) => r.length) > 15);
  await page.close();
});

test('a new summary after a fix replaces the lists and cards', async () => {
  const s = samplesSummary();
  const page = await openDashboard(browser.context, server.url);
  await sendSummary(page, s);
  await page.click('#recommendations .card:first-child button:has-text("Apply fix")');
  const fix = (await posted(page)).at(-1);
  await page.evaluate((key) => window.postMessage({ type: 'fixResult', key, ok: true, message: 'Add tag' }, '*'), fix.key);
  const fixed = samplesSummary();
  fixed.topFindings = fixed.topFindings.filter((f) => !(f.uri === fix.uri && f.ruleId === fix.ruleId && f.range.start.line === fix.range.start.line));
  await sendSummary(page, fixed);
  assert.equal(await page.$$eval('#findings-list li', (li) => li.length), fixed.topFindings.length);
  await page.close();
});
