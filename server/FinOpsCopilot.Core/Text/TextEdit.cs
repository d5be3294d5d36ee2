namespace FinOpsCopilot.Core.Text;

/// <summary>Replace the text in <see cref="Range"/> with <see cref="NewText"/> (an insertion when the range is empty).</summary>
public readonly record struct TextEdit(SourceRange Range, string NewText)
{
    public static TextEdit Insert(SourcePosition at, string text) => new(SourceRange.Empty(at), text);

    /// <summary>Applies non-overlapping edits to a text, last first so earlier ranges stay valid.</summary>
    public static string Apply(string content, IEnumerable<TextEdit> edits)
    {
        var text = new SourceText("", content);
        var sorted = edits.Select(e => (Start: text.OffsetAt(e.Range.Start), End: text.OffsetAt(e.Range.End), e.NewText))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ToList();
        var sb = new System.Text.StringBuilder(content);
        foreach (var (start, end, newText) in sorted) sb.Remove(start, end - start).Insert(start, newText);
        return sb.ToString();
    }
}
