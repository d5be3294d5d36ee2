using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>
/// One token: its kind and where it is in the source (no text copied). <see cref="Strip"/> marks a <c>~</c>
/// on a template sequence start or end.
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, bool Strip = false)
{
    public SourceSpan Span => new(Start, End);
    public int Length => End - Start;
}
