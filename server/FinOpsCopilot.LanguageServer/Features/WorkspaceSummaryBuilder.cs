using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.LanguageServer.Features;

public sealed record SummaryTotals(int Files, int Resources, int TaggableResources, int CompliantResources, double CompliancePercent, SeverityCounts Findings);

public sealed record SeverityCounts(int Error, int Warning, int Info);

public sealed record FileSummary(string Uri, string Path, string Format, int Resources, int Findings, int NonCompliant);

public sealed record CountByName(string Name, int Count);

public sealed record TagKeySummary(string Key, int Missing, int Invalid);

public sealed record FindingSummary(string RuleId, string Severity, string Message, string Uri, Protocol.Range Range, string? Resource, decimal? MonthlySaving);

public sealed record WorkspaceSummary(
    SummaryTotals Totals,
    FileSummary[] ByFile,
    CountByName[] ByType,
    CountByName[] ByRule,
    TagKeySummary[] ByTagKey,
    FindingSummary[] TopFindings);

public sealed record ResourceDetailsParams(string Uri, string Address);

public sealed record TagDetail(string Key, string? Value, string Source, string? UnknownReason);

public sealed record ResourceDetails(string Address, string Type, string Name, string Uri, Protocol.Range Range, bool Taggable, TagDetail[] Tags, FindingSummary[] Findings);

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

        return new WorkspaceSummary(
            new SummaryTotals(files.Count, resources.Count, taggable.Count, compliant,
                taggable.Count == 0 ? 100 : Math.Round(100.0 * compliant / taggable.Count, 1),
                new SeverityCounts(
                    findings.Count(f => f.Finding.Severity == Severity.Error),
                    findings.Count(f => f.Finding.Severity == Severity.Warning),
                    findings.Count(f => f.Finding.Severity == Severity.Info))),
            files.Select(a => new FileSummary(a.Uri, a.Path, a.Document!.Format.ToId(), a.Document.Resources.Count, a.Findings.Count,
                a.Document.Resources.Count(r => nonCompliant.Contains((a.Path, r.Address))))).ToArray(),
            resources.GroupBy(r => r.Resource.Type).Select(g => new CountByName(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            findings.GroupBy(f => f.Finding.RuleId).Select(g => new CountByName(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray(),
            byKey.Select(kv => new TagKeySummary(kv.Key, kv.Value.Missing, kv.Value.Invalid)).OrderByDescending(k => k.Missing + k.Invalid).ThenBy(k => k.Key, StringComparer.Ordinal).ToArray(),
            findings.OrderByDescending(f => f.Finding.MonthlySaving ?? 0).ThenByDescending(f => f.Finding.Severity).ThenBy(f => f.Analysis.Path, StringComparer.Ordinal)
                .Take(top).Select(f => ToSummary(f.Analysis, f.Finding)).ToArray());
    }

    public static ResourceDetails? Details(FileAnalysis analysis, string address)
    {
        var r = analysis.Document?.Resources.FirstOrDefault(x => x.Address == address);
        if (r is null) return null;
        return new ResourceDetails(r.Address, r.Type, r.Name, analysis.Uri, DiagnosticMapper.ToRange(r.Range), r.IsTaggable,
            r.Tags.Select(t => new TagDetail(t.Key, t.Value, t.Source.Describe(), t.UnknownReason)).ToArray(),
            analysis.Findings.Where(f => f.ResourceAddress == address).Select(f => ToSummary(analysis, f)).ToArray());
    }

    private static FindingSummary ToSummary(FileAnalysis a, Finding f) =>
        new(f.RuleId, f.Severity.ToId(), f.Message, a.Uri, DiagnosticMapper.ToRange(f.Range), f.ResourceAddress, f.MonthlySaving);
}
