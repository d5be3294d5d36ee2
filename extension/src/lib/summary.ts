// The server's `finops/workspaceSummary` and `finops/resourceDetails` shapes (docs/protocol.md), and pure helpers
// over them. Cost fields are optional: they arrive with the pricing engine, and every consumer must cope without them.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface FindingSummary {
  ruleId: string; severity: 'error' | 'warning' | 'info'; message: string; uri: string; range: Range;
  resource?: string;
  /** planned: estimated monthly saving if the recommendation is applied (USD). */
  monthlySaving?: number;
  /** planned: rough effort of the fix. */
  effort?: 'low' | 'medium' | 'high';
  /** planned: a short title for a recommendation card (defaults to the rule and resource). */
  title?: string;
}

export interface FileSummary {
  uri: string; path: string; format: string; resources: number; findings: number; nonCompliant: number;
  /** planned: estimated monthly cost of the file's resources (USD). */
  monthlyCost?: number;
}

export interface ResourceCost { address: string; type: string; range?: Range; monthlyCost?: number }

export interface WorkspaceSummary {
  totals: {
    files: number; resources: number; taggableResources: number; compliantResources: number; compliancePercent: number;
    findings: { error: number; warning: number; info: number };
    /** planned: estimated monthly cost of the workspace (USD). */
    monthlyCost?: number;
    /** planned: currency of every cost field (default USD). */
    currency?: string;
  };
  byFile: FileSummary[];
  byType: { name: string; count: number; monthlyCost?: number }[];
  byRule: { name: string; count: number }[];
  byTagKey: { key: string; missing: number; invalid: number }[];
  topFindings: FindingSummary[];
  /** planned: per-file resources with costs (keyed by file uri), to sort the cost tree by cost. */
  resourceCosts?: Record<string, ResourceCost[]>;
  /** planned (live AWS data): actual monthly spend, oldest first. */
  costTrend?: { month: string; amount: number }[];
  /** planned (live AWS data): forecast of the current month. */
  forecast?: { month: string; amount: number; lower?: number; upper?: number };
}

export interface ResourceDetails {
  address: string; type: string; name: string; uri: string; range: Range; taggable: boolean;
  tags: { key: string; value?: string; source: string; unknownReason?: string }[];
  findings: FindingSummary[];
  /** planned */
  monthlyCost?: number;
  /** planned: how the estimate was made, one line per priced component. */
  costBreakdown?: { component: string; monthlyCost: number; unit?: string; quantity?: number }[];
}

export const TAG_RULES = new Set(['tag-missing', 'tag-value-invalid', 'tag-key-case']);

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether the summary carries cost estimates (the pricing engine has been merged into the server). */
export function hasCostData(s: WorkspaceSummary): boolean {
  return isNum(s.totals.monthlyCost) || s.byType.some((t) => isNum(t.monthlyCost)) || s.byFile.some((f) => isNum(f.monthlyCost));
}

/** Whether the summary carries live AWS data (trend or forecast). */
export function hasLiveData(s: WorkspaceSummary): boolean {
  return (s.costTrend?.length ?? 0) > 0 || s.forecast !== undefined;
}

export function formatMoney(amount: number | undefined, currency = 'USD', compact = false): string {
  if (!isNum(amount)) return '—';
  const digits = Math.abs(amount) >= 100 || compact ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits,
      notation: compact && Math.abs(amount) >= 10000 ? 'compact' : 'standard' }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

export function formatPercent(p: number): string {
  if (!isNum(p)) return '—';
  return `${p >= 99.95 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** Findings of the tagging rules: what the status bar counts as "tagging violations". */
export function taggingViolations(s: WorkspaceSummary): number {
  return s.byRule.filter((r) => TAG_RULES.has(r.name)).reduce((n, r) => n + r.count, 0);
}

export function nonCompliantResources(s: WorkspaceSummary): number {
  return Math.max(0, s.totals.taggableResources - s.totals.compliantResources);
}

export interface StatusText { text: string; tooltip: string; severity: 'ok' | 'warning' | 'error' }

export function statusBarText(s: WorkspaceSummary | undefined, state: 'starting' | 'running' | 'stopped' | 'failed' = 'running'): StatusText {
  if (state === 'starting') return { text: '$(sync~spin) FinOps', tooltip: 'FinOps Copilot: starting the language server…', severity: 'ok' };
  if (state === 'failed') return { text: '$(error) FinOps', tooltip: 'FinOps Copilot: the language server is not running. Click to see the log.', severity: 'error' };
  if (state === 'stopped') return { text: '$(debug-pause) FinOps', tooltip: 'FinOps Copilot: the language server is stopped.', severity: 'warning' };
  if (!s) return { text: '$(pulse) FinOps', tooltip: 'FinOps Copilot: analysing…', severity: 'ok' };
  const violations = taggingViolations(s);
  const cost = hasCostData(s) ? `${formatMoney(s.totals.monthlyCost, s.totals.currency, true)}/mo` : undefined;
  const tags = violations === 0 ? '$(check) tags' : `$(tag) ${violations}`;
  const text = ['$(pulse)', cost, tags].filter(Boolean).join(' ');
  const tooltip = [
    cost ? `Estimated monthly cost: ${formatMoney(s.totals.monthlyCost, s.totals.currency)}` : 'Cost estimates arrive with the pricing engine',
    `${violations} tagging violation${violations === 1 ? '' : 's'} · ${formatPercent(s.totals.compliancePercent)} of ${s.totals.taggableResources} taggable resources compliant`,
    `${s.totals.resources} resources in ${s.totals.files} files`,
    'Click to open the FinOps dashboard',
  ].join('\n');
  return { text, tooltip, severity: s.totals.findings.error > 0 ? 'error' : violations > 0 ? 'warning' : 'ok' };
}

/** The largest `limit` entries; the rest folded into one "Other" entry (for charts). */
export function topWithOther<T>(items: T[], value: (t: T) => number, label: (t: T) => string, limit: number): { label: string; value: number }[] {
  const sorted = [...items].sort((a, b) => value(b) - value(a));
  const head = sorted.slice(0, limit).map((t) => ({ label: label(t), value: value(t) }));
  const rest = sorted.slice(limit).reduce((n, t) => n + value(t), 0);
  if (rest > 0) head.push({ label: `Other (${sorted.length - limit})`, value: rest });
  return head;
}

/** Files sorted for the tree and the dashboard: by monthly cost when known, then by findings, then by path. */
export function sortFiles(files: FileSummary[]): FileSummary[] {
  return [...files].sort((a, b) => (b.monthlyCost ?? -1) - (a.monthlyCost ?? -1) || b.nonCompliant - a.nonCompliant || b.findings - a.findings || a.path.localeCompare(b.path));
}

/** Recommendations for the cards: the top findings, largest saving first, then severity. */
export function recommendations(s: WorkspaceSummary, limit = 6): FindingSummary[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...s.topFindings]
    .sort((a, b) => (b.monthlySaving ?? -1) - (a.monthlySaving ?? -1) || rank[a.severity] - rank[b.severity])
    .slice(0, limit);
}

export function totalSavings(s: WorkspaceSummary): number | undefined {
  const savings = s.topFindings.map((f) => f.monthlySaving).filter(isNum);
  return savings.length ? savings.reduce((a, b) => a + b, 0) : undefined;
}

const RULE_TITLES: Record<string, string> = {
  'tag-missing': 'Add missing tags',
  'tag-value-invalid': 'Fix a tag value',
  'tag-key-case': 'Fix a tag key\'s case',
  'resource-type-unknown': 'Check an unknown resource type',
};

export function recommendationTitle(f: FindingSummary): string {
  return f.title ?? RULE_TITLES[f.ruleId] ?? f.ruleId.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function effortOf(f: FindingSummary): 'low' | 'medium' | 'high' {
  return f.effort ?? (TAG_RULES.has(f.ruleId) ? 'low' : 'medium');
}

/** Shortest readable name of a file uri relative to the workspace, used where the summary has no path. */
export function baseName(pathOrUri: string): string {
  const clean = pathOrUri.replace(/[?#].*$/, '');
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}

/** A resource kind for icons: the AWS service of a CloudFormation type or a Terraform type prefix. */
export function serviceOf(type: string): string {
  const cfn = /^AWS::([^:]+)::/.exec(type);
  if (cfn) return cfn[1];
  const tf = /^aws_([a-z0-9]+)/.exec(type);
  return tf ? tf[1].toUpperCase() : type;
}

const ICONS: [RegExp, string][] = [
  [/^(EC2|INSTANCE|AUTOSCALING|EKS|ECS|BATCH)$/i, 'server'],
  [/^(RDS|DYNAMODB|DB|ELASTICACHE|REDSHIFT|DOCDB|NEPTUNE)$/i, 'database'],
  [/^(S3|EFS|FSX|BACKUP|GLACIER)$/i, 'archive'],
  [/^(LAMBDA|SERVERLESS|STEPFUNCTIONS|SFN)$/i, 'symbol-function'],
  [/^(ELASTICLOADBALANCINGV2|ELASTICLOADBALANCING|LB|ALB|CLOUDFRONT|APIGATEWAY|APIGATEWAYV2|ROUTE53)$/i, 'globe'],
  [/^(IAM|KMS|SECRETSMANAGER|WAFV2|ACM)$/i, 'shield'],
  [/^(SQS|SNS|EVENTS|KINESIS|MSK)$/i, 'mail'],
  [/^(LOGS|CLOUDWATCH)$/i, 'output'],
  [/^(VPC|SUBNET|NATGATEWAY|ROUTE|SECURITY)$/i, 'type-hierarchy'],
];

export function iconForType(type: string): string {
  const service = serviceOf(type);
  if (/^AWS::EC2::(VPC|Subnet|NatGateway|Route|SecurityGroup|InternetGateway)/.test(type)) return 'type-hierarchy';
  return ICONS.find(([re]) => re.test(service))?.[1] ?? 'symbol-misc';
}

/** Whether `inner` lies within `outer` (LSP ranges, end exclusive). */
export function rangeContains(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
