using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>An x86 DB instance class with a Graviton (arm64) equivalent priced for the same engine: RDS runs it with no application change.</summary>
public sealed class RdsGravitonRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.RdsGraviton, "Graviton DB instance class available",
        "A Graviton (arm64) class of the same size runs the same engine for less; the engine version must support it.",
        Severity.Info, "cost");

    protected override IReadOnlyList<string> ResourceTypes => RdsInstance.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        if (RdsInstance.Read(r) is not { } db || db.Class.Text is not { } cls) return;
        if (InstanceFamilies.Equivalent(cls, InstanceFamilies.RdsGraviton) is not { } target) return;
        var prices = Prices(context, r);
        // Only suggest a class the catalog prices for this engine and deployment: that is where Graviton is offered.
        if (prices?.Find(db.Sku(target)) is null) return;
        var saving = Saving(Monthly(prices, db.Sku(cls), Billing.HoursPerMonth), Monthly(prices, db.Sku(target), Billing.HoursPerMonth));
        context.Report(Descriptor, r.Resource, At(r, db.Class),
            $"{cls} has a Graviton equivalent, {target}" + (saving is null ? "" : $"; saving {Money(saving)}"),
            Replace(db.Terraform ? "instance_class" : "DBInstanceClass", cls, target, $"Change to {target}"), saving: saving);
    }
}
