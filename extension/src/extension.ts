// FinOps Copilot for VS Code: a thin client of the `finops-copilot lsp` language server.
import * as vscode from 'vscode';
import { applyFix, exportSummary, openPolicyFile, reveal } from './actions';
import { FinOpsClient } from './client';
import { Dashboard, registerDashboardSerializer, type DashboardHost } from './dashboard';
import type { FromWebview } from './lib/messages';
import { statusBarText, type Range, type ResourceDetails, type WorkspaceSummary } from './lib/summary';
import { CostTreeProvider } from './tree';

interface LspSymbol { name: string; detail?: string; range: Range }

export async function activate(context: vscode.ExtensionContext): Promise<{ summary: () => WorkspaceSummary | undefined; client: FinOpsClient }> {
  const log = vscode.window.createOutputChannel('FinOps Copilot', { log: true });
  const client = new FinOpsClient(context, log);
  const tree = new CostTreeProvider(client);
  const status = vscode.window.createStatusBarItem('finopsCopilot.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'FinOps Copilot';
  status.command = 'finopsCopilot.showDashboard';
  let summary: WorkspaceSummary | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const paintStatus = () => {
    const t = statusBarText(summary, client.state === 'running' ? 'running' : client.state);
    status.text = t.text;
    status.tooltip = t.tooltip;
    status.command = client.state === 'failed' ? 'finopsCopilot.showOutput' : 'finopsCopilot.showDashboard';
    status.backgroundColor = client.state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    status.show();
  };

  const refresh = async (): Promise<WorkspaceSummary | undefined> => {
    try {
      const s = await client.request<WorkspaceSummary>('finops/workspaceSummary', {});
      if (s) {
        // The server reports absolute paths; people read them relative to the workspace.
        s.byFile = s.byFile.map((f) => ({ ...f, path: vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri)) }));
        summary = s;
        tree.update(s);
        Dashboard.current?.update(s);
        log.debug(`[client] summary: ${s.totals.resources} resources, ${s.topFindings.length} top findings; dashboard ${Dashboard.current ? 'updated' : 'closed'}`);
      }
    } catch (e) {
      log.appendLine(`[client] workspace summary failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    paintStatus();
    return summary;
  };
  const refreshSoon = (ms = 400) => { clearTimeout(refreshTimer); refreshTimer = setTimeout(() => void refresh(), ms); };

  const showDetails = async (uri: string, address: string, panel: Dashboard) => {
    const details = await client.request<ResourceDetails | null>('finops/resourceDetails', { uri, address });
    panel.post({ type: 'resource', details: details ?? null, address });
  };

  const host: DashboardHost = {
    summary: () => summary,
    refresh,
    async handle(m: FromWebview, panel: Dashboard) {
      switch (m.type) {
        case 'refresh': await refresh(); break;
        case 'reveal': await reveal(m.uri, m.range); break;
        case 'details': await showDetails(m.uri, m.address, panel); break;
        case 'export': await vscode.commands.executeCommand('finopsCopilot.exportSummary'); break;
        case 'openPolicy': await openPolicyFile(); break;
        case 'connectAws':
          void vscode.window.showInformationMessage('Live AWS data (actual spend, trend and forecast from Cost Explorer) is not available in this version yet. Cost estimates from your code need no AWS connection.');
          break;
        case 'applyFix':
          try {
            const title = await applyFix(client, m.uri, m.range, m.ruleId);
            panel.post({ type: 'fixResult', key: m.key, ok: true, message: title });
            refreshSoon(800);
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            panel.post({ type: 'fixResult', key: m.key, ok: false, message });
            void vscode.window.showWarningMessage(message);
          }
          break;
      }
    },
  };

  const resourceAt = async (editor: vscode.TextEditor | undefined): Promise<{ uri: string; address: string } | undefined> => {
    if (!editor) return undefined;
    const uri = editor.document.uri.toString();
    const symbols = (await client.request<LspSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })) ?? [];
    const line = editor.selection.active.line;
    const hit = symbols.find((s) => s.range.start.line <= line && line <= s.range.end.line);
    return hit ? { uri, address: hit.name } : undefined;
  };

  const command = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  command('finopsCopilot.showDashboard', () => Dashboard.show(context, host));
  command('finopsCopilot.showCompliance', () => Dashboard.show(context, host, 'compliance'));
  command('finopsCopilot.analyzeWorkspace', () => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'FinOps Copilot: analysing the workspace…' }, async () => {
    if (client.state !== 'running') await client.restart();
    // A configuration change makes the server re-analyse every workspace file and open document.
    await client.client?.sendNotification('workspace/didChangeConfiguration', { settings: { finopsCopilot: vscode.workspace.getConfiguration('finopsCopilot') } });
    await new Promise((r) => setTimeout(r, 1500));
    const s = await refresh();
    if (s) void vscode.window.showInformationMessage(`FinOps Copilot: ${s.totals.resources} resources in ${s.totals.files} files · ${s.totals.findings.error} errors, ${s.totals.findings.warning} warnings.`, 'Show Dashboard').then((c) => c && Dashboard.show(context, host));
  }));
  command('finopsCopilot.exportSummary', async () => {
    const s = (await refresh()) ?? summary;
    if (!s) { void vscode.window.showWarningMessage('The workspace summary is not available: is the language server running?'); return; }
    try { await exportSummary(s); } catch (e) { void vscode.window.showWarningMessage(e instanceof Error ? e.message : String(e)); }
  });
  command('finopsCopilot.openPolicyFile', () => openPolicyFile());
  command('finopsCopilot.showCostBreakdown', async (uri?: string | vscode.Uri, address?: string) => {
    const target = typeof address === 'string' && uri ? { uri: uri.toString(), address } : await resourceAt(vscode.window.activeTextEditor);
    const panel = Dashboard.show(context, host);
    if (!target) { void vscode.window.showInformationMessage('Place the cursor on a resource to see its cost breakdown.'); return; }
    await showDetails(target.uri, target.address, panel);
  });
  command('finopsCopilot.restartServer', async () => { await client.restart(); await refresh(); });
  command('finopsCopilot.showOutput', () => log.show());
  command('finopsCopilot.reveal', (uri: string, range?: Range) => reveal(uri, range));
  command('finopsCopilot.refreshTree', () => refresh());

  context.subscriptions.push(
    log, status,
    vscode.window.createTreeView('finopsCopilot.costTree', { treeDataProvider: tree, showCollapseAll: true }),
    registerDashboardSerializer(context, host),
    client.onDidChangeState((s) => { paintStatus(); if (s === 'running') refreshSoon(50); tree.update(summary); }),
    vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.length) refreshSoon(); }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('finopsCopilot')) return;
      log.info(`[client] finopsCopilot settings changed: ${JSON.stringify(vscode.workspace.getConfiguration('finopsCopilot'))}`);
      if (e.affectsConfiguration('finopsCopilot.server.path')) {
        const choice = await vscode.window.showInformationMessage('The FinOps Copilot server path changed.', 'Restart Server');
        if (choice) await client.restart();
      } else if (e.affectsConfiguration('finopsCopilot.trace.server')) {
        await client.applyTrace();
      }
      // Other finopsCopilot.* settings reach the server through the client's configuration synchronisation.
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => { void client.restart(); }),
    { dispose: () => { clearTimeout(refreshTimer); void client.dispose(); } },
  );

  paintStatus();
  void client.start();
  return { summary: () => summary, client };
}

export function deactivate(): void { /* the client is disposed with the context's subscriptions */ }
