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

        var publicIp = terraform
            ? spec.Get("associate_public_ip_address").Bool == true || spec.Blocks("network_interfaces").Any(n => n.Get("associate_public_ip_address").Bool == true)
            : spec.Blocks("NetworkInterfaces").Any(n => n.Get("AssociatePublicIpAddress").Bool == true);
        if (publicIp) b.Hourly(Times("Public IPv4 address", count), count, "public_ipv4/in_use_hourly");

        if (terraform)
        {
            if (!spec.Blocks("root_block_device").Any() && !spec.Blocks("block_device_mappings").Any())
                b.Unknown(Times("Root volume", count), "GB-months", "root_block_device", FromAmi);
            foreach (var root in spec.Blocks("root_block_device"))
                EbsPricing.AddVolume(b, Times("Root volume", count), root, "volume_size", "volume_type", "iops", "throughput", null, count);
            foreach (var device in spec.Blocks("ebs_block_device").Concat(spec.Blocks("block_device_mappings").SelectMany(m => m.Blocks("ebs"))))
                EbsPricing.AddVolume(b, Times("EBS volume", count), device, "volume_size", "volume_type", "iops", "throughput", null, count);
        }
        else
        {
            if (!spec.Blocks("BlockDeviceMappings").Any())
                b.Unknown(Times("Root volume", count), "GB-months", "BlockDeviceMappings", FromAmi);
            foreach (var mapping in spec.Blocks("BlockDeviceMappings"))
            {
                var device = mapping.Get("DeviceName").Text ?? "device";
                foreach (var ebs in mapping.Blocks("Ebs"))
                    EbsPricing.AddVolume(b, Times($"Volume {device}", count), ebs, "VolumeSize", "VolumeType", "Iops", "Throughput", null, count);
            }
        }
    }

    /// <summary>Every instance has a root volume; when the code does not declare it, its size and type are the AMI's.</summary>
    private const string FromAmi = "not declared; its size and type come from the AMI";

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
