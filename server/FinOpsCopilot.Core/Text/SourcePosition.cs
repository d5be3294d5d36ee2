namespace FinOpsCopilot.Core.Text;

/// <summary>A zero-based line and UTF-16 character offset within that line, exactly as LSP counts them.</summary>
public readonly record struct SourcePosition(int Line, int Character) : IComparable<SourcePosition>
{
    public int CompareTo(SourcePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"{Line + 1}:{Character + 1}";
}
