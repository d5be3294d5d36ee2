namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>What an instance (or each instance of a group) runs: its type, tenancy and block devices.</summary>
public static class Ec2Compute
{
    /// <summary>Instance hours plus attached volumes, for <paramref name="count"/> identical instances.</summary>
    public static void AddInstances(EstimateBuilder b, PropertyBag spec, bool terraform, decimal count, string label)
    {
        var type = terraform ? spec.Get("instance_type") : spec.Get("InstanceType");
        var tenancy = terraform ? spec.Get("tenancy") : spec.Get("Tenancy");
        if (tenancy.Text is "dedicated" or "host")
            b.Unsupported($"{label} ({type.Text ?? "?"}, {tenancy.Text} tenancy)", "hours", "dedicated tenancy is not in the catalog (Linux, shared tenancy only)");
        else if (type.Text is { } t)
            b.Hourly(count == 1 ? $"{label} ({t})" : $"{label} ({t}) × {count}", count, $"ec2/{t}");
        else
            b.Unknown(label, "hours", type.Name, type.Reason);

        if (terraform)
        {
            foreach (var root in spec.Blocks("root_block_device"))
                EbsPricing.AddVolume(b, Times("Root volume", count), root, "volume_size", "volume_type", "iops", "throughput", null, count);
            foreach (var device in spec.Blocks("ebs_block_device").Concat(spec.Blocks("block_device_mappings").SelectMany(m => m.Blocks("ebs"))))
                EbsPricing.AddVolume(b, Times("EBS volume", count), device, "volume_size", "volume_type", "iops", "throughput", null, count);
        }
        else
        {
            foreach (var mapping in spec.Blocks("BlockDeviceMappings"))
            {
                var device = mapping.Get("DeviceName").Text ?? "device";
                foreach (var ebs in mapping.Blocks("Ebs"))
                    EbsPricing.AddVolume(b, Times($"Volume {device}", count), ebs, "VolumeSize", "VolumeType", "Iops", "Throughput", null, count);
            }
        }
    }

    private static string Times(string label, decimal count) => count == 1 ? label : $"{label} × {count}";
}

/// <summary>An EC2 instance: hours of its type, shared tenancy, plus the volumes the code declares.</summary>
public sealed class Ec2InstanceEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::EC2::Instance", "aws_instance"];

    public override void Estimate(EstimateBuilder b)
    {
        bool tf = IsTerraform(b.Resource);
        var type = tf ? b.Resource.Get("instance_type") : b.Resource.Get("InstanceType");
        if (type.IsAbsent && LaunchTemplates.Find(b.Resource, tf) is { } template)
        {
            // The type and volumes come from the launch template the instance names.
            Ec2Compute.AddInstances(b, LaunchTemplates.Data(template, tf), tf, 1, "Instance");
            return;
        }
        Ec2Compute.AddInstances(b, b.Resource, tf, 1, "Instance");
    }
}
