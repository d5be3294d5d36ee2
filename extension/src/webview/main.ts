// The dashboard webview: renders the workspace summary sent by the extension. No network, no eval; every action is a
// message to the extension, which does the work (reveal, apply the editor's code action, export).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { barOption, chartItems, complianceOption, tagKeyOption, trendOption, type ChartOption, type Palette } from '../lib/charts';
import type { DashboardContext, FromWebview, ToWebview } from '../lib/messages';
import {
  TAG_RULES, effortOf, formatMoney, formatPercent, hasCostData, hasLiveData, nonCompliantResources, recommendationTitle,
  recommendations, sortFiles, taggingViolations, totalSavings, type FindingSummary, type ResourceDetails, type WorkspaceSummary,
} from '../lib/summary';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

interface VsCodeApi { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

interface ViewState { filesShown: number; findingsShown: number; section?: string }
interface Model { summary?: WorkspaceSummary; context?: DashboardContext; resource?: ResourceDetails | null; resourceAddress?: string; error?: string }

const saved = (vscode.getState() as (ViewState & { model?: Model }) | undefined) ?? undefined;
const view: ViewState = { filesShown: 15, findingsShown: 15, ...(saved ?? {}) };
let model: Model = saved?.model ?? {};
const pendingFixes = new Map<string, string>();
const charts: echarts.ECharts[] = [];

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
const attr = (o: unknown) => esc(JSON.stringify(o));
const app = document.getElementById('app')!;

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

function palette(): Palette {
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  return {
    foreground: cssVar('--vscode-foreground', dark ? '#cccccc' : '#3b3b3b'),
    muted: cssVar('--vscode-descriptionForeground', dark ? '#9d9d9d' : '#717171'),
    grid: cssVar('--vscode-charts-lines', dark ? 'rgba(204,204,204,0.3)' : 'rgba(97,97,97,0.3)'),
    background: cssVar('--vscode-editor-background', dark ? '#1f1f1f' : '#ffffff'),
    series: ['blue', 'orange', 'purple', 'green', 'red', 'yellow'].map((c, i) => cssVar(`--vscode-charts-${c}`, ['#3794ff', '#d18616', '#b180d7', '#89d185', '#f14c4c', '#cca700'][i])),
    ok: cssVar('--vscode-charts-green', '#388a34'),
    warning: cssVar('--vscode-charts-yellow', '#bf8803'),
    error: cssVar('--vscode-charts-red', '#e51400'),
    font: cssVar('--vscode-font-family', 'sans-serif'),
  };
}

function post(m: FromWebview): void { vscode.postMessage(m); }
function persist(): void { vscode.setState({ ...view, model }); }

// ---- rendering -------------------------------------------------------------------------------------------------

const button = (label: string, action: Record<string, unknown>, opts: { secondary?: boolean; title?: string; disabled?: boolean } = {}) =>
  `<button type="button" class="btn${opts.secondary ? ' secondary' : ''}" data-action="${attr(action)}"${opts.title ? ` title="${esc(opts.title)}"` : ''}${opts.disabled ? ' disabled' : ''}>${esc(label)}</button>`;

const link = (label: string, action: Record<string, unknown>, title?: string) =>
  `<a href="#" class="link" data-action="${attr(action)}"${title ? ` title="${esc(title)}"` : ''}>${esc(label)}</a>`;

/** A path that may break after each slash (not inside names) in narrow panels. */
const pathLink = (path: string, action: Record<string, unknown>) =>
  `<a href="#" class="link path" data-action="${attr(action)}" title="Open ${esc(path)}">${path.split('/').map(esc).join('/<wbr>')}</a>`;

function empty(title: string, text: string, action?: string): string {
  return `<div class="empty" role="note"><div class="empty-title">${esc(title)}</div><p>${esc(text)}</p>${action ?? ''}</div>`;
}

function chartBox(id: string, label: string, height: number): string {
  return `<div class="chart" id="${id}" role="img" aria-label="${esc(label)}" style-height="${height}"></div>`;
}

function kpi(value: string, label: string, opts: { tone?: string; id?: string; sub?: string } = {}): string {
  return `<div class="kpi${opts.tone ? ` ${opts.tone}` : ''}"${opts.id ? ` id="${opts.id}"` : ''}><div class="kpi-value">${value}</div><div class="kpi-label">${esc(label)}</div>${opts.sub ? `<div class="kpi-sub">${opts.sub}</div>` : ''}</div>`;
}

function locationOf(f: { uri: string }, s: WorkspaceSummary): string {
  return s.byFile.find((x) => x.uri === f.uri)?.path ?? decodeURIComponent(f.uri.slice(f.uri.lastIndexOf('/') + 1));
}

function renderOverview(s: WorkspaceSummary): string {
  const cur = s.totals.currency;
  const costs = hasCostData(s);
  const violations = taggingViolations(s);
  const savings = totalSavings(s);
  return `<section id="overview" aria-label="Overview" class="kpis">
    ${costs
      ? kpi(esc(formatMoney(s.totals.monthlyCost, cur)), 'Estimated monthly cost', { id: 'kpi-cost' })
      : kpi('<span class="muted">—</span>', 'Estimated monthly cost', { id: 'kpi-cost', sub: 'Cost estimates arrive with the pricing engine' })}
    ${kpi(esc(formatPercent(s.totals.compliancePercent)), 'Tag compliance', { id: 'kpi-compliance', tone: s.totals.compliancePercent >= 95 ? 'ok' : s.totals.compliancePercent >= 80 ? 'warn' : 'bad', sub: `${s.totals.compliantResources} of ${s.totals.taggableResources} taggable resources` })}
    ${kpi(String(violations), 'Tagging violations', { id: 'kpi-violations', tone: violations ? 'bad' : 'ok', sub: `${nonCompliantResources(s)} non-compliant resources` })}
    ${kpi(String(s.totals.resources), 'Resources', { id: 'kpi-resources', sub: `${s.totals.files} files · ${s.totals.findings.error} errors, ${s.totals.findings.warning} warnings` })}
    ${savings !== undefined ? kpi(esc(formatMoney(savings, cur)), 'Potential monthly savings', { id: 'kpi-savings', tone: 'ok' }) : ''}
  </section>`;
}

function renderCosts(s: WorkspaceSummary): string {
  const costs = hasCostData(s);
  const noCost = empty('No cost estimates yet', 'Cost estimates arrive with the pricing engine. Tagging and resource counts are already live.');
  const types = chartItems.costByType(s);
  const files = chartItems.costByFile(s);
  const counts = chartItems.resourcesByType(s);
  return `<section id="costs" class="section" aria-labelledby="costs-h">
    <h2 id="costs-h">Costs</h2>
    <div class="grid">
      <div class="panel"><h3>Monthly cost by resource type</h3>${costs && types.length ? chartBox('chart-cost-type', 'Monthly cost by resource type', 40 + types.length * 26) : noCost}</div>
      <div class="panel"><h3>Monthly cost by file</h3>${costs && files.length ? chartBox('chart-cost-file', 'Monthly cost by file', 40 + files.length * 26) : noCost}</div>
      <div class="panel"><h3>Resources by type</h3>${counts.length ? chartBox('chart-resources-type', 'Resources by type', 40 + counts.length * 26) : empty('No resources', 'No infrastructure files were found in this workspace.')}</div>
    </div>
  </section>
  <section id="live" class="section" aria-labelledby="live-h">
    <h2 id="live-h">Trend and forecast</h2>
    <div class="grid">
      <div class="panel wide"><h3>Actual spend and forecast</h3>${hasLiveData(s) ? chartBox('chart-trend', 'Monthly spend and forecast', 220)
        : empty('Connect AWS to see trend and forecast', 'Actual spend and the month-end forecast come from AWS Cost Explorer. They appear here once live data is connected.', button('How to connect AWS', { type: 'connectAws' }, { secondary: true }))}</div>
    </div>
  </section>`;
}

function findingRow(f: FindingSummary, s: WorkspaceSummary): string {
  return `<li class="finding sev-${esc(f.severity)}">
    <span class="sev" aria-label="${esc(f.severity)}">${f.severity === 'error' ? '●' : f.severity === 'warning' ? '▲' : 'ℹ'}</span>
    ${link(f.resource ?? locationOf(f, s), { type: 'reveal', uri: f.uri, range: f.range }, `Go to ${f.resource ?? 'the finding'} in ${locationOf(f, s)}`)}
    <span class="rule">${esc(f.ruleId)}</span>
    <span class="msg">${esc(f.message)}</span>
    <span class="loc muted">${esc(locationOf(f, s))}:${f.range.start.line + 1}</span>
  </li>`;
}

function renderCompliance(s: WorkspaceSummary): string {
  const tagFindings = s.topFindings.filter((f) => TAG_RULES.has(f.ruleId));
  const files = sortFiles(s.byFile).filter((f) => f.nonCompliant > 0 || f.findings > 0);
  const shownFiles = files.slice(0, view.filesShown);
  const shownFindings = tagFindings.slice(0, view.findingsShown);
  const rules = chartItems.findingsByRule(s);
  return `<section id="compliance" class="section" aria-labelledby="compliance-h">
    <h2 id="compliance-h">Tagging compliance</h2>
    <div class="grid">
      <div class="panel"><h3>Taggable resources</h3>${s.totals.taggableResources ? chartBox('chart-compliance', `Tag compliance ${formatPercent(s.totals.compliancePercent)}`, 180) : empty('Nothing taggable', 'No taggable resources were found.')}
        <p class="center" id="compliance-numbers"><strong>${s.totals.compliantResources}</strong> of <strong>${s.totals.taggableResources}</strong> compliant · <strong>${nonCompliantResources(s)}</strong> not</p></div>
      <div class="panel"><h3>Findings by rule</h3>${rules.length ? chartBox('chart-rules', 'Findings by rule', 40 + rules.length * 26) : empty('No findings', 'Every resource meets the policy.')}</div>
      <div class="panel"><h3>Violations by tag key</h3>${s.byTagKey.length ? chartBox('chart-tagkeys', 'Tag violations by key', 76 + Math.min(10, s.byTagKey.length) * 26) : empty('No tag violations', 'Every required tag is present and valid.')}</div>
    </div>
    <div class="grid two">
      <div class="panel"><h3>Files</h3>${files.length ? `<div class="table-wrap"><table class="table" id="files-table"><thead><tr><th scope="col">File</th><th scope="col" class="num">Resources</th><th scope="col" class="num">Non-compliant</th><th scope="col" class="num">Findings</th>${hasCostData(s) ? '<th scope="col" class="num">Monthly</th>' : ''}</tr></thead><tbody>
        ${shownFiles.map((f) => `<tr><td>${pathLink(f.path, { type: 'reveal', uri: f.uri })}</td><td class="num">${f.resources}</td><td class="num">${f.nonCompliant}</td><td class="num">${f.findings}</td>${hasCostData(s) ? `<td class="num">${esc(formatMoney(f.monthlyCost, s.totals.currency))}</td>` : ''}</tr>`).join('')}
        </tbody></table></div>${files.length > shownFiles.length ? button(`Show ${Math.min(100, files.length - shownFiles.length)} more of ${files.length - shownFiles.length}`, { type: 'more', list: 'files' }, { secondary: true }) : ''}`
        : empty('All files compliant', 'No file has a finding.')}</div>
      <div class="panel"><h3>Resources to fix</h3>${tagFindings.length ? `<ul class="findings" id="findings-list">${shownFindings.map((f) => findingRow(f, s)).join('')}</ul>${tagFindings.length > shownFindings.length ? button(`Show ${Math.min(100, tagFindings.length - shownFindings.length)} more`, { type: 'more', list: 'findings' }, { secondary: true }) : ''}`
        : empty('Nothing to fix', 'No tagging finding in this workspace.')}</div>
    </div>
  </section>`;
}

function renderRecommendations(s: WorkspaceSummary, ctx: DashboardContext | undefined): string {
  const recs = recommendations(s, 6);
  const cur = s.totals.currency;
  return `<section id="recommendations" class="section" aria-labelledby="recs-h">
    <h2 id="recs-h">Top recommendations</h2>
    ${recs.length ? `<div class="cards">${recs.map((f, i) => {
      const key = `${f.uri}#${f.range.start.line}:${f.range.start.character}#${f.ruleId}`;
      const pending = pendingFixes.get(key);
      return `<article class="card sev-${esc(f.severity)}" aria-labelledby="rec-${i}">
        <header><h3 id="rec-${i}">${esc(recommendationTitle(f))}</h3><span class="badge">${esc(f.severity)}</span></header>
        <div class="card-resource">${esc(f.resource ?? '')} <span class="muted">${esc(locationOf(f, s))}:${f.range.start.line + 1}</span></div>
        <p class="card-msg">${esc(f.message)}</p>
        <dl class="facts"><div><dt>Monthly saving</dt><dd class="saving">${f.monthlySaving !== undefined ? esc(formatMoney(f.monthlySaving, cur)) : '<span class="muted">not estimated</span>'}</dd></div><div><dt>Effort</dt><dd>${esc(effortOf(f))}</dd></div></dl>
        <div class="actions">${button('Go to code', { type: 'reveal', uri: f.uri, range: f.range }, { secondary: true })}${button(pending ?? 'Apply fix', { type: 'applyFix', key, uri: f.uri, range: f.range, ruleId: f.ruleId }, { disabled: ctx?.trusted === false || pending !== undefined, title: ctx?.trusted === false ? 'Trust this workspace to apply fixes' : 'Apply the preferred quick fix, as in the editor' })}</div>
      </article>`;
    }).join('')}</div>` : empty('No recommendations', 'Every resource meets the policy. Savings recommendations arrive with the pricing engine.')}
  </section>`;
}

function renderResource(): string {
  if (model.resourceAddress === undefined) return '';
  const d = model.resource;
  const cur = model.summary?.totals.currency;
  return `<section id="resource" class="section" aria-labelledby="resource-h">
    <h2 id="resource-h">Resource ${esc(model.resourceAddress)} ${button('Close', { type: 'closeResource' }, { secondary: true })}</h2>
    ${d ? `<div class="panel"><p><strong>${esc(d.type)}</strong> ${link('Go to code', { type: 'reveal', uri: d.uri, range: d.range })}</p>
      <p>${d.monthlyCost !== undefined ? `Estimated monthly cost: <strong>${esc(formatMoney(d.monthlyCost, cur))}</strong>` : '<span class="muted">Cost estimates arrive with the pricing engine.</span>'}</p>
      ${d.costBreakdown?.length ? `<table class="table"><thead><tr><th>Component</th><th class="num">Monthly</th></tr></thead><tbody>${d.costBreakdown.map((c) => `<tr><td>${esc(c.component)}</td><td class="num">${esc(formatMoney(c.monthlyCost, cur))}</td></tr>`).join('')}</tbody></table>` : ''}
      <h3>Tags</h3>${d.tags.length ? `<table class="table"><thead><tr><th>Key</th><th>Value</th><th>Source</th></tr></thead><tbody>${d.tags.map((t) => `<tr><td>${esc(t.key)}</td><td>${t.value !== undefined ? esc(t.value) : `<span class="muted">${esc(t.unknownReason ?? 'unknown')}</span>`}</td><td>${esc(t.source)}</td></tr>`).join('')}</tbody></table>` : '<p class="muted">No tags.</p>'}
      <h3>Findings</h3>${d.findings.length ? `<ul class="findings">${d.findings.map((f) => findingRow(f, model.summary!)).join('')}</ul>` : '<p class="muted">None.</p>'}</div>`
      : empty('Resource not found', 'The resource is not in the current analysis.')}
  </section>`;
}

function render(): void {
  charts.splice(0).forEach((c) => c.dispose());
  const s = model.summary;
  if (!s) {
    app.innerHTML = model.error ? empty('The dashboard could not load', model.error, button('Retry', { type: 'refresh' })) : '<p class="loading" role="status">Loading the workspace summary…</p>';
    return;
  }
  const ctx = model.context;
  app.setAttribute('aria-busy', 'false');
  app.innerHTML = `<header class="top">
      <div><h1>FinOps Dashboard</h1><div class="muted small">${esc(ctx?.workspaceName ?? '')}${ctx?.updatedAt ? ` · updated ${esc(new Date(ctx.updatedAt).toLocaleTimeString())}` : ''}</div></div>
      <nav class="toolbar" aria-label="Dashboard actions">${button('Refresh', { type: 'refresh' }, { secondary: true })}${button('Export summary', { type: 'export' }, { secondary: true })}${button('Open policy', { type: 'openPolicy' }, { secondary: true })}</nav>
    </header>
    ${ctx?.trusted === false ? '<div class="banner" role="status">Restricted mode: analysis is read-only. Trust this workspace to apply fixes and export reports.</div>' : ''}
    ${model.error ? `<div class="banner error" role="alert">${esc(model.error)}</div>` : ''}
    ${renderResource()}
    ${renderOverview(s)}
    ${renderCosts(s)}
    ${renderCompliance(s)}
    ${renderRecommendations(s, ctx)}`;
  drawCharts(s);
  document.body.dataset.rendered = String(Date.now());
}

function drawCharts(s: WorkspaceSummary): void {
  charts.splice(0).forEach((c) => c.dispose());
  const p = palette();
  const cur = s.totals.currency;
  const draw = (id: string, option: ChartOption) => {
    const el = document.getElementById(id);
    if (!el) return;
    el.style.height = `${el.getAttribute('style-height') ?? 200}px`;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option as echarts.EChartsCoreOption);
    charts.push(chart);
  };
  draw('chart-cost-type', barOption(p, chartItems.costByType(s), { ariaLabel: 'Monthly cost by resource type', money: true, currency: cur, color: p.series[0] }));
  draw('chart-cost-file', barOption(p, chartItems.costByFile(s), { ariaLabel: 'Monthly cost by file', money: true, currency: cur, color: p.series[2] }));
  draw('chart-resources-type', barOption(p, chartItems.resourcesByType(s), { ariaLabel: 'Resources by type', color: p.series[0] }));
  draw('chart-trend', trendOption(p, s));
  draw('chart-compliance', complianceOption(p, s));
  draw('chart-rules', barOption(p, chartItems.findingsByRule(s), { ariaLabel: 'Findings by rule', color: p.series[1] }));
  draw('chart-tagkeys', tagKeyOption(p, s));
}

// ---- events ----------------------------------------------------------------------------------------------------

app.addEventListener('click', (e) => {
  const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!target) return;
  e.preventDefault();
  const action = JSON.parse(target.dataset.action!) as Record<string, unknown> & { type: string };
  switch (action.type) {
    case 'more':
      if (action.list === 'files') view.filesShown += 100; else view.findingsShown += 100;
      persist(); render();
      return;
    case 'closeResource':
      model = { ...model, resource: undefined, resourceAddress: undefined };
      persist(); render();
      return;
    case 'applyFix':
      pendingFixes.set(action.key as string, 'Applying…');
      (target as HTMLButtonElement).disabled = true;
      target.textContent = 'Applying…';
      break;
  }
  post(action as unknown as FromWebview);
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => charts.forEach((c) => c.resize()), 100);
}).observe(document.body);

// VS Code swaps the body's theme class when the colour theme changes: redraw the charts with the new colours.
new MutationObserver(() => { if (model.summary) drawCharts(model.summary); }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'summary':
      model = { ...model, summary: m.summary, context: m.context, error: undefined };
      persist(); render();
      if (m.context.section) document.getElementById(m.context.section)?.scrollIntoView({ block: 'start' });
      break;
    case 'resource':
      model = { ...model, resource: m.details, resourceAddress: m.address };
      persist(); render();
      document.getElementById('resource')?.scrollIntoView({ block: 'start' });
      break;
    case 'focus':
      document.getElementById(m.section)?.scrollIntoView({ block: 'start' });
      (document.getElementById(m.section)?.querySelector('h2') as HTMLElement | null)?.focus?.();
      break;
    case 'error':
      model = { ...model, error: m.message };
      render();
      break;
    case 'fixResult':
      document.body.dataset.lastFix = `${m.ok ? 'ok' : 'failed'}: ${m.message}`;
      pendingFixes.set(m.key, m.ok ? 'Fixed' : 'Apply fix');
      if (!m.ok) pendingFixes.delete(m.key);
      render();
      break;
  }
});

render();
post({ type: 'ready' });
