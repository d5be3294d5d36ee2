using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>An analysis result as every output format presents it: paths relative to the working folder, and counts.</summary>
public sealed class Report(AnalysisResult result, string baseDirectory)
{
    public AnalysisResult Result { get; } = result;
    public string BaseDirectory { get; } = baseDirectory;

    public IReadOnlyList<IacDocument> Documents => Result.Documents;
    public IReadOnlyList<Finding> Findings => Result.Findings;

    /// <summary>Monthly cost estimates per resource and file, and their total.</summary>
    public CostView Costs { get; } = new(result.Costs);
    public int ResourceCount => Result.Documents.Sum(d => d.Resources.Count);
    public int Count(Severity severity) => Result.Findings.Count(f => f.Severity == severity);

    /// <summary>A path as users read it: relative to the working folder when under it, with forward slashes.</summary>
    public string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(BaseDirectory, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }

    /// <summary>The rules that produced at least one finding, in catalog order (SARIF lists these).</summary>
    public IReadOnlyList<RuleDescriptor> RulesUsed() =>
        RuleCatalog.All.Select(r => r.Descriptor).Where(d => Result.Findings.Any(f => f.RuleId == d.Code)).ToList();

    public string SummaryLine()
    {
        int errors = Count(Severity.Error), warnings = Count(Severity.Warning), infos = Count(Severity.Info);
        return $"{Plural(Findings.Count, "finding")} ({Plural(errors, "error")}, {Plural(warnings, "warning")}, {infos} info) "
             + $"in {Plural(Documents.Count, "file")}, {Plural(ResourceCount, "resource")}";
    }

    public static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
