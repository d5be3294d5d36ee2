using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Estimators;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>What cost rules need to know of a DB instance: class, engine, license and deployment, read as the estimator reads them.</summary>
public sealed record RdsInstance(Input Class, Input MultiAz, Input StorageType, Input Storage, Input Iops, string Engine, string License, bool Terraform)
{
    public static readonly string[] ResourceTypes = ["AWS::RDS::DBInstance", "aws_db_instance", "aws_rds_cluster_instance"];

    public bool IsMultiAz => MultiAz.Bool ?? false;
    public string Deployment => RdsEngines.IsAurora(Engine) ? "standard" : IsMultiAz ? "multi-az" : "single-az";

    public string Sku(string instanceClass, string? deployment = null) =>
        RdsEngines.Sku(instanceClass, Engine, License, deployment ?? Deployment);

    public static RdsInstance? Read(ResourceView r)
    {
        bool tf = r.Resource.Type.StartsWith("aws_", StringComparison.Ordinal);
        var engine = (tf ? r.Get("engine") : r.Get("Engine")).Text;
        if (engine is null) return null;
        engine = RdsEngines.Normalize(engine);
        return new RdsInstance(
            tf ? r.Get("instance_class") : r.Get("DBInstanceClass"),
            tf ? r.Get("multi_az") : r.Get("MultiAZ"),
            tf ? r.Get("storage_type") : r.Get("StorageType"),
            tf ? r.Get("allocated_storage") : r.Get("AllocatedStorage"),
            tf ? r.Get("iops") : r.Get("Iops"),
            engine,
            RdsEngines.License(engine, (tf ? r.Get("license_model") : r.Get("LicenseModel")).Text),
            tf);
    }
}
