namespace FinOpsCopilot.Core.Text;

/// <summary>A half-open range of UTF-16 offsets into a source string.</summary>
public readonly record struct SourceSpan(int Start, int End)
{
    public int Length => End - Start;

    public static SourceSpan Between(SourceSpan first, SourceSpan last) => new(first.Start, last.End);

    public override string ToString() => $"[{Start}..{End})";
}
