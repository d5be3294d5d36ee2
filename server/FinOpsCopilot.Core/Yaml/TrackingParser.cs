using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FinOpsCopilot.Core.Yaml;

/// <summary>
/// A YamlDotNet parser that remembers where the last good event ended. YamlDotNet reports some syntax errors
/// (an unclosed flow collection before a plain scalar) as <see cref="InvalidOperationException"/> with no position;
/// this gives them one.
/// </summary>
public sealed class TrackingParser(TextReader input) : IParser
{
    private readonly Parser _inner = new(input);

    public Mark LastEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        bool moved = _inner.MoveNext();
        if (moved && _inner.Current is { } e) LastEnd = e.End;
        return moved;
    }

    /// <summary>The one-line reason for a YamlDotNet failure, and where it happened.</summary>
    public (Mark Start, Mark End, string Reason) Describe(Exception e) => e switch
    {
        YamlException y => (y.Start, y.End, StripMark(y.Message)),
        _ => (LastEnd, LastEnd, "unexpected content after this point (an unclosed '[', '{' or quote?)"),
    };

    /// <summary>Whether a failure is one of YamlDotNet's syntax errors rather than a bug of ours.</summary>
    public static bool IsSyntaxError(Exception e) => e is YamlException or InvalidOperationException;

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): "; our ranges say that already.
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }
}
