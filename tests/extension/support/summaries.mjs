// Fixture summaries for the webview tests and the render benchmark.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const loadFixture = (name) => JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8'));

/** The server's summary of the shipped samples (captured from `finops-copilot lsp`, no cost data). */
export const samplesSummary = () => loadFixture('summary-samples');
/** The same with the planned cost and live-data fields (docs/protocol.md, "planned"). */
export const costsSummary = () => loadFixture('summary-costs');

export const emptySummary = () => ({
  totals: { files: 0, resources: 0, taggableResources: 0, compliantResources: 0, compliancePercent: 100, findings: { error: 0, warning: 0, info: 0 } },
  byFile: [], byType: [], byRule: [], byTagKey: [], topFindings: [],
});

/** A deterministic summary of `resources` resources over `resources / 5` files, with costs when asked. */
export function largeSummary(resources = 10000, { costs = true } = {}) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const types = ['AWS::EC2::Instance', 'AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::RDS::DBInstance', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue',
    'AWS::SNS::Topic', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ECS::Service', 'AWS::Logs::LogGroup', 'AWS::EKS::Cluster', 'AWS::ElastiCache::CacheCluster'];
  const fileCount = Math.ceil(resources / 5);
  const byType = new Map(types.map((t) => [t, { name: t, count: 0, monthlyCost: 0 }]));
  const byFile = [];
  const topFindings = [];
  let taggable = 0, compliant = 0, errors = 0, warnings = 0, total = 0;
  for (let f = 0; f < fileCount; f++) {
    const uri = `file:///workspace/stacks/team-${f % 40}/stack-${f}.yaml`;
    let cost = 0, non = 0, findings = 0;
    for (let r = 0; r < 5 && total < resources; r++, total++) {
      const t = types[Math.floor(rnd() * types.length)];
      const c = Math.round(rnd() * 400 * 100) / 100;
      const entry = byType.get(t); entry.count++; entry.monthlyCost += c; cost += c;
      taggable++;
      if (rnd() < 0.22) {
        non++; findings++; errors++;
        if (topFindings.length < 50) topFindings.push({ ruleId: 'tag-missing', severity: 'error', message: `'Resource${total}' (${t}) is missing required tags: CostCenter`, uri, range: { start: { line: r * 10 + 2, character: 2 }, end: { line: r * 10 + 2, character: 14 } }, resource: `Resource${total}`, ...(costs ? { monthlySaving: Math.round(c * 30) / 100 } : {}) });
      } else compliant++;
      if (rnd() < 0.05) { findings++; warnings++; }
    }
    byFile.push({ uri, path: `stacks/team-${f % 40}/stack-${f}.yaml`, format: 'cloudformation-yaml', resources: 5, findings, nonCompliant: non, ...(costs ? { monthlyCost: Math.round(cost * 100) / 100 } : {}) });
  }
  const types_ = [...byType.values()].filter((t) => t.count).map((t) => ({ name: t.name, count: t.count, ...(costs ? { monthlyCost: Math.round(t.monthlyCost * 100) / 100 } : {}) }));
  return {
    totals: { files: fileCount, resources: total, taggableResources: taggable, compliantResources: compliant, compliancePercent: Math.round((compliant / taggable) * 1000) / 10,
      findings: { error: errors, warning: warnings, info: 0 }, ...(costs ? { monthlyCost: Math.round(byFile.reduce((n, f) => n + f.monthlyCost, 0) * 100) / 100, currency: 'USD' } : {}) },
    byFile, byType: types_.sort((a, b) => b.count - a.count),
    byRule: [{ name: 'tag-missing', count: errors }, { name: 'resource-type-unknown', count: warnings }],
    byTagKey: [{ key: 'CostCenter', missing: errors, invalid: 0 }],
    topFindings,
  };
}
