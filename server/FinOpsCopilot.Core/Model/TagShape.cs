namespace FinOpsCopilot.Core.Model;

/// <summary>How a resource type writes its tags, so fixes insert them in the form the type accepts.</summary>
public enum TagShape
{
    /// <summary>The type cannot be tagged.</summary>
    None,
    /// <summary>A list of <c>{Key, Value}</c> objects (most CloudFormation types).</summary>
    KeyValueList,
    /// <summary>A map of key to value (SAM, some CloudFormation types, every Terraform <c>tags</c> argument).</summary>
    Map,
    /// <summary>The Auto Scaling group list of <c>{Key, Value, PropagateAtLaunch}</c> (CloudFormation) or <c>tag</c> blocks (Terraform).</summary>
    AutoScalingList,
}
