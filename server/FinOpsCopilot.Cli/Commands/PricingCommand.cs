using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Import;

namespace FinOpsCopilot.Cli.Commands;

/// <summary>
/// <c>finops-copilot pricing import OFFER.json... [--base CATALOG] [-o FILE]</c>: overlays the on-demand prices of AWS
/// Price List offer files on a catalog (the shipped one by default) and writes the result, for use through
/// <c>FINOPS_COPILOT_PRICE_CATALOG</c>. Reads local files only: downloading them is up to the user.
/// <c>finops-copilot pricing build [FACTS.json] [-o FILE]</c>: builds the shipped catalog from the shared price facts
/// (<c>aws-prices/1</c>); run from the repository root, its defaults regenerate the embedded catalog.
/// </summary>
public static class PricingCommand
{
    public const string DefaultOutput = "finops-price-catalog.json";
    public const string DefaultFacts = "../shared/pricing/aws-prices.json";
    public const string EmbeddedCatalogPath = "server/FinOpsCopilot.Core/Data/aws-price-catalog.json";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var subcommand = args.Count > 0 ? args[0] : "";
        if (subcommand is not ("import" or "build")) throw new UsageException("pricing needs a subcommand: import OFFER.json... or build [FACTS.json]");
        var files = new List<string>();
        string? output = null, basePath = null;
        for (int i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-o" or "--output":
                    output = i + 1 < args.Count ? args[++i] : throw new UsageException("--output needs a value");
                    break;
                case "--base" when subcommand == "import":
                    basePath = i + 1 < args.Count ? args[++i] : throw new UsageException("--base needs a value");
                    break;
                case var a when a.StartsWith('-'):
                    throw new UsageException($"unknown option '{a}'");
                default:
                    files.Add(args[i]);
                    break;
            }
        }
        try
        {
            return subcommand == "build"
                ? Build(files, output ?? EmbeddedCatalogPath, stdout)
                : Import(files, basePath, output ?? DefaultOutput, stdout, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            stderr.WriteLine($"finops-copilot: {e.Message}");
            return ExitCodes.PathUnreadable;
        }
    }

    private static int Build(List<string> files, string output, TextWriter stdout)
    {
        if (files.Count > 1) throw new UsageException("pricing build takes one facts file");
        var facts = files.Count == 1 ? files[0] : DefaultFacts;
        PriceCatalog catalog;
        using (var stream = File.OpenRead(facts))
        {
            try { catalog = SharedFactsImporter.Import(stream); }
            catch (FormatException e) { throw new FormatException($"{facts}: {e.Message}", e); }
        }
        using var file = File.Create(output);
        PriceCatalogWriter.Write(catalog, file, SharedFactsImporter.Generator);
        stdout.WriteLine($"{output}: {catalog.Skus.Count} SKUs, {catalog.Regions.Count} regions, {file.Length} bytes");
        return ExitCodes.Success;
    }

    private static int Import(List<string> offers, string? basePath, string output, TextWriter stdout, TextWriter stderr)
    {
        if (offers.Count == 0) throw new UsageException("pricing import needs at least one offer file");
        var builder = new PriceCatalogBuilder(basePath is null ? PriceCatalogReader.ReadEmbedded() : PriceCatalogReader.ReadFile(basePath));
        foreach (var offer in offers)
        {
            using var stream = File.OpenRead(offer);
            var result = OfferFileImporter.Import(stream, builder);
            stdout.WriteLine($"{offer}: {result.OfferCode} {result.PublicationDate}: {result.Imported} prices imported, {result.Skipped} products not used");
            foreach (var problem in result.Problems.Take(10)) stderr.WriteLine($"finops-copilot: {offer}: {problem}");
        }
        builder.Built = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var file = File.Create(output))
            PriceCatalogWriter.Write(builder.Build(), file, "finops-copilot pricing import");
        stdout.WriteLine($"wrote {output} ({builder.SkuCount} SKUs); use it with {PriceCatalog.OverrideVariable}={output}");
        return ExitCodes.Success;
    }
}
