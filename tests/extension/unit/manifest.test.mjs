// The root package.json as an extension manifest, checked against the extension's source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from '../support/webview-harness.mjs';

const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const source = ['extension.ts', 'client.ts', 'dashboard.ts', 'tree.ts'].map((f) => readFileSync(join(repo, 'extension/src', f), 'utf8')).join('\n');

test('every contributed command is registered, in the FinOps category', () => {
  const commands = manifest.contributes.commands;
  for (const id of ['analyzeWorkspace', 'showDashboard', 'showCompliance', 'exportSummary', 'openPolicyFile', 'showCostBreakdown', 'restartServer']) {
    assert.ok(commands.some((c) => c.command === `finopsCopilot.${id}`), `finopsCopilot.${id} contributed`);
  }
  for (const c of commands) {
    assert.equal(c.category, 'FinOps', c.command);
    assert.ok(source.includes(`'${c.command}'`), `${c.command} is registered in the source`);
  }
});

test('activation, dependency, trust and the bundled entry point', () => {
  assert.equal(manifest.main, './extension/dist/extension.js');
  for (const e of ['onLanguage:terraform', 'workspaceContains:**/.finops.yml', 'workspaceContains:**/cdk.json', 'workspaceContains:**/*.tf']) assert.ok(manifest.activationEvents.includes(e), e);
  assert.deepEqual(manifest.extensionDependencies, ['ms-dotnettools.vscode-dotnet-runtime']);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('finopsCopilot.server.path'));
  assert.ok(manifest.files.includes('extension/server/**'), 'the server ships in the .vsix');
});

test('settings and the Terraform language', () => {
  const props = manifest.contributes.configuration.properties;
  for (const key of ['region', 'policyPath', 'severity', 'formats', 'server.path', 'trace.server']) assert.ok(props[`finopsCopilot.${key}`], key);
  const tf = manifest.contributes.languages.find((l) => l.id === 'terraform');
  assert.deepEqual(tf.extensions, ['.tf']);
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'terraform');
  const tm = JSON.parse(readFileSync(join(repo, grammar.path), 'utf8'));
  assert.equal(tm.scopeName, grammar.scopeName);
  const config = JSON.parse(readFileSync(join(repo, tf.configuration), 'utf8'));
  assert.deepEqual(config.comments, { lineComment: '#', blockComment: ['/*', '*/'] });
  // The grammar's patterns compile as JavaScript regular expressions (Oniguruma is a superset for these).
  const walk = (o) => Object.entries(o).forEach(([k, v]) => (['match', 'begin'].includes(k) ? new RegExp(v.replace(/\\1/g, '')) : v && typeof v === 'object' && walk(v)));
  walk(tm);
});

test('the view container and the tree', () => {
  assert.equal(manifest.contributes.viewsContainers.activitybar[0].title, 'FinOps');
  assert.equal(manifest.contributes.views.finops[0].id, 'finopsCopilot.costTree');
  assert.ok(source.includes("'finopsCopilot.costTree'"));
});
