using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Pricing.Estimators;

namespace FinOpsCopilot.Core.Pricing;

/// <summary>The monthly cost of one document: its region, each priced resource, and, when the region is unknown to the catalog, why nothing is priced.</summary>
public sealed record DocumentCost(string Path, string Region, IReadOnlyList<CostEstimate> Resources, string? RegionError)
{
    public decimal Amount => Resources.Sum(r => r.Amount);
    public bool IsPartial => RegionError is not null || Resources.Any(r => r.IsPartial);
}

/// <summary>Picks the estimator for each resource type and prices whole documents.</summary>
public sealed class CostEstimator
{
    public const string FallbackRegion = "us-east-1";

    private readonly Dictionary<string, ResourceEstimator> _byType = new(StringComparer.Ordinal);

    public CostEstimator(PriceCatalog catalog)
    {
        Catalog = catalog;
        foreach (var estimator in Estimators)
            foreach (var type in estimator.ResourceTypes) _byType.Add(type, estimator);
    }

    public static CostEstimator Default => LazyDefault.Value;
    private static readonly Lazy<CostEstimator> LazyDefault = new(() => new CostEstimator(PriceCatalog.Default));

    public PriceCatalog Catalog { get; }

    public static IReadOnlyList<ResourceEstimator> Estimators { get; } =
    [
        new Ec2InstanceEstimator(), new AutoScalingGroupEstimator(), new LaunchTemplateEstimator(), new EbsVolumeEstimator(),
        new EbsSnapshotEstimator(), new RdsInstanceEstimator(), new AuroraClusterEstimator(), new ElastiCacheEstimator(),
        new NatGatewayEstimator(), new LoadBalancerEstimator(), new ElasticIpEstimator(), new EksClusterEstimator(),
        new LambdaEstimator(), new DynamoDbEstimator(), new S3BucketEstimator(), new LogGroupEstimator(),
    ];

    public IEnumerable<string> SupportedTypes => _byType.Keys;

    public bool CanEstimate(string resourceType) => _byType.ContainsKey(resourceType);

    /// <summary>The region a document is priced in: its own, then the policy's, then the command line's, then us-east-1.</summary>
    public static string RegionFor(IacDocument document, FinOpsPolicy policy, string? commandLineRegion) =>
        document.Region ?? policy.Region ?? commandLineRegion ?? FallbackRegion;

    /// <summary>A resource's region: its own (an aliased Terraform provider), else its document's.</summary>
    public static string RegionFor(IacResource resource, IacDocument document, FinOpsPolicy policy, string? commandLineRegion) =>
        resource.Region ?? RegionFor(document, policy, commandLineRegion);

    public CostEstimate? Estimate(IacResource resource, IacDocument? document, RegionPrices prices, UsagePolicy usage)
    {
        if (!_byType.TryGetValue(resource.Type, out var estimator)) return null;
        var builder = new EstimateBuilder(new ResourceView(resource, document), prices, usage.For(resource.Type, resource.Address));
        estimator.Estimate(builder);
        var estimate = builder.Build();
        return resource.Address.Contains(UnknownInstancesMarker, StringComparison.Ordinal) ? PerInstanceOnly(estimate) : estimate;
    }

    /// <summary>The Terraform reader's address key for the instances of a count or for_each it cannot evaluate.</summary>
    public const string UnknownInstancesMarker = "[*]";

    /// <summary>
    /// When the number of instances is unknown, each line keeps its per-instance quantity and price but no monthly
    /// cost: multiplying by a guessed count would be a guess.
    /// </summary>
    private static CostEstimate PerInstanceOnly(CostEstimate e) => e with
    {
        Components = e.Components.Select(c => c.MonthlyCost is { } m
            ? c with { MonthlyCost = null, Note = $"unknown: number of instances (count or for_each known only when Terraform runs); ${Billing.Round(m)} per instance" }
            : c).ToList(),
    };

    /// <summary>Prices every document in parallel, each under its own policy; the result keeps the documents' order.</summary>
    public IReadOnlyList<DocumentCost> EstimateDocuments(IReadOnlyList<IacDocument> documents, Func<string, FinOpsPolicy> policyFor, string? commandLineRegion = null)
    {
        var costs = new DocumentCost[documents.Count];
        Parallel.For(0, documents.Count, i => costs[i] = EstimateDocument(documents[i], policyFor(documents[i].Path), commandLineRegion));
        return costs;
    }

    public DocumentCost EstimateDocument(IacDocument document, FinOpsPolicy policy, string? commandLineRegion = null)
    {
        var region = RegionFor(document, policy, commandLineRegion);
        if (Catalog.ForRegion(region) is not { } prices)
            return new DocumentCost(document.Path, region, [], $"region '{region}' is not in the price catalog; nothing in this file is priced");
        var estimates = new List<CostEstimate>();
        foreach (var resource in document.Resources)
        {
            if (!CanEstimate(resource.Type)) continue;
            var own = resource.Region is { } r && r != region ? Catalog.ForRegion(r) : prices;
            if (own is null)
                estimates.Add(new CostEstimate(resource.Address, resource.Type, resource.Region!,
                    [new CostComponent("Resource", null, "", null, null, false, $"region '{resource.Region}' is not in the price catalog")]));
            else if (Estimate(resource, document, own, policy.Usage) is { } estimate) estimates.Add(estimate);
        }
        return new DocumentCost(document.Path, region, estimates, null);
    }
}
