namespace FinOpsCopilot.Core.Pricing.Estimators;

/// <summary>
/// An RDS DB instance: instance hours by class, engine, license and Single/Multi-AZ, plus storage by type and
/// size with IOPS and throughput above the gp3 baseline. Aurora instances bill only hours; their cluster bills storage.
/// </summary>
public sealed class RdsInstanceEstimator : ResourceEstimator
{
    public override IReadOnlyList<string> ResourceTypes { get; } = ["AWS::RDS::DBInstance", "aws_db_instance", "aws_rds_cluster_instance"];

    public override void Estimate(EstimateBuilder b)
    {
        var r = b.Resource;
        bool tf = IsTerraform(r);
        var cls = tf ? r.Get("instance_class") : r.Get("DBInstanceClass");
        var engineInput = tf ? r.Get("engine") : r.Get("Engine");
        var cluster = r.Referenced(tf ? r.Get("cluster_identifier") : r.Get("DBClusterIdentifier"));
        if (engineInput.IsAbsent && cluster is not null) engineInput = tf ? cluster.Get("engine") : cluster.Get("Engine");
        bool multiAz = (tf ? r.Get("multi_az") : r.Get("MultiAZ")).Bool ?? false;

        if (engineInput.Text is not { } engineText)
        {
            b.Unknown("Database instance", "hours", engineInput.Name, engineInput.Reason);
            return;
        }
        var engine = RdsEngines.Normalize(engineText);
        var license = RdsEngines.License(engine, (tf ? r.Get("license_model") : r.Get("LicenseModel")).Text);
        bool aurora = RdsEngines.IsAurora(engine);
        var option = aurora ? AuroraStorage(cluster, tf) : multiAz ? "multi-az" : "single-az";
        if (cls.Text is { } c)
            b.Hourly($"Database instance ({c}, {engine}, {option})", 1, RdsEngines.Sku(c, engine, license, option));
        else
            b.Unknown("Database instance", "hours", cls.Name, cls.Reason);
        if (aurora) return;

        var size = tf ? r.Get("allocated_storage") : r.Get("AllocatedStorage");
        var iops = tf ? r.Get("iops") : r.Get("Iops");
        var storageInput = tf ? r.Get("storage_type") : r.Get("StorageType");
        // The RDS API default: io1 when IOPS are given, gp2 otherwise.
        var storage = storageInput.Text ?? (storageInput.IsAbsent ? (iops.IsAbsent ? "gp2" : "io1") : null);
        if (storage is null) { b.Unknown("Storage", "GB-months", storageInput.Name, storageInput.Reason); return; }
        if (size.Number is not { } gb) { b.Unknown($"Storage ({storage})", "GB-months", size.Name, size.Reason); return; }
        AddStorage(b, engine, storage, gb, iops, tf ? r.Get("storage_throughput") : r.Get("StorageThroughput"), multiAz ? "multi_az" : "single_az");
    }

    public static void AddStorage(EstimateBuilder b, string engine, string storage, decimal gb, Input iops, Input throughput, string az)
    {
        switch (storage)
        {
            case "gp2":
                b.Add("Storage (gp2)", gb, "GB-months", $"rds-storage/gp2_{az}");
                break;
            case "gp3":
                b.Add("Storage (gp3)", gb, "GB-months", $"rds-storage/gp3_{az}");
                var (baseIops, baseThroughput) = Gp3Baseline(engine, gb);
                if (iops.Number is { } i && i > baseIops)
                    b.Add($"IOPS above {baseIops:N0} (gp3)", i - baseIops, "IOPS-months", $"rds-storage/gp3_iops_above_baseline_{az}");
                if (throughput.Number is { } t && t > baseThroughput)
                    b.Add($"Throughput above {baseThroughput} MiB/s (gp3)", t - baseThroughput, "MiBps-months", $"rds-storage/gp3_throughput_above_baseline_{az}");
                break;
            case "io1" or "io2":
                b.Add($"Storage ({storage})", gb, "GB-months", $"rds-storage/{storage}_{az}");
                if (iops.Number is { } p) b.Add($"Provisioned IOPS ({storage})", p, "IOPS-months", $"rds-storage/piops_iops_{az}");
                else b.Unknown($"Provisioned IOPS ({storage})", "IOPS-months", iops.Name, iops.Reason);
                break;
            case "standard":
                b.Add("Storage (magnetic)", gb, "GB-months", $"rds-storage/magnetic_{az}");
                b.FromUsage("I/O requests (magnetic)", UsageKeys.MonthlyIoRequests, "rds-storage/magnetic_io_requests", 1_000_000m);
                break;
            default:
                b.Unsupported($"Storage ({storage})", "GB-months", $"storage type '{storage}' is not priced");
                break;
        }
    }

    /// <summary>RDS gp3 baseline (RDS user guide): 3,000 IOPS / 125 MiB/s below 400 GB, 12,000 / 500 from 400 GB; Oracle from 200 GB; SQL Server always 3,000 / 125.</summary>
    public static (int Iops, int Throughput) Gp3Baseline(string engine, decimal gb)
    {
        if (engine.StartsWith("sqlserver", StringComparison.Ordinal)) return (3000, 125);
        var threshold = engine.StartsWith("oracle", StringComparison.Ordinal) ? 200 : 400;
        return gb >= threshold ? (12000, 500) : (3000, 125);
    }

    private static string AuroraStorage(ResourceView? cluster, bool tf)
    {
        var type = cluster is null ? null : (tf ? cluster.Get("storage_type") : cluster.Get("StorageType")).Text;
        return type == "aurora-iopt1" ? "io-optimized" : "standard";
    }
}
