using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A versioned bucket without noncurrent-version expiration keeps every overwritten or deleted object version forever.</summary>
public sealed class S3NoncurrentVersionExpirationMissingRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.S3NoncurrentVersionExpirationMissing, "Versioned bucket keeps old versions forever",
        "Versioning is enabled but no lifecycle rule expires noncurrent versions, so every overwrite and delete adds billed storage.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => S3BucketFacts.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        var facts = S3BucketFacts.Read(r);
        if (facts.Versioned != true || !facts.LifecycleKnown || facts.ExpiresNoncurrent) return;
        context.Report(Descriptor, r.Resource, r.Resource.NameRange,
            "Versioning is enabled but noncurrent versions never expire: old versions are billed forever",
            new FixSuggestion("add-lifecycle-rule", "Expire noncurrent versions after 90 days",
                new Dictionary<string, string> { ["rule"] = "noncurrent-version-expiration", ["days"] = "90" }));
    }
}
