using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Cli.Commands;

public enum OutputFormat { Text, Json, Sarif, Markdown }

/// <summary>The options of <c>finops-copilot analyze</c>, parsed from its arguments.</summary>
public sealed class AnalyzeOptions
{
    public List<string> Paths { get; } = [];
    public OutputFormat Format { get; set; } = OutputFormat.Text;
    public string? OutputFile { get; set; }
    public string? PolicyFile { get; set; }

    /// <summary>Terraform variable files (<c>--var-file</c>, repeatable) for the root modules analysed.</summary>
    public List<string> VarFiles { get; } = [];

    /// <summary>The lowest severity that fails the run; null for <c>never</c>.</summary>
    public Severity? FailOn { get; set; } = Severity.Error;

    /// <summary>The region to price in when neither the code nor the policy names one.</summary>
    public string? Region { get; set; }

    public static AnalyzeOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AnalyzeOptions();
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value"));
            switch (arg)
            {
                case "--format" or "-f":
                    options.Format = Value().ToLowerInvariant() switch
                    {
                        "text" => OutputFormat.Text,
                        "json" => OutputFormat.Json,
                        "sarif" => OutputFormat.Sarif,
                        "markdown" or "md" => OutputFormat.Markdown,
                        var other => throw new UsageException($"unknown format '{other}': use text, json, sarif or markdown"),
                    };
                    break;
                case "--output" or "-o":
                    options.OutputFile = Value();
                    break;
                case "--region":
                    options.Region = Value();
                    break;
                case "--policy" or "-p":
                    options.PolicyFile = Value();
                    break;
                case "--var-file":
                    options.VarFiles.Add(Value());
                    break;
                case "--fail-on":
                    var level = Value();
                    if (level == "never") options.FailOn = null;
                    else if (SeverityNames.TryParse(level, out var s)) options.FailOn = s;
                    else throw new UsageException($"unknown --fail-on level '{level}': use error, warning, info or never");
                    break;
                case "--":
                    options.Paths.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith('-') && arg != "-") throw new UsageException($"unknown option '{arg}'");
                    options.Paths.Add(arg);
                    break;
            }
        }
        if (options.Paths.Count == 0) options.Paths.Add(".");
        return options;
    }
}
