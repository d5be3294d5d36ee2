using System.Text.Json;

namespace FinOpsCopilot.Cli.Tests;

/// <summary>The findings of <c>analyze samples</c> are pinned: a change to them is a change users will see.</summary>
public class SampleFindingsTests
{
    [Fact]
    public void Samples_findings_are_pinned()
    {
        var result = CliRunner.InProcess(CliRunner.RepoRoot, "analyze", "samples", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1}:{f.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32() + 1} {f.GetProperty("ruleId").GetString()} {f.GetProperty("resource").GetString()}")
            .Where(f => !f.StartsWith("samples/terraform/", StringComparison.Ordinal) && !f.StartsWith("samples/cdk-csharp/", StringComparison.Ordinal))
            .Where(f => FinOpsCopilot.Core.Rules.RuleCatalog.Find(f.Split(' ')[1])?.Category != "cost") // pinned in SampleCostTests
            .ToList();
        Assert.Equal(
        [
            "samples/cloudformation/database.json:37:5 tag-missing OrdersDatabase",
            "samples/cloudformation/database.json:51:43 tag-value-invalid OrdersDatabase",
            "samples/cloudformation/storage.yaml:25:3 tag-missing CuratedBucket",
            "samples/cloudformation/web-tier.yaml:59:16 tag-key-case LoadBalancer",
            "samples/cloudformation/web-tier.yaml:88:18 tag-value-invalid WebServerGroup",
            "samples/cloudformation/web-tier.yaml:94:3 tag-missing BastionHost",
            "samples/sam-app/template.yaml:51:22 tag-value-invalid CleanupFunction",
            "samples/sam-app/template.yaml:53:3 tag-missing ThumbnailTable",
        ], findings);
    }

    [Fact]
    public void Samples_resources_and_effective_tags()
    {
        var result = CliRunner.InProcess(CliRunner.RepoRoot, "analyze", "samples/sam-app", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        var resize = json.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "ResizeFunction");
        Assert.Equal("AWS::Serverless::Function", resize.GetProperty("type").GetString());
        var tags = resize.GetProperty("tags");
        Assert.Equal("prod", tags.GetProperty("Environment").GetString());
        Assert.Equal("CC-4100", tags.GetProperty("CostCenter").GetString());
        Assert.Equal(23, resize.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(2, resize.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public void Unknown_tag_values_are_null_in_json()
    {
        var result = CliRunner.InProcess(CliRunner.RepoRoot, "analyze", "samples/cloudformation/storage.yaml", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        var raw = json.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "RawEventsBucket");
        Assert.Equal(JsonValueKind.Null, raw.GetProperty("tags").GetProperty("Owner").ValueKind);
        Assert.Equal("dev", raw.GetProperty("tags").GetProperty("Environment").GetString());
    }
}
