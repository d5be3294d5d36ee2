using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>What an inserted tag's value should be: a reference to a parameter/variable, or a literal.</summary>
public sealed record TagValueSuggestion(string Key, string Literal, string? Reference = null)
{
    /// <summary>
    /// Suggests a value from the file itself, never an invented one: a parameter named like the key, else the one
    /// literal value every other resource of the file uses for that key, else an empty value to fill in.
    /// </summary>
    public static TagValueSuggestion For(string key, IacDocument document, IEnumerable<string> parameterNames)
    {
        var parameter = parameterNames.FirstOrDefault(p => Normalize(p) == Normalize(key));
        if (parameter is not null) return new TagValueSuggestion(key, "", parameter);
        var values = document.Resources.SelectMany(r => r.Tags).Where(t => t.Key == key && t.Value is { Length: > 0 })
            .Select(t => t.Value!).Distinct().Take(2).ToList();
        return new TagValueSuggestion(key, values.Count == 1 ? values[0] : "");
    }

    /// <summary>"CostCenter", "cost_center", "var.cost-center" all name the same thing.</summary>
    private static string Normalize(string name)
    {
        var bare = name.StartsWith("var.", StringComparison.Ordinal) ? name[4..] : name;
        return new string(bare.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }
}
