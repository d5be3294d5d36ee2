using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// Finds a construct id in the source of a CDK app written in a language the reader does not parse (TypeScript,
/// JavaScript, Python, Java, Go) as a string literal: <c>"WebServer"</c> or <c>'WebServer'</c>. Only an id that
/// occurs exactly once in the whole app is a location; an ambiguous one is none.
/// </summary>
internal sealed class SourceIdLocator(IReadOnlyList<SourceText> sources)
{
    public static readonly string[] Extensions = [".ts", ".js", ".mjs", ".py", ".java", ".go"];

    private readonly Dictionary<string, List<(SourceText Text, SourceRange Range)>> _cache = new(StringComparer.Ordinal);

    public static bool IsSource(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !path.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase);

    /// <summary>The one place a construct of this path is declared: its id, else its nearest ancestor's, when unambiguous.</summary>
    public (SourceText Text, SourceRange Range, string Id)? Locate(string constructPath)
    {
        var segments = constructPath.Split('/');
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            var hits = Occurrences(segments[i]);
            if (hits.Count == 1) return (hits[0].Text, hits[0].Range, segments[i]);
            if (hits.Count > 1) return null;
        }
        return null;
    }

    private List<(SourceText Text, SourceRange Range)> Occurrences(string id)
    {
        if (_cache.TryGetValue(id, out var hits)) return hits;
        hits = [];
        if (id.Length > 0 && id != "Resource" && id != "Default")
        {
            var pattern = new Regex("([\"'`])" + Regex.Escape(id) + "\\1", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (var text in sources)
                foreach (Match m in pattern.Matches(text.Content))
                    hits.Add((text, text.RangeOf(m.Index, m.Index + m.Length)));
        }
        return _cache[id] = hits;
    }
}
