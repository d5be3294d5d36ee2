using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Analysis;

/// <summary>
/// Finds <c># finops:ignore code[, code]</c> (or <c>// finops:ignore</c>) comments. A comment on the line above a
/// resource or anywhere inside it suppresses those rules for that resource; <c>finops:ignore all</c> suppresses every rule.
/// </summary>
public sealed partial class InlineSuppressions
{
    private readonly SortedList<int, string[]> _byLine = [];

    private InlineSuppressions() { }

    public static InlineSuppressions Scan(SourceText text)
    {
        var result = new InlineSuppressions();
        if (!text.Content.Contains("finops:ignore", StringComparison.Ordinal)) return result;
        foreach (Match m in Pattern().Matches(text.Content))
        {
            var codes = m.Groups[1].Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            result._byLine[text.PositionAt(m.Index).Line] = codes;
        }
        return result;
    }

    public IReadOnlySet<string> For(SourceRange resourceRange)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, lineCodes) in _byLine)
            if (line >= resourceRange.Start.Line - 1 && line <= resourceRange.End.Line)
                codes.UnionWith(lineCodes);
        return codes;
    }

    [GeneratedRegex(@"(?:#|//)\s*finops:ignore[ \t]+([a-z0-9][a-z0-9, \t-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
