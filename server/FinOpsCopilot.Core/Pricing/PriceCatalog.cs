namespace FinOpsCopilot.Core.Pricing;

/// <summary>One unit price: USD per <see cref="Unit"/> (hour, GB-month, 1M requests…).</summary>
public readonly record struct Price(decimal Amount, string Unit);

/// <summary>What the catalog knows of an EC2 instance type besides its price.</summary>
public sealed record InstanceSpec(int Vcpu, decimal MemoryGib, string Architecture, bool? CurrentGeneration);

/// <summary>Where a catalog's prices came from: the source's commit and the date its data represents.</summary>
public sealed record PriceSource(string? Commit, string? DataDate);

/// <summary>
/// On-demand list prices by SKU and region (format <c>finops-price-catalog/1</c>, docs/pricing.md).
/// Prices sit in one flat array indexed by SKU and region, so a lookup is two hash probes and no allocation.
/// </summary>
public sealed class PriceCatalog
{
    /// <summary>A missing price; real prices are never negative.</summary>
    internal const decimal Missing = -1m;

    private readonly Dictionary<string, int> _regionIndex;
    private readonly Dictionary<string, int> _skuIndex;
    private readonly string[] _skuUnits;
    private readonly decimal[] _prices;

    internal PriceCatalog(string currency, string built, IReadOnlyList<string> regions, IReadOnlyList<string> skus,
        string[] skuUnits, decimal[] prices, IReadOnlyDictionary<string, InstanceSpec> instanceTypes,
        IReadOnlyDictionary<string, PriceSource> sources)
    {
        Currency = currency;
        Built = built;
        Regions = regions;
        Skus = skus;
        _regionIndex = new Dictionary<string, int>(regions.Count, StringComparer.Ordinal);
        for (int i = 0; i < regions.Count; i++) _regionIndex[regions[i]] = i;
        _skuIndex = new Dictionary<string, int>(skus.Count, StringComparer.Ordinal);
        for (int i = 0; i < skus.Count; i++) _skuIndex[skus[i]] = i;
        _skuUnits = skuUnits;
        _prices = prices;
        InstanceTypes = instanceTypes;
        Sources = sources;
    }

    public string Currency { get; }

    /// <summary>The date the catalog was built.</summary>
    public string Built { get; }

    public IReadOnlyList<string> Regions { get; }
    public IReadOnlyList<string> Skus { get; }
    public IReadOnlyDictionary<string, InstanceSpec> InstanceTypes { get; }

    /// <summary>The sources of the prices, by name (commit and data date), as the generator recorded them.</summary>
    public IReadOnlyDictionary<string, PriceSource> Sources { get; }

    public bool HasRegion(string region) => _regionIndex.ContainsKey(region);

    /// <summary>The prices of one region; null when the catalog has no price at all for it.</summary>
    public RegionPrices? ForRegion(string region) =>
        _regionIndex.TryGetValue(region, out var index) ? new RegionPrices(this, region, index) : null;

    public Price? Find(string region, string sku) => ForRegion(region)?.Find(sku);

    /// <summary>The unit a SKU is priced in (the same in every region).</summary>
    public string UnitOf(string sku) => _skuUnits[_skuIndex[sku]];

    internal Price? Find(int regionIndex, string sku)
    {
        if (!_skuIndex.TryGetValue(sku, out var s)) return null;
        var amount = _prices[s * Regions.Count + regionIndex];
        return amount == Missing ? null : new Price(amount, _skuUnits[s]);
    }

    /// <summary>
    /// The catalog estimates use, loaded once on first use: the file named by <see cref="OverrideVariable"/> when set
    /// (a catalog refreshed with <c>finops-copilot pricing import</c>), otherwise the one shipped inside the product.
    /// </summary>
    public static PriceCatalog Default => LazyDefault.Value;

    public const string OverrideVariable = "FINOPS_COPILOT_PRICE_CATALOG";

    private static readonly Lazy<PriceCatalog> LazyDefault = new(() =>
        Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } path ? PriceCatalogReader.ReadFile(path) : PriceCatalogReader.ReadEmbedded());
}

/// <summary>The catalog seen from one region.</summary>
public sealed class RegionPrices(PriceCatalog catalog, string region, int index)
{
    public PriceCatalog Catalog { get; } = catalog;
    public string Region { get; } = region;

    public Price? Find(string sku) => Catalog.Find(index, sku);
}
