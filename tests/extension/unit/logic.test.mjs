// The extension's pure logic (extension/src/lib), bundled by extension/build.mjs into extension/out/lib.mjs.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { costsSummary, emptySummary, samplesSummary } from '../support/summaries.mjs';
import { loadLib } from '../support/webview-harness.mjs';

let lib;
before(async () => { lib = await loadLib(); });

describe('summary helpers', () => {
  test('cost data is detected from any cost field, and absent from the server summary of today', () => {
    assert.equal(lib.hasCostData(samplesSummary()), false);
    assert.equal(lib.hasCostData(costsSummary()), true);
    const onlyTypes = samplesSummary();
    onlyTypes.byType[0].monthlyCost = 12;
    assert.equal(lib.hasCostData(onlyTypes), true);
    assert.equal(lib.hasLiveData(samplesSummary()), false);
    assert.equal(lib.hasLiveData(costsSummary()), true);
  });

  test('money and percentages', () => {
    assert.equal(lib.formatMoney(3515.11), '$3,515');
    assert.equal(lib.formatMoney(38.1), '$38.10');
    assert.equal(lib.formatMoney(123456, 'USD', true), '$123K');
    assert.equal(lib.formatMoney(12.5, 'EUR'), '€12.50');
    assert.equal(lib.formatMoney(undefined), '—');
    assert.equal(lib.formatMoney(5, 'NOT-A-CURRENCY'), '5.00 NOT-A-CURRENCY');
    assert.equal(lib.formatPercent(56.25), '56.3%');
    assert.equal(lib.formatPercent(100), '100%');
    assert.equal(lib.formatPercent(0), '0%');
  });

  test('tagging violations count the tag rules only', () => {
    const s = samplesSummary();
    s.byRule.push({ name: 'resource-type-unknown', count: 5 });
    assert.equal(lib.taggingViolations(s), 8);
    assert.equal(lib.nonCompliantResources(s), 7);
  });

  test('status bar text: violations without costs, estimate with costs, states', () => {
    const plain = lib.statusBarText(samplesSummary());
    assert.equal(plain.text, '$(pulse) $(tag) 8');
    assert.match(plain.tooltip, /Cost estimates arrive with the pricing engine/);
    assert.match(plain.tooltip, /8 tagging violations · 56\.2% of 16 taggable resources compliant/);
    assert.equal(plain.severity, 'error');
    assert.equal(lib.statusBarText(costsSummary()).text, '$(pulse) $3,515/mo $(tag) 8');
    assert.equal(lib.statusBarText(emptySummary()).text, '$(pulse) $(check) tags');
    assert.equal(lib.statusBarText(undefined, 'failed').severity, 'error');
    assert.match(lib.statusBarText(undefined, 'starting').text, /sync~spin/);
  });

  test('top N with the rest folded into Other', () => {
    const items = [5, 1, 9, 3, 7].map((v, i) => ({ v, n: `t${i}` }));
    assert.deepEqual(lib.topWithOther(items, (x) => x.v, (x) => x.n, 3), [
      { label: 't2', value: 9 }, { label: 't4', value: 7 }, { label: 't0', value: 5 }, { label: 'Other (2)', value: 4 },
    ]);
    assert.equal(lib.topWithOther(items, (x) => x.v, (x) => x.n, 10).length, 5);
  });

  test('files sort by cost, then non-compliance; recommendations by saving, then severity', () => {
    assert.deepEqual(lib.sortFiles(costsSummary().byFile).map((f) => f.path.split('/').pop()), ['web-tier.yaml', 'database.json', 'storage.yaml', 'template.yaml']);
    assert.deepEqual(lib.sortFiles(samplesSummary().byFile).map((f) => f.path.split('/').pop()), ['web-tier.yaml', 'template.yaml', 'database.json', 'storage.yaml']);
    const recs = lib.recommendations(costsSummary(), 3);
    assert.deepEqual(recs.map((r) => r.monthlySaving), [612, 96.5, 44]);
    const bySeverity = lib.recommendations(samplesSummary(), 10);
    assert.equal(bySeverity.at(-1).severity, 'warning');
    assert.equal(lib.totalSavings(costsSummary()), 612 + 96.5 + 44 + 12.25);
    assert.equal(lib.totalSavings(samplesSummary()), undefined);
  });

  test('titles, effort, icons, services, ranges', () => {
    assert.equal(lib.recommendationTitle({ ruleId: 'tag-missing' }), 'Add missing tags');
    assert.equal(lib.recommendationTitle({ ruleId: 'rightsize-instance' }), 'Rightsize instance');
    assert.equal(lib.recommendationTitle({ ruleId: 'x', title: 'Use gp3' }), 'Use gp3');
    assert.equal(lib.effortOf({ ruleId: 'tag-missing' }), 'low');
    assert.equal(lib.effortOf({ ruleId: 'rightsize', effort: 'high' }), 'high');
    assert.equal(lib.serviceOf('AWS::EC2::Instance'), 'EC2');
    assert.equal(lib.serviceOf('aws_db_instance'), 'DB');
    assert.equal(lib.iconForType('AWS::EC2::Instance'), 'server');
    assert.equal(lib.iconForType('AWS::EC2::SecurityGroup'), 'type-hierarchy');
    assert.equal(lib.iconForType('AWS::RDS::DBInstance'), 'database');
    assert.equal(lib.iconForType('AWS::S3::Bucket'), 'archive');
    assert.equal(lib.iconForType('AWS::Serverless::Function'), 'symbol-function');
    assert.equal(lib.iconForType('aws_s3_bucket'), 'archive');
    assert.equal(lib.iconForType('Custom::Thing'), 'symbol-misc');
    const r = (a, b, c, d) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
    assert.equal(lib.rangeContains(r(2, 0, 10, 0), r(3, 4, 3, 9)), true);
    assert.equal(lib.rangeContains(r(2, 5, 10, 0), r(2, 4, 3, 9)), false);
    assert.equal(lib.baseName('file:///a/b/my%20stack.yaml'), 'my stack.yaml');
  });
});

describe('restart backoff', () => {
  test('doubles up to the cap, gives up after the maximum, resets after a stable run', () => {
    const b = new lib.Backoff(1000, 8000, 60000, 5);
    b.started(0);
    assert.deepEqual([1, 2, 3, 4, 5].map(() => b.next(10)), [1000, 2000, 4000, 8000, 8000]);
    assert.equal(b.next(10), undefined);
    b.started(100000);
    assert.equal(b.next(100000 + 60000), 1000, 'a server that stayed up a minute starts over');
    b.reset();
    assert.equal(b.next(0), 1000);
  });
});

describe('server location', () => {
  const ext = '/ext';
  const exists = (set) => (p) => set.includes(p);
  test('the setting wins, then the bundled server, then a development build', () => {
    const bundled = join(ext, 'extension/server/finops-copilot.dll');
    const dev = join(ext, 'server/FinOpsCopilot.Cli/bin/Debug/net10.0/finops-copilot.dll');
    assert.deepEqual(lib.locateServer({ settingPath: '/opt/fc/finops-copilot', extensionPath: ext, exists: exists([bundled]) }),
      { command: '/opt/fc/finops-copilot', args: ['lsp'], source: 'setting', needsRuntime: false, serverPath: '/opt/fc/finops-copilot' });
    assert.deepEqual(lib.locateServer({ settingPath: '/opt/fc/finops-copilot.dll', extensionPath: ext, exists: exists([]), dotnet: '/usr/bin/dotnet' }),
      { command: '/usr/bin/dotnet', args: ['/opt/fc/finops-copilot.dll', 'lsp'], source: 'setting', needsRuntime: true, serverPath: '/opt/fc/finops-copilot.dll' });
    assert.equal(lib.locateServer({ extensionPath: ext, exists: exists([bundled, dev]) }).source, 'bundled');
    assert.equal(lib.locateServer({ settingPath: '  ', extensionPath: ext, exists: exists([dev]) }).serverPath, dev);
    assert.equal(lib.locateServer({ extensionPath: ext, exists: exists([]) }), undefined);
  });

  test('dotnet candidates and runtime detection', () => {
    const c = lib.dotnetCandidates({ DOTNET_ROOT: '/opt/dotnet', PATH: '/usr/local/bin:/usr/bin', HOME: '/home/me' }, 'linux');
    assert.deepEqual(c.slice(0, 3), ['/opt/dotnet/dotnet', '/usr/local/bin/dotnet', '/usr/bin/dotnet']);
    assert.ok(c.includes('/home/me/.dotnet/dotnet'));
    assert.equal(lib.hasRuntime('Microsoft.AspNetCore.App 10.0.1 [/x]\nMicrosoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n'), true);
    assert.equal(lib.hasRuntime('Microsoft.NETCore.App 8.0.11 [/x]\nMicrosoft.AspNetCore.App 10.0.1 [/x]'), false);
    assert.equal(lib.hasRuntime(''), false);
  });
});

describe('webview contract', () => {
  test('the HTML shell has a strict CSP: nonce scripts, no inline styles, nothing remote', () => {
    const html = lib.dashboardHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123', scriptUri: 'S', styleUri: 'C' });
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/);
    assert.match(html, /<script nonce="abc123" src="S"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(lib.makeNonce((n) => new Uint8Array(n).fill(255)), /^[A-Za-z0-9]{24}$/);
  });

  test('messages from the webview are validated', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    assert.equal(lib.isFromWebview({ type: 'ready' }), true);
    assert.equal(lib.isFromWebview({ type: 'reveal', uri: 'file:///a.yaml', range }), true);
    assert.equal(lib.isFromWebview({ type: 'reveal', uri: 'file:///a.yaml' }), true);
    assert.equal(lib.isFromWebview({ type: 'applyFix', key: 'k', uri: 'file:///a.yaml', range, ruleId: 'tag-missing' }), true);
    assert.equal(lib.isFromWebview({ type: 'applyFix', key: 'k', uri: 'file:///a.yaml', range: { start: { line: -1, character: 0 }, end: range.end }, ruleId: 'x' }), false);
    assert.equal(lib.isFromWebview({ type: 'reveal', uri: 42 }), false);
    assert.equal(lib.isFromWebview({ type: 'runShell', command: 'rm' }), false);
    assert.equal(lib.isFromWebview(null), false);
  });
});

describe('executive summary export', () => {
  const meta = { workspaceName: 'samples', generatedAt: new Date('2026-11-25T21:00:00Z'), relativePath: (u) => u.replace('file:///workspace/', '') };

  test('Markdown without cost data says so, and lists compliance and recommendations', () => {
    const md = lib.markdownReport(samplesSummary(), meta);
    assert.match(md, /^# FinOps executive summary — samples/);
    assert.match(md, /Generated 2026-11-25 21:00 UTC/);
    assert.match(md, /Estimated monthly cost: not available yet \(cost estimates arrive with the pricing engine\)/);
    assert.match(md, /Tag compliance: \*\*56\.2%\*\* \(9 of 16 taggable resources; 7 non-compliant, 8 tagging violations\)/);
    assert.match(md, /\| tag-missing \| 4 \|/);
    assert.match(md, /\| Owner \| 4 \| 1 \|/);
    assert.match(md, /1\. \*\*Add missing tags\*\* — `OrdersDatabase` \(cloudformation\/database\.json:37\)/);
    assert.doesNotMatch(md, /## Cost by resource type/);
  });

  test('Markdown with cost data has totals, costs by type and savings', () => {
    const md = lib.markdownReport(costsSummary(), meta);
    assert.match(md, /Estimated monthly cost: \*\*\$3,515\*\*/);
    assert.match(md, /\| AWS::AutoScaling::AutoScalingGroup \| 1 \| \$1,843 \|/);
    assert.match(md, /Saving: \$612\/month/);
    assert.match(md, /Potential monthly savings from the top recommendations: \*\*\$765\*\*/);
  });

  test('self-contained HTML: inline SVG charts drawn by ECharts, no scripts, nothing remote', () => {
    for (const s of [samplesSummary(), costsSummary()]) {
      const html = lib.htmlReport(s, meta, lib.renderSvg);
      assert.doesNotMatch(html, /<script|<link|src="http|href="http/);
      const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      assert.ok(svgs.length >= 3, `${svgs.length} charts`);
      for (const svg of svgs) assert.ok((svg.match(/<path/g) ?? []).length > 2, 'each chart draws shapes');
      assert.match(html, /56\.2%/);
    }
    assert.match(lib.htmlReport(costsSummary(), meta, lib.renderSvg), /Monthly cost by resource type[\s\S]*\$1,843/);
    const escaped = samplesSummary();
    escaped.topFindings[0].message = '<img src=x onerror=alert(1)>';
    assert.doesNotMatch(lib.htmlReport(escaped, meta, lib.renderSvg), /<img src=x/);
  });
});
