namespace FinOpsCopilot.Core.Text;

/// <summary>
/// The text of one source file with its line starts, so that offsets map to LSP positions and back.
/// Lines end at "\n", "\r\n" or a lone "\r", as LSP defines; characters are UTF-16 code units.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string content)
    {
        Path = path;
        Content = content;
        _lineStarts = ComputeLineStarts(content);
    }

    public string Path { get; }
    public string Content { get; }
    public int Length => Content.Length;
    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The line's text without its line break.</summary>
    public string LineText(int line)
    {
        int start = LineStart(line);
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Content.Length;
        while (end > start && (Content[end - 1] == '\n' || Content[end - 1] == '\r')) end--;
        return Content[start..end];
    }

    public SourcePosition PositionAt(int offset)
    {
        offset = Math.Clamp(offset, 0, Content.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        // An offset between "\r" and "\n" belongs to the end of the line, never to a phantom character.
        return new SourcePosition(line, offset - _lineStarts[line]);
    }

    public SourceRange RangeOf(SourceSpan span) => new(PositionAt(span.Start), PositionAt(span.End));

    public SourceRange RangeOf(int start, int end) => new(PositionAt(start), PositionAt(end));

    public int OffsetAt(SourcePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return Content.Length;
        int start = _lineStarts[position.Line];
        int lineEnd = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : Content.Length;
        // A character past the end of the line means the end of the line (LSP), never the next line.
        while (lineEnd > start && (Content[lineEnd - 1] == '\n' || Content[lineEnd - 1] == '\r')) lineEnd--;
        return Math.Min(start + Math.Max(0, position.Character), lineEnd);
    }

    /// <summary>The leading spaces and tabs of a line, for edits that must match the file's indentation.</summary>
    public string IndentationOf(int line)
    {
        int start = LineStart(line);
        int i = start;
        while (i < Content.Length && (Content[i] == ' ' || Content[i] == '\t')) i++;
        return Content[start..i];
    }

    /// <summary>The line break this file uses most ("\r\n" when its first break is one).</summary>
    public string NewLine
    {
        get
        {
            int n = Content.IndexOf('\n');
            return n > 0 && Content[n - 1] == '\r' ? "\r\n" : "\n";
        }
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 32)) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
