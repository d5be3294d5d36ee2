using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>
/// Where a resource's own tags are written, or where they would be inserted when it has none.
/// <see cref="Range"/> is the tags value when present; <see cref="InsertionAnchor"/> is the body that would hold it.
/// </summary>
public sealed record TagContainer(
    string PropertyName,
    TagShape Shape,
    SourceRange? KeyRange,
    SourceRange? Range,
    SourceRange InsertionAnchor)
{
    /// <summary>Code-defined resources (CDK): the statement that tags this construct, and the one that tags its whole stack.</summary>
    public TagStatementTarget? Construct { get; init; }

    public TagStatementTarget? Stack { get; init; }
}
