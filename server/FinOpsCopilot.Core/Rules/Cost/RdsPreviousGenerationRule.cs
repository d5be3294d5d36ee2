using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A DB instance of a previous-generation class (db.t2, db.m4, db.r4…): the current class of the same size is faster and usually cheaper.</summary>
public sealed class RdsPreviousGenerationRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.RdsPreviousGeneration, "Previous-generation DB instance class",
        "The DB instance class is of a previous generation; the current-generation class of the same size gives better price-performance.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => RdsInstance.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        if (RdsInstance.Read(r) is not { } db || db.Class.Text is not { } cls) return;
        if (InstanceFamilies.Equivalent(cls, InstanceFamilies.RdsPreviousGeneration) is not { } target) return;
        var prices = Prices(context, r);
        var saving = Saving(Monthly(prices, db.Sku(cls), Billing.HoursPerMonth), Monthly(prices, db.Sku(target), Billing.HoursPerMonth));
        context.Report(Descriptor, r.Resource, At(r, db.Class),
            $"{cls} is a previous-generation class: use {target}" + (saving is null ? "" : $"; saving {Money(saving)}"),
            Replace(db.Terraform ? "instance_class" : "DBInstanceClass", cls, target, $"Change to {target}"), saving: saving);
    }
}
