using FinOpsCopilot.Cli.Commands;
using FinOpsCopilot.Core;

namespace FinOpsCopilot.Cli;

public static class Program
{
    public const string Usage = """
        Usage: finops-copilot <command> [options]

        Commands:
          analyze [PATH...]   Check infrastructure code (CloudFormation YAML/JSON, SAM, Terraform) against the tag policy.
                              Folders are searched; files are recognised by their content.
            -f, --format F    text (default), json, sarif or markdown
            -o, --output FILE write the report to FILE instead of standard output
            -p, --policy FILE use this policy instead of the nearest .finops.yml
                --var-file FILE   Terraform variables for the root modules (repeatable; after terraform.tfvars)
                --fail-on L   exit 1 when a finding is at level L or above: error (default), warning, info, never
                --region R    price in region R when neither the code nor .finops.yml names one (default us-east-1)
          pricing import OFFER.json...
                              Overlay the on-demand prices of AWS Price List offer files on the price catalog
                              and write it (-o FILE, default finops-price-catalog.json; --base CATALOG).
                              Estimates use it when FINOPS_COPILOT_PRICE_CATALOG names it.
          pricing build [FACTS.json]
                              Build the shipped price catalog from the shared aws-prices/1 facts (default
                              ../shared/pricing/aws-prices.json) and write it (-o FILE, default
                              server/FinOpsCopilot.Core/Data/aws-price-catalog.json). Run from the repository root.
          diff [--base REF] [PATH...]
                              Monthly cost at REF (default HEAD, in a temporary git worktree) and now, per
                              resource added, removed or changed. -f text|json|markdown, --region R.
          lsp                 Run the language server over stdin/stdout (for VS Code and any LSP editor).
                              Logs go to stderr.
          help                Show this help.
          version             Show the version.

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or policy error;
                    3 a named path cannot be read.
        """;

    public static int Main(string[] args) => Run(args, CliConsole.System);

    /// <summary>
    /// Serves LSP until the client sends exit or closes stdin, then ends the process itself: a pending read of stdin
    /// would otherwise keep it alive.
    /// </summary>
    private static int RunLanguageServer()
    {
        int code = LanguageServer.LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput()).GetAwaiter().GetResult();
        Console.Error.Flush();
        Environment.Exit(code);
        return code;
    }

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        if (args.Count == 0)
        {
            stderr.WriteLine(Usage);
            return ExitCodes.UsageError;
        }
        try
        {
            switch (args[0])
            {
                case "analyze":
                    return AnalyzeCommand.Run(args.Skip(1).ToList(), console);
                case "lsp":
                    return RunLanguageServer();
                case "diff":
                    return DiffCommand.Run(args.Skip(1).ToList(), stdout, stderr, console.WorkingDirectory);
                case "pricing":
                    return PricingCommand.Run(args.Skip(1).ToList(), stdout, stderr);
                case "help" or "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return ExitCodes.Success;
                case "version" or "--version":
                    stdout.WriteLine($"{ProductInfo.ToolName} {ProductInfo.Version}");
                    return ExitCodes.Success;
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"finops-copilot: {e.Message}");
            stderr.WriteLine("Run 'finops-copilot help' for usage.");
            return ExitCodes.UsageError;
        }
    }
}
