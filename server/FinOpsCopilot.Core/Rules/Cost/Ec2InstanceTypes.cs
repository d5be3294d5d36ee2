using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>Where an instance type is written: on an instance, a launch template or a launch configuration.</summary>
public static class Ec2InstanceTypes
{
    public static readonly string[] ResourceTypes =
    [
        "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration",
        "aws_instance", "aws_launch_template", "aws_launch_configuration",
    ];

    public static (Input Type, string PropertyName) Of(ResourceView r) => r.Resource.Type switch
    {
        "AWS::EC2::LaunchTemplate" => ((r.Block("LaunchTemplateData") ?? r).Get("InstanceType"), "InstanceType"),
        "AWS::EC2::Instance" or "AWS::AutoScaling::LaunchConfiguration" => (r.Get("InstanceType"), "InstanceType"),
        _ => (r.Get("instance_type"), "instance_type"),
    };
}
