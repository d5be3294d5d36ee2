namespace FinOpsCopilot.Core.Pricing;

public enum CostChangeKind { Added, Removed, Changed }

/// <summary>One resource whose monthly cost differs between two versions (null on the side where it does not exist).</summary>
public sealed record ResourceCostChange(string File, string Address, string ResourceType, CostChangeKind Kind, CostEstimate? Before, CostEstimate? After)
{
    public decimal BeforeAmount => Before?.Amount ?? 0;
    public decimal AfterAmount => After?.Amount ?? 0;
    public decimal Delta => AfterAmount - BeforeAmount;
    public bool IsPartial => Before?.IsPartial == true || After?.IsPartial == true;
}

/// <summary>
/// The monthly cost of two versions of the same code and what changed between them, resource by resource.
/// Resources match by file (relative to each version's root) and address. A resource whose estimate is unchanged
/// line for line is not listed.
/// </summary>
public sealed record CostDiff(decimal BeforeTotal, decimal AfterTotal, bool IsPartial, IReadOnlyList<ResourceCostChange> Changes)
{
    public decimal Delta => AfterTotal - BeforeTotal;

    /// <param name="before">Base version costs with paths relative to its root.</param>
    /// <param name="after">Current version costs with paths relative to its root.</param>
    public static CostDiff Compare(IEnumerable<(string File, CostEstimate Estimate)> before, IEnumerable<(string File, CostEstimate Estimate)> after, bool partialRegions = false)
    {
        var old = before.ToDictionary(x => (x.File, x.Estimate.ResourceAddress), x => x.Estimate);
        var now = after.ToDictionary(x => (x.File, x.Estimate.ResourceAddress), x => x.Estimate);
        var changes = new List<ResourceCostChange>();
        foreach (var (key, estimate) in now)
        {
            if (!old.TryGetValue(key, out var previous))
                changes.Add(new(key.File, key.ResourceAddress, estimate.ResourceType, CostChangeKind.Added, null, estimate));
            else if (!Same(previous, estimate))
                changes.Add(new(key.File, key.ResourceAddress, estimate.ResourceType, CostChangeKind.Changed, previous, estimate));
        }
        foreach (var (key, estimate) in old)
            if (!now.ContainsKey(key))
                changes.Add(new(key.File, key.ResourceAddress, estimate.ResourceType, CostChangeKind.Removed, estimate, null));
        changes.Sort((a, b) => string.CompareOrdinal(a.File, b.File) is var c and not 0 ? c : string.CompareOrdinal(a.Address, b.Address));
        bool partial = partialRegions || old.Values.Concat(now.Values).Any(e => e.IsPartial);
        return new CostDiff(old.Values.Sum(e => e.Amount), now.Values.Sum(e => e.Amount), partial, changes);
    }

    private static bool Same(CostEstimate a, CostEstimate b) =>
        a.Region == b.Region && a.ResourceType == b.ResourceType && a.Components.SequenceEqual(b.Components);
}
