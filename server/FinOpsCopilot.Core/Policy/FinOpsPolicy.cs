using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Policy;

/// <summary>
/// A project's FinOps policy, read from <c>.finops.yml</c>: its tag policy and per-rule severities.
/// <see cref="Empty"/> applies when no policy file is found: every rule at its default level, no required tags.
/// </summary>
public sealed class FinOpsPolicy
{
    public static readonly FinOpsPolicy Empty = new();

    /// <summary>The file the policy was read from, or null for the empty policy.</summary>
    public string? SourcePath { get; init; }

    public TagPolicy Tags { get; init; } = new();

    /// <summary>Severity overrides by rule code; a null value turns the rule off.</summary>
    public IReadOnlyDictionary<string, Severity?> RuleLevels { get; init; } = new Dictionary<string, Severity?>();

    /// <summary>The region estimates use when the code names none.</summary>
    public string? Region { get; init; }

    /// <summary>Usage assumptions for usage-based cost components (docs/usage.md).</summary>
    public UsagePolicy Usage { get; init; } = UsagePolicy.Empty;

    /// <summary>How cost rules recognise non-production resources.</summary>
    public CostPolicy Cost { get; init; } = CostPolicy.Default;
}
