using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>An EBS volume as code declares it: standalone, in an instance's block devices, or in a launch template.</summary>
public sealed record VolumeDeclaration(PropertyBag Properties, string TypeName, string SizeName, string IopsName, string ThroughputName, bool DefaultsToGp2)
{
    public Input Type => Properties.Get(TypeName);
    public Input Size => Properties.Get(SizeName);
    public Input Iops => Properties.Get(IopsName);

    /// <summary>The volume type, counting the gp2 default of standalone volumes.</summary>
    public string? EffectiveType => Type.Text ?? (Type.IsAbsent && DefaultsToGp2 ? "gp2" : null);
}

public static class EbsVolumes
{
    public static readonly string[] ResourceTypes =
    [
        "AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate",
        "aws_ebs_volume", "aws_instance", "aws_launch_template",
    ];

    public static IEnumerable<VolumeDeclaration> Of(ResourceView r)
    {
        switch (r.Resource.Type)
        {
            case "AWS::EC2::Volume":
                yield return new(r, "VolumeType", "Size", "Iops", "Throughput", true);
                break;
            case "aws_ebs_volume":
                yield return new(r, "type", "size", "iops", "throughput", true);
                break;
            case "AWS::EC2::Instance" or "AWS::EC2::LaunchTemplate":
                var data = r.Resource.Type == "AWS::EC2::Instance" ? r : r.Block("LaunchTemplateData");
                foreach (var ebs in data?.Blocks("BlockDeviceMappings").SelectMany(m => m.Blocks("Ebs")) ?? [])
                    yield return new(ebs, "VolumeType", "VolumeSize", "Iops", "Throughput", false);
                break;
            default:
                foreach (var b in r.Blocks("root_block_device").Concat(r.Blocks("ebs_block_device"))
                             .Concat(r.Blocks("block_device_mappings").SelectMany(m => m.Blocks("ebs"))))
                    yield return new(b, "volume_type", "volume_size", "iops", "throughput", false);
                break;
        }
    }

    /// <summary>
    /// gp2 performance by size (EBS user guide): 3 IOPS per GB between 100 and 16,000; up to 250 MiB/s above 170 GB.
    /// At 170 GB and below gp2 gives 128 MiB/s, which AWS's gp2-to-gp3 migration guidance treats as met by gp3's 125 baseline.
    /// </summary>
    public static (decimal Iops, decimal Throughput) Gp2Performance(decimal gb) =>
        (Math.Clamp(3 * gb, 100, 16000), gb <= 170 ? 125 : 250);

    /// <summary>The monthly cost of a gp3 volume with the given performance.</summary>
    public static decimal? Gp3Monthly(RegionPrices prices, decimal gb, decimal iops, decimal throughput)
    {
        if (prices.Find("ebs/gp3") is not { } storage || prices.Find("ebs/gp3_iops_above_3000") is not { } io
            || prices.Find("ebs/gp3_throughput_above_125") is not { } tp) return null;
        return gb * storage.Amount + Math.Max(0, iops - 3000) * io.Amount + Math.Max(0, throughput - 125) * tp.Amount;
    }
}
