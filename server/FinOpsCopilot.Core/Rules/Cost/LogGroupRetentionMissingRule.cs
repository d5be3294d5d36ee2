using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A log group without a retention period keeps (and bills) every log event forever.</summary>
public sealed class LogGroupRetentionMissingRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.LogGroupRetentionMissing, "Log group keeps logs forever",
        "Without a retention period CloudWatch Logs never expires log events, so stored-data charges only grow.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::Logs::LogGroup", "aws_cloudwatch_log_group"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        var name = IsTerraform(r) ? "retention_in_days" : "RetentionInDays";
        var retention = r.Get(name);
        if (!retention.IsAbsent && retention.Number is not 0) return;
        context.Report(Descriptor, r.Resource, At(r, retention), "Log group has no retention period: logs are kept and billed forever",
            AddProperty(name, "30", $"Set {name}"));
    }
}
