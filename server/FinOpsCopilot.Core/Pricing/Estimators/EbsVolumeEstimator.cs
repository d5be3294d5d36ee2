namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>A standalone EBS volume; both CloudFormation and Terraform default its type to gp2.</summary>
public sealed class EbsVolumeEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::EC2::Volume", "aws_ebs_volume"];

    public override void Estimate(EstimateBuilder b)
    {
        if (IsTerraform(b.Resource)) EbsPricing.AddVolume(b, "Volume", b.Resource, "size", "type", "iops", "throughput", "gp2");
        else EbsPricing.AddVolume(b, "Volume", b.Resource, "Size", "VolumeType", "Iops", "Throughput", "gp2");
    }
}

/// <summary>An EBS snapshot: billed per GB-month stored, which only usage can say (snapshots are incremental).</summary>
public sealed class EbsSnapshotEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["aws_ebs_snapshot", "aws_ebs_snapshot_copy"];

    public override void Estimate(EstimateBuilder b) =>
        b.FromUsage("Snapshot storage", UsageKeys.StorageGb, "ebs/snapshot_standard");
}
