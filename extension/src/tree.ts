// The FinOps view's cost tree: workspace → files → resources (sorted by monthly cost when known) → findings.
import * as vscode from 'vscode';
import type { FinOpsClient } from './client';
import {
  formatMoney, formatPercent, hasCostData, iconForType, rangeContains, sortFiles, type FileSummary, type Range, type WorkspaceSummary,
} from './lib/summary';

interface LspSymbol { name: string; detail?: string; kind: number; range: Range; selectionRange: Range; children?: LspSymbol[] }

type Node =
  | { kind: 'workspace'; summary: WorkspaceSummary }
  | { kind: 'file'; file: FileSummary; currency?: string }
  | { kind: 'resource'; uri: string; name: string; type: string; range: Range; cost?: number; currency?: string; diagnostics: vscode.Diagnostic[] }
  | { kind: 'finding'; uri: string; diagnostic: vscode.Diagnostic }
  | { kind: 'message'; text: string };

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class CostTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private summary: WorkspaceSummary | undefined;

  constructor(private readonly client: FinOpsClient) {}

  update(summary: WorkspaceSummary | undefined): void { this.summary = summary; this.emitter.fire(undefined); }

  getChildren(node?: Node): vscode.ProviderResult<Node[]> {
    const s = this.summary;
    if (!node) {
      if (!s) return [{ kind: 'message', text: this.client.state === 'running' ? 'Analysing…' : 'The language server is not running' }];
      return [{ kind: 'workspace', summary: s }];
    }
    switch (node.kind) {
      case 'workspace':
        return node.summary.byFile.length ? sortFiles(node.summary.byFile).map((file) => ({ kind: 'file', file, currency: node.summary.totals.currency }) as Node)
          : [{ kind: 'message', text: 'No infrastructure files found' }];
      case 'file': return this.resourcesOf(node.file, node.currency);
      case 'resource': return node.diagnostics.map((diagnostic) => ({ kind: 'finding', uri: node.uri, diagnostic }) as Node);
      default: return [];
    }
  }

  private async resourcesOf(file: FileSummary, currency?: string): Promise<Node[]> {
    const symbols = (await this.client.request<LspSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: file.uri } }).catch(() => undefined)) ?? [];
    const uri = vscode.Uri.parse(file.uri);
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'finops');
    const costs = new Map((this.summary?.resourceCosts?.[file.uri] ?? []).map((r) => [r.address, r.monthlyCost]));
    const nodes = symbols.map((sym): Node => ({
      kind: 'resource', uri: file.uri, name: sym.name, type: sym.detail ?? '', range: sym.range, cost: costs.get(sym.name), currency,
      diagnostics: diagnostics.filter((d) => rangeContains(sym.range, { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } })),
    }));
    nodes.sort((a, b) => a.kind === 'resource' && b.kind === 'resource' ? (b.cost ?? -1) - (a.cost ?? -1) || a.range.start.line - b.range.start.line : 0);
    return nodes.length ? nodes : [{ kind: 'message', text: 'No resources' }];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'workspace': {
        const s = node.summary;
        const item = new vscode.TreeItem(vscode.workspace.name ?? 'Workspace', vscode.TreeItemCollapsibleState.Expanded);
        item.description = [hasCostData(s) ? `${formatMoney(s.totals.monthlyCost, s.totals.currency)}/mo` : undefined, `${formatPercent(s.totals.compliancePercent)} tagged`].filter(Boolean).join(' · ');
        item.tooltip = `${s.totals.resources} resources in ${s.totals.files} files`;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'workspace';
        item.command = { command: 'finopsCopilot.showDashboard', title: 'Show Cost Dashboard' };
        return item;
      }
      case 'file': {
        const f = node.file;
        const item = new vscode.TreeItem(f.path.slice(f.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Collapsed);
        item.resourceUri = vscode.Uri.parse(f.uri);
        item.description = [f.monthlyCost !== undefined ? `${formatMoney(f.monthlyCost, node.currency)}/mo` : undefined, f.nonCompliant ? `${f.nonCompliant} non-compliant` : `${f.resources} resources`].filter(Boolean).join(' · ');
        item.tooltip = `${f.path}\n${f.resources} resources · ${f.findings} findings · ${f.format}`;
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'file';
        return item;
      }
      case 'resource': {
        const item = new vscode.TreeItem(node.name, node.diagnostics.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = node.cost !== undefined ? `${formatMoney(node.cost, node.currency)}/mo` : node.type;
        item.tooltip = new vscode.MarkdownString(`**${node.name}** \`${node.type}\`\n\n${node.cost !== undefined ? `Estimated ${formatMoney(node.cost, node.currency)}/month` : 'Cost estimates arrive with the pricing engine'}\n\n${node.diagnostics.length} finding(s)`);
        const worst = node.diagnostics.reduce((w, d) => Math.min(w, d.severity), 9);
        item.iconPath = new vscode.ThemeIcon(iconForType(node.type), worst === vscode.DiagnosticSeverity.Error ? new vscode.ThemeColor('problemsErrorIcon.foreground') : worst === vscode.DiagnosticSeverity.Warning ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.contextValue = 'resource';
        item.command = { command: 'finopsCopilot.reveal', title: 'Go to Resource', arguments: [node.uri, node.range] };
        return item;
      }
      case 'finding': {
        const d = node.diagnostic;
        const item = new vscode.TreeItem(d.message, vscode.TreeItemCollapsibleState.None);
        item.description = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
        item.iconPath = new vscode.ThemeIcon(d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info');
        item.command = { command: 'finopsCopilot.reveal', title: 'Go to Finding', arguments: [node.uri, { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } }] };
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }
}

export { toRange };
