using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.Rules;

public class TagRuleTests
{
    private static string Bucket(string tags, string name = "Data") => $$"""
        Resources:
          {{name}}:
            Type: AWS::S3::Bucket
            Properties:
              Tags: {{tags}}
        """;

    private const string AllGood = "[{Key: CostCenter, Value: CC-1234}, {Key: Environment, Value: prod}, {Key: Owner, Value: me}]";

    [Fact]
    public void Compliant_resource_has_no_findings() => Assert.Empty(Analyze(Bucket(AllGood), StandardPolicy));

    [Fact]
    public void Missing_tags_are_one_finding_on_the_name()
    {
        var content = Bucket("[{Key: Owner, Value: me}]");
        var f = Assert.Single(Analyze(content, StandardPolicy));
        Assert.Equal("tag-missing", f.RuleId);
        Assert.Equal(Core.Model.Severity.Error, f.Severity);
        Assert.Equal("Data", Covered(content, f.Range));
        Assert.Equal("'Data' (AWS::S3::Bucket) is missing required tags: CostCenter, Environment", f.Message);
        Assert.Equal("CostCenter, Environment", f.Fix!.Arguments["keys"]);
        Assert.Equal("Data", f.ResourceAddress);
    }

    [Fact]
    public void Unknown_values_count_as_present_and_are_not_judged()
    {
        var content = Bucket("[{Key: CostCenter, Value: !ImportValue cc}, {Key: Environment, Value: !Ref AWS::StackName}, {Key: Owner, Value: me}]");
        Assert.Empty(Analyze(content, StandardPolicy));
    }

    [Fact]
    public void Unknown_tag_sets_are_not_called_missing()
    {
        Assert.Empty(Analyze(Bucket("!Ref TagList"), StandardPolicy));
    }

    [Fact]
    public void Invalid_values_point_at_the_value()
    {
        var content = Bucket("[{Key: CostCenter, Value: cc-12}, {Key: Environment, Value: production}, {Key: Owner, Value: ''}]");
        var findings = Analyze(content, StandardPolicy);
        Assert.All(findings, f => Assert.Equal("tag-value-invalid", f.RuleId));
        Assert.Equal(["cc-12", "production", "''"], findings.Select(f => Covered(content, f.Range)));
        Assert.Contains("not matching /^CC-[0-9]{4}$/", findings[0].Message);
        Assert.Contains("not one of [prod, staging, dev]", findings[1].Message);
        Assert.Contains("is empty", findings[2].Message);
    }

    [Fact]
    public void Numbers_are_compared_as_their_source_text()
    {
        const string policy = "tags:\n  required:\n    - key: Tier\n      values: ['1', '2']\n";
        Assert.Empty(Analyze(Bucket("[{Key: Tier, Value: 1}]"), policy));
        Assert.Single(Analyze(Bucket("[{Key: Tier, Value: 3}]"), policy));
    }

    [Fact]
    public void Key_case_differences_are_their_own_rule()
    {
        var content = Bucket("[{Key: costcenter, Value: CC-1234}, {Key: Environment, Value: prod}, {Key: Owner, Value: me}]");
        var f = Assert.Single(Analyze(content, StandardPolicy));
        Assert.Equal("tag-key-case", f.RuleId);
        Assert.Equal(Core.Model.Severity.Warning, f.Severity);
        Assert.Equal("costcenter", Covered(content, f.Range));
        Assert.Equal("CostCenter", f.Fix!.Arguments["to"]);
    }

    [Fact]
    public void Case_insensitive_keys_accept_any_case()
    {
        var content = Bucket("[{Key: costcenter, Value: CC-1234}, {Key: ENVIRONMENT, Value: prod}, {Key: owner, Value: me}]");
        Assert.Empty(Analyze(content, StandardPolicy + "\n  caseSensitiveKeys: false"));
    }

    [Fact]
    public void Case_insensitive_values()
    {
        var content = Bucket("[{Key: CostCenter, Value: CC-1234}, {Key: Environment, Value: PROD}, {Key: Owner, Value: me}]");
        Assert.Single(Analyze(content, StandardPolicy));
        Assert.Empty(Analyze(content, StandardPolicy + "\n  caseSensitiveValues: false"));
    }

    [Fact]
    public void Non_taggable_types_are_never_checked()
    {
        var content = "Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties: {Bucket: b, PolicyDocument: {}}\n";
        Assert.Empty(Analyze(content, StandardPolicy));
    }

    [Fact]
    public void AppliesTo_and_exemptions()
    {
        var content = Bucket("[]", "LegacyBucket");
        Assert.Empty(Analyze(content, StandardPolicy + "\n  appliesTo: ['AWS::EC2::*']"));
        Assert.Empty(Analyze(content, StandardPolicy + "\n  exempt:\n    types: ['AWS::S3::*']"));
        Assert.Empty(Analyze(content, StandardPolicy + "\n  exempt:\n    resources: ['Legacy*']"));
        Assert.Single(Analyze(content, StandardPolicy + "\n  exempt:\n    resources: ['Other*']"));
    }

    [Fact]
    public void Severity_overrides_and_off()
    {
        var content = Bucket("[]");
        Assert.Equal(Core.Model.Severity.Info, Assert.Single(Analyze(content, StandardPolicy + "\nrules:\n  tag-missing: info")).Severity);
        Assert.Empty(Analyze(content, StandardPolicy + "\nrules:\n  tag-missing: off"));
    }

    [Fact]
    public void Ignore_comments_suppress_the_named_rule_for_that_resource()
    {
        var content = "Resources:\n  # finops:ignore tag-missing\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n";
        var f = Assert.Single(Analyze(content, StandardPolicy));
        Assert.Equal("B", f.ResourceAddress);
    }

    [Fact]
    public void Ignore_comment_for_another_rule_does_not_suppress()
    {
        var content = "Resources:\n  A:  # finops:ignore tag-key-case\n    Type: AWS::S3::Bucket\n";
        Assert.Single(Analyze(content, StandardPolicy));
    }

    [Fact]
    public void Wildcard_allowed_values()
    {
        const string policy = "tags:\n  required:\n    - key: Team\n      values: ['team-*']\n";
        Assert.Empty(Analyze(Bucket("[{Key: Team, Value: team-web}]"), policy));
        Assert.Single(Analyze(Bucket("[{Key: Team, Value: web}]"), policy));
    }

    [Fact]
    public void A_tag_from_sam_globals_is_reported_with_its_origin()
    {
        var content = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Tags: { CostCenter: nope, Environment: prod, Owner: x }
            Resources:
              Fn:
                Type: AWS::Serverless::Function
            """;
        var f = Assert.Single(Analyze(content, StandardPolicy));
        Assert.Equal("nope", Covered(content, f.Range));
        Assert.Equal("applies to 'Fn' (AWS::Serverless::Function) through the template default", Assert.Single(f.Related).Message);
    }

    [Fact]
    public void Empty_policy_reports_nothing_about_tags() => Assert.Empty(Analyze(Bucket("[]"), ""));
}
