using FinOpsCopilot.Cli.Commands;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Cli.Tests;

public class PricingImportTests
{
    private static string Fixture(string name) =>
        Path.Combine(SampleCostTests.RepoRoot(), "tests", "FinOpsCopilot.Core.Tests", "Pricing", "OfferFiles", name);

    [Fact]
    public void Import_writes_a_catalog_with_the_offer_prices_over_the_shipped_ones()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finops-catalog-{Guid.NewGuid():N}.json");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = PricingCommand.Run(["import", Fixture("ec2-us-east-1-excerpt.json"), Fixture("rds-eu-west-1-excerpt.json"), "-o", output], stdout, stderr);
            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("AmazonEC2 2026-11-01T00:00:00Z: 4 prices imported, 1 products not used", stdout.ToString());
            Assert.Contains("AmazonRDS 2026-11-01T00:00:00Z: 1 prices imported", stdout.ToString());
            var catalog = PriceCatalogReader.ReadFile(output);
            Assert.Equal(0.091m, catalog.Find("us-east-1", "ec2/m5.large")!.Value.Amount);
            Assert.Equal(0.39m, catalog.Find("eu-west-1", "rds/db.m5.large/postgres/none/multi-az")!.Value.Amount);
            Assert.Equal(0.0104m, catalog.Find("us-east-1", "ec2/t3.micro")!.Value.Amount);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void A_file_that_is_not_an_offer_file_is_an_error()
    {
        var stderr = new StringWriter();
        var notOffer = Path.Combine(SampleCostTests.RepoRoot(), "samples", ".finops.yml");
        int code = PricingCommand.Run(["import", notOffer, "-o", Path.Combine(Path.GetTempPath(), "unused.json")], new StringWriter(), stderr);
        Assert.Equal(ExitCodes.PathUnreadable, code);
    }

    [Fact]
    public void Build_names_the_facts_file_it_cannot_read()
    {
        var stderr = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), $"no-facts-{Guid.NewGuid():N}.json");
        int code = PricingCommand.Run(["build", missing, "-o", Path.Combine(Path.GetTempPath(), "unused.json")], new StringWriter(), stderr);
        Assert.Equal(ExitCodes.PathUnreadable, code);
        Assert.Contains(missing, stderr.ToString());
        Assert.Throws<UsageException>(() => PricingCommand.Run(["build", "a.json", "b.json"], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Import_needs_files()
    {
        Assert.Throws<UsageException>(() => PricingCommand.Run(["import"], new StringWriter(), new StringWriter()));
        Assert.Throws<UsageException>(() => PricingCommand.Run(["export"], new StringWriter(), new StringWriter()));
    }
}
