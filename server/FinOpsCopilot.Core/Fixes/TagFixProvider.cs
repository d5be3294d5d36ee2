using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Turns tag findings into concrete fixes in the file's own syntax: add all missing tags (preferred) or each one,
/// replace an invalid value with an allowed one, rename a key to the required case, or ignore the rule here.
/// Like a Roslyn code-fix provider, it is separate from the rules that find the problems.
/// </summary>
public static class TagFixProvider
{
    private const int MaxValueChoices = 5;

    public static IReadOnlyList<CodeFix> FixesFor(IacDocument document, Finding finding, FinOpsPolicy policy)
    {
        var fixes = new List<CodeFix>();
        var resource = document.Resources.FirstOrDefault(r => r.Address == finding.ResourceAddress);
        if (TagEditors.For(document.Format) is not { } editor || resource is null) return fixes;
        var path = document.Path;
        switch (finding.RuleId)
        {
            case RuleCodes.TagMissing when finding.Fix?.Arguments.TryGetValue("keys", out var keyList) == true:
            {
                var keys = keyList.Split(", ");
                var names = editor.ParameterNames(document).ToList();
                var suggestions = keys.Select(k => TagValueSuggestion.For(k, document, names)).ToList();
                if (keys.Length > 1)
                    Add(fixes, $"Add missing tags {string.Join(", ", keys)}", path, editor.InsertTags(document, resource, suggestions), preferred: true);
                foreach (var s in suggestions)
                    Add(fixes, $"Add tag '{s.Key}'", path, editor.InsertTags(document, resource, [s]), preferred: keys.Length == 1);
                break;
            }
            case RuleCodes.TagValueInvalid when finding.Fix?.Arguments.TryGetValue("allowed", out var allowed) == true:
            {
                var key = finding.Fix.Arguments["key"];
                var choices = allowed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(MaxValueChoices).ToList();
                foreach (var value in choices)
                    if (editor.ReplaceValue(document, finding.Range, value) is { } edit)
                        Add(fixes, $"Set '{key}' to '{value}'", path, [edit], preferred: choices.Count == 1);
                break;
            }
            case RuleCodes.TagKeyCase when finding.Fix is { } fix:
                if (editor.RenameKey(document, finding.Range, fix.Arguments["to"]) is { } rename)
                    Add(fixes, $"Rename tag key '{fix.Arguments["from"]}' to '{fix.Arguments["to"]}'", path, [rename], preferred: true);
                break;
        }
        if (editor.IgnoreRule(document, resource, finding.RuleId) is { } ignore)
            Add(fixes, $"Ignore {finding.RuleId} for '{resource.Address}'", path, [ignore]);
        return fixes;
    }

    private static void Add(List<CodeFix> fixes, string title, string path, IReadOnlyList<Text.TextEdit> edits, bool preferred = false)
    {
        if (edits.Count > 0) fixes.Add(CodeFix.InFile(title, path, edits, preferred));
    }
}
