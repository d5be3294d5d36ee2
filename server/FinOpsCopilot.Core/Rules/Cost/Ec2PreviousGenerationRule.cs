using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>An instance type of a previous generation (t2, m4, c4, r4…): the current family of the same size is faster and usually cheaper.</summary>
public sealed class Ec2PreviousGenerationRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.Ec2PreviousGeneration, "Previous-generation instance type",
        "The instance type is of a previous generation; the current-generation type of the same size gives better price-performance.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => Ec2InstanceTypes.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        var (input, property) = Ec2InstanceTypes.Of(r);
        if (input.Text is not { } type || InstanceFamilies.Equivalent(type, InstanceFamilies.Ec2PreviousGeneration) is not { } target) return;
        var prices = Prices(context, r);
        if (prices is not null && prices.Find($"ec2/{target}") is null) return;
        var saving = Saving(Monthly(prices, $"ec2/{type}", Billing.HoursPerMonth), Monthly(prices, $"ec2/{target}", Billing.HoursPerMonth));
        context.Report(Descriptor, r.Resource, At(r, input),
            $"{type} is a previous-generation type: use {target}" + (saving is null ? "" : $"; saving {Money(saving)} per instance"),
            Replace(property, type, target, $"Change to {target}"), saving: saving);
    }
}
