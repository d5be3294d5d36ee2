using System.Text.Json;
using NJsonSchema;

namespace FinOpsCopilot.Cli.Tests;

public class OutputFormatTests
{
    // The CloudFormation and SAM samples: output formats are pinned on them, whatever other samples are added.
    private static CliResult Analyze(params string[] extra) =>
        CliRunner.InProcess(CliRunner.RepoRoot, ["analyze", "samples/cloudformation", "samples/sam-app", .. extra]);

    [Fact]
    public void Json_has_the_documented_shape()
    {
        using var json = JsonDocument.Parse(Analyze("--format", "json").Stdout);
        var root = json.RootElement;
        Assert.Equal(["schemaVersion", "tool", "files", "resources", "findings", "summary"], root.EnumerateObject().Select(p => p.Name).Take(6));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("finops-copilot", root.GetProperty("tool").GetProperty("name").GetString());
        var file = root.GetProperty("files").EnumerateArray().First(f => f.GetProperty("path").GetString() == "samples/cloudformation/web-tier.yaml");
        Assert.Equal("cloudformation-yaml", file.GetProperty("format").GetString());
        Assert.Equal(5, file.GetProperty("resourceCount").GetInt32());
        var resource = root.GetProperty("resources")[0];
        Assert.Equal(["address", "type", "name", "file", "range", "tags", "monthlyCost"], resource.EnumerateObject().Select(p => p.Name));
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["ruleId", "severity", "message", "file", "range", "resource"], finding.EnumerateObject().Select(p => p.Name).Take(6));
        var summary = root.GetProperty("summary");
        Assert.Equal(root.GetProperty("files").GetArrayLength(), summary.GetProperty("files").GetInt32());
        Assert.Equal(root.GetProperty("resources").GetArrayLength(), summary.GetProperty("resources").GetInt32());
        var counts = summary.GetProperty("findings");
        Assert.Equal(root.GetProperty("findings").GetArrayLength(),
            counts.GetProperty("error").GetInt32() + counts.GetProperty("warning").GetInt32() + counts.GetProperty("info").GetInt32());
    }

    [Fact]
    public async Task Sarif_validates_against_the_official_schema()
    {
        var schemaPath = Path.Combine(CliRunner.RepoRoot, "..", "shared", "schemas", "sarif-schema-2.1.0.json");
        Assert.True(File.Exists(schemaPath), $"The SARIF 2.1.0 schema is expected at {Path.GetFullPath(schemaPath)} (shared/schemas beside the checkout); it is missing, so SARIF cannot be validated.");
        var schema = await JsonSchema.FromFileAsync(schemaPath);
        var sarif = Analyze("--format", "sarif").Stdout;
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        using var json = JsonDocument.Parse(sarif);
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r => Assert.StartsWith("https://", r.GetProperty("helpUri").GetString()));
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "tag-key-case");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(59, region.GetProperty("startLine").GetInt32());
        Assert.Equal(16, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(21, region.GetProperty("endColumn").GetInt32());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.Equal("samples/cloudformation/web-tier.yaml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task The_schema_check_can_fail()
    {
        // Guards the validation above against passing vacuously: a broken log must be rejected.
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.RepoRoot, "..", "shared", "schemas", "sarif-schema-2.1.0.json"));
        var sarif = Analyze("--format", "sarif").Stdout.Replace("\"startLine\": 59", "\"startLine\": 0").Replace("\"level\": \"warning\"", "\"level\": \"loud\"");
        Assert.NotEmpty(schema.Validate(sarif));
    }

    [Fact]
    public async Task Sarif_of_a_clean_run_is_valid_too()
    {
        var schemaPath = Path.Combine(CliRunner.RepoRoot, "..", "shared", "schemas", "sarif-schema-2.1.0.json");
        var schema = await JsonSchema.FromFileAsync(schemaPath);
        var sarif = CliRunner.InProcess(CliRunner.RepoRoot, "analyze", "samples/docker-compose.yml", "--format", "sarif").Stdout;
        Assert.Empty(schema.Validate(sarif));
    }

    [Fact]
    public void Text_lists_findings_grouped_by_file_with_a_summary()
    {
        var lines = Analyze().Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("samples/cloudformation/web-tier.yaml", lines);
        Assert.Contains(lines, l => l.StartsWith("  samples/cloudformation/web-tier.yaml:94:3  error    tag-missing  'BastionHost' (AWS::EC2::Instance) is missing required tags: CostCenter, Owner", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("✖ 30 findings (7 errors, 12 warnings, 11 info) in 5 files", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", string.Join("\n", lines));
    }

    [Fact]
    public void Markdown_is_a_readable_report()
    {
        var md = Analyze("--format", "markdown").Stdout;
        Assert.StartsWith("## FinOps Copilot report", md);
        Assert.Contains("| 🔴 Error | 7 |", md);
        Assert.Contains("### `samples/cloudformation/web-tier.yaml`", md);
        Assert.Contains("| 🔴 | 94 | `BastionHost` | `tag-missing` |", md);
        Assert.Contains("[`tag-missing`](https://", md);
    }

    [Fact]
    public void Output_file_receives_the_report()
    {
        var file = Path.Combine(Path.GetTempPath(), $"finops-{Guid.NewGuid():N}.json");
        try
        {
            var result = Analyze("--format", "json", "--output", file);
            Assert.Equal("", result.Stdout);
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        }
        finally { File.Delete(file); }
    }
}
