using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Rules;

/// <summary>Another place a finding concerns, e.g. the provider block a default tag comes from.</summary>
public sealed record RelatedLocation(string FilePath, SourceRange Range, string Message);

/// <summary>
/// What a fix would do, described as data so the language server and CLI can each present it:
/// a kind (<c>add-tags</c>, <c>replace-value</c>…), a title, and arguments such as the tag keys to add.
/// </summary>
public sealed record FixSuggestion(string Kind, string Title, IReadOnlyDictionary<string, string> Arguments);

/// <summary>One result of the analysis, tied to an exact place in a file and, usually, to a resource.</summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string Message,
    string FilePath,
    SourceRange Range,
    string? ResourceAddress)
{
    /// <summary>The estimated monthly saving in USD of acting on the finding, when a cost rule can say.</summary>
    public decimal? MonthlySaving { get; init; }

    public FixSuggestion? Fix { get; init; }

    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];
}
