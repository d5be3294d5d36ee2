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

    public static IReadOnlyList<CodeFix> FixesFor(IacDocument document, Finding finding, FinOpsPolicy policy) =>
        FixesFor(FixContext.InDocument(document, finding, policy));

    public static IReadOnlyList<CodeFix> FixesFor(FixContext context)
    {
        var fixes = new List<CodeFix>();
        var finding = context.Finding;
        var resource = context.Resource;
        var resourceDocument = context.ResourceDocument;
        switch (finding.RuleId)
        {
            case RuleCodes.TagMissing when finding.Fix?.Arguments.TryGetValue("keys", out var keyList) == true
                                           && resource is not null && TagEditors.For(resourceDocument!.Format) is { } editor:
            {
                var keys = keyList.Split(", ");
                var names = editor.ParameterNames(resourceDocument).ToList();
                var suggestions = keys.Select(k => TagValueSuggestion.For(k, resourceDocument, names)).ToList();
                var path = resourceDocument.Path;
                if (keys.Length > 1)
                    Add(fixes, $"Add missing tags {string.Join(", ", keys)}", path, editor.InsertTags(resourceDocument, resource, suggestions), preferred: true);
                foreach (var s in suggestions)
                    Add(fixes, $"Add tag '{s.Key}'", path, editor.InsertTags(resourceDocument, resource, [s]), preferred: keys.Length == 1);
                if (editor is TerraformTagEditor terraform && ProviderDocument(context, resource) is { } provider)
                    Add(fixes, $"Add {string.Join(", ", keys)} to the AWS provider's default_tags", provider.Path, terraform.InsertDefaultTags(provider, suggestions));
                if (editor is CdkCSharpTagEditor cdk && cdk.InsertStackTags(resource, suggestions, p => context.DocumentAt?.Invoke(p), resourceDocument) is { } stackFix)
                    fixes.Add(stackFix);
                break;
            }
            case RuleCodes.TagValueInvalid when finding.Fix?.Arguments.TryGetValue("allowed", out var allowed) == true
                                                && TagEditors.For(context.FindingDocument.Format) is { } editor:
            {
                var key = finding.Fix.Arguments["key"];
                var choices = allowed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(MaxValueChoices).ToList();
                foreach (var value in choices)
                    if (editor.ReplaceValue(context.FindingDocument, finding.Range, value) is { } edit)
                        Add(fixes, $"Set '{key}' to '{value}'", finding.FilePath, [edit], preferred: choices.Count == 1);
                break;
            }
            case RuleCodes.TagKeyCase when finding.Fix is { } fix && TagEditors.For(context.FindingDocument.Format) is { } editor:
                if (editor.RenameKey(context.FindingDocument, finding.Range, fix.Arguments["to"]) is { } rename)
                    Add(fixes, $"Rename tag key '{fix.Arguments["from"]}' to '{fix.Arguments["to"]}'", finding.FilePath, [rename], preferred: true);
                break;
        }
        if (resource is not null && TagEditors.For(resourceDocument!.Format) is { } ignoring
            && ignoring.IgnoreRule(resourceDocument, resource, finding.RuleId) is { } ignore)
            Add(fixes, $"Ignore {finding.RuleId} for '{resource.Address}'", resourceDocument.Path, [ignore]);
        return fixes;
    }

    /// <summary>The file with the AWS provider block a Terraform resource takes its default tags from.</summary>
    private static IacDocument? ProviderDocument(FixContext context, IacResource resource)
    {
        var declared = resource.Tags.FirstOrDefault(t => t.Source == TagSource.ProviderDefault)?.DeclaredIn;
        if (declared is not null) return declared == context.ResourceDocument!.Path ? context.ResourceDocument : context.DocumentAt?.Invoke(declared);
        var directory = Path.GetDirectoryName(resource.FilePath) ?? "";
        foreach (var name in new[] { "providers.tf", "provider.tf", "versions.tf", "main.tf" })
        {
            var path = Path.Combine(directory, name);
            var doc = path == context.ResourceDocument!.Path ? context.ResourceDocument : context.DocumentAt?.Invoke(path);
            if (doc is not null && doc.Text.Content.Contains("provider \"aws\"", StringComparison.Ordinal)) return doc;
        }
        return null;
    }

    private static void Add(List<CodeFix> fixes, string title, string path, IReadOnlyList<Text.TextEdit> edits, bool preferred = false)
    {
        if (edits.Count > 0) fixes.Add(CodeFix.InFile(title, path, edits, preferred));
    }
}
