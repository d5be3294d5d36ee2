using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Edits tags in one IaC syntax, in the file's own style (indentation, flow or block, line breaks).
/// Each method returns no edits when it cannot edit safely (e.g. tags shared through a YAML alias).
/// </summary>
public interface ITagEditor
{
    IReadOnlyList<TextEdit> InsertTags(IacDocument document, IacResource resource, IReadOnlyList<TagValueSuggestion> tags);

    TextEdit? ReplaceValue(IacDocument document, SourceRange valueRange, string value);

    TextEdit? RenameKey(IacDocument document, SourceRange keyRange, string key);

    /// <summary>An inline <c>finops:ignore</c> comment for the resource, or null where the syntax has no comments.</summary>
    TextEdit? IgnoreRule(IacDocument document, IacResource resource, string ruleId);

    /// <summary>Names a tag value may refer to (template parameters, Terraform variables).</summary>
    IEnumerable<string> ParameterNames(IacDocument document);
}
