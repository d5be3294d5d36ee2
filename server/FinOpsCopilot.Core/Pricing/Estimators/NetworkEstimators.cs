namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>A NAT gateway: hours, plus data processed (usage). A private NAT gateway bills the same rates.</summary>
public sealed class NatGatewayEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::EC2::NatGateway", "aws_nat_gateway"];

    public override void Estimate(EstimateBuilder b)
    {
        b.Hourly("NAT gateway", 1, "nat_gateway/hourly");
        b.FromUsage("Data processed", UsageKeys.MonthlyDataProcessedGb, "nat_gateway/data_processed");
    }
}

/// <summary>
/// Load balancers: hours, plus capacity units for ALB (LCU), NLB (NLCU) and Gateway LB (GLCU) from the usage
/// figure <c>average_capacity_units</c> (× 730 hours), or data processed for a Classic Load Balancer.
/// </summary>
public sealed class LoadBalancerEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } =
        ["AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer", "aws_lb", "aws_alb", "aws_elb"];

    public override void Estimate(EstimateBuilder b)
    {
        var r = b.Resource;
        if (r.Resource.Type is "AWS::ElasticLoadBalancing::LoadBalancer" or "aws_elb")
        {
            b.Hourly("Classic Load Balancer", 1, "clb/hourly");
            b.FromUsage("Data processed", UsageKeys.MonthlyDataProcessedGb, "clb/data_processed");
            return;
        }
        var typeInput = IsTerraform(r) ? r.Get("load_balancer_type") : r.Get("Type");
        var type = typeInput.Text ?? (typeInput.IsAbsent ? "application" : null);
        var (label, prefix, unit) = type switch
        {
            "application" => ("Application Load Balancer", "alb", "lcu_hour"),
            "network" => ("Network Load Balancer", "nlb", "nlcu_hour"),
            "gateway" => ("Gateway Load Balancer", "gwlb", "gwlcu_hour"),
            _ => ("", "", ""),
        };
        if (prefix.Length == 0) { b.Unknown("Load balancer", "hours", typeInput.Name, typeInput.Reason); return; }
        b.Hourly(label, 1, $"{prefix}/hourly");
        var units = b.UsageValue(UsageKeys.AverageCapacityUnits);
        b.UsageQuantity("Capacity units", units * Billing.HoursPerMonth, $"{prefix}/{unit}", UsageKeys.AverageCapacityUnits);
    }
}

/// <summary>An Elastic IP: since 2024-02-01 every public IPv4 address is billed per hour, attached or idle.</summary>
public sealed class ElasticIpEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::EC2::EIP", "aws_eip"];

    public override void Estimate(EstimateBuilder b) => b.Hourly("Public IPv4 address", 1, "public_ipv4/in_use_hourly");
}

/// <summary>An EKS cluster: the control-plane hour (standard support). Nodes are priced on their own resources.</summary>
public sealed class EksClusterEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::EKS::Cluster", "aws_eks_cluster"];

    public override void Estimate(EstimateBuilder b) => b.Hourly("EKS cluster (standard support)", 1, "eks/cluster_hourly");
}
