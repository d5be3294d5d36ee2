using System.Text.RegularExpressions;

namespace FinOpsCopilot.Core.Policy;

/// <summary>
/// A tag key every resource in scope must carry, and optionally the values it may take: a list, a regular
/// expression, or both (a value passes when it matches either).
/// </summary>
public sealed record RequiredTag(string Key, IReadOnlyList<string>? AllowedValues = null, Regex? Pattern = null)
{
    public bool RestrictsValues => AllowedValues is { Count: > 0 } || Pattern is not null;

    public bool Allows(string value, bool caseSensitiveValues)
    {
        if (!RestrictsValues) return true;
        var comparison = caseSensitiveValues ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (AllowedValues is { } values)
            foreach (var allowed in values)
                if (allowed.Contains('*')
                        ? (caseSensitiveValues ? Glob.IsMatch(allowed, value) : Glob.IsMatch(allowed.ToLowerInvariant(), value.ToLowerInvariant()))
                        : string.Equals(allowed, value, comparison))
                    return true;
        return Pattern is not null && Pattern.IsMatch(value);
    }

    /// <summary>How the allowed values read in a message: <c>one of [a, b]</c> or <c>matching ^x$</c>.</summary>
    public string DescribeAllowed()
    {
        var parts = new List<string>();
        if (AllowedValues is { Count: > 0 } values) parts.Add($"one of [{string.Join(", ", values)}]");
        if (Pattern is not null) parts.Add($"matching /{Pattern}/");
        return string.Join(" or ", parts);
    }
}
