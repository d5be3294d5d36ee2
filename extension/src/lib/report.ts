// The executive summary export: Markdown and a self-contained HTML page (inline CSS, charts as inline SVG, no scripts,
// no remote content). Pure: the SVG renderer is passed in.
import { REPORT_PALETTE, barOption, chartItems, complianceOption, tagKeyOption, type ChartOption } from './charts';
import {
  effortOf, formatMoney, formatPercent, hasCostData, nonCompliantResources, recommendationTitle, recommendations,
  taggingViolations, totalSavings, type WorkspaceSummary,
} from './summary';

export type SvgRenderer = (option: ChartOption, width: number, height: number) => string;

export interface ReportMeta { workspaceName: string; generatedAt: Date; relativePath: (uri: string) => string }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function headline(s: WorkspaceSummary): string[] {
  const cur = s.totals.currency;
  const lines = [
    hasCostData(s) ? `Estimated monthly cost: **${formatMoney(s.totals.monthlyCost, cur)}**` : 'Estimated monthly cost: not available yet (cost estimates arrive with the pricing engine)',
    `Tag compliance: **${formatPercent(s.totals.compliancePercent)}** (${s.totals.compliantResources} of ${s.totals.taggableResources} taggable resources; ${nonCompliantResources(s)} non-compliant, ${taggingViolations(s)} tagging violations)`,
    `Findings: ${s.totals.findings.error} errors, ${s.totals.findings.warning} warnings, ${s.totals.findings.info} info in ${s.totals.resources} resources across ${s.totals.files} files`,
  ];
  const savings = totalSavings(s);
  if (savings !== undefined) lines.push(`Potential monthly savings from the top recommendations: **${formatMoney(savings, cur)}**`);
  return lines;
}

export function markdownReport(s: WorkspaceSummary, meta: ReportMeta): string {
  const cur = s.totals.currency;
  const out: string[] = [];
  out.push(`# FinOps executive summary — ${meta.workspaceName}`, '', `_Generated ${meta.generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC by FinOps Copilot._`, '');
  out.push(...headline(s).map((l) => `- ${l}`), '');
  if (hasCostData(s)) {
    out.push('## Cost by resource type', '', '| Resource type | Resources | Monthly cost |', '| --- | ---: | ---: |');
    for (const t of [...s.byType].sort((a, b) => (b.monthlyCost ?? 0) - (a.monthlyCost ?? 0)).slice(0, 15)) out.push(`| ${mdCell(t.name)} | ${t.count} | ${formatMoney(t.monthlyCost, cur)} |`);
    out.push('');
  }
  out.push('## Tagging compliance', '', '| Rule | Findings |', '| --- | ---: |');
  for (const r of s.byRule) out.push(`| ${mdCell(r.name)} | ${r.count} |`);
  if (s.byRule.length === 0) out.push('| (none) | 0 |');
  out.push('', '| Tag key | Missing | Invalid |', '| --- | ---: | ---: |');
  for (const k of s.byTagKey) out.push(`| ${mdCell(k.key)} | ${k.missing} | ${k.invalid} |`);
  out.push('', '### Files with non-compliant resources', '', '| File | Resources | Non-compliant | Findings |' + (hasCostData(s) ? ' Monthly cost |' : ''), '| --- | ---: | ---: | ---: |' + (hasCostData(s) ? ' ---: |' : ''));
  const files = s.byFile.filter((f) => f.nonCompliant > 0 || f.findings > 0).sort((a, b) => b.nonCompliant - a.nonCompliant).slice(0, 25);
  for (const f of files) out.push(`| ${mdCell(f.path)} | ${f.resources} | ${f.nonCompliant} | ${f.findings} |` + (hasCostData(s) ? ` ${formatMoney(f.monthlyCost, cur)} |` : ''));
  out.push('', '## Top recommendations', '');
  const recs = recommendations(s, 10);
  if (recs.length === 0) out.push('Nothing to recommend: every resource meets the policy.');
  recs.forEach((f, i) => {
    out.push(`${i + 1}. **${recommendationTitle(f)}**${f.resource ? ` — \`${f.resource}\`` : ''} (${meta.relativePath(f.uri)}:${f.range.start.line + 1})  `,
      `   ${f.message}  `,
      `   Saving: ${f.monthlySaving !== undefined ? `${formatMoney(f.monthlySaving, cur)}/month` : 'not estimated'} · Effort: ${effortOf(f)} · Severity: ${f.severity}`);
  });
  out.push('', '## Live AWS data', '', s.costTrend?.length
    ? s.costTrend.map((t) => `- ${t.month}: ${formatMoney(t.amount, cur)}`).join('\n')
    : 'Cost trend and forecast need a connection to AWS (Cost Explorer); they are not part of this report yet.', '');
  return out.join('\n');
}

export function htmlReport(s: WorkspaceSummary, meta: ReportMeta, renderSvg: SvgRenderer): string {
  const p = REPORT_PALETTE;
  const cur = s.totals.currency;
  const chart = (title: string, option: ChartOption, height: number) =>
    `<figure><figcaption>${esc(title)}</figcaption>${renderSvg(option, 440, height)}</figure>`;
  const charts: string[] = [];
  if (hasCostData(s)) {
    const byType = chartItems.costByType(s, 8);
    charts.push(chart('Monthly cost by resource type', barOption(p, byType, { ariaLabel: 'Monthly cost by resource type', money: true, currency: cur }), 40 + byType.length * 28));
  } else {
    const byType = chartItems.resourcesByType(s, 8);
    charts.push(chart('Resources by type', barOption(p, byType, { ariaLabel: 'Resources by type' }), 40 + byType.length * 28));
  }
  charts.push(chart('Tag compliance', complianceOption(p, s), 200));
  if (s.byTagKey.length) charts.push(chart('Tag violations by key', tagKeyOption(p, s), 76 + Math.min(10, s.byTagKey.length) * 28));
  const recs = recommendations(s, 10);
  const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('');
  const files = s.byFile.filter((f) => f.nonCompliant > 0 || f.findings > 0).sort((a, b) => b.nonCompliant - a.nonCompliant).slice(0, 25);
  const mdBold = (l: string) => esc(l).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>FinOps executive summary — ${esc(meta.workspaceName)}</title>
<style>
body{font-family:${p.font};color:${p.foreground};background:${p.background};max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid ${p.grid};padding-bottom:.3rem;margin-top:2rem}
.meta{color:${p.muted};margin-top:0}.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:.75rem;margin:1rem 0}
.kpi{border:1px solid ${p.grid};border-radius:6px;padding:.75rem}.kpi .v{font-size:1.5rem;font-weight:600}.kpi .l{color:${p.muted};font-size:.85rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:1rem}figure{margin:0;border:1px solid ${p.grid};border-radius:6px;padding:.5rem}
figcaption{font-weight:600;margin-bottom:.25rem}svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-bottom:1px solid ${p.grid};padding:.3rem .5rem;text-align:left}td.num,th.num{text-align:right}
ol li{margin-bottom:.6rem}.muted{color:${p.muted}}code{background:#f0f3f6;padding:0 .25rem;border-radius:3px}
</style></head><body>
<h1>FinOps executive summary — ${esc(meta.workspaceName)}</h1>
<p class="meta">Generated ${esc(meta.generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC by FinOps Copilot</p>
<div class="kpis">
<div class="kpi"><div class="v">${hasCostData(s) ? esc(formatMoney(s.totals.monthlyCost, cur)) : '—'}</div><div class="l">${hasCostData(s) ? 'Estimated monthly cost' : 'Monthly cost: estimates arrive with the pricing engine'}</div></div>
<div class="kpi"><div class="v">${esc(formatPercent(s.totals.compliancePercent))}</div><div class="l">Tag compliance (${s.totals.compliantResources} of ${s.totals.taggableResources})</div></div>
<div class="kpi"><div class="v">${taggingViolations(s)}</div><div class="l">Tagging violations</div></div>
<div class="kpi"><div class="v">${s.totals.resources}</div><div class="l">Resources in ${s.totals.files} files</div></div>
${totalSavings(s) !== undefined ? `<div class="kpi"><div class="v">${esc(formatMoney(totalSavings(s), cur))}</div><div class="l">Potential monthly savings</div></div>` : ''}
</div>
<ul>${headline(s).map((l) => `<li>${mdBold(l)}</li>`).join('')}</ul>
<h2>Charts</h2><div class="charts">${charts.join('\n')}</div>
<h2>Tagging compliance</h2>
<table><thead><tr><th>Rule</th><th class="num">Findings</th></tr></thead><tbody>${rows(s.byRule.map((r) => [esc(r.name), String(r.count)]))}</tbody></table>
<table><thead><tr><th>Tag key</th><th class="num">Missing</th><th class="num">Invalid</th></tr></thead><tbody>${rows(s.byTagKey.map((k) => [esc(k.key), String(k.missing), String(k.invalid)]))}</tbody></table>
<table><thead><tr><th>File</th><th class="num">Resources</th><th class="num">Non-compliant</th><th class="num">Findings</th></tr></thead><tbody>${rows(files.map((f) => [esc(f.path), String(f.resources), String(f.nonCompliant), String(f.findings)]))}</tbody></table>
<h2>Top recommendations</h2>
${recs.length ? `<ol>${recs.map((f) => `<li><strong>${esc(recommendationTitle(f))}</strong>${f.resource ? ` — <code>${esc(f.resource)}</code>` : ''} <span class="muted">${esc(meta.relativePath(f.uri))}:${f.range.start.line + 1}</span><br>${esc(f.message)}<br><span class="muted">Saving: ${f.monthlySaving !== undefined ? `${esc(formatMoney(f.monthlySaving, cur))}/month` : 'not estimated'} · Effort: ${effortOf(f)} · Severity: ${f.severity}</span></li>`).join('')}</ol>` : '<p>Nothing to recommend: every resource meets the policy.</p>'}
<h2>Live AWS data</h2>
<p class="muted">Cost trend and forecast need a connection to AWS (Cost Explorer); they are not part of this report yet.</p>
</body></html>
`;
}
