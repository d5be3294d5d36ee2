using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A rule about what a resource costs: it reads the catalog in the document's region to put a monthly saving on its finding.</summary>
public abstract class CostRule : ResourceRule
{
    protected abstract IReadOnlyList<string> ResourceTypes { get; }

    public sealed override void Analyze(IacResource resource, RuleContext context)
    {
        if (!ResourceTypes.Contains(resource.Type)) return;
        Check(new ResourceView(resource, context.Document), context);
    }

    protected abstract void Check(ResourceView resource, RuleContext context);

    protected static bool IsTerraform(ResourceView r) => r.Resource.Type.StartsWith("aws_", StringComparison.Ordinal);

    /// <summary>The prices of the region the resource is estimated in, or null when the catalog lacks that region.</summary>
    protected static RegionPrices? Prices(RuleContext context, ResourceView resource) =>
        PriceCatalog.Default.ForRegion(CostEstimator.RegionFor(resource.Resource, context.Document, context.Policy, context.CommandLineRegion));

    /// <summary>Monthly cost of a quantity at a SKU's price; null when the catalog has no price.</summary>
    protected static decimal? Monthly(RegionPrices? prices, string sku, decimal quantity) =>
        prices?.Find(sku) is { } p ? p.Amount * quantity : null;

    /// <summary>A saving worth reporting: positive, rounded to cents; otherwise null.</summary>
    protected static decimal? Saving(decimal? before, decimal? after) =>
        before is { } b && after is { } a && b - a > 0 ? Billing.Round(b - a) : null;

    protected static string Money(decimal? amount) => amount is { } a ? $"${a:N2}/month" : "an amount the catalog cannot price";

    /// <summary>Where to point a finding about a property: its value when set, else the resource name.</summary>
    protected static Text.SourceRange At(ResourceView r, Input input) => input.Value?.Range is { } range && !input.IsAbsent ? range : r.Resource.NameRange;

    protected static FixSuggestion Replace(string property, string from, string to, string title) =>
        new("replace-value", title, new Dictionary<string, string> { ["property"] = property, ["from"] = from, ["to"] = to });

    protected static FixSuggestion AddProperty(string property, string value, string title) =>
        new("add-property", title, new Dictionary<string, string> { ["property"] = property, ["value"] = value });
}
