namespace FinOpsCopilot.Core.Pricing;

/// <summary>
/// One line of an estimate, like a line of a bill. A line with no <see cref="MonthlyCost"/> is not $0:
/// its <see cref="Note"/> says why (it depends on usage, an input is unknown, or the catalog has no price).
/// </summary>
public sealed record CostComponent(
    string Name,
    decimal? Quantity,
    string Unit,
    decimal? UnitPrice,
    decimal? MonthlyCost,
    bool UsageBased,
    string? Note = null);

/// <summary>The monthly cost of one resource: the sum of its priced components, and whether that sum is partial.</summary>
public sealed record CostEstimate(string ResourceAddress, string ResourceType, string Region, IReadOnlyList<CostComponent> Components)
{
    public string Currency => "USD";

    /// <summary>The sum of every component that has a monthly cost.</summary>
    public decimal Amount => Components.Sum(c => c.MonthlyCost ?? 0m);

    /// <summary>True when some component could not be priced (usage not given, input unknown, price missing).</summary>
    public bool IsPartial => Components.Any(c => c.MonthlyCost is null);

    /// <summary>Why the estimate is partial, one note per unpriced component.</summary>
    public IEnumerable<string> Gaps => Components.Where(c => c.MonthlyCost is null).Select(c => $"{c.Name}: {c.Note}");
}

/// <summary>The billing conventions every estimate shares.</summary>
public static class Billing
{
    /// <summary>AWS's own convention for monthly figures (and Infracost's): 24 × 365 / 12 = 730 hours.</summary>
    public const decimal HoursPerMonth = 730m;

    public const string DependsOnUsage = "depends on usage";

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Drops trailing zeros (0.0960000000 → 0.096) so a number prints the same whatever produced it.</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}
