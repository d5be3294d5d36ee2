using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>Incomplete multipart uploads are stored and billed until aborted; Trusted Advisor checks for a rule that aborts them.</summary>
public sealed class S3AbortIncompleteMultipartMissingRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.S3AbortIncompleteMultipartMissing, "S3 bucket keeps incomplete multipart uploads",
        "No lifecycle rule aborts incomplete multipart uploads, so their parts are billed as storage indefinitely.", Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => S3BucketFacts.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        var facts = S3BucketFacts.Read(r);
        if (!facts.LifecycleKnown || facts.AbortsMultipart) return;
        context.Report(Descriptor, r.Resource, r.Resource.NameRange,
            "No lifecycle rule aborts incomplete multipart uploads: their parts are billed until deleted",
            new FixSuggestion("add-lifecycle-rule", "Abort incomplete multipart uploads after 7 days",
                new Dictionary<string, string> { ["rule"] = "abort-incomplete-multipart-upload", ["days"] = "7" }));
    }
}
