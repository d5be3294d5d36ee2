using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Estimators;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A Multi-AZ DB instance in a non-production environment pays twice for availability it rarely needs.</summary>
public sealed class RdsMultiAzNonProductionRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.RdsMultiAzNonProduction, "Multi-AZ database outside production",
        "A Multi-AZ DB instance in a non-production environment (by its environment tag or name, see the cost: policy) doubles instance and storage cost.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::RDS::DBInstance", "aws_db_instance"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        if (RdsInstance.Read(r) is not { } db || !db.IsMultiAz || RdsEngines.IsAurora(db.Engine)) return;
        if (Environments.NonProduction(r.Resource, context.Policy.Cost) is not { } environment) return;
        var prices = Prices(context, r);
        decimal? saving = null;
        if (db.Class.Text is { } cls)
        {
            decimal? before = Monthly(prices, db.Sku(cls, "multi-az"), Billing.HoursPerMonth);
            decimal? after = Monthly(prices, db.Sku(cls, "single-az"), Billing.HoursPerMonth);
            var storage = db.StorageType.Text ?? (db.Iops.IsAbsent ? "gp2" : "io1");
            if (db.Storage.Number is { } gb && storage is "gp2" or "gp3" or "io1" or "io2")
            {
                before += Monthly(prices, $"rds-storage/{storage}_multi_az", gb);
                after += Monthly(prices, $"rds-storage/{storage}_single_az", gb);
            }
            saving = Saving(before, after);
        }
        var name = db.Terraform ? "multi_az" : "MultiAZ";
        context.Report(Descriptor, r.Resource, At(r, db.MultiAz),
            $"Multi-AZ database in the '{environment}' environment: Single-AZ halves its cost" + (saving is null ? "" : $"; saving {Money(saving)}"),
            Replace(name, "true", "false", "Use a Single-AZ deployment"), saving: saving);
    }
}
