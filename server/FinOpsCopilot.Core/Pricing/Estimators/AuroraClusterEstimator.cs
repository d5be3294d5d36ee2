namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>
/// An Aurora DB cluster: storage and I/O requests, both usage-based (Aurora storage grows with the data).
/// Its instances are priced on their own DB instance resources. Multi-AZ DB clusters of other engines are not in the catalog.
/// </summary>
public sealed class AuroraClusterEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::RDS::DBCluster", "aws_rds_cluster"];

    public override void Estimate(EstimateBuilder b)
    {
        bool tf = IsTerraform(b.Resource);
        var engineInput = tf ? b.Resource.Get("engine") : b.Resource.Get("Engine");
        if (engineInput.Text is not { } engineText) { b.Unknown("Cluster storage", "GB-months", engineInput.Name, engineInput.Reason); return; }
        var engine = RdsEngines.Normalize(engineText);
        if (!RdsEngines.IsAurora(engine))
        {
            b.Unsupported("Multi-AZ DB cluster", "hours", $"Multi-AZ DB clusters ({engine}) are not in the catalog");
            return;
        }
        bool ioOptimized = (tf ? b.Resource.Get("storage_type") : b.Resource.Get("StorageType")).Text == "aurora-iopt1";
        if (ioOptimized)
            b.FromUsage("Storage (I/O-Optimized)", UsageKeys.StorageGb, "rds-storage/aurora_storage_io_optimized");
        else
        {
            b.FromUsage("Storage", UsageKeys.StorageGb, "rds-storage/aurora_storage_standard");
            b.FromUsage("I/O requests", UsageKeys.MonthlyIoRequests, "rds-storage/aurora_io_requests", 1_000_000m);
        }
    }
}
