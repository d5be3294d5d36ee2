using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Pricing.Import;

namespace FinOpsCopilot.Core.Tests.Pricing;

/// <summary>The importer on small excerpts written in the official Price List Bulk API offer-file schema.</summary>
public class OfferFileImporterTests
{
    private static string Fixture(string name) => Path.Combine(PriceCatalogTests.RepoRoot(), "tests", "FinOpsCopilot.Core.Tests", "Pricing", "OfferFiles", name);

    private static (PriceCatalog Catalog, OfferImportResult Result) Import(string name, PriceCatalog? start = null)
    {
        var builder = new PriceCatalogBuilder(start);
        using var stream = File.OpenRead(Fixture(name));
        var result = OfferFileImporter.Import(stream, builder);
        return (builder.Build(), result);
    }

    [Fact]
    public void Ec2_excerpt_imports_linux_on_demand_prices_and_skips_the_rest()
    {
        var (catalog, result) = Import("ec2-us-east-1-excerpt.json");
        Assert.Equal("AmazonEC2", result.OfferCode);
        Assert.Equal(4, result.Imported);
        Assert.Equal(1, result.Skipped); // the Windows product
        Assert.Empty(result.Problems);
        Assert.Equal(new Price(0.091m, "hour"), catalog.Find("us-east-1", "ec2/m5.large"));
        Assert.Equal(new Price(0.075m, "GB-month"), catalog.Find("us-east-1", "ebs/gp3"));
        Assert.Equal(new Price(0.04m, "MiBps-month"), catalog.Find("us-east-1", "ebs/gp3_throughput_above_125"));
        Assert.Equal(new Price(0.045m, "hour"), catalog.Find("us-east-1", "nat_gateway/hourly"));
    }

    [Fact]
    public void Imported_prices_overlay_the_shipped_catalog()
    {
        var (catalog, _) = Import("ec2-us-east-1-excerpt.json", PriceCatalog.Default);
        Assert.Equal(0.091m, catalog.Find("us-east-1", "ec2/m5.large")!.Value.Amount);
        Assert.Equal(0.107m, catalog.Find("eu-west-1", "ec2/m5.large")!.Value.Amount);
        Assert.Equal(PriceCatalog.Default.Skus.Count, catalog.Skus.Count);
        Assert.Equal(PriceCatalog.Default.InstanceTypes.Count, catalog.InstanceTypes.Count);
    }

    [Fact]
    public void Rds_excerpt_keeps_multi_az_instances_and_skips_readable_standby_clusters()
    {
        var (catalog, result) = Import("rds-eu-west-1-excerpt.json");
        Assert.Equal(1, result.Imported);
        Assert.Equal(1, result.Skipped);
        Assert.Equal(0.39m, catalog.Find("eu-west-1", "rds/db.m5.large/postgres/none/multi-az")!.Value.Amount);
    }

    [Fact]
    public void Written_catalog_reads_back_identically()
    {
        var (imported, _) = Import("ec2-us-east-1-excerpt.json", PriceCatalog.Default);
        using var stream = new MemoryStream();
        PriceCatalogWriter.Write(imported, stream, "test");
        var read = PriceCatalogReader.Read(stream.ToArray());
        Assert.Equal(imported.Regions, read.Regions);
        Assert.Equal(imported.Skus, read.Skus);
        foreach (var sku in new[] { "ec2/m5.large", "ebs/gp3", "rds/db.m5.large/postgres/none/single-az", "lambda/requests" })
            foreach (var region in read.Regions)
                Assert.Equal(imported.Find(region, sku), read.Find(region, sku));
        Assert.Equal(imported.InstanceTypes["m6g.large"], read.InstanceTypes["m6g.large"]);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Streaming_reads_the_same_whatever_the_buffer_size(int bufferSize)
    {
        var visitor = new Recorder();
        using (var stream = File.OpenRead(Fixture("ec2-us-east-1-excerpt.json"))) OfferFileReader.Read(stream, visitor, bufferSize);
        Assert.Equal("AmazonEC2", visitor.Headers["offerCode"]);
        Assert.Equal("2026-11-01T00:00:00Z", visitor.Headers["publicationDate"]);
        Assert.Equal(["AAAA1111LINUXM5L", "BBBB2222WINDOWSM5", "CCCC3333GP3STORAGE", "DDDD4444GP3THROUGH", "EEEE5555NATHOURS"], visitor.Products);
        Assert.Equal(visitor.Products, visitor.Terms);
    }

    private sealed class Recorder : OfferFileReader.IVisitor
    {
        public Dictionary<string, string> Headers { get; } = [];
        public List<string> Products { get; } = [];
        public List<string> Terms { get; } = [];
        public void Header(string name, string value) => Headers[name] = value;
        public void Product(string sku, System.Text.Json.JsonElement product) => Products.Add(sku);
        public void OnDemand(string sku, System.Text.Json.JsonElement offers) => Terms.Add(sku);
    }

    [Fact]
    public void A_truncated_file_is_an_error()
    {
        var bytes = File.ReadAllBytes(Fixture("ec2-us-east-1-excerpt.json"));
        using var stream = new MemoryStream(bytes, 0, bytes.Length / 2);
        Assert.Throws<FormatException>(() => OfferFileImporter.Import(stream, new PriceCatalogBuilder()));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_an_offer_file()
    {
        using var stream = new MemoryStream("{\"format\":\"aws-prices/1\"}"u8.ToArray());
        Assert.Throws<FormatException>(() => OfferFileImporter.Import(stream, new PriceCatalogBuilder()));
    }
}
