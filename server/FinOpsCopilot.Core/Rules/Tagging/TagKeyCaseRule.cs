using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules.Tagging;

/// <summary>A tag key differs from a required key only in case; AWS treats them as different keys.</summary>
public sealed class TagKeyCaseRule : ResourceRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.TagKeyCase, "Tag key case differs",
        "A tag key matches a required key except for letter case. AWS tag keys are case-sensitive, so cost allocation reports treat it as a different key.",
        Severity.Warning, "tagging");

    public override void Analyze(IacResource resource, RuleContext context)
    {
        var policy = context.Policy.Tags;
        if (!TagRuleScope.InScope(resource, policy)) return;
        foreach (var required in policy.Required)
        {
            if (TagRuleScope.FindCaseVariant(resource, required.Key, policy) is not { } tag) continue;
            context.Report(Descriptor, resource, TagRuleScope.At(tag, tag.KeyRange, resource),
                $"Tag key '{tag.Key}' of {TagRuleScope.Describe(resource)} differs from the required key '{required.Key}' only in case",
                new FixSuggestion("rename-tag-key", $"Rename '{tag.Key}' to '{required.Key}'",
                    new Dictionary<string, string> { ["from"] = tag.Key, ["to"] = required.Key }),
                TagRuleScope.Origin(tag, resource));
        }
    }
}
