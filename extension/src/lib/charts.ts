// ECharts options built from a summary, shared by the dashboard (rendered in the webview) and the exported report
// (rendered to SVG in the extension host). Colours come from the caller: VS Code theme variables in the webview,
// a fixed light palette in the report.
import { formatMoney, topWithOther, type WorkspaceSummary } from './summary';

export interface Palette {
  foreground: string; muted: string; grid: string; background: string;
  series: string[]; ok: string; warning: string; error: string; font: string;
}

export const REPORT_PALETTE: Palette = {
  foreground: '#1f2328', muted: '#59636e', grid: '#d1d9e0', background: '#ffffff',
  series: ['#1a85ff', '#d47500', '#8c4bd6', '#388a34', '#e51400', '#bf8803', '#0e7c86', '#b5179e'],
  ok: '#388a34', warning: '#bf8803', error: '#e51400', font: '-apple-system, "Segoe UI", Ubuntu, sans-serif',
};

// A loose type: the options are plain data (ECharts' own option types are huge and not needed here).
export type ChartOption = Record<string, unknown>;

const base = (p: Palette, ariaLabel: string): ChartOption => ({
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { color: p.foreground, fontFamily: p.font, fontSize: 12 },
  aria: { enabled: true, label: { description: ariaLabel } },
  tooltip: { trigger: 'item', confine: true },
});

/** Chart labels: without the `AWS::` prefix every CloudFormation type shares, the end kept when too long. */
export function shortLabel(label: string, max = 24): string {
  const short = label.replace(/^AWS::/, '');
  return short.length <= max ? short : `…${short.slice(short.length - max + 1)}`;
}

/** Horizontal bars, largest on top. */
export function barOption(p: Palette, items: { label: string; value: number }[], opts: { ariaLabel: string; money?: boolean; currency?: string; color?: string }): ChartOption {
  const rows = [...items].reverse();
  const fmt = (v: number) => (opts.money ? formatMoney(v, opts.currency, true) : String(v));
  return {
    ...base(p, opts.ariaLabel),
    grid: { left: 8, right: opts.money ? 76 : 40, top: 8, bottom: 8 }, // room for the value labels right of the bars
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category', data: rows.map((r) => shortLabel(r.label)),
      axisLine: { lineStyle: { color: p.grid } }, axisTick: { show: false },
      axisLabel: { color: p.foreground, width: 160, overflow: 'truncate' },
    },
    series: [{
      type: 'bar', data: rows.map((r) => r.value), barMaxWidth: 18,
      itemStyle: { color: opts.color ?? p.series[0], borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', color: p.muted, formatter: (x: { value: number }) => fmt(x.value) },
    }],
  };
}

/** Compliance donut: compliant vs non-compliant taggable resources, the percentage in the middle. */
export function complianceOption(p: Palette, s: WorkspaceSummary): ChartOption {
  const compliant = s.totals.compliantResources;
  const non = Math.max(0, s.totals.taggableResources - compliant);
  return {
    ...base(p, `Tag compliance: ${compliant} of ${s.totals.taggableResources} taggable resources compliant`),
    series: [{
      type: 'pie', radius: ['62%', '85%'], avoidLabelOverlap: false, silent: false,
      // The percentage in the middle of the ring, as a label of the series (one text block, centred).
      label: {
        show: true, position: 'center', formatter: `{v|${Math.round(s.totals.compliancePercent)}%}\n{l|compliant}`,
        rich: { v: { fontSize: 22, fontWeight: 600, color: p.foreground, fontFamily: p.font, lineHeight: 28 }, l: { fontSize: 11, color: p.muted, fontFamily: p.font } },
      },
      emphasis: { disabled: true },
      labelLine: { show: false },
      itemStyle: { borderColor: p.background, borderWidth: 2 },
      data: [
        { name: 'Compliant', value: compliant, itemStyle: { color: p.ok } },
        { name: 'Non-compliant', value: non, itemStyle: { color: p.error } },
      ],
    }],
  };
}

/** Violations per tag key: missing and invalid stacked. */
export function tagKeyOption(p: Palette, s: WorkspaceSummary): ChartOption {
  const keys = [...s.byTagKey].sort((a, b) => b.missing + b.invalid - (a.missing + a.invalid)).slice(0, 10).reverse();
  return {
    ...base(p, `Tag violations by key: ${keys.map((k) => `${k.key} ${k.missing} missing, ${k.invalid} invalid`).reverse().join('; ')}`),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { bottom: 0, textStyle: { color: p.foreground }, itemWidth: 10, itemHeight: 10 },
    grid: { left: 8, right: 24, top: 8, bottom: 44 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: p.muted }, splitLine: { lineStyle: { color: p.grid } } },
    yAxis: { type: 'category', data: keys.map((k) => k.key), axisLabel: { color: p.foreground }, axisTick: { show: false }, axisLine: { lineStyle: { color: p.grid } } },
    series: [
      { name: 'Missing', type: 'bar', stack: 'v', data: keys.map((k) => k.missing), itemStyle: { color: p.error }, barMaxWidth: 18 },
      { name: 'Invalid', type: 'bar', stack: 'v', data: keys.map((k) => k.invalid), itemStyle: { color: p.warning }, barMaxWidth: 18 },
    ],
  };
}

/** Monthly spend trend (live data) with the forecast as a dashed point. */
export function trendOption(p: Palette, s: WorkspaceSummary): ChartOption {
  const trend = s.costTrend ?? [];
  const months = trend.map((t) => t.month);
  const forecast = s.forecast;
  if (forecast && !months.includes(forecast.month)) months.push(forecast.month);
  return {
    ...base(p, `Monthly spend: ${trend.map((t) => `${t.month} ${formatMoney(t.amount, s.totals.currency)}`).join(', ')}`),
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    xAxis: { type: 'category', data: months, axisLabel: { color: p.muted }, axisLine: { lineStyle: { color: p.grid } } },
    yAxis: { type: 'value', axisLabel: { color: p.muted, formatter: (v: number) => formatMoney(v, s.totals.currency, true) }, splitLine: { lineStyle: { color: p.grid } } },
    series: [
      { name: 'Actual', type: 'line', data: trend.map((t) => t.amount), itemStyle: { color: p.series[0] }, symbolSize: 6 },
      ...(forecast ? [{
        name: 'Forecast', type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: p.series[1] },
        data: months.map((m, i) => (m === forecast.month ? forecast.amount : i === trend.length - 1 ? trend[i].amount : null)),
      }] : []),
    ],
  };
}

/** The items of each bar chart of the dashboard and the report, from one place. */
export const chartItems = {
  costByType: (s: WorkspaceSummary, limit = 10) => topWithOther(s.byType.filter((t) => (t.monthlyCost ?? 0) > 0), (t) => t.monthlyCost ?? 0, (t) => t.name, limit),
  costByFile: (s: WorkspaceSummary, limit = 10) => topWithOther(s.byFile.filter((f) => (f.monthlyCost ?? 0) > 0), (f) => f.monthlyCost ?? 0, (f) => f.path, limit),
  resourcesByType: (s: WorkspaceSummary, limit = 10) => topWithOther(s.byType, (t) => t.count, (t) => t.name, limit),
  findingsByRule: (s: WorkspaceSummary, limit = 8) => topWithOther(s.byRule, (r) => r.count, (r) => r.name, limit),
};
