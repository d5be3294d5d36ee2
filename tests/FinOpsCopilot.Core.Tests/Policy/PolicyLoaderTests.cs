using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;

namespace FinOpsCopilot.Core.Tests.Policy;

public class PolicyLoaderTests
{
    private static PolicyException Broken(string yaml) => Assert.Throws<PolicyException>(() => PolicyLoader.Parse("p.yml", yaml));

    [Fact]
    public void Reads_every_field()
    {
        var policy = PolicyLoader.Parse("p.yml", """
            version: 1
            region: eu-west-1
            tags:
              required:
                - Owner
                - key: Environment
                  values: [prod, dev]
                - key: CostCenter
                  pattern: '^CC-\d+$'
              caseSensitiveKeys: false
              caseSensitiveValues: false
              appliesTo: ["AWS::EC2::*", aws_instance]
              exempt:
                types: [AWS::Logs::LogGroup]
                resources: ["Legacy*"]
            rules:
              tag-key-case: off
              tag-missing: warning
            """);
        Assert.Equal("eu-west-1", policy.Region);
        Assert.Equal(["Owner", "Environment", "CostCenter"], policy.Tags.Required.Select(r => r.Key));
        Assert.Equal(["prod", "dev"], policy.Tags.Required[1].AllowedValues!);
        Assert.True(policy.Tags.Required[2].Allows("CC-12", true));
        Assert.False(policy.Tags.CaseSensitiveKeys);
        Assert.False(policy.Tags.CaseSensitiveValues);
        Assert.True(policy.Tags.AppliesToType("AWS::EC2::Instance"));
        Assert.False(policy.Tags.AppliesToType("AWS::S3::Bucket"));
        Assert.True(policy.Tags.IsExempt("LegacyDb", "LegacyDb"));
        Assert.Null(policy.RuleLevels["tag-key-case"]);
        Assert.Equal(Severity.Warning, policy.RuleLevels["tag-missing"]);
    }

    [Fact]
    public void Empty_file_is_an_empty_policy() => Assert.Empty(PolicyLoader.Parse("p.yml", "# nothing yet\n").Tags.Required);

    [Fact]
    public void Unknown_keys_point_at_their_line_and_suggest()
    {
        var e = Broken("version: 1\ntags:\n  requried: [Owner]\n");
        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Contains("did you mean 'required'", e.Message);
        Assert.StartsWith("p.yml:3:3: unknown key 'requried'", e.Message);
    }

    [Fact]
    public void Invalid_yaml_points_at_the_error()
    {
        var e = Broken("tags:\n  required: [Owner\nrules: {}\n");
        Assert.Contains("invalid YAML", e.Message);
        Assert.InRange(e.Line, 2, 4);
    }

    [Theory]
    [InlineData("tags:\n  required:\n    - key: A\n      pattern: '[unclosed'\n", 4, "invalid regular expression")]
    [InlineData("rules:\n  tag-missing: loud\n", 2, "not a level")]
    [InlineData("rules:\n  tag-mising: error\n", 2, "did you mean 'tag-missing'")]
    [InlineData("version: 2\n", 1, "only version 1")]
    [InlineData("tags:\n  required: Owner\n", 2, "must be a list")]
    [InlineData("tags:\n  required:\n    - values: [a]\n", 3, "needs a 'key'")]
    [InlineData("tags:\n  required: [A, A]\n", 2, "required twice")]
    [InlineData("tags:\n  caseSensitiveKeys: maybe\n", 2, "true or false")]
    [InlineData("- just\n- a list\n", 1, "must be a mapping")]
    [InlineData("tags:\n  organizationPolicy: missing.json\n", 2, "not found")]
    public void Broken_policies_name_line_and_reason(string yaml, int line, string reason)
    {
        var e = Broken(yaml);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Organization_tag_policy_supplies_keys_and_values()
    {
        var dir = Directory.CreateTempSubdirectory("finops-policy-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "org.json"), """
                {
                  "tags": {
                    "costcenter": {
                      "tag_key": { "@@assign": "CostCenter" },
                      "tag_value": { "@@assign": ["100", "200", "3*"] },
                      "enforced_for": { "@@assign": ["ec2:instance"] }
                    },
                    "project": { "tag_key": { "@@assign": "Project" } }
                  }
                }
                """);
            var path = Path.Combine(dir.FullName, ".finops.yml");
            File.WriteAllText(path, "tags:\n  required: [Owner]\n  organizationPolicy: org.json\n");
            var policy = PolicyLoader.Load(path);
            Assert.Equal(["Owner", "CostCenter", "Project"], policy.Tags.Required.Select(r => r.Key));
            var cc = policy.Tags.Required[1];
            Assert.True(cc.Allows("200", true));
            Assert.True(cc.Allows("300", true));
            Assert.False(cc.Allows("400", true));
            Assert.False(policy.Tags.Required[2].RestrictsValues);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Broken_organization_policy_json_is_an_error()
    {
        var e = Assert.Throws<PolicyException>(() => OrganizationTagPolicy.Parse("org.json", "{\n  \"tags\": {,\n}"));
        Assert.Equal(2, e.Line);
    }
}
