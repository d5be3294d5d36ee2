// The cost dashboard webview panel: one instance, restored across reloads by a serializer.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { dashboardHtml, makeNonce } from './lib/dashboardHtml';
import { isFromWebview, type DashboardContext, type FromWebview, type ToWebview } from './lib/messages';
import type { WorkspaceSummary } from './lib/summary';

export const DASHBOARD_VIEW_TYPE = 'finopsCopilot.dashboard';

export interface DashboardHost {
  summary(): WorkspaceSummary | undefined;
  refresh(): Promise<WorkspaceSummary | undefined>;
  handle(message: FromWebview, panel: Dashboard): Promise<void>;
}

export class Dashboard implements vscode.Disposable {
  static current: Dashboard | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private queue: ToWebview[] = [];
  private section: DashboardContext['section'];

  static show(context: vscode.ExtensionContext, host: DashboardHost, section?: DashboardContext['section']): Dashboard {
    if (Dashboard.current) {
      Dashboard.current.panel.reveal(undefined, false);
      if (section) Dashboard.current.post({ type: 'focus', section });
      return Dashboard.current;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'FinOps Dashboard', vscode.ViewColumn.Active, Dashboard.options(context));
    return new Dashboard(panel, context, host, section);
  }

  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'extension', 'dist')],
    };
  }

  constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly host: DashboardHost, section?: DashboardContext['section']) {
    Dashboard.current = this;
    this.section = section;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'extension', 'media', 'finops.svg');
    panel.webview.options = Dashboard.options(context);
    const dist = vscode.Uri.joinPath(context.extensionUri, 'extension', 'dist');
    panel.webview.html = dashboardHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce((n) => crypto.randomBytes(n)),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(async (m: unknown) => {
        if (!isFromWebview(m)) return;
        if (m.type === 'ready') {
          this.ready = true;
          this.queue.splice(0).forEach((q) => void panel.webview.postMessage(q));
          const s = this.host.summary() ?? (await this.host.refresh());
          if (s) this.update(s);
          else this.post({ type: 'error', message: 'The FinOps Copilot language server is not running, so there is no summary to show. See the FinOps Copilot output for details, or run "FinOps: Restart Server".' });
          return;
        }
        try {
          await this.host.handle(m, this);
        } catch (e) {
          this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
        }
      }),
    );
  }

  update(summary: WorkspaceSummary): void {
    const context: DashboardContext = {
      trusted: vscode.workspace.isTrusted, workspaceName: vscode.workspace.name ?? 'Workspace', updatedAt: new Date().toISOString(), section: this.section,
    };
    this.section = undefined;
    this.post({ type: 'summary', summary, context });
  }

  post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  dispose(): void {
    if (Dashboard.current === this) Dashboard.current = undefined;
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export function registerDashboardSerializer(context: vscode.ExtensionContext, host: DashboardHost): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
      new Dashboard(panel, context, host);
    },
  });
}
