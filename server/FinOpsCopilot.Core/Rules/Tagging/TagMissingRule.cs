using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules.Tagging;

/// <summary>A resource lacks one or more tag keys the policy requires. Unknown tags count as present.</summary>
public sealed class TagMissingRule : ResourceRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.TagMissing, "Required tag missing",
        "A taggable resource lacks a tag key that the policy requires, so its cost cannot be allocated.", Severity.Error, "tagging");

    public override void Analyze(IacResource resource, RuleContext context)
    {
        var policy = context.Policy.Tags;
        if (!TagRuleScope.InScope(resource, policy) || resource.UnknownTagsReason is not null) return;
        var missing = policy.Required
            .Where(r => TagRuleScope.Find(resource, r.Key, policy) is null && TagRuleScope.FindCaseVariant(resource, r.Key, policy) is null)
            .Select(r => r.Key)
            .ToList();
        if (missing.Count == 0) return;
        var keys = string.Join(", ", missing);
        var noun = missing.Count == 1 ? "tag" : "tags";
        context.Report(Descriptor, resource, resource.NameRange,
            $"{TagRuleScope.Describe(resource)} is missing required {noun}: {keys}",
            new FixSuggestion("add-tags", $"Add {noun} {keys}", new Dictionary<string, string> { ["keys"] = keys }));
    }
}
