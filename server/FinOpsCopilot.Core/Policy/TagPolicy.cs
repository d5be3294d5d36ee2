namespace FinOpsCopilot.Core.Policy;

/// <summary>The tagging part of a policy: which keys are required, on which resources, and how strictly.</summary>
public sealed class TagPolicy
{
    public IReadOnlyList<RequiredTag> Required { get; init; } = [];

    /// <summary>Whether <c>costcenter</c> and <c>CostCenter</c> are different keys (AWS treats them so).</summary>
    public bool CaseSensitiveKeys { get; init; } = true;

    /// <summary>Whether allowed values compare case-sensitively.</summary>
    public bool CaseSensitiveValues { get; init; } = true;

    /// <summary>Resource types the policy applies to (globs allowed); empty means every taggable type.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    public IReadOnlyList<string> ExemptTypes { get; init; } = [];

    /// <summary>Globs matched against a resource's name or address.</summary>
    public IReadOnlyList<string> ExemptResources { get; init; } = [];

    public bool AppliesToType(string type) =>
        (AppliesTo.Count == 0 || AppliesTo.Any(p => Glob.IsMatch(p, type)))
        && !ExemptTypes.Any(p => Glob.IsMatch(p, type));

    public bool IsExempt(string name, string address) =>
        ExemptResources.Any(p => Glob.IsMatch(p, name) || Glob.IsMatch(p, address));
}
