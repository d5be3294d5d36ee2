namespace FinOpsCopilot.Core.Policy;

/// <summary>Usage figures for the resources one pattern selects (an address, or a glob such as <c>Api*</c>).</summary>
public sealed record UsageOverride(string Pattern, IReadOnlyDictionary<string, decimal> Values);

/// <summary>
/// The <c>usage:</c> section of <c>.finops.yml</c>, in the spirit of Infracost's usage file: defaults per resource
/// type, then overrides per resource address or glob. Later and more specific entries win: type defaults, then
/// globs in file order, then an exact address.
/// </summary>
public sealed class UsagePolicy
{
    public static readonly UsagePolicy Empty = new();

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Defaults { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, decimal>>();

    public IReadOnlyList<UsageOverride> Resources { get; init; } = [];

    public bool IsEmpty => Defaults.Count == 0 && Resources.Count == 0;

    public IReadOnlyDictionary<string, decimal> For(string resourceType, string address)
    {
        if (IsEmpty) return NoUsage;
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (Defaults.TryGetValue(resourceType, out var defaults))
            foreach (var (k, v) in defaults) values[k] = v;
        foreach (var o in Resources)
            if (o.Pattern != address && Glob.IsMatch(o.Pattern, address))
                foreach (var (k, v) in o.Values) values[k] = v;
        foreach (var o in Resources)
            if (o.Pattern == address)
                foreach (var (k, v) in o.Values) values[k] = v;
        return values;
    }

    private static readonly IReadOnlyDictionary<string, decimal> NoUsage = new Dictionary<string, decimal>();
}
