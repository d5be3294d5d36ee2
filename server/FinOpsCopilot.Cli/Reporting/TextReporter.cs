using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>Findings grouped by file as <c>path:line:col  severity  code  message</c>, then a summary; colour only on a terminal.</summary>
public sealed class TextReporter(bool color) : IReporter
{
    public void Write(Report report, TextWriter output)
    {
        foreach (var group in report.Findings.GroupBy(f => f.FilePath))
        {
            var path = report.DisplayPath(group.Key);
            output.WriteLine(Paint(path, "1"));
            foreach (var f in group)
            {
                var location = $"{path}:{f.Range.Start.Line + 1}:{f.Range.Start.Character + 1}";
                var severity = f.Severity.ToId().PadRight(7);
                output.WriteLine($"  {Paint(location, "2")}  {Paint(severity, SeverityColor(f.Severity))}  {Paint(f.RuleId, "36")}  {f.Message}");
            }
            output.WriteLine();
        }
        CostSections.WriteText(report, output, Paint);
        var summary = report.SummaryLine();
        output.WriteLine(report.Findings.Count == 0 ? Paint("✓ " + summary, "32") : Paint("✖ " + summary, report.Count(Severity.Error) > 0 ? "31" : "33"));
    }

    private static string SeverityColor(Severity s) => s switch
    {
        Severity.Error => "31",
        Severity.Warning => "33",
        _ => "34",
    };

    private string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
