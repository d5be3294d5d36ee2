namespace FinOpsCopilot.Core.Pricing;

/// <summary>
/// Collects the components of one estimate. Every way a line can fail to be priced ends in a component with a
/// note, never in a silent zero: a missing price, usage not given, an input known only at deploy time.
/// </summary>
public sealed class EstimateBuilder(ResourceView resource, RegionPrices prices, IReadOnlyDictionary<string, decimal> usage)
{
    private readonly List<CostComponent> _components = [];

    public ResourceView Resource { get; } = resource;
    public RegionPrices Prices { get; } = prices;
    public IReadOnlyDictionary<string, decimal> Usage { get; } = usage;

    /// <summary>A line whose quantity the code fixes (hours of a running instance, GB of a volume).</summary>
    public void Add(string name, decimal quantity, string unit, string sku)
    {
        if (Prices.Find(sku) is not { } price) { NoPrice(name, unit, sku); return; }
        _components.Add(new CostComponent(name, quantity, unit, price.Amount, quantity * price.Amount, false));
    }

    /// <summary>A line that runs all month: <paramref name="count"/> × 730 hours.</summary>
    public void Hourly(string name, decimal count, string sku) => Add(name, count * Billing.HoursPerMonth, "hours", sku);

    /// <summary>
    /// A line whose quantity comes from the <c>usage:</c> section; <paramref name="scale"/> turns the usage figure
    /// into the price's unit (requests → millions of requests). Without usage it shows its unit price only.
    /// </summary>
    public void FromUsage(string name, string usageKey, string sku, decimal scale = 1m)
    {
        if (Prices.Find(sku) is not { } price) { NoPrice(name, "", sku); return; }
        if (Usage.TryGetValue(usageKey, out var quantity))
            _components.Add(new CostComponent(name, quantity / scale, price.Unit, price.Amount, quantity / scale * price.Amount, true));
        else
            _components.Add(new CostComponent(name, null, price.Unit, price.Amount, null, true, $"{Billing.DependsOnUsage} ({usageKey})"));
    }

    /// <summary>A usage-based line whose quantity the estimator computed itself.</summary>
    public void UsageQuantity(string name, decimal? quantity, string sku, string usageKeys)
    {
        if (Prices.Find(sku) is not { } price) { NoPrice(name, "", sku); return; }
        _components.Add(quantity is { } q
            ? new CostComponent(name, q, price.Unit, price.Amount, q * price.Amount, true)
            : new CostComponent(name, null, price.Unit, price.Amount, null, true, $"{Billing.DependsOnUsage} ({usageKeys})"));
    }

    /// <summary>A line that cannot be priced because an input is unknown.</summary>
    public void Unknown(string name, string unit, string input, string reason) =>
        _components.Add(new CostComponent(name, null, unit, null, null, false, $"unknown: {input} ({reason})"));

    /// <summary>A resource that is free by itself; shown as an explicit $0 line with the reason.</summary>
    public void Free(string name, string reason) =>
        _components.Add(new CostComponent(name, 1, "resource", 0m, 0m, false, reason));

    public void Unsupported(string name, string unit, string reason) =>
        _components.Add(new CostComponent(name, null, unit, null, null, false, reason));

    private void NoPrice(string name, string unit, string sku) =>
        _components.Add(new CostComponent(name, null, unit, null, null, false, $"no price for {sku} in {Prices.Region}"));

    public decimal? UsageValue(string key) => Usage.TryGetValue(key, out var v) ? v : null;

    public CostEstimate Build() => new(Resource.Resource.Address, Resource.Resource.Type, Prices.Region, _components);
}
