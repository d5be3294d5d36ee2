namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>
/// The price of one EBS volume by type. gp3 includes 3,000 IOPS and 125 MiB/s; io2 IOPS are tiered at 32,000
/// and 64,000 (AWS EBS pricing page); standard volumes also bill I/O requests, which depend on usage.
/// </summary>
public static class EbsPricing
{
    public static readonly string[] VolumeTypes = ["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"];

    public static void AddVolume(EstimateBuilder b, string label, PropertyBag volume, string sizeName, string typeName, string iopsName,
        string throughputName, string? defaultType, decimal count = 1)
    {
        var size = volume.Get(sizeName);
        var typeInput = volume.Get(typeName);
        var type = typeInput.Text ?? (typeInput.IsAbsent ? defaultType : null);
        if (type is null)
        {
            b.Unknown($"{label} storage", "GB-months", typeName, typeInput.IsAbsent ? "not set; the AMI or snapshot decides" : typeInput.Reason);
            return;
        }
        if (size.Number is not { } gb)
        {
            b.Unknown($"{label} storage ({type})", "GB-months", sizeName, size.IsAbsent ? "not set; the AMI or snapshot decides" : size.Reason);
            return;
        }
        Add(b, label, type, gb, volume.Get(iopsName), volume.Get(throughputName), count);
    }

    public static void Add(EstimateBuilder b, string label, string type, decimal gb, Input iops, Input throughput, decimal count = 1)
    {
        if (!VolumeTypes.Contains(type))
        {
            b.Unsupported($"{label} storage ({type})", "GB-months", $"volume type '{type}' is not priced");
            return;
        }
        b.Add($"{label} storage ({type})", count * gb, "GB-months", $"ebs/{type}");
        switch (type)
        {
            case "gp3":
                if (iops.Number is { } i && i > 3000) b.Add($"{label} IOPS above 3,000 (gp3)", count * (i - 3000), "IOPS-months", "ebs/gp3_iops_above_3000");
                else if (iops.IsUnknown) b.Unknown($"{label} IOPS (gp3)", "IOPS-months", iops.Name, iops.Reason);
                if (throughput.Number is { } t && t > 125) b.Add($"{label} throughput above 125 MiB/s (gp3)", count * (t - 125), "MiBps-months", "ebs/gp3_throughput_above_125");
                else if (throughput.IsUnknown) b.Unknown($"{label} throughput (gp3)", "MiBps-months", throughput.Name, throughput.Reason);
                break;
            case "io1":
                if (iops.Number is { } io1) b.Add($"{label} provisioned IOPS (io1)", count * io1, "IOPS-months", "ebs/io1_iops");
                else b.Unknown($"{label} provisioned IOPS (io1)", "IOPS-months", iops.Name, iops.Reason);
                break;
            case "io2":
                if (iops.Number is { } io2)
                {
                    b.Add($"{label} provisioned IOPS up to 32,000 (io2)", count * Math.Min(io2, 32000), "IOPS-months", "ebs/io2_iops_tier1_up_to_32000");
                    if (io2 > 32000) b.Add($"{label} provisioned IOPS 32,001–64,000 (io2)", count * (Math.Min(io2, 64000) - 32000), "IOPS-months", "ebs/io2_iops_tier2");
                    if (io2 > 64000) b.Add($"{label} provisioned IOPS above 64,000 (io2)", count * (io2 - 64000), "IOPS-months", "ebs/io2_iops_tier3");
                }
                else b.Unknown($"{label} provisioned IOPS (io2)", "IOPS-months", iops.Name, iops.Reason);
                break;
            case "standard":
                b.FromUsage($"{label} I/O requests (standard)", UsageKeys.MonthlyIoRequests, "ebs/standard_io_requests", 1_000_000m);
                break;
        }
    }
}
