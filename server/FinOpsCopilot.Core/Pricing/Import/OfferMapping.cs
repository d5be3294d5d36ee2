using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing.Import;

/// <summary>Where one offer-file product goes in the catalog: the SKU key, its unit, and the factor from the offer's unit.</summary>
public readonly record struct OfferTarget(string Sku, string Unit, decimal Scale = 1m);

/// <summary>
/// Maps AWS Price List products (by offer code, product family and attributes) to catalog SKUs, with the same filters
/// the shipped catalog's sources used: EC2 Linux, shared tenancy, no pre-installed software, capacity status Used.
/// Products the estimators do not use map to nothing and are skipped.
/// </summary>
public static class OfferMapping
{
    public static OfferTarget? Map(string offerCode, string? family, JsonElement attributes)
    {
        string? A(string name) => attributes.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var usage = A("usagetype") ?? "";
        return (offerCode, family) switch
        {
            ("AmazonEC2", "Compute Instance" or "Compute Instance (bare metal)")
                when A("operatingSystem") == "Linux" && A("tenancy") == "Shared" && A("preInstalledSw") == "NA"
                     && A("capacitystatus") == "Used" && A("instanceType") is { } type
                => new OfferTarget($"ec2/{type}", "hour"),
            ("AmazonEC2", "Storage") when A("volumeApiName") is { } volume && IsVolume(volume)
                => new OfferTarget($"ebs/{volume}", "GB-month"),
            ("AmazonEC2", "System Operation") when A("volumeApiName") == "gp3" && usage.Contains("IOPS", StringComparison.Ordinal)
                => new OfferTarget("ebs/gp3_iops_above_3000", "IOPS-month"),
            ("AmazonEC2", "System Operation") when A("volumeApiName") == "io1" && usage.Contains("IOPS", StringComparison.Ordinal)
                => new OfferTarget("ebs/io1_iops", "IOPS-month"),
            ("AmazonEC2", "Provisioned Throughput") when A("volumeApiName") == "gp3"
                => new OfferTarget("ebs/gp3_throughput_above_125", "MiBps-month"),
            ("AmazonEC2", "Storage Snapshot") when usage.EndsWith("EBS:SnapshotUsage", StringComparison.Ordinal)
                => new OfferTarget("ebs/snapshot_standard", "GB-month"),
            ("AmazonEC2" or "AmazonVPC", "NAT Gateway") when usage.EndsWith("NatGateway-Hours", StringComparison.Ordinal)
                => new OfferTarget("nat_gateway/hourly", "hour"),
            ("AmazonEC2" or "AmazonVPC", "NAT Gateway") when usage.EndsWith("NatGateway-Bytes", StringComparison.Ordinal)
                => new OfferTarget("nat_gateway/data_processed", "GB processed"),
            ("AmazonRDS", "Database Instance") when A("instanceType") is { } cls && RdsKey(A) is { } key
                => new OfferTarget($"rds/{cls}/{key}", "hour"),
            ("AmazonElastiCache", "Cache Instance") when A("instanceType") is { } node && A("cacheEngine") is { } engine
                => new OfferTarget($"elasticache/{node}/{engine.ToLowerInvariant()}", "hour"),
            _ => null,
        };
    }

    private static bool IsVolume(string name) => name is "gp2" or "gp3" or "io1" or "io2" or "st1" or "sc1" or "standard";

    /// <summary>"engine/license/deployment" as the catalog keys RDS instance hours, or null for rows it does not keep.</summary>
    private static string? RdsKey(Func<string, string?> a)
    {
        var engine = (a("databaseEngine"), a("databaseEdition")) switch
        {
            ("MySQL", _) => "mysql",
            ("PostgreSQL", _) => "postgres",
            ("MariaDB", _) => "mariadb",
            ("Aurora MySQL", _) => "aurora-mysql",
            ("Aurora PostgreSQL", _) => "aurora-postgresql",
            ("Oracle", "Standard Two") => "oracle-se2",
            ("Oracle", "Enterprise") => "oracle-ee",
            ("SQL Server", "Standard") => "sqlserver-se",
            ("SQL Server", "Enterprise") => "sqlserver-ee",
            ("SQL Server", "Express") => "sqlserver-ex",
            ("SQL Server", "Web") => "sqlserver-web",
            _ => null,
        };
        if (engine is null) return null;
        var license = a("licenseModel") switch
        {
            "License included" => "license-included",
            "Bring your own license" => "byol",
            _ => "none",
        };
        string? option;
        if (engine.StartsWith("aurora", StringComparison.Ordinal))
            option = a("storage")?.Contains("IO Optimiz", StringComparison.OrdinalIgnoreCase) == true ? "io-optimized" : "standard";
        else
            option = a("deploymentOption") switch { "Single-AZ" => "single-az", "Multi-AZ" => "multi-az", _ => null };
        return option is null ? null : $"{engine}/{license}/{option}";
    }

    /// <summary>The factor from the offer file's unit to the catalog's: gp3 throughput is priced per GiBps-month in the offer files.</summary>
    public static decimal? UnitScale(string offerUnit, OfferTarget target) => (offerUnit, target.Unit) switch
    {
        ("Hrs", "hour") => 1m,
        ("GB-Mo", "GB-month") => 1m,
        ("IOPS-Mo", "IOPS-month") => 1m,
        ("GiBps-mo", "MiBps-month") => 1m / 1024m,
        ("MiBps-Mo", "MiBps-month") => 1m,
        ("GB", "GB processed") => 1m,
        _ => null,
    };
}
