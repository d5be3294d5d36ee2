// Actions shared by commands, the tree and the dashboard: reveal, apply the editor's quick fix, export, policy file.
import * as vscode from 'vscode';
import type { FinOpsClient } from './client';
import { htmlReport, markdownReport } from './lib/report';
import { renderSvg } from './lib/ssr';
import { rangeContains, type Range, type WorkspaceSummary } from './lib/summary';

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** Where to show a document opened from the dashboard: beside it while it is the active editor, so it stays visible. */
function editorColumn(): vscode.ViewColumn {
  return vscode.window.activeTextEditor ? vscode.window.activeTextEditor.viewColumn ?? vscode.ViewColumn.One : vscode.ViewColumn.Beside;
}

export async function reveal(uri: string, range?: Range): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: editorColumn() });
  if (range) {
    const r = toRange(range);
    editor.selection = new vscode.Selection(r.start, r.start);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/**
 * Runs the code action the editor offers for a finding: asks the server for `textDocument/codeAction` on the
 * finding's range with its diagnostics, picks the preferred quick fix (else the first) and applies its edit.
 */
export async function applyFix(client: FinOpsClient, uri: string, range: Range, ruleId: string): Promise<string> {
  const lc = client.client;
  if (!lc || client.state !== 'running') throw new Error('The language server is not running.');
  if (!vscode.workspace.isTrusted) throw new Error('Trust this workspace to apply fixes.');
  const docUri = vscode.Uri.parse(uri);
  const doc = await vscode.workspace.openTextDocument(docUri);
  const diagnostics = vscode.languages.getDiagnostics(docUri).filter((d) => d.source === 'finops'
    && (String(typeof d.code === 'object' ? d.code.value : d.code) === ruleId)
    && (rangeContains(range, protocolRange(d.range)) || d.range.intersection(toRange(range)) !== undefined));
  const params = {
    textDocument: { uri: lc.code2ProtocolConverter.asUri(doc.uri) },
    range,
    context: { diagnostics: await lc.code2ProtocolConverter.asDiagnostics(diagnostics), only: ['quickfix'], triggerKind: 1 },
  };
  const result = await lc.sendRequest<unknown[] | null>('textDocument/codeAction', params);
  const actions = (await lc.protocol2CodeConverter.asCodeActionResult((result ?? []) as never)).filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction);
  const chosen = actions.find((a) => a.isPreferred) ?? actions[0];
  if (!chosen) throw new Error(`No quick fix is available for ${ruleId} here.`);
  if (chosen.edit && !(await vscode.workspace.applyEdit(chosen.edit))) throw new Error(`The fix "${chosen.title}" could not be applied.`);
  if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  // Show the edited (unsaved) file without hiding the dashboard.
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: editorColumn(), preserveFocus: true, selection: toRange(range) });
  return chosen.title;
}

function protocolRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export async function exportSummary(summary: WorkspaceSummary): Promise<vscode.Uri[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('Open a folder to export the executive summary into it.');
  if (!vscode.workspace.isTrusted) throw new Error('Trust this workspace to write the executive summary into it.');
  const now = new Date();
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const dir = vscode.Uri.joinPath(folder.uri, 'finops-reports');
  await vscode.workspace.fs.createDirectory(dir);
  const meta = { workspaceName: vscode.workspace.name ?? folder.name, generatedAt: now, relativePath: (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false) };
  const md = vscode.Uri.joinPath(dir, `finops-summary-${stamp}.md`);
  const html = vscode.Uri.joinPath(dir, `finops-summary-${stamp}.html`);
  await vscode.workspace.fs.writeFile(md, Buffer.from(markdownReport(summary, meta), 'utf8'));
  await vscode.workspace.fs.writeFile(html, Buffer.from(htmlReport(summary, meta, renderSvg), 'utf8'));
  await vscode.window.showTextDocument(md, { preview: false });
  void vscode.window.showInformationMessage(`Executive summary saved to ${vscode.workspace.asRelativePath(md)} and ${vscode.workspace.asRelativePath(html)}.`, 'Open HTML', 'Preview Markdown').then(async (choice) => {
    if (choice === 'Open HTML') await vscode.env.openExternal(html);
    if (choice === 'Preview Markdown') await vscode.commands.executeCommand('markdown.showPreview', md);
  });
  return [md, html];
}

export const STARTER_POLICY = `# FinOps Copilot tag policy. Reference: https://github.com/finops-copilot/finops-copilot/blob/main/docs/policy.md
version: 1
tags:
  required:
    - key: CostCenter
      pattern: '^CC-[0-9]{4}$'
    - key: Environment
      values: [prod, staging, dev]
    - Owner                      # any non-empty value
  exempt:
    types: ["AWS::EC2::LaunchTemplate"]
rules:
  tag-key-case: warning          # off | info | warning | error
`;

export async function openPolicyFile(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) { void vscode.window.showWarningMessage('Open a folder first: the policy file lives at the root of your infrastructure code.'); return; }
  const configured = vscode.workspace.getConfiguration('finopsCopilot').get<string>('policyPath');
  const candidates = configured ? [vscode.Uri.joinPath(folder.uri, configured)] : ['.finops.yml', '.finops.yaml'].map((n) => vscode.Uri.joinPath(folder.uri, n));
  for (const c of candidates) {
    try { await vscode.workspace.fs.stat(c); await vscode.window.showTextDocument(c); return; } catch { /* not there */ }
  }
  const found = configured ? [] : await vscode.workspace.findFiles('**/.finops.{yml,yaml}', '**/node_modules/**', 1);
  if (found.length) { await vscode.window.showTextDocument(found[0]); return; }
  if (!vscode.workspace.isTrusted) { void vscode.window.showWarningMessage('No policy file yet. Trust this workspace to create one.'); return; }
  const target = candidates[0];
  await vscode.workspace.fs.writeFile(target, Buffer.from(STARTER_POLICY, 'utf8'));
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(`Created a starter policy: ${vscode.workspace.asRelativePath(target)}. Edit the required tags to match your organisation.`);
}
