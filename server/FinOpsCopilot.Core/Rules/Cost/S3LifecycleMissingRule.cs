using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A bucket with no lifecycle rule keeps every object in its original storage class forever.</summary>
public sealed class S3LifecycleMissingRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.S3LifecycleMissing, "S3 bucket has no lifecycle rule",
        "Without lifecycle rules objects never move to cheaper storage classes or expire.", Severity.Info, "cost");

    protected override IReadOnlyList<string> ResourceTypes => S3BucketFacts.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        var facts = S3BucketFacts.Read(r);
        if (!facts.LifecycleKnown || facts.HasLifecycle) return;
        context.Report(Descriptor, r.Resource, r.Resource.NameRange,
            "Bucket has no lifecycle rule: objects stay in their storage class forever",
            new FixSuggestion("add-lifecycle-rule", "Add a lifecycle rule", new Dictionary<string, string> { ["rule"] = "transition-and-expiration" }));
    }
}
