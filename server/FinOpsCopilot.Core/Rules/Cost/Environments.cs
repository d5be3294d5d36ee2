using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>Tells non-production resources apart, from an environment tag or, without one, from the words of the resource name.</summary>
public static class Environments
{
    /// <summary>The non-production environment the resource belongs to, or null when it is production or cannot be told.</summary>
    public static string? NonProduction(IacResource resource, CostPolicy policy)
    {
        foreach (var key in policy.EnvironmentTags)
            if (resource.FindTag(key, StringComparison.OrdinalIgnoreCase) is { } tag)
                return tag.Value is { } v && IsNonProduction(v, policy) ? v : null;
        foreach (var word in Words(resource.Name))
            if (IsNonProduction(word, policy)) return word;
        return null;
    }

    private static bool IsNonProduction(string value, CostPolicy policy) =>
        policy.NonProductionEnvironments.Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>"DevDatabase", "db-staging_1" → Dev, Database / db, staging, 1.</summary>
    public static IEnumerable<string> Words(string name)
    {
        int start = 0;
        for (int i = 1; i <= name.Length; i++)
        {
            bool boundary = i == name.Length || !char.IsLetterOrDigit(name[i]) || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary) continue;
            var word = name[start..i].Trim('-', '_', '.', ' ', '[', ']', '"');
            if (word.Length > 0) yield return word;
            start = i < name.Length && !char.IsLetterOrDigit(name[i]) ? i + 1 : i;
        }
    }
}
