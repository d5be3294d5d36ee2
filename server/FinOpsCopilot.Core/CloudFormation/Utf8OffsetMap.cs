namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// Maps UTF-8 byte offsets (what System.Text.Json reports) to UTF-16 offsets (what positions count) in one forward pass;
/// lookups are expected in increasing order and restart from the beginning otherwise.
/// </summary>
internal sealed class Utf8OffsetMap(string text)
{
    private long _byte;
    private int _char;

    public int CharOffset(long byteOffset)
    {
        if (byteOffset < _byte) { _byte = 0; _char = 0; }
        while (_byte < byteOffset && _char < text.Length)
        {
            char c = text[_char];
            if (c < 0x80) { _byte += 1; _char += 1; }
            else if (c < 0x800) { _byte += 2; _char += 1; }
            else if (char.IsHighSurrogate(c) && _char + 1 < text.Length && char.IsLowSurrogate(text[_char + 1])) { _byte += 4; _char += 2; }
            else { _byte += 3; _char += 1; }
        }
        return _char;
    }
}
