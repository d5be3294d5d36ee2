import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node.js';
import { LspClient, applyEdits, uriOf, repoRoot } from './client.mjs';

const clients = [];
const client = (options) => { const c = new LspClient(options); clients.push(c); return c; };
after(() => clients.forEach((c) => c.kill()));

// Tag findings are pinned here; cost findings have their own assertions.
const tagDiagnostics = (p) => p.diagnostics.filter((d) => d.code.startsWith('tag-'));
const codes = (p) => tagDiagnostics(p).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);

test('initialize advertises exactly what is implemented', async () => {
  const c = client();
  const result = await c.initialize();
  assert.equal(result.serverInfo.name, 'finops-copilot');
  assert.equal(result.capabilities.textDocumentSync.change, 2);
  assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix']);
  assert.equal(result.capabilities.hoverProvider, true);
  assert.equal(result.capabilities.documentSymbolProvider, true);
  assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
  assert.equal(await c.shutdownAndExit(), 0);
});

test('diagnostics for an opened sample carry code, link, source and exact ranges', async () => {
  const c = client();
  await c.initialize();
  const uri = c.open('samples/cloudformation/web-tier.yaml');
  const published = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codes(published), ['59:16 tag-key-case', '88:18 tag-value-invalid', '94:3 tag-missing']);
  const missing = tagDiagnostics(published)[2];
  assert.ok(published.diagnostics.some((d) => d.code === 'ec2-graviton' && d.severity === 3), 'cost rules publish too');
  assert.equal(missing.source, 'finops');
  assert.equal(missing.severity, 1);
  assert.match(missing.codeDescription.href, /docs\/rules\/tag-missing\.md$/);
  assert.deepEqual(missing.range, { start: { line: 93, character: 2 }, end: { line: 93, character: 13 } });
  assert.equal(published.version, 1);
  await c.shutdownAndExit();
});

test('every quick fix on every sample applies, parses, and clears its diagnostic', async () => {
  const c = client();
  await c.initialize();
  const samples = ['samples/cloudformation/web-tier.yaml', 'samples/cloudformation/database.json', 'samples/cloudformation/storage.yaml', 'samples/sam-app/template.yaml'];
  let applied = 0;
  for (const path of samples) {
    const uri = c.open(path, undefined, path.endsWith('.json') ? 'json' : 'yaml');
    const original = c.texts.get(uri);
    const first = await c.waitForDiagnostics(uri, (p) => p.version === c.versions.get(uri) && p.diagnostics.length > 0);
    for (const diagnostic of first.diagnostics) {
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const fixes = actions.filter((a) => a.diagnostics?.some((d) => d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line));
      assert.ok(fixes.length > 0, `no fix for ${diagnostic.code} at ${path}:${diagnostic.range.start.line + 1}`);
      for (const action of fixes) {
        assert.equal(action.kind, 'quickfix');
        const edited = applyEdits(original, action.edit.changes[uri]);
        const version = c.change(uri, [{ text: edited }], edited);
        const after = await c.waitForDiagnostics(uri, (p) => p.version === version);
        const still = after.diagnostics.filter((d) => d.code === diagnostic.code && d.message === diagnostic.message && d.data?.resource === diagnostic.data?.resource);
        assert.equal(still.length, 0, `"${action.title}" left ${diagnostic.code}: ${diagnostic.message}`);
        assert.ok(!after.diagnostics.some((d) => d.code === 'parse-error' || d.code === 'template-invalid'), `"${action.title}" broke ${path}`);
        applied++;
        const back = c.change(uri, [{ text: original }], original);
        await c.waitForDiagnostics(uri, (p) => p.version === back);
      }
    }
    c.close(uri);
  }
  assert.ok(applied >= 15, `only ${applied} fixes applied`);
  await c.shutdownAndExit();
});

test('incremental changes apply in order and diagnostics follow the text', async () => {
  const c = client();
  await c.initialize();
  const uri = c.open('samples/cloudformation/web-tier.yaml');
  await c.waitForDiagnostics(uri, (p) => tagDiagnostics(p).length === 3);
  // Insert two lines above the bastion host, one edit at a time, then rename its Environment value.
  c.change(uri, [{ range: { start: { line: 92, character: 0 }, end: { line: 92, character: 0 } }, text: '  # a comment\n' }]);
  c.change(uri, [{ range: { start: { line: 92, character: 0 }, end: { line: 92, character: 0 } }, text: '  # another\n' }]);
  const last = c.change(uri, [{ range: { start: { line: 89, character: 0 }, end: { line: 89, character: 0 } }, text: '' }]);
  const published = await c.waitForDiagnostics(uri, (p) => p.version === last);
  assert.deepEqual(codes(published), ['59:16 tag-key-case', '88:18 tag-value-invalid', '96:3 tag-missing']);
  await c.shutdownAndExit();
});

test('rapid typing publishes only the latest version', async () => {
  const c = client();
  await c.initialize();
  const uri = c.open('samples/cloudformation/storage.yaml');
  await c.waitForDiagnostics(uri, (p) => p.version === 1);
  const seen = [];
  c.listeners.push((p) => { if (p.uri === uri) seen.push(p.version); });
  let version;
  for (let i = 0; i < 20; i++) version = c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#\n' }]);
  const published = await c.waitForDiagnostics(uri, (p) => p.version === version);
  assert.equal(tagDiagnostics(published)[0].range.start.line, 24 + 20);
  assert.ok(seen.every((v, i) => i === 0 || v >= seen[i - 1]), `versions went backwards: ${seen}`);
  assert.ok(seen.length < 20, `debounce published ${seen.length} times for 20 changes`);
  await c.shutdownAndExit();
});

test('hover shows the tags with their source and the findings', async () => {
  const c = client();
  await c.initialize();
  const uri = c.open('samples/sam-app/template.yaml');
  await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 23, character: 5 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*ResizeFunction\*\* `AWS::Serverless::Function`/);
  assert.match(hover.contents.value, /\| CostCenter \| CC-4100 \| template default \|/);
  assert.match(hover.contents.value, /\| Environment \| prod \| on the resource \|/);
  const clean = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(clean, null);
  await c.shutdownAndExit();
});

test('document symbols list the resources', async () => {
  const c = client();
  await c.initialize();
  const uri = c.open('samples/cloudformation/database.json', undefined, 'json');
  const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => `${s.name} ${s.detail.split(' · ')[0]}`), [
    'OrdersDbSubnetGroup AWS::RDS::DBSubnetGroup', 'OrdersDbSecret AWS::SecretsManager::Secret', 'OrdersDatabase AWS::RDS::DBInstance']);
  await c.shutdownAndExit();
});

test('configuration is pulled and its changes reach the server without a restart', async () => {
  const c = client({ settings: { severity: { 'tag-key-case': 'error' } } });
  await c.initialize();
  const uri = c.open('samples/cloudformation/web-tier.yaml');
  const first = await c.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'tag-key-case' && d.severity === 1));
  assert.ok(first);
  assert.ok(c.requests.includes('workspace/configuration'));
  assert.ok(c.requests.includes('client/registerCapability'));
  c.settings = { severity: { 'tag-key-case': 'off' } };
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const after = await c.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'tag-key-case'));
  assert.deepEqual(tagDiagnostics(after).map((d) => d.code), ['tag-value-invalid', 'tag-missing']);
  await c.shutdownAndExit();
});

test('workspace folders are analysed with progress, and a policy change republishes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'finops-lsp-'));
  try {
    writeFileSync(join(dir, '.finops.yml'), 'tags:\n  required: [Owner]\n');
    mkdirSync(join(dir, 'stacks'));
    writeFileSync(join(dir, 'stacks', 'a.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
    const c = client({ workspace: dir });
    await c.initialize();
    const uri = pathToFileURL(join(dir, 'stacks', 'a.yaml')).href;
    const published = await c.waitForDiagnostics(uri, (p) => tagDiagnostics(p).length === 1);
    assert.match(tagDiagnostics(published)[0].message, /missing required tag: Owner/);
    await c.waitForProgress('end');
    assert.equal(c.progress[0], 'begin');
    writeFileSync(join(dir, '.finops.yml'), 'tags:\n  required: [Team]\n');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.finops.yml')).href, type: 2 }] });
    await c.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => /Team/.test(d.message)));
    writeFileSync(join(dir, '.finops.yml'), 'tags:\n  requird: [Team]\n');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.finops.yml')).href, type: 2 }] });
    const policy = await c.waitForDiagnostics(pathToFileURL(join(dir, '.finops.yml')).href, (p) => p.diagnostics.length === 1);
    assert.match(policy.diagnostics[0].message, /unknown key 'requird'/);
    assert.equal(policy.diagnostics[0].range.start.line, 1);
    await c.shutdownAndExit();
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('custom requests feed the dashboard', async () => {
  const c = client();
  await c.initialize();
  for (const p of ['samples/cloudformation/web-tier.yaml', 'samples/cloudformation/storage.yaml']) c.open(p);
  const summary = await c.request('finops/workspaceSummary', {});
  assert.equal(summary.totals.files, 2);
  assert.equal(summary.totals.resources, 10);
  assert.equal(summary.totals.findings.error, 3);
  assert.ok(summary.totals.compliancePercent > 0 && summary.totals.compliancePercent < 100);
  assert.deepEqual(summary.byTagKey.find((k) => k.key === 'Owner'), { key: 'Owner', missing: 2, invalid: 1 });
  const details = await c.request('finops/resourceDetails', { uri: uriOf('samples/cloudformation/web-tier.yaml'), address: 'BastionHost' });
  assert.equal(details.type, 'AWS::EC2::Instance');
  assert.deepEqual(details.findings.map((f) => f.ruleId).filter((r) => r.startsWith('tag-')), ['tag-missing']);
  await c.shutdownAndExit();
});

test('unknown requests answer MethodNotFound; unknown notifications and $/setTrace are ignored', async () => {
  const c = client();
  await c.initialize();
  await c.connection.sendNotification('$/setTrace', { value: 'verbose' });
  await c.connection.sendNotification('custom/somethingElse', { x: 1 });
  await assert.rejects(c.request('custom/unknownRequest', {}), (e) => e.code === -32601);
  const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: uriOf('samples/cloudformation/storage.yaml') } });
  assert.equal(symbols.length, 5);
  await c.shutdownAndExit();
});

test('a cancelled request answers RequestCancelled', async () => {
  const c = client();
  await c.initialize();
  // A 5 MB template keeps the server busy, so the next request is still queued when it is cancelled.
  const big = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n' + Array.from({ length: 40000 }, (_, i) => `  B${i}:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: b${i} }\n`).join('');
  const bigUri = c.open('untitled:big.yaml', big);
  // A new version makes the next request analyse the document itself, on the one handler thread, before the hover.
  c.change(bigUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# v2\n' }]);
  const busy = c.request('textDocument/documentSymbol', { textDocument: { uri: bigUri } });
  const source = new CancellationTokenSource();
  const cancelled = c.request('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 2, character: 3 } }, source.token);
  source.cancel();
  await assert.rejects(cancelled, (e) => e.code === -32800);
  assert.equal((await busy).length, 40000);
  await c.shutdownAndExit();
});

test('a broken file is one diagnostic and the server keeps serving', async () => {
  const c = client();
  await c.initialize();
  const broken = c.open('untitled:broken.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B: [\n\u0000\u0001');
  const published = await c.waitForDiagnostics(broken, (p) => p.diagnostics.length > 0);
  assert.equal(published.diagnostics[0].code, 'parse-error');
  const ok = c.open('samples/cloudformation/storage.yaml');
  await c.waitForDiagnostics(ok, (p) => tagDiagnostics(p).length === 1);
  await c.shutdownAndExit();
});

test('exit without shutdown ends with 1; closing stdin ends the process', async () => {
  const a = client();
  await a.initialize();
  await a.connection.sendNotification('exit');
  assert.equal(await a.exited, 1);
  const b = client();
  await b.initialize();
  b.process.stdin.end();
  assert.notEqual(await b.exited, null);
});

test('Terraform: module-wide analysis, findings at the provider, fixes in HCL', async () => {
  const c = client({ workspace: join(repoRoot, 'samples', 'terraform') });
  await c.initialize();
  const providers = uriOf('samples/terraform/providers.tf');
  const atProvider = await c.waitForDiagnostics(providers, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codes(atProvider), ['32:21 tag-value-invalid']);
  const uri = c.open('samples/terraform/main.tf', undefined, 'terraform');
  const original = c.texts.get(uri);
  const first = await c.waitForDiagnostics(uri, (p) => p.version === 1);
  const asg = first.diagnostics.find((d) => d.code === 'tag-missing' && /aws_autoscaling_group/.test(d.message));
  const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: asg.range, context: { diagnostics: [asg] } });
  assert.ok(actions.some((a) => /default_tags/.test(a.title) && a.edit.changes[providers]), actions.map((a) => a.title).join(' | '));
  const add = actions.find((a) => a.isPreferred);
  assert.match(add.title, /Add tag 'CostCenter'/);
  const edited = applyEdits(original, add.edit.changes[uri]);
  assert.match(edited, /tag \{\n\s+key\s+= "CostCenter"/);
  const version = c.change(uri, [{ text: edited }], edited);
  const after = await c.waitForDiagnostics(uri, (p) => p.version === version);
  assert.ok(!after.diagnostics.some((d) => d.code === 'tag-missing' && /aws_autoscaling_group/.test(d.message)));
  assert.ok(!after.diagnostics.some((d) => d.code === 'parse-error'));
  await c.shutdownAndExit();
});

test('CDK C#: findings on the construct lines, fixes in C#', async () => {
  const c = client({ workspace: join(repoRoot, 'samples', 'cdk-csharp') });
  await c.initialize();
  const uri = c.open('samples/cdk-csharp/src/ShopApp/ShopStack.cs', undefined, 'csharp');
  const original = c.texts.get(uri);
  const first = await c.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
  assert.deepEqual([...new Set(codes(first))], ['34:32 tag-key-case', '47:46 tag-value-invalid', '56:43 tag-value-invalid', '72:45 tag-missing']);
  const keyCase = first.diagnostics.find((d) => d.code === 'tag-key-case');
  const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: keyCase.range, context: { diagnostics: [keyCase] } });
  const rename = actions.find((a) => a.isPreferred);
  assert.match(rename.title, /Rename tag key 'owner' to 'Owner'/);
  const edited = applyEdits(original, rename.edit.changes[uri]);
  const version = c.change(uri, [{ text: edited }], edited);
  const after = await c.waitForDiagnostics(uri, (p) => p.version === version);
  assert.ok(!after.diagnostics.some((d) => d.code === 'tag-key-case'), JSON.stringify(after.diagnostics));
  const missing = first.diagnostics.find((d) => d.code === 'tag-missing');
  const fixes = await c.request('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
  assert.ok(fixes.some((a) => /Tags\.Of\(accessLogs\)\.Add\("Owner"/.test(a.edit.changes[uri]?.[0]?.newText ?? '')), fixes.map((a) => a.title).join(' | '));
  assert.ok(fixes.some((a) => /whole stack/.test(a.title)));
  await c.shutdownAndExit();
});

test('costs: code lens per resource and per file, hover breakdown, symbols, dashboard totals', async () => {
  const c = client();
  const init = await c.initialize();
  assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
  const uri = c.open('samples/cloudformation/database.json', undefined, 'json');
  const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
  const db = lenses.find((l) => l.range.start.line === 36);
  assert.match(db.command.title, /^\$[\d,]+\.\d\d\/mo/);
  assert.equal(db.command.command, 'finopsCopilot.showCostBreakdown');
  assert.deepEqual(db.command.arguments, [uri, 'OrdersDatabase']);
  assert.match(lenses.find((l) => l.range.start.line === 0).command.title, /^FinOps: \$[\d,]+\.\d\d\/mo for \d+ priced resources \(us-east-1\)/);
  const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 36, character: 6 } });
  assert.match(hover.contents.value, /\*\*Monthly estimate: \$[\d,]+\.\d\d\/mo\*\*/);
  assert.match(hover.contents.value, /\| Component \| Quantity \| Unit price \| Monthly \|/);
  const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.match(symbols.find((s) => s.name === 'OrdersDatabase').detail, /^AWS::RDS::DBInstance · \$/);
  const summary = await c.request('finops/workspaceSummary', {});
  assert.ok(summary.totals.monthlyCost > 0);
  assert.equal(summary.totals.currency, 'USD');
  assert.ok(summary.byType.find((t) => t.name === 'AWS::RDS::DBInstance').monthlyCost > 0);
  assert.equal(summary.resourceCosts[uri][0].address, 'OrdersDatabase');
  const details = await c.request('finops/resourceDetails', { uri, address: 'OrdersDatabase' });
  assert.equal(details.monthlyCost, summary.resourceCosts[uri][0].monthlyCost);
  assert.ok(details.costBreakdown.some((l) => /instance/i.test(l.component)));
  await c.shutdownAndExit();
});
