using System.Text;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Import;

namespace FinOpsCopilot.Core.Tests.Pricing;

public class SharedFactsImporterTests
{
    /// <summary>The shared facts sit beside the checkout (../shared), as on CI and in a developer's workspace.</summary>
    private static string FactsPath => Path.GetFullPath(Path.Combine(PriceCatalogTests.RepoRoot(), "..", "shared", "pricing", "aws-prices.json"));

    private static string CommittedPath => Path.Combine(PriceCatalogTests.RepoRoot(), "server", "FinOpsCopilot.Core", "Data", "aws-price-catalog.json");

    /// <summary>The embedded catalog is what <c>finops-copilot pricing build</c> makes of the shared facts, to the byte.</summary>
    [Fact]
    public void The_committed_catalog_is_built_from_the_shared_facts()
    {
        Assert.True(File.Exists(FactsPath),
            $"the shared price facts are missing: expected {FactsPath} (../shared/pricing/aws-prices.json beside the checkout)");
        PriceCatalog built;
        using (var facts = File.OpenRead(FactsPath)) built = SharedFactsImporter.Import(facts);
        var expected = File.ReadAllText(CommittedPath).ReplaceLineEndings("\n");
        var actual = PriceCatalogWriter.ToText(built, SharedFactsImporter.Generator);
        if (expected != actual)
        {
            var (e, a) = (expected.Split('\n'), actual.Split('\n'));
            int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{CommittedPath} is not what 'finops-copilot pricing build' makes of {FactsPath}; regenerate it. "
                + $"First difference at line {line + 1}:\n committed: {e.ElementAtOrDefault(line)}\n built:     {a.ElementAtOrDefault(line)}");
        }
    }

    private static PriceCatalog Import(string json) => SharedFactsImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private const string Minimal = """
        {"format":"aws-prices/1","currency":"USD","built":"2026-01-02",
         "sources":{"b":{"commit":"c2","commit_date":"2025-01-01"},"a":{"commit":"c1","data_date":"2024-05-06","commit_date":"2024-06-01"}},
         "ec2":{"instances":{"m9.large":{"vcpu":2,"mem_gib":8.0,"arch":"arm64","price":{"us-east-1":0.1,"eu-west-1":null}}}},
         "elasticache":{"nodes":{"cache.m9.large":{"price":{"eu-west-1":{"redis":0.2,"valkey":0.16}}}}},
         "rds":{"instances":[
            {"class":"db.r9.large","engine":"aurora-mysql","license":"none","deployment":"single-az","region":"us-east-1","usd":0.3,"unit":"hour"},
            {"class":"db.r9.large","engine":"aurora-mysql","license":"none","deployment":"single-az","region":"us-east-1","usd":0.4,"unit":"hour","aurora_storage":"io-optimized"},
            {"class":"db.m9.large","engine":"postgres","license":"none","deployment":"multi-az","region":"us-east-1","usd":0.5,"unit":"hour"}],
          "regional":{"gp3_single_az":{"unit":"GB-month","usd_by_region":{"us-east-1":0.115}}}},
         "ebs":{"regional":{"gp3":{"unit":"GB-month","usd_by_region":{"us-east-1":0.08,"eu-west-1":0.088}}},
                "prices":{"gp3":{"unit":"GB-month","usd":0.09},"io2_iops":{"unit":"IOPS-month","usd":0.065}}},
         "s3":{"regional":{"STANDARD":{"storage":{"unit":"GB-month","usd_by_region":{"us-east-1":0.023}}}}},
         "other":{"regional":{"lambda":{"x86":{"unit":"GB-seconds","usd_by_region":{"us-east-1":1.66667e-05}}}},
                  "services":{"dynamodb":{"region":"us-east-2","storage":{"unit":"GB-month","usd":0.25}},
                              "elasticache_backup_storage":{"unit":"GB-month","usd":0.085}}}}
        """;

    [Fact]
    public void Mirrors_the_sku_naming_and_precedence_of_the_facts()
    {
        var catalog = Import(Minimal);
        Assert.Equal(0.1m, catalog.Find("us-east-1", "ec2/m9.large")!.Value.Amount);
        Assert.Null(catalog.Find("eu-west-1", "ec2/m9.large"));
        Assert.Equal(0.16m, catalog.Find("eu-west-1", "elasticache/cache.m9.large/valkey")!.Value.Amount);
        Assert.Equal(0.3m, catalog.Find("us-east-1", "rds/db.r9.large/aurora-mysql/none/standard")!.Value.Amount);
        Assert.Equal(0.4m, catalog.Find("us-east-1", "rds/db.r9.large/aurora-mysql/none/io-optimized")!.Value.Amount);
        Assert.Equal(0.5m, catalog.Find("us-east-1", "rds/db.m9.large/postgres/none/multi-az")!.Value.Amount);
        Assert.Equal(0.115m, catalog.Find("us-east-1", "rds-storage/gp3_single_az")!.Value.Amount);
        Assert.Equal(0.08m, catalog.Find("us-east-1", "ebs/gp3")!.Value.Amount); // regional data wins over the us-east-1 item
        Assert.Equal(0.065m, catalog.Find("us-east-1", "ebs/io2_iops")!.Value.Amount); // which fills what the regional data lacks
        Assert.Equal(0.023m, catalog.Find("us-east-1", "s3/STANDARD/storage")!.Value.Amount);
        Assert.Equal(0.0000166667m, catalog.Find("us-east-1", "lambda/x86")!.Value.Amount);
        Assert.Equal(0.25m, catalog.Find("us-east-2", "dynamodb/storage")!.Value.Amount);
        Assert.Equal(0.085m, catalog.Find("us-east-1", "elasticache/backup_storage")!.Value.Amount);
        Assert.Equal(new InstanceSpec(2, 8m, "arm64", null), catalog.InstanceTypes["m9.large"]);
        Assert.Equal(new PriceSource("c1", "2024-05-06"), catalog.Sources["a"]);
        Assert.Equal(new PriceSource("c2", "2025-01-01"), catalog.Sources["b"]);
        Assert.Equal(["eu-west-1", "us-east-1", "us-east-2"], catalog.Regions);
    }

    [Fact]
    public void Writes_numbers_exactly_and_reads_back_the_same_catalog()
    {
        var text = PriceCatalogWriter.ToText(Import(Minimal), SharedFactsImporter.Generator);
        Assert.Contains("\"lambda/x86\":[", text);
        Assert.Contains(",0.0000166667,", text);
        Assert.Contains("\"m9.large\":[2,8,\"arm64\",null]", text);
        Assert.DoesNotMatch(@"\d[eE][-+]?\d", text);
        var again = PriceCatalogReader.Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, PriceCatalogWriter.ToText(again, SharedFactsImporter.Generator));
    }

    [Fact]
    public void Rejects_another_format()
    {
        Assert.Throws<FormatException>(() => Import("""{"format":"finops-price-catalog/1"}"""));
        Assert.Throws<FormatException>(() => Import("""{"format":"aws-prices/1"}"""));
    }
}
