using System.Globalization;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>The cost side of a report: each resource's estimate, each file's sum and the total, as every format shows them.</summary>
public sealed class CostView
{
    private readonly Dictionary<(string File, string Address), CostEstimate> _byResource = [];
    private readonly Dictionary<string, DocumentCost> _byFile = new(StringComparer.Ordinal);

    public CostView(IReadOnlyList<DocumentCost> costs)
    {
        Files = costs;
        foreach (var file in costs)
        {
            _byFile[file.Path] = file;
            foreach (var estimate in file.Resources) _byResource[(file.Path, estimate.ResourceAddress)] = estimate;
        }
    }

    public IReadOnlyList<DocumentCost> Files { get; }

    public decimal Total => Files.Sum(f => f.Amount);
    public bool IsPartial => Files.Any(f => f.IsPartial);
    public int PricedResources => _byResource.Count;

    public CostEstimate? For(IacResource resource) => _byResource.GetValueOrDefault((resource.FilePath, resource.Address));
    public DocumentCost? For(IacDocument document) => _byFile.GetValueOrDefault(document.Path);

    /// <summary>"$1,234.56".</summary>
    public static string Money(decimal amount) => "$" + Billing.Round(amount).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Why an estimate or file is partial, in a few words: "+ usage (2)", "unknown input", "no price".</summary>
    public static string Gaps(IEnumerable<CostComponent> components)
    {
        var missing = components.Where(c => c.MonthlyCost is null).ToList();
        if (missing.Count == 0) return "";
        int usage = missing.Count(c => c.UsageBased && c.Note?.StartsWith(Billing.DependsOnUsage, StringComparison.Ordinal) == true);
        var parts = new List<string>();
        if (usage > 0) parts.Add(usage == 1 ? "1 line depends on usage" : $"{usage} lines depend on usage");
        parts.AddRange(missing.Where(c => !(c.UsageBased && c.Note?.StartsWith(Billing.DependsOnUsage, StringComparison.Ordinal) == true))
            .Select(c => c.Note ?? c.Name).Distinct());
        return string.Join("; ", parts);
    }
}
