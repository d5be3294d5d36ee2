using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.LanguageServer.Features;

public sealed record SummaryTotals(int Files, int Resources, int TaggableResources, int CompliantResources, double CompliancePercent, SeverityCounts Findings)
{
    /// <summary>The workspace's monthly estimate (priced components only), absent when nothing is priced.</summary>
    public decimal? MonthlyCost { get; init; }
    public string Currency { get; init; } = "USD";
    /// <summary>True when some priced resource has usage-based or unknown components not in <see cref="MonthlyCost"/>.</summary>
    public bool CostIsPartial { get; init; }
}

public sealed record SeverityCounts(int Error, int Warning, int Info);

public sealed record FileSummary(string Uri, string Path, string Format, int Resources, int Findings, int NonCompliant)
{
    public decimal? MonthlyCost { get; init; }
}

public sealed record CountByName(string Name, int Count)
{
    public decimal? MonthlyCost { get; init; }
}

public sealed record ResourceCost(string Address, string Type, Protocol.Range Range, decimal? MonthlyCost);

public sealed record CostLine(string Component, decimal? MonthlyCost, string Unit, decimal? Quantity, decimal? UnitPrice, bool UsageBased, string? Note);

public sealed record TagKeySummary(string Key, int Missing, int Invalid);

public sealed record FindingSummary(string RuleId, string Severity, string Message, string Uri, Protocol.Range Range, string? Resource, decimal? MonthlySaving);

public sealed record WorkspaceSummary(
    SummaryTotals Totals,
    FileSummary[] ByFile,
    CountByName[] ByType,
    CountByName[] ByRule,
    TagKeySummary[] ByTagKey,
    FindingSummary[] TopFindings)
{
    /// <summary>Each file's priced resources, by file URI, for the cost tree.</summary>
    public Dictionary<string, ResourceCost[]>? ResourceCosts { get; init; }
}

public sealed record ResourceDetailsParams(string Uri, string Address);

public sealed record TagDetail(string Key, string? Value, string Source, string? UnknownReason);

public sealed record ResourceDetails(string Address, string Type, string Name, string Uri, Protocol.Range Range, bool Taggable, TagDetail[] Tags, FindingSummary[] Findings)
{
    public decimal? MonthlyCost { get; init; }
    public string? CostText { get; init; }
    public string? Region { get; init; }
    public CostLine[]? CostBreakdown { get; init; }
}

/// <summary>
/// The dashboard's data (<c>finops/workspaceSummary</c>): totals, compliance of taggable resources, and breakdowns by
/// file, type, rule and tag key. A resource is compliant when no tagging finding is reported on it.
/// </summary>
public static class WorkspaceSummaryBuilder
{
    private static readonly HashSet<string> TaggingRules = [RuleCodes.TagMissing, RuleCodes.TagValueInvalid, RuleCodes.TagKeyCase];

    public static WorkspaceSummary Build(IEnumerable<FileAnalysis> analyses, int top = 20)
    {
        var files = analyses.Where(a => a.Document is not null).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
        var resources = files.SelectMany(a => a.Document!.Resources.Select(r => (Analysis: a, Resource: r))).ToList();
        var findings = files.SelectMany(a => a.Findings.Select(f => (Analysis: a, Finding: f))).ToList();
        var nonCompliant = findings.Where(f => TaggingRules.Contains(f.Finding.RuleId) && f.Finding.ResourceAddress is not null)
            .Select(f => (f.Analysis.Path, f.Finding.ResourceAddress)).ToHashSet();
        var taggable = resources.Where(r => r.Resource.IsTaggable).ToList();
        int compliant = taggable.Count(r => !nonCompliant.Contains((r.Analysis.Path, r.Resource.Address)));

        var byKey = new Dictionary<string, (int Missing, int Invalid)>(StringComparer.Ordinal);
        foreach (var (_, f) in findings)
        {
            if (f.RuleId == RuleCodes.TagMissing && f.Fix?.Arguments.TryGetValue("keys", out var keys) == true)
                foreach (var k in keys.Split(", ")) byKey[k] = (byKey.GetValueOrDefault(k).Missing + 1, byKey.GetValueOrDefault(k).Invalid);
            else if (f.RuleId is RuleCodes.TagValueInvalid or RuleCodes.TagKeyCase && f.Fix?.Arguments.TryGetValue(f.RuleId == RuleCodes.TagKeyCase ? "to" : "key", out var key) == true)
                byKey[key] = (byKey.GetValueOrDefault(key).Missing, byKey.GetValueOrDefault(key).Invalid + 1);
        }

        var estimates = files.Where(a => a.Cost is not null).SelectMany(a => a.Cost!.Resources.Select(e => (Analysis: a, Estimate: e))).ToList();
        decimal? CostOf(IEnumerable<(FileAnalysis Analysis, Core.Pricing.CostEstimate Estimate)> items) =>
            items.Any() ? Core.Pricing.Billing.Round(items.Sum(i => i.Estimate.Amount)) : null;
        var costByType = estimates.ToLookup(e => e.Estimate.ResourceType, StringComparer.Ordinal);

        return new WorkspaceSummary(
            new SummaryTotals(files.Count, resources.Count, taggable.Count, compliant,
                taggable.Count == 0 ? 100 : Math.Round(100.0 * compliant / taggable.Count, 1),
                new SeverityCounts(
                    findings.Count(f => f.Finding.Severity == Severity.Error),
                    findings.Count(f => f.Finding.Severity == Severity.Warning),
                    findings.Count(f => f.Finding.Severity == Severity.Info)))
            {
                MonthlyCost = CostOf(estimates),
                CostIsPartial = files.Any(a => a.Cost?.IsPartial == true),
            },
            files.Select(a => new FileSummary(a.Uri, a.Path, a.Document!.Format.ToId(), a.Document.Resources.Count, a.Findings.Count,
                a.Document.Resources.Count(r => nonCompliant.Contains((a.Path, r.Address)))) { MonthlyCost = CostOf(estimates.Where(e => e.Analysis == a)) }).ToArray(),
            resources.GroupBy(r => r.Resource.Type).Select(g => new CountByName(g.Key, g.Count()) { MonthlyCost = CostOf(costByType[g.Key]) })
                .OrderByDescending(c => c.MonthlyCost ?? 0).ThenByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            findings.GroupBy(f => f.Finding.RuleId).Select(g => new CountByName(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            byKey.Select(kv => new TagKeySummary(kv.Key, kv.Value.Missing, kv.Value.Invalid)).OrderByDescending(k => k.Missing + k.Invalid).ThenBy(k => k.Key, StringComparer.Ordinal).ToArray(),
            findings.OrderByDescending(f => f.Finding.MonthlySaving ?? 0).ThenByDescending(f => f.Finding.Severity).ThenBy(f => f.Analysis.Path, StringComparer.Ordinal)
                .Take(top).Select(f => ToSummary(f.Analysis, f.Finding)).ToArray())
        {
            ResourceCosts = files.Where(a => a.Cost is { Resources.Count: > 0 }).ToDictionary(a => a.Uri, a => a.Cost!.Resources
                .Select(e => new ResourceCost(e.ResourceAddress, e.ResourceType,
                    DiagnosticMapper.ToRange(a.Document!.Resources.FirstOrDefault(r => r.Address == e.ResourceAddress)?.Range ?? default),
                    Core.Pricing.Billing.Round(e.Amount)))
                .OrderByDescending(r => r.MonthlyCost).ToArray()),
        };
    }

    public static ResourceDetails? Details(FileAnalysis analysis, string address)
    {
        var r = analysis.Document?.Resources.FirstOrDefault(x => x.Address == address);
        if (r is null) return null;
        var cost = analysis.CostOf(address);
        return new ResourceDetails(r.Address, r.Type, r.Name, analysis.Uri, DiagnosticMapper.ToRange(r.Range), r.IsTaggable,
            r.Tags.Select(t => new TagDetail(t.Key, t.Value, t.Source.Describe(), t.UnknownReason)).ToArray(),
            analysis.Findings.Where(f => f.ResourceAddress == address).Select(f => ToSummary(analysis, f)).ToArray())
        {
            MonthlyCost = cost is null ? null : Core.Pricing.Billing.Round(cost.Amount),
            CostText = cost is null ? null : CostText.Of(cost),
            Region = cost?.Region,
            CostBreakdown = cost?.Components.Select(c => new CostLine(c.Name, c.MonthlyCost is { } m ? Core.Pricing.Billing.Round(m) : null,
                c.Unit, c.Quantity, c.UnitPrice, c.UsageBased, c.Note)).ToArray(),
        };
    }

    private static FindingSummary ToSummary(FileAnalysis a, Finding f) =>
        new(f.RuleId, f.Severity.ToId(), f.Message, a.Uri, DiagnosticMapper.ToRange(f.Range), f.ResourceAddress, f.MonthlySaving);
}
