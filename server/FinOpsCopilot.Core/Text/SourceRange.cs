namespace FinOpsCopilot.Core.Text;

/// <summary>A half-open range [Start, End) in a source file, zero-based like LSP.</summary>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    public static SourceRange Empty(SourcePosition at) => new(at, at);

    public bool Contains(SourcePosition p) => p.CompareTo(Start) >= 0 && p.CompareTo(End) <= 0;

    public override string ToString() => $"{Start}-{End}";
}
