using FinOpsCopilot.Core;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>A report for people, e.g. as a pull-request comment: a summary, then the findings by file as tables.</summary>
public sealed class MarkdownReporter : IReporter
{
    public void Write(Report report, TextWriter output)
    {
        output.WriteLine($"## {ProductInfo.DisplayName} report");
        output.WriteLine();
        int errors = report.Count(Severity.Error), warnings = report.Count(Severity.Warning), infos = report.Count(Severity.Info);
        output.WriteLine(report.Findings.Count == 0
            ? $"✅ No findings in {Report.Plural(report.Documents.Count, "file")} ({Report.Plural(report.ResourceCount, "resource")})."
            : $"{Icon(errors > 0 ? Severity.Error : warnings > 0 ? Severity.Warning : Severity.Info)} **{Report.Plural(report.Findings.Count, "finding")}** in {Report.Plural(report.Documents.Count, "file")} ({Report.Plural(report.ResourceCount, "resource")}).");
        output.WriteLine();
        output.WriteLine("| Severity | Count |");
        output.WriteLine("| --- | ---: |");
        output.WriteLine($"| {Icon(Severity.Error)} Error | {errors} |");
        output.WriteLine($"| {Icon(Severity.Warning)} Warning | {warnings} |");
        output.WriteLine($"| {Icon(Severity.Info)} Info | {infos} |");

        var byRule = report.Findings.GroupBy(f => f.RuleId).OrderByDescending(g => g.Count()).ToList();
        if (byRule.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("### By rule");
            output.WriteLine();
            output.WriteLine("| Rule | Findings |");
            output.WriteLine("| --- | ---: |");
            foreach (var g in byRule)
            {
                var rule = RuleCatalog.Find(g.Key);
                output.WriteLine($"| [`{g.Key}`]({rule?.HelpUri.AbsoluteUri}) {Escape(rule?.Title ?? "")} | {g.Count()} |");
            }
        }

        foreach (var file in report.Findings.GroupBy(f => f.FilePath))
        {
            var path = report.DisplayPath(file.Key);
            output.WriteLine();
            output.WriteLine($"### `{path}`");
            output.WriteLine();
            output.WriteLine("| | Line | Resource | Rule | Message |");
            output.WriteLine("| --- | ---: | --- | --- | --- |");
            foreach (var f in file)
                output.WriteLine($"| {Icon(f.Severity)} | {f.Range.Start.Line + 1} | {(f.ResourceAddress is null ? "" : $"`{Escape(f.ResourceAddress)}`")} | `{f.RuleId}` | {Escape(f.Message)} |");
        }
        CostSections.WriteMarkdown(report, output, Escape);
    }

    private static string Icon(Severity s) => s switch
    {
        Severity.Error => "🔴",
        Severity.Warning => "🟠",
        _ => "🔵",
    };

    /// <summary>Keeps a message inside its table cell: pipes and line breaks would end it.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", "").Replace("\n", "<br>").Replace("<", "&lt;").Replace("&lt;br>", "<br>");
}
