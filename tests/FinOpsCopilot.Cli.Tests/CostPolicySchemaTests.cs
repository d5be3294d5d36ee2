using System.Text.Json;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Rules;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace FinOpsCopilot.Cli.Tests;

/// <summary>The policy schema knows the cost rules, the usage keys and the cost section.</summary>
public class CostPolicySchemaTests
{
    private static string SchemaPath => Path.Combine(SampleCostTests.RepoRoot(), "docs", "finops-policy.schema.json");

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Validate(string yaml)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        return schema.Validate(JsonSerializer.Serialize(data));
    }

    [Fact]
    public async Task The_usage_sample_policy_is_valid() =>
        Assert.Empty(await Validate(File.ReadAllText(Path.Combine(SampleCostTests.RepoRoot(), "samples", "usage", ".finops.yml"))));

    [Fact]
    public async Task Usage_typos_are_rejected()
    {
        Assert.NotEmpty(await Validate("usage:\n  defaults:\n    aws_lambda_function:\n      monthly_request: 5\n"));
        Assert.NotEmpty(await Validate("cost:\n  nonProd: [dev]\n"));
    }

    [Fact]
    public void Schema_lists_every_rule_and_usage_key()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var rules = schema.RootElement.GetProperty("properties").GetProperty("rules").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(RuleCatalog.Codes.Order(), rules);
        var keys = schema.RootElement.GetProperty("definitions").GetProperty("usageFigures").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(UsageKeys.All.Order(), keys);
    }
}
