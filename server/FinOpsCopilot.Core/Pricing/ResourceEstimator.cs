namespace FinOpsCopilot.Core.Pricing;

/// <summary>Prices one family of resource types, in CloudFormation and Terraform spellings alike.</summary>
public abstract class ResourceEstimator
{
    public abstract IReadOnlyList<string> ResourceTypes { get; }

    public abstract void Estimate(EstimateBuilder estimate);

    protected static bool IsTerraform(ResourceView r) => r.Resource.Type.StartsWith("aws_", StringComparison.Ordinal);
}
