namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>ElastiCache clusters and replication groups: node hours by node type and engine × the number of nodes.</summary>
public sealed class ElastiCacheEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } =
    [
        "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
        "aws_elasticache_cluster", "aws_elasticache_replication_group",
    ];

    public override void Estimate(EstimateBuilder b)
    {
        var r = b.Resource;
        bool tf = IsTerraform(r);
        var node = tf ? r.Get("node_type") : r.Get("CacheNodeType");
        var engineInput = tf ? r.Get("engine") : r.Get("Engine");
        // Replication groups run Redis unless they say otherwise.
        var engine = engineInput.Text?.ToLowerInvariant() ?? (engineInput.IsAbsent && IsGroup(r) ? "redis" : null);
        if (engine is null) { b.Unknown("Cache nodes", "hours", engineInput.Name, engineInput.Reason); return; }
        var count = NodeCount(r, tf, out var missing);
        if (node.Text is not { } type) { b.Unknown("Cache nodes", "hours", node.Name, node.Reason); return; }
        if (count is null) { b.Unknown($"Cache nodes ({type}, {engine})", "hours", missing.Name, missing.Reason); return; }
        b.Hourly($"Cache nodes ({type}, {engine}) × {count}", count.Value, $"elasticache/{type}/{engine}");
    }

    private static bool IsGroup(ResourceView r) => r.Resource.Type is "AWS::ElastiCache::ReplicationGroup" or "aws_elasticache_replication_group";

    private static decimal? NodeCount(ResourceView r, bool tf, out Input missing)
    {
        if (!IsGroup(r))
        {
            missing = tf ? r.Get("num_cache_nodes") : r.Get("NumCacheNodes");
            return missing.Number;
        }
        var clusters = tf ? r.Get("num_cache_clusters") : r.Get("NumCacheClusters");
        if (clusters.Number is { } n) { missing = clusters; return n; }
        var groups = tf ? r.Get("num_node_groups") : r.Get("NumNodeGroups");
        var replicas = tf ? r.Get("replicas_per_node_group") : r.Get("ReplicasPerNodeGroup");
        if (groups.Number is { } g && (replicas.Number is { } || replicas.IsAbsent))
        {
            missing = groups;
            return g * ((replicas.Number ?? 0) + 1);
        }
        missing = !clusters.IsAbsent ? clusters : !groups.IsAbsent ? groups : clusters;
        return null;
    }
}
