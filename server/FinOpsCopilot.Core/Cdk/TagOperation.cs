using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// One <c>Tags.Of(scope).Add(key, value, props)</c> or <c>.Remove(key, props)</c>, with the CDK semantics of its
/// <c>TagProps</c>: priority (100 for Add, 200 for Remove by default), include and exclude resource types.
/// <see cref="Sequence"/> orders operations on the same scope as the app runs them.
/// </summary>
internal sealed record TagOperation(
    bool IsRemove,
    IacValue Key,
    IacValue? Value,
    int Priority,
    IReadOnlyList<string>? IncludeResourceTypes,
    IReadOnlyList<string>? ExcludeResourceTypes,
    string FilePath,
    int Sequence,
    string? UnknownProps = null)
{
    public const int AddPriority = 100;
    public const int RemovePriority = 200;

    /// <summary>Tags passed to an L1's props are the resource's initial tags, below any aspect.</summary>
    public const int InitialTagPriority = 50;

    public bool AppliesTo(string cfnType) =>
        (IncludeResourceTypes is not { Count: > 0 } include || include.Contains(cfnType))
        && (ExcludeResourceTypes is not { } exclude || !exclude.Contains(cfnType));
}
