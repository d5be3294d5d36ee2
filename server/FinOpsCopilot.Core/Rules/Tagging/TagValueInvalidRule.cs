using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules.Tagging;

/// <summary>A required tag has a literal value the policy does not allow. Values known only at deploy time are not judged.</summary>
public sealed class TagValueInvalidRule : ResourceRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.TagValueInvalid, "Tag value not allowed",
        "A required tag has a value outside the policy's allowed values or pattern, or is empty.", Severity.Error, "tagging");

    public override void Analyze(IacResource resource, RuleContext context)
    {
        var policy = context.Policy.Tags;
        if (!TagRuleScope.InScope(resource, policy)) return;
        foreach (var required in policy.Required)
        {
            if (TagRuleScope.Find(resource, required.Key, policy) is not { Value: { } value } tag) continue;
            string? problem = string.IsNullOrWhiteSpace(value) ? "is empty"
                : required.Allows(value, policy.CaseSensitiveValues) ? null
                : $"has value '{value}', not {required.DescribeAllowed()}";
            if (problem is null) continue;
            var args = new Dictionary<string, string> { ["key"] = tag.Key };
            if (required.AllowedValues is { Count: > 0 } allowed) args["allowed"] = string.Join("\n", allowed.Where(a => !a.Contains('*')));
            context.Report(Descriptor, resource, TagRuleScope.At(tag, tag.ValueRange, resource),
                $"Tag '{tag.Key}' of {TagRuleScope.Describe(resource)} {problem}",
                new FixSuggestion("replace-tag-value", $"Replace the value of '{tag.Key}'", args),
                TagRuleScope.Origin(tag, resource));
        }
    }
}
