using System.Text.Json;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace FinOpsCopilot.Cli.Tests;

/// <summary>The published JSON Schema for .finops.yml accepts the policies we ship and document, and rejects typos.</summary>
public class PolicySchemaTests
{
    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Validate(string yaml)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.RepoRoot, "docs", "finops-policy.schema.json"));
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        var json = JsonSerializer.Serialize(data);
        return schema.Validate(json);
    }

    [Fact]
    public async Task The_samples_policy_is_valid() =>
        Assert.Empty(await Validate(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "samples", ".finops.yml"))));

    [Fact]
    public async Task The_documented_example_is_valid()
    {
        var doc = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "policy.md"));
        var start = doc.IndexOf("```yaml\nversion: 1", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Empty(await Validate(example));
    }

    [Theory]
    [InlineData("tags:\n  requried: [Owner]\n")]
    [InlineData("rules:\n  tag-missing: loud\n")]
    [InlineData("rules:\n  no-such-rule: error\n")]
    public async Task Typos_are_rejected(string yaml) => Assert.NotEmpty(await Validate(yaml));
}
