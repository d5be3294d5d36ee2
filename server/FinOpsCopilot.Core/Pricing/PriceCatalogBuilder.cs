namespace FinOpsCopilot.Core.Pricing;

/// <summary>Collects prices by SKU and region (starting from an existing catalog, or empty) and builds a catalog from them.</summary>
public sealed class PriceCatalogBuilder
{
    private readonly Dictionary<string, (string Unit, Dictionary<string, decimal> ByRegion)> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceSpec> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PriceSource> _sources = new(StringComparer.Ordinal);

    public PriceCatalogBuilder(PriceCatalog? start = null)
    {
        if (start is null) return;
        Currency = start.Currency;
        Built = start.Built;
        foreach (var (type, spec) in start.InstanceTypes) _types[type] = spec;
        foreach (var (name, source) in start.Sources) _sources[name] = source;
        foreach (var sku in start.Skus)
            foreach (var region in start.Regions)
                if (start.Find(region, sku) is { } price) Set(sku, price.Unit, region, price.Amount);
    }

    public string Currency { get; set; } = "USD";

    public string Built { get; set; } = "";

    public int SkuCount => _prices.Count;

    /// <summary>Whether the SKU has a price in at least one region.</summary>
    public bool Contains(string sku) => _prices.ContainsKey(sku);

    /// <summary>Sets one price, replacing what was there. A SKU keeps one unit across regions.</summary>
    public void Set(string sku, string unit, string region, decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), "prices are never negative");
        if (!_prices.TryGetValue(sku, out var entry))
            _prices[sku] = entry = (unit, new Dictionary<string, decimal>(StringComparer.Ordinal));
        else if (entry.Unit != unit)
            throw new InvalidOperationException($"{sku}: unit '{unit}' differs from '{entry.Unit}'");
        entry.ByRegion[region] = amount;
    }

    public void SetInstanceType(string type, InstanceSpec spec) => _types[type] = spec;

    public void SetSource(string name, PriceSource source) => _sources[name] = source;

    public PriceCatalog Build()
    {
        var regions = _prices.Values.SelectMany(p => p.ByRegion.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var regionIndex = regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        var skus = _prices.Keys.Order(StringComparer.Ordinal).ToList();
        var prices = new decimal[skus.Count * regions.Count];
        Array.Fill(prices, PriceCatalog.Missing);
        var units = new string[skus.Count];
        for (int s = 0; s < skus.Count; s++)
        {
            var (unit, byRegion) = _prices[skus[s]];
            units[s] = unit;
            foreach (var (region, amount) in byRegion) prices[s * regions.Count + regionIndex[region]] = amount;
        }
        return new PriceCatalog(Currency, Built, regions, skus, units, prices,
            new Dictionary<string, InstanceSpec>(_types), new Dictionary<string, PriceSource>(_sources));
    }
}
