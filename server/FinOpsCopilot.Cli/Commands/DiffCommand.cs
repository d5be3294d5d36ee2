using System.Diagnostics;
using FinOpsCopilot.Cli.Reporting;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Cli.Commands;

/// <summary>
/// <c>finops-copilot diff [--base REF] [PATH...]</c>: the monthly cost of PATHs at REF (default HEAD, checked out in
/// a temporary git worktree) and now, and every resource added, removed or changed, in text, JSON or Markdown.
/// </summary>
public static class DiffCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string? workingDirectory = null)
    {
        var cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        string baseRef = "HEAD";
        string? region = null;
        var format = OutputFormat.Text;
        var paths = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--base": baseRef = Value(); break;
                case "--region": region = Value(); break;
                case "--format" or "-f":
                    format = Value() switch
                    {
                        "text" => OutputFormat.Text,
                        "json" => OutputFormat.Json,
                        "markdown" or "md" => OutputFormat.Markdown,
                        var other => throw new UsageException($"unknown diff format '{other}': use text, json or markdown"),
                    };
                    break;
                case var a when a.StartsWith('-') && a != "-": throw new UsageException($"unknown option '{a}'");
                default: paths.Add(args[i]); break;
            }
        }
        if (paths.Count == 0) paths.Add(".");

        if (Git(cwd, "rev-parse", "--show-toplevel") is not { ExitCode: 0 } top)
        {
            stderr.WriteLine("finops-copilot: diff needs a git repository");
            return ExitCodes.UsageError;
        }
        var root = top.Output.Trim();
        var worktree = Path.Combine(Path.GetTempPath(), $"finops-diff-{Guid.NewGuid():N}");
        if (Git(root, "worktree", "add", "--detach", "--quiet", worktree, baseRef) is not { ExitCode: 0 })
        {
            stderr.WriteLine($"finops-copilot: cannot check out '{baseRef}'");
            return ExitCodes.UsageError;
        }
        try
        {
            var relative = paths.Select(p => Path.GetRelativePath(root, Path.GetFullPath(p, cwd))).ToList();
            var before = Costs(worktree, relative.Select(p => Path.Combine(worktree, p)).Where(p => File.Exists(p) || Directory.Exists(p)), region);
            var after = Costs(root, relative.Select(p => Path.Combine(root, p)), region);
            var diff = CostDiff.Compare(before.Estimates, after.Estimates, before.RegionErrors || after.RegionErrors);
            var title = $"{baseRef} → working tree";
            switch (format)
            {
                case OutputFormat.Json: CostDiffReporter.WriteJson(diff, baseRef, stdout); break;
                case OutputFormat.Markdown: CostDiffReporter.WriteMarkdown(diff, title, stdout); break;
                default: CostDiffReporter.WriteText(diff, title, stdout); break;
            }
            return ExitCodes.Success;
        }
        finally
        {
            Git(root, "worktree", "remove", "--force", worktree);
        }
    }

    private static (List<(string File, CostEstimate Estimate)> Estimates, bool RegionErrors) Costs(string root, IEnumerable<string> paths, string? region)
    {
        var result = WorkspaceAnalysis.Run(paths, region: region);
        var estimates = result.Costs
            .SelectMany(d => d.Resources.Select(e => (Path.GetRelativePath(root, d.Path).Replace('\\', '/'), e)))
            .ToList();
        return (estimates, result.Costs.Any(c => c.RegionError is not null));
    }

    private static (int ExitCode, string Output)? Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
