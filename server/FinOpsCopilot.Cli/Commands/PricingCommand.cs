using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Import;

namespace FinOpsCopilot.Cli.Commands;

/// <summary>
/// <c>finops-copilot pricing import OFFER.json... [--base CATALOG] [-o FILE]</c>: overlays the on-demand prices of AWS
/// Price List offer files on a catalog (the shipped one by default) and writes the result, for use through
/// <c>FINOPS_COPILOT_PRICE_CATALOG</c>. Reads local files only: downloading them is up to the user.
/// </summary>
public static class PricingCommand
{
    public const string DefaultOutput = "finops-price-catalog.json";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] != "import") throw new UsageException("pricing needs a subcommand: import OFFER.json...");
        var offers = new List<string>();
        string output = DefaultOutput;
        string? basePath = null;
        for (int i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-o" or "--output":
                    output = i + 1 < args.Count ? args[++i] : throw new UsageException("--output needs a value");
                    break;
                case "--base":
                    basePath = i + 1 < args.Count ? args[++i] : throw new UsageException("--base needs a value");
                    break;
                case var a when a.StartsWith('-'):
                    throw new UsageException($"unknown option '{a}'");
                default:
                    offers.Add(args[i]);
                    break;
            }
        }
        if (offers.Count == 0) throw new UsageException("pricing import needs at least one offer file");

        PriceCatalogBuilder builder;
        try
        {
            builder = new PriceCatalogBuilder(basePath is null ? PriceCatalogReader.ReadEmbedded() : PriceCatalogReader.ReadFile(basePath));
            foreach (var offer in offers)
            {
                using var stream = File.OpenRead(offer);
                var result = OfferFileImporter.Import(stream, builder);
                stdout.WriteLine($"{offer}: {result.OfferCode} {result.PublicationDate}: {result.Imported} prices imported, {result.Skipped} products not used");
                foreach (var problem in result.Problems.Take(10)) stderr.WriteLine($"finops-copilot: {offer}: {problem}");
            }
            builder.Built = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            using var file = File.Create(output);
            PriceCatalogWriter.Write(builder.Build(), file, "finops-copilot pricing import");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            stderr.WriteLine($"finops-copilot: {e.Message}");
            return ExitCodes.PathUnreadable;
        }
        stdout.WriteLine($"wrote {output} ({builder.SkuCount} SKUs); use it with {PriceCatalog.OverrideVariable}={output}");
        return ExitCodes.Success;
    }
}
