namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>Follows an instance's or group's reference to its launch template or launch configuration.</summary>
public static class LaunchTemplates
{
    public static ResourceView? Find(ResourceView owner, bool terraform)
    {
        if (terraform)
        {
            foreach (var spec in owner.Blocks("launch_template")
                         .Concat(owner.Blocks("mixed_instances_policy").SelectMany(m => m.Blocks("launch_template")).SelectMany(l => l.Blocks("launch_template_specification"))))
                if ((owner.Referenced(spec.Get("id")) ?? owner.Referenced(spec.Get("launch_template_id"))
                     ?? ByName(owner, spec.Get("name").Text ?? spec.Get("launch_template_name").Text)) is { } t)
                    return t;
            return owner.Referenced(owner.Get("launch_configuration"));
        }
        foreach (var spec in owner.Blocks("LaunchTemplate")
                     .Concat(owner.Blocks("MixedInstancesPolicy").SelectMany(m => m.Blocks("LaunchTemplate")).SelectMany(l => l.Blocks("LaunchTemplateSpecification"))))
            if ((owner.Referenced(spec.Get("LaunchTemplateId")) ?? ByName(owner, spec.Get("LaunchTemplateName").Text)) is { } t)
                return t;
        return owner.Referenced(owner.Get("LaunchConfigurationName"));
    }

    /// <summary>The part of a template that describes the instances: LaunchTemplateData in CloudFormation, the resource itself otherwise.</summary>
    public static PropertyBag Data(ResourceView template, bool terraform) =>
        !terraform && template.Resource.Type == "AWS::EC2::LaunchTemplate" ? template.Block("LaunchTemplateData") ?? template : template;

    /// <summary>The first instance-type override of a mixed instances policy, which takes precedence over the template's type.</summary>
    public static string? OverrideType(ResourceView group, bool terraform) => terraform
        ? group.Blocks("mixed_instances_policy").SelectMany(m => m.Blocks("launch_template")).SelectMany(l => l.Blocks("override"))
            .Select(o => o.Get("instance_type").Text).FirstOrDefault(t => t is not null)
        : group.Blocks("MixedInstancesPolicy").SelectMany(m => m.Blocks("LaunchTemplate")).SelectMany(l => l.Blocks("Overrides"))
            .Select(o => o.Get("InstanceType").Text).FirstOrDefault(t => t is not null);

    private static ResourceView? ByName(ResourceView owner, string? name)
    {
        if (name is null || owner.Document is null) return null;
        var target = owner.Document.Resources.FirstOrDefault(r =>
            (r.Properties["LaunchTemplateName"] ?? r.Properties["name"])?.AsString() == name
            && r.Type is "AWS::EC2::LaunchTemplate" or "aws_launch_template");
        return target is null ? null : new ResourceView(target, owner.Document);
    }
}

/// <summary>Launch templates and configurations cost nothing; the instances they start are priced where they run.</summary>
public sealed class LaunchTemplateEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } =
        ["AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration", "aws_launch_template", "aws_launch_configuration"];

    public override void Estimate(EstimateBuilder b) =>
        b.Free("Launch template", "no charge; the instances it starts are priced on their instance or Auto Scaling group");
}

/// <summary>An Auto Scaling group: its desired capacity (or minimum size) × the instances its launch template describes.</summary>
public sealed class AutoScalingGroupEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::AutoScaling::AutoScalingGroup", "aws_autoscaling_group"];

    public override void Estimate(EstimateBuilder b)
    {
        bool tf = IsTerraform(b.Resource);
        var desired = tf ? b.Resource.Get("desired_capacity") : b.Resource.Get("DesiredCapacity");
        var min = tf ? b.Resource.Get("min_size") : b.Resource.Get("MinSize");
        // Both formats start the group at its minimum size when no desired capacity is given.
        var capacity = desired.IsAbsent ? min : desired;
        if (capacity.Number is not { } count)
        {
            b.Unknown("Instances", "hours", capacity.Name, capacity.Reason);
            return;
        }
        if (LaunchTemplates.Find(b.Resource, tf) is not { } template)
        {
            b.Unknown($"Instances × {count}", "hours", tf ? "launch_template" : "LaunchTemplate", "the launch template is not in this file");
            return;
        }
        var data = LaunchTemplates.Data(template, tf);
        if (LaunchTemplates.OverrideType(b.Resource, tf) is { } overrideType)
            data = new PropertyBag(WithType(data.Properties, overrideType, tf));
        Ec2Compute.AddInstances(b, data, tf, count, "Instances");
    }

    private static Model.MapValue WithType(Model.MapValue data, string type, bool tf)
    {
        var key = tf ? "instance_type" : "InstanceType";
        var entries = data.Entries.Where(e => e.Key != key).Append(new Model.MapEntry(key, data.Range, new Model.StringValue(type, data.Range))).ToList();
        return new Model.MapValue(entries, data.Range);
    }
}
