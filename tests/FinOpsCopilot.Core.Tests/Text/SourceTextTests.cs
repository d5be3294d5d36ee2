using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb\nc")]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\rb\rc")]
    [InlineData("a\r\nb\nc")]
    public void Every_line_break_style_counts_as_one_line(string content)
    {
        var text = new SourceText("f", content);
        Assert.Equal(3, text.LineCount);
        Assert.Equal(new SourcePosition(2, 0), text.PositionAt(content.IndexOf('c')));
        Assert.Equal("b", text.LineText(1));
    }

    [Fact]
    public void Characters_are_utf16_code_units()
    {
        // "é" is one UTF-16 unit, "😀" two (a surrogate pair): LSP counts them the same way.
        var content = "é😀x";
        var text = new SourceText("f", content);
        Assert.Equal(new SourcePosition(0, 3), text.PositionAt(content.IndexOf('x')));
    }

    [Fact]
    public void Offsets_and_positions_round_trip()
    {
        var content = "line one\r\n\tindented ü\r\n\r\nlast";
        var text = new SourceText("f", content);
        for (int offset = 0; offset <= content.Length; offset++)
        {
            if (offset > 0 && content[offset - 1] == '\r' && offset < content.Length && content[offset] == '\n') continue;
            Assert.Equal(offset, text.OffsetAt(text.PositionAt(offset)));
        }
    }

    [Fact]
    public void Position_past_the_end_is_clamped()
    {
        var text = new SourceText("f", "ab\ncd");
        Assert.Equal(5, text.OffsetAt(new SourcePosition(9, 0)));
        Assert.Equal(2, text.OffsetAt(new SourcePosition(0, 99)));
    }

    [Fact]
    public void Newline_style_and_indentation_are_read_from_the_file()
    {
        var text = new SourceText("f", "a:\r\n\t  b: 1\r\n");
        Assert.Equal("\r\n", text.NewLine);
        Assert.Equal("\t  ", text.IndentationOf(1));
    }
}
