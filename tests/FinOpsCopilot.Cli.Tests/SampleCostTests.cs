using System.Text.Json;
using FinOpsCopilot.Cli.Reporting;
using FinOpsCopilot.Core.Analysis;

namespace FinOpsCopilot.Cli.Tests;

/// <summary>
/// The sample totals, worked out by hand once from the catalog's unit prices (us-east-1, 730 h) and pinned.
/// costly.yaml:
///   AppServer m5.xlarge 0.192 × 730 = 140.16; root 50 GB gp2 × 0.10 = 5; 200 GB gp3 × 0.08 = 16, 3,000 IOPS × 0.005 = 15, 125 MiB/s × 0.04 = 5 → 181.16
///   LegacyWorker m4.large 0.10 × 730 = 73; JournalVolume 100 GB io1 × 0.125 = 12.5 + 4,000 IOPS × 0.065 = 260 → 272.5
///   WorkerGroup 3 × c7g.large 0.0725 × 730 = 158.775 + 3 × 30 GB gp3 × 0.08 = 7.2 → 165.975
///   StagingDatabase db.m5.large postgres Multi-AZ 0.356 × 730 = 259.88 + 100 GB gp3 Multi-AZ × 0.23 = 23 → 282.88
///   AnalyticsWriter db.r6g.large aurora-postgresql I/O-Optimized 0.338 × 730 = 246.74; AnalyticsCluster storage: usage
///   SessionCache 2 × cache.r7g.large valkey 0.1752 × 730 = 255.792
///   3 Elastic IPs × 0.005 × 730 = 10.95; 2 NAT gateways × 0.045 × 730 = 65.70; NLB 0.0225 × 730 = 16.425; EKS 0.10 × 730 = 73
///   Lambda, S3, log group: usage only; OrdersTable: DynamoDB is priced in us-east-2 only, so no price (not $0)
///   Total 1,644.122.
/// database.json: db.m5.large postgres Multi-AZ 259.88 + 200 GB gp2 Multi-AZ × 0.23 = 46 → 305.88.
/// web-tier.yaml: ALB 16.425 + 4 × m5.large 0.096 × 730 = 280.32 + bastion t3.micro 0.0104 × 730 = 7.592 → 304.337.
/// storage.yaml and sam-app: usage only → 0.
/// usage/ingest.yaml (us-east-2 from its .finops.yml, every usage line given):
///   NAT 0.045 × 730 = 32.85 + 800 GB × 0.045 = 36 → 68.85; Lambda 5M requests × 0.20 = 1 + 5M × 0.2 s × 0.25 GB = 250,000 GB-s
///   × 0.0000133334 = 3.33335 → 4.33335; logs 50 GB × 0.50 + 150 GB × 0.03 = 29.5; DynamoDB 20M WRU × 0.625 + 80M RRU × 0.125
///   + 40 GB × 0.25 = 32.5; S3 2,000 GB × 0.023 + 1,000k PUT × 0.005 + 10,000k GET × 0.0004 = 55 → 190.18335.
/// Samples total 2,254.339 + 190.18335 = 2,444.52235.
/// </summary>
public class SampleCostTests
{
    private static string Samples => Path.Combine(RepoRoot(), "samples");

    /// <summary>The sample folders whose totals were worked out by hand (not samples/terraform, which the Terraform work owns).</summary>
    private static string[] PricedSamples => new[] { "cloudformation", "sam-app", "usage" }.Select(d => Path.Combine(Samples, d)).ToArray();

    [Fact]
    public void Costly_sample_total_is_pinned()
    {
        var result = WorkspaceAnalysis.Run([Path.Combine(Samples, "cloudformation", "costly.yaml")]);
        var cost = Assert.Single(result.Costs);
        Assert.Equal(1644.122m, cost.Amount);
        Assert.Equal("us-east-1", cost.Region);
        var table = cost.Resources.Single(r => r.ResourceAddress == "OrdersTable");
        Assert.All(table.Components, c => Assert.StartsWith("no price for dynamodb/", c.Note));
    }

    [Fact]
    public void Samples_total_is_pinned()
    {
        var result = WorkspaceAnalysis.Run(PricedSamples);
        Assert.Equal(2444.52235m, result.Costs.Sum(c => c.Amount));
    }

    [Fact]
    public void Cost_findings_on_the_samples_are_pinned()
    {
        var root = RepoRoot();
        var findings = WorkspaceAnalysis.Run(PricedSamples).Findings
            .Where(f => FinOpsCopilot.Core.Rules.RuleCatalog.Find(f.RuleId)?.Category == "cost")
            .Select(f => $"{Path.GetRelativePath(root, f.FilePath).Replace('\\', '/')}:{f.Range.Start.Line + 1}:{f.Range.Start.Character + 1} {f.RuleId} {f.ResourceAddress} {f.MonthlySaving?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")
            .ToList();
        Assert.Equal(
        [
            "samples/cloudformation/costly.yaml:11:21 ec2-graviton AppServer 27.74",
            "samples/cloudformation/costly.yaml:15:46 ebs-gp2-to-gp3 AppServer 1.00",
            "samples/cloudformation/costly.yaml:26:21 ec2-previous-generation LegacyWorker 2.92",
            "samples/cloudformation/costly.yaml:38:19 ebs-io1-to-gp3 JournalVolume 259.50",
            "samples/cloudformation/costly.yaml:73:24 rds-graviton StagingDatabase 27.74",
            "samples/cloudformation/costly.yaml:74:16 rds-multi-az-nonprod StagingDatabase 141.44",
            "samples/cloudformation/costly.yaml:137:3 eip-unattached SpareAddress 3.65",
            "samples/cloudformation/costly.yaml:156:3 nat-gateway-per-az-nonprod NatGatewayB 32.85",
            "samples/cloudformation/database.json:43:28 rds-graviton OrdersDatabase 27.74",
            "samples/cloudformation/database.json:45:24 rds-gp2-to-gp3 OrdersDatabase -",
            "samples/cloudformation/storage.yaml:10:3 s3-abort-incomplete-multipart-missing RawEventsBucket -",
            "samples/cloudformation/storage.yaml:10:3 s3-lifecycle-missing RawEventsBucket -",
            "samples/cloudformation/storage.yaml:10:3 s3-noncurrent-version-expiration-missing RawEventsBucket -",
            "samples/cloudformation/storage.yaml:25:3 s3-abort-incomplete-multipart-missing CuratedBucket -",
            "samples/cloudformation/storage.yaml:25:3 s3-lifecycle-missing CuratedBucket -",
            "samples/cloudformation/storage.yaml:35:3 s3-abort-incomplete-multipart-missing SharedReportsBucket -",
            "samples/cloudformation/storage.yaml:35:3 s3-lifecycle-missing SharedReportsBucket -",
            "samples/cloudformation/storage.yaml:38:3 log-group-retention-missing PipelineLogs -",
            "samples/cloudformation/web-tier.yaml:67:23 ec2-graviton WebLaunchTemplate 13.87",
            "samples/cloudformation/web-tier.yaml:98:21 ec2-graviton BastionHost 1.46",
            "samples/sam-app/template.yaml:29:22 lambda-arm64 ResizeFunction -",
            "samples/sam-app/template.yaml:40:3 lambda-arm64 CleanupFunction -",
        ], findings);
    }

    [Fact]
    public void Usage_sample_is_complete_and_pinned()
    {
        var result = WorkspaceAnalysis.Run([Path.Combine(Samples, "usage")]);
        var cost = Assert.Single(result.Costs);
        Assert.Equal("us-east-2", cost.Region);
        Assert.Equal(190.18335m, cost.Amount);
        Assert.False(cost.IsPartial);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Json_output_has_monthly_cost_per_resource_file_and_total()
    {
        var json = Render(new JsonReporter(), Path.Combine(Samples, "cloudformation", "costly.yaml"));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var server = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "AppServer");
        var cost = server.GetProperty("monthlyCost");
        Assert.Equal(181.16m, cost.GetProperty("amount").GetDecimal());
        Assert.Equal("USD", cost.GetProperty("currency").GetString());
        var line = cost.GetProperty("components")[0];
        Assert.Equal("Instance (m5.xlarge)", line.GetProperty("name").GetString());
        Assert.Equal(730m, line.GetProperty("quantity").GetDecimal());
        Assert.Equal("hours", line.GetProperty("unit").GetString());
        Assert.Equal(0.192m, line.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(140.16m, line.GetProperty("monthlyCost").GetDecimal());
        Assert.False(line.GetProperty("usageBased").GetBoolean());

        var nat = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "NatGatewayA");
        var data = nat.GetProperty("monthlyCost").GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Data processed");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("monthlyCost").ValueKind);
        Assert.True(data.GetProperty("usageBased").GetBoolean());
        Assert.Equal("depends on usage (monthly_data_processed_gb)", data.GetProperty("note").GetString());

        Assert.Equal(1644.12m, root.GetProperty("files")[0].GetProperty("monthlyCost").GetProperty("amount").GetDecimal());
        Assert.Equal(1644.12m, root.GetProperty("summary").GetProperty("monthlyCost").GetProperty("amount").GetDecimal());
        Assert.True(root.GetProperty("summary").GetProperty("monthlyCost").GetProperty("partial").GetBoolean());
        var saving = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "eip-unattached");
        Assert.Equal(3.65m, saving.GetProperty("monthlySaving").GetDecimal());
    }

    [Fact]
    public void Text_markdown_and_sarif_show_the_total()
    {
        var file = Path.Combine(Samples, "cloudformation", "costly.yaml");
        Assert.Contains("Total $1,644.12/month", Render(new TextReporter(false), file));
        Assert.Contains("### Monthly cost: $1,644.12 + usage", Render(new MarkdownReporter(), file));
        using var sarif = JsonDocument.Parse(Render(new SarifReporter(), file));
        var sarifCost = sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("monthlyCost");
        Assert.Equal(1644.12m, sarifCost.GetProperty("amount").GetDecimal());
        var server = sarifCost.GetProperty("files")[0].GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "AppServer");
        Assert.Equal(181.16m, server.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public void Command_line_region_applies_when_neither_code_nor_policy_names_one()
    {
        var result = WorkspaceAnalysis.Run([Path.Combine(Samples, "cloudformation", "database.json")], region: "eu-west-1");
        var cost = Assert.Single(result.Costs);
        Assert.Equal("eu-west-1", cost.Region);
        Assert.NotEqual(305.88m, cost.Amount);
        var unknown = WorkspaceAnalysis.Run([Path.Combine(Samples, "cloudformation", "database.json")], region: "xx-nowhere-1");
        Assert.NotNull(Assert.Single(unknown.Costs).RegionError);
    }

    private static string Render(IReporter reporter, string path)
    {
        var report = new Report(WorkspaceAnalysis.Run([path]), RepoRoot());
        var writer = new StringWriter();
        reporter.Write(report, writer);
        return writer.ToString();
    }

    public static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "FinOpsCopilot.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repo root not found");
        return dir;
    }
}
