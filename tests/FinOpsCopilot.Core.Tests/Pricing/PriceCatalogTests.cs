using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Tests.Pricing;

/// <summary>Unit prices of well-known SKUs, pinned: a catalog rebuild that changes one must be a deliberate choice.</summary>
public class PriceCatalogTests
{
    private static PriceCatalog Catalog => PriceCatalog.Default;

    [Theory]
    [InlineData("us-east-1", "ec2/m5.large", "0.096", "hour")]
    [InlineData("us-east-1", "ec2/t3.micro", "0.0104", "hour")]
    [InlineData("us-east-1", "ec2/m7g.large", "0.0816", "hour")]
    [InlineData("us-east-1", "ec2/m6g.large", "0.077", "hour")]
    [InlineData("eu-central-1", "ec2/t3.xlarge", "0.192", "hour")]
    [InlineData("eu-west-1", "ec2/m5.large", "0.107", "hour")]
    [InlineData("ap-northeast-1", "ec2/a1.large", "0.0642", "hour")]
    [InlineData("ap-south-1", "ec2/c4.2xlarge", "0.4", "hour")]
    [InlineData("us-east-1", "ec2/c6g.metal", "2.176", "hour")]
    [InlineData("us-east-1", "ebs/gp2", "0.1", "GB-month")]
    [InlineData("us-east-1", "ebs/gp3", "0.08", "GB-month")]
    [InlineData("eu-west-1", "ebs/gp3", "0.088", "GB-month")]
    [InlineData("us-east-1", "ebs/gp3_iops_above_3000", "0.005", "IOPS-month")]
    [InlineData("us-east-1", "ebs/gp3_throughput_above_125", "0.04", "MiBps-month")]
    [InlineData("us-east-1", "ebs/io1_iops", "0.065", "IOPS-month")]
    [InlineData("us-east-1", "ebs/st1", "0.045", "GB-month")]
    [InlineData("us-east-1", "ebs/sc1", "0.015", "GB-month")]
    [InlineData("us-east-1", "ebs/snapshot_standard", "0.05", "GB-month")]
    [InlineData("us-east-1", "rds/db.m5.large/postgres/none/single-az", "0.178", "hour")]
    [InlineData("eu-west-1", "rds/db.t3.xlarge/mysql/none/single-az", "0.288", "hour")]
    [InlineData("us-east-1", "rds/db.t4g.micro/postgres/none/single-az", "0.016", "hour")]
    [InlineData("us-east-1", "rds/db.t4g.small/postgres/none/multi-az", "0.065", "hour")]
    [InlineData("us-east-1", "rds-storage/gp3_single_az", "0.115", "GB-month")]
    [InlineData("us-east-1", "rds-storage/gp3_iops_above_baseline_single_az", "0.02", "IOPS-month")]
    [InlineData("us-east-1", "rds-storage/gp2_multi_az", "0.23", "GB-month")]
    [InlineData("us-east-1", "rds-storage/aurora_storage_standard", "0.1", "GB-month")]
    [InlineData("us-east-1", "elasticache/cache.m4.large/redis", "0.156", "hour")]
    [InlineData("us-east-1", "elasticache/cache.m6g.12xlarge/redis", "3.557", "hour")]
    [InlineData("us-east-1", "nat_gateway/hourly", "0.045", "hour")]
    [InlineData("ap-southeast-1", "nat_gateway/hourly", "0.059", "hour")]
    [InlineData("ap-southeast-1", "nat_gateway/data_processed", "0.059", "GB processed")]
    [InlineData("us-east-1", "alb/hourly", "0.0225", "hour")]
    [InlineData("eu-west-1", "alb/hourly", "0.0252", "hour")]
    [InlineData("us-east-1", "alb/lcu_hour", "0.008", "LCU-hour")]
    [InlineData("us-east-1", "public_ipv4/in_use_hourly", "0.005", "hour")]
    [InlineData("us-east-1", "eks/cluster_hourly", "0.1", "hour")]
    [InlineData("us-east-1", "lambda/requests", "0.2", "1M requests")]
    [InlineData("us-east-1", "lambda/x86_64_first_6B_gb_s", "0.0000166667", "GB-seconds")]
    [InlineData("us-east-1", "lambda/arm64_first_7_5B_gb_s", "0.0000133334", "GB-seconds")]
    [InlineData("ap-northeast-1", "cloudwatch_logs/ingestion", "0.76", "GB")]
    [InlineData("ap-northeast-1", "cloudwatch_logs/archival_storage", "0.033", "GB-month")]
    [InlineData("us-east-1", "s3/STANDARD/storage_first_50TB", "0.023", "GB-month")]
    [InlineData("us-east-2", "dynamodb/on_demand_wru", "0.625", "1M request units")]
    [InlineData("us-east-2", "dynamodb/provisioned_wcu_hour", "0.00065", "WCU-hour")]
    public void Pins_well_known_unit_prices(string region, string sku, string usd, string unit)
    {
        var price = Catalog.Find(region, sku);
        Assert.NotNull(price);
        Assert.Equal(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture), price.Value.Amount);
        Assert.Equal(unit, price.Value.Unit);
    }

    [Fact]
    public void A_price_the_sources_lack_is_missing_not_zero()
    {
        Assert.Null(Catalog.Find("ca-central-1", "rds/db.m5.large/postgres/none/single-az"));
        Assert.Null(Catalog.Find("us-east-1", "ec2/no-such.type"));
        Assert.Null(Catalog.ForRegion("xx-nowhere-1"));
        Assert.Null(Catalog.Find("us-east-1", "dynamodb/on_demand_wru"));
    }

    [Fact]
    public void Knows_instance_specs()
    {
        Assert.Equal(new InstanceSpec(2, 8m, "arm64", true), Catalog.InstanceTypes["m6g.large"]);
        Assert.Equal("x86_64", Catalog.InstanceTypes["m5.large"].Architecture);
        Assert.True(Catalog.InstanceTypes.Count > 1300);
    }

    [Fact]
    public void Covers_the_regions_of_the_facts()
    {
        foreach (var region in new[] { "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1", "ap-south-1" })
            Assert.True(Catalog.HasRegion(region), region);
        Assert.True(Catalog.Skus.Count > 2500);
        Assert.Equal("USD", Catalog.Currency);
    }

    [Fact]
    public void Rejects_another_format()
    {
        var e = Assert.Throws<FormatException>(() => PriceCatalogReader.Read("{\"format\":\"aws-prices/1\"}"u8));
        Assert.Contains("finops-price-catalog/1", e.Message);
    }

    public static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "FinOpsCopilot.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repo root not found");
        return dir;
    }
}
