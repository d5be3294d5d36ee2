using FinOpsCopilot.Cli.Reporting;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Cli.Commands;

/// <summary><c>finops-copilot analyze</c>: analyse paths and report in the chosen format, with a CI-friendly exit code.</summary>
public static class AnalyzeCommand
{
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        var options = AnalyzeOptions.Parse(args);
        var policyFile = options.PolicyFile is null ? null : console.Resolve(options.PolicyFile);
        if (policyFile is not null && !File.Exists(policyFile))
        {
            stderr.WriteLine($"finops-copilot: policy file '{options.PolicyFile}' not found");
            return ExitCodes.PathUnreadable;
        }

        var varFiles = options.VarFiles.Select(console.Resolve).ToList();
        foreach (var (varFile, shown) in varFiles.Zip(options.VarFiles))
            if (!File.Exists(varFile))
            {
                stderr.WriteLine($"finops-copilot: variable file '{shown}' not found");
                return ExitCodes.PathUnreadable;
            }

        var result = WorkspaceAnalysis.Run(options.Paths.Select(console.Resolve), policyFile, varFiles, options.Region);
        foreach (var error in result.PolicyErrors) stderr.WriteLine($"finops-copilot: invalid policy: {error.Message}");
        if (result.PolicyErrors.Count > 0) return ExitCodes.UsageError;
        var report = new Report(result, console.WorkingDirectory);
        foreach (var error in result.Errors) stderr.WriteLine($"finops-copilot: cannot read '{report.DisplayPath(error.Path)}': {error.Message}");
        foreach (var skipped in result.SkippedFiles) stderr.WriteLine($"finops-copilot: skipped '{report.DisplayPath(skipped)}': not infrastructure code");
        foreach (var cost in result.Costs.Where(c => c.RegionError is not null)) stderr.WriteLine($"finops-copilot: {report.DisplayPath(cost.Path)}: {cost.RegionError}");

        bool color = options.OutputFile is null && console.IsTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        IReporter reporter = options.Format switch
        {
            OutputFormat.Json => new JsonReporter(),
            OutputFormat.Sarif => new SarifReporter(),
            OutputFormat.Markdown => new MarkdownReporter(),
            _ => new TextReporter(color),
        };

        if (options.OutputFile is { } file)
        {
            try
            {
                using var writer = new StreamWriter(console.Resolve(file), false, new System.Text.UTF8Encoding(false));
                reporter.Write(report, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"finops-copilot: cannot write '{file}': {e.Message}");
                return ExitCodes.PathUnreadable;
            }
        }
        else reporter.Write(report, stdout);

        if (result.Errors.Count > 0) return ExitCodes.PathUnreadable;
        bool fails = options.FailOn is { } threshold && result.Findings.Any(f => f.Severity >= threshold);
        return fails ? ExitCodes.FindingsAtThreshold : ExitCodes.Success;
    }
}
