using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>An x86 instance type with a Graviton (arm64) equivalent: cheaper when the workload runs on arm64 (info only: the AMI must change too).</summary>
public sealed class Ec2GravitonRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.Ec2Graviton, "Graviton instance type available",
        "A Graviton (arm64) type of the same size costs less; switch when the AMI and software support arm64.",
        Severity.Info, "cost");

    protected override IReadOnlyList<string> ResourceTypes => Ec2InstanceTypes.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        var (input, property) = Ec2InstanceTypes.Of(r);
        if (input.Text is not { } type || InstanceFamilies.Equivalent(type, InstanceFamilies.Ec2Graviton) is not { } target) return;
        var prices = Prices(context, r);
        if (prices?.Find($"ec2/{target}") is null) return;
        var saving = Saving(Monthly(prices, $"ec2/{type}", Billing.HoursPerMonth), Monthly(prices, $"ec2/{target}", Billing.HoursPerMonth));
        if (saving is null) return;
        context.Report(Descriptor, r.Resource, At(r, input),
            $"{type} has a Graviton equivalent, {target}, if the workload runs on arm64; saving {Money(saving)} per instance",
            Replace(property, type, target, $"Change to {target} (arm64 AMI required)"), saving: saving);
    }
}
