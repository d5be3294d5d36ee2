using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Estimators;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// RDS gp2 storage (set, or the API default when no IOPS are given) can move to gp3, which includes a 3,000 IOPS
/// baseline (12,000 from 400 GB) independent of size. The per-GB price is the same in most regions, so the saving is
/// that of a smaller volume no longer sized for IOPS; the rule reports it only when the catalog shows one.
/// </summary>
public sealed class RdsGp2ToGp3Rule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.RdsGp2ToGp3, "RDS storage can move from gp2 to gp3",
        "gp3 storage decouples IOPS and throughput from size and includes a 3,000 IOPS baseline; gp2 volumes are often over-sized just for IOPS.",
        Severity.Info, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::RDS::DBInstance", "aws_db_instance"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        if (RdsInstance.Read(r) is not { } db || RdsEngines.IsAurora(db.Engine)) return;
        var type = db.StorageType.Text ?? (db.StorageType.IsAbsent && db.Iops.IsAbsent ? "gp2" : null);
        if (type != "gp2") return;
        decimal? saving = null;
        if (db.Storage.Number is { } gb && Prices(context, r) is { } prices)
        {
            var az = db.IsMultiAz ? "multi_az" : "single_az";
            saving = Saving(Monthly(prices, $"rds-storage/gp2_{az}", gb), Monthly(prices, $"rds-storage/gp3_{az}", gb));
        }
        var name = db.Terraform ? "storage_type" : "StorageType";
        context.Report(Descriptor, r.Resource, At(r, db.StorageType),
            $"{(db.StorageType.IsAbsent ? "Storage defaults to gp2" : "Storage is gp2")}: gp3 includes 3,000 IOPS at any size"
            + (saving is null ? "" : $"; saving {Money(saving)}"),
            db.StorageType.IsAbsent ? AddProperty(name, "gp3", $"Set {name} to gp3") : Replace(name, "gp2", "gp3", "Change gp2 to gp3"),
            saving: saving);
    }
}
