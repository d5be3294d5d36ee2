using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Tests.Pricing;

public class UsagePolicyTests
{
    private const string Policy = """
        version: 1
        region: eu-west-1
        usage:
          defaults:
            AWS::EC2::NatGateway:
              monthly_data_processed_gb: 100
          resources:
            "Nat*":
              monthly_data_processed_gb: 500
            NatPublicA:
              monthly_data_processed_gb: 2000
        """;

    [Fact]
    public void Type_defaults_then_globs_then_exact_address()
    {
        var usage = PolicyLoader.Parse(".finops.yml", Policy).Usage;
        Assert.Equal(100m, usage.For("AWS::EC2::NatGateway", "Other")[UsageKeys.MonthlyDataProcessedGb]);
        Assert.Equal(500m, usage.For("AWS::EC2::NatGateway", "NatPublicB")[UsageKeys.MonthlyDataProcessedGb]);
        Assert.Equal(2000m, usage.For("AWS::EC2::NatGateway", "NatPublicA")[UsageKeys.MonthlyDataProcessedGb]);
        Assert.Empty(usage.For("AWS::S3::Bucket", "Bucket"));
    }

    [Fact]
    public void Usage_changes_the_estimate()
    {
        var policy = PolicyLoader.Parse(".finops.yml", Policy);
        var doc = PricingFixtures.Template("""
              NatPublicA:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: subnet-1 }
            """);
        var cost = CostEstimator.Default.EstimateDocument(doc, policy);
        Assert.Equal("eu-west-1", cost.Region);
        var e = Assert.Single(cost.Resources);
        var data = PricingFixtures.Component(e, "Data processed");
        Assert.Equal(2000m, data.Quantity);
        Assert.True(data.UsageBased);
    }

    [Theory]
    [InlineData("usage:\n  defaults:\n    aws_lambda_function:\n      monthly_request: 5\n", 4, "unknown key 'monthly_request' (did you mean 'monthly_requests'?)")]
    [InlineData("usage:\n  resources:\n    Fn:\n      monthly_requests: lots\n", 4, "monthly_requests must be a number of zero or more, not 'lots'")]
    [InlineData("usage:\n  default: {}\n", 2, "unknown key 'default' (did you mean 'defaults'?)")]
    [InlineData("usage: 5\n", 1, "usage must be a mapping")]
    public void Rejects_bad_usage_with_its_line(string yaml, int line, string message)
    {
        var e = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(".finops.yml", "version: 1\n" + yaml));
        Assert.Contains(message, e.Message);
        Assert.Contains($":{line + 1}:", e.Message);
    }
}

public class RegionTests
{
    [Fact]
    public void Region_order_document_then_policy_then_command_line_then_us_east_1()
    {
        var doc = PricingFixtures.TfDocument(null);
        var withRegion = PricingFixtures.TfDocument("ap-south-1");
        var policy = new FinOpsPolicy { Region = "eu-west-1" };
        Assert.Equal("ap-south-1", CostEstimator.RegionFor(withRegion, policy, "us-west-2"));
        Assert.Equal("eu-west-1", CostEstimator.RegionFor(doc, policy, "us-west-2"));
        Assert.Equal("us-west-2", CostEstimator.RegionFor(doc, FinOpsPolicy.Empty, "us-west-2"));
        Assert.Equal("us-east-1", CostEstimator.RegionFor(doc, FinOpsPolicy.Empty, null));
    }

    [Fact]
    public void A_resource_on_an_aliased_provider_is_priced_in_its_own_region()
    {
        var main = PricingFixtures.Tf("aws_instance", "main", new { instance_type = "m5.large" });
        var dr = PricingFixtures.Tf("aws_instance", "dr", new { instance_type = "m5.large" });
        var lost = PricingFixtures.Tf("aws_instance", "lost", new { instance_type = "m5.large" });
        var doc = PricingFixtures.TfDocument("us-east-1", main, WithRegion(dr, "eu-west-1"), WithRegion(lost, "xx-nowhere-1"));
        var cost = CostEstimator.Default.EstimateDocument(doc, FinOpsPolicy.Empty);
        Assert.Equal("us-east-1", cost.Region);
        Assert.Equal(70.08m, PricingFixtures.Component(cost.Resources[0], "Instance").MonthlyCost);
        Assert.Equal("eu-west-1", cost.Resources[1].Region);
        Assert.Equal(0.107m * 730, PricingFixtures.Component(cost.Resources[1], "Instance").MonthlyCost);
        Assert.Equal("region 'xx-nowhere-1' is not in the price catalog", Assert.Single(cost.Resources[2].Components).Note);
        // Cost rules price in the resource's region too: m5.large → m6g.large in eu-west-1.
        var graviton = FinOpsCopilot.Core.Analysis.DocumentAnalyzer.Analyze(doc, FinOpsPolicy.Empty)
            .Single(f => f.RuleId == "ec2-graviton" && f.ResourceAddress == "aws_instance.dr");
        Assert.Equal(Billing.Round((0.107m - PriceCatalog.Default.Find("eu-west-1", "ec2/m6g.large")!.Value.Amount) * 730), graviton.MonthlySaving);
    }

    private static FinOpsCopilot.Core.Model.IacResource WithRegion(FinOpsCopilot.Core.Model.IacResource r, string region) => new()
    {
        Type = r.Type, Name = r.Name, Address = r.Address, FilePath = r.FilePath, Range = r.Range, NameRange = r.NameRange,
        Properties = r.Properties, Region = region,
    };

    [Fact]
    public void A_region_the_catalog_lacks_is_a_message_not_a_zero()
    {
        var doc = PricingFixtures.TfDocument("xx-nowhere-1", PricingFixtures.Tf("aws_eip", "ip", new { }));
        var cost = CostEstimator.Default.EstimateDocument(doc, FinOpsPolicy.Empty);
        Assert.True(cost.IsPartial);
        Assert.Equal("region 'xx-nowhere-1' is not in the price catalog; nothing in this file is priced", cost.RegionError);
    }
}
