using System.Text.RegularExpressions;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// Decides from a file's text whether it may be a CloudFormation template, before parsing it.
/// It must never miss a template (JSON without <c>AWSTemplateFormatVersion</c>, a <c>.template</c> file), so it
/// errs on the side of "maybe"; the reader then confirms from the parsed structure.
/// </summary>
public static partial class TemplateDetector
{
    public static bool MayBeTemplate(string content) =>
        content.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal)
        || content.Contains("AWS::Serverless-2016-10-31", StringComparison.Ordinal)
        || (content.Contains("Resources", StringComparison.Ordinal) && ResourceType().IsMatch(content));

    /// <summary>True when the text is JSON rather than YAML: its first significant character opens an object.</summary>
    public static bool IsJson(string path, string content)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return true;
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (char c in content)
        {
            if (c == '\uFEFF' || char.IsWhiteSpace(c)) continue;
            return c == '{';
        }
        return false;
    }

    [GeneratedRegex(@"[""']?Type[""']?\s*:\s*[""']?[A-Za-z0-9]+::[A-Za-z0-9]+")]
    private static partial Regex ResourceType();
}
