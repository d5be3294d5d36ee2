using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Fixes;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.Fixes;

/// <summary>Every fix leaves a file that still parses, clears its finding, and keeps the rest of the text as it was.</summary>
public class TagFixTests
{
    private const string PolicyYaml = """
        tags:
          required:
            - key: Environment
              values: [prod, dev]
            - Owner
        """;

    /// <summary>Applies the fix titled <paramref name="title"/> to the finding of <paramref name="rule"/> and returns the new text.</summary>
    private static string Fix(string content, string rule, string title, string path = "t.yaml")
    {
        var doc = Template(content, path);
        var policy = TestSupport.Policy(PolicyYaml);
        var finding = DocumentAnalyzer.Analyze(doc, policy).First(f => f.RuleId == rule);
        var fixes = TagFixProvider.FixesFor(doc, finding, policy);
        var fix = fixes.FirstOrDefault(f => f.Title.StartsWith(title, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no fix '{title}'; have: {string.Join(" | ", fixes.Select(f => f.Title))}");
        var result = TextEdit.Apply(content, fix.Edits[path]);
        var after = Template(result, path);
        Assert.DoesNotContain(after.Diagnostics, d => d.Code is "parse-error" or "template-invalid");
        return result;
    }

    private static List<string> Rules(string content, string path = "t.yaml") =>
        TestSupport.WithoutCostRules(DocumentAnalyzer.Analyze(Template(content, path), TestSupport.Policy(PolicyYaml))).Select(f => $"{f.RuleId} {f.ResourceAddress}").ToList();

    [Fact]
    public void Yaml_block_list_gets_block_items_at_the_same_indentation()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: Owner\n          Value: me   # why\n  B:\n    Type: AWS::SQS::Queue\n";
        var fixedText = Fix(content, "tag-missing", "Add tag 'Environment'");
        Assert.Equal("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: Owner\n          Value: me   # why\n        - Key: Environment\n          Value: \"\"\n  B:\n    Type: AWS::SQS::Queue\n", fixedText);
        Assert.DoesNotContain("tag-missing A", Rules(fixedText));
    }

    [Fact]
    public void Yaml_flow_items_in_a_block_list_stay_flow()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n      - {Key: Owner, Value: me}\n";
        Assert.Equal("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n      - {Key: Owner, Value: me}\n      - {Key: Environment, Value: \"\"}\n",
            Fix(content, "tag-missing", "Add tag"));
    }

    [Theory]
    [InlineData("Tags: []", "Tags: [{Key: Environment, Value: \"\"}, {Key: Owner, Value: \"\"}]")]
    [InlineData("Tags: [ {Key: X, Value: y} ]", "Tags: [ {Key: X, Value: y}, {Key: Environment, Value: \"\"}, {Key: Owner, Value: \"\"} ]")]
    public void Yaml_flow_lists(string before, string after)
    {
        var content = $"Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      {before}\n";
        Assert.Equal($"Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      {after}\n", Fix(content, "tag-missing", "Add missing tags"));
    }

    [Fact]
    public void Yaml_without_tags_creates_the_list_after_the_last_property()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b\n      VersioningConfiguration:\n        Status: Enabled\n";
        Assert.Equal(content + "      Tags:\n        - Key: Environment\n          Value: \"\"\n        - Key: Owner\n          Value: \"\"\n",
            Fix(content, "tag-missing", "Add missing tags"));
    }

    [Fact]
    public void Yaml_without_properties_creates_them()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::SQS::Queue\n";
        var result = Fix(content, "tag-missing", "Add missing tags");
        Assert.StartsWith("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: Environment\n", result);
        Assert.DoesNotContain("tag-missing A", Rules(result));
    }

    [Fact]
    public void Yaml_map_shape_for_sam()
    {
        var content = "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Tags:\n        Owner: me\n";
        Assert.EndsWith("      Tags:\n        Owner: me\n        Environment: \"\"", Fix(content, "tag-missing", "Add tag").TrimEnd('\n'));
    }

    [Fact]
    public void Yaml_crlf_files_keep_crlf()
    {
        var content = "Resources:\r\n  A:\r\n    Type: AWS::S3::Bucket\r\n    Properties:\r\n      Tags:\r\n        - Key: Owner\r\n          Value: me\r\n";
        var result = Fix(content, "tag-missing", "Add tag");
        Assert.DoesNotContain("\n", result.Replace("\r\n", ""));
    }

    [Fact]
    public void Yaml_parameter_named_like_the_key_is_referenced()
    {
        var content = "Parameters:\n  Environment: {Type: String, Default: dev}\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Owner, Value: me}]\n";
        var result = Fix(content, "tag-missing", "Add tag 'Environment'");
        Assert.Contains("{Key: Environment, Value: !Ref Environment}", result);
        Assert.Empty(Rules(result));
    }

    [Fact]
    public void Yaml_value_used_by_every_other_resource_is_reused()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Environment, Value: dev}]\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Environment, Value: dev}, {Key: Owner, Value: ops}]\n";
        Assert.Contains("{Key: Owner, Value: ops}]\n  B:", Fix(content, "tag-missing", "Add tag 'Owner'"));
    }

    [Fact]
    public void Yaml_autoscaling_group_items_propagate_at_launch()
    {
        var content = "Resources:\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MaxSize: '1'\n      MinSize: '1'\n";
        Assert.Contains("PropagateAtLaunch: true", Fix(content, "tag-missing", "Add missing tags"));
    }

    [Fact]
    public void Yaml_alias_tags_are_not_edited()
    {
        var content = "Metadata:\n  T: &t [{Key: Owner, Value: me}]\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *t\n";
        var doc = Template(content);
        var policy = TestSupport.Policy(PolicyYaml);
        var finding = DocumentAnalyzer.Analyze(doc, policy).Single(f => f.RuleId == "tag-missing");
        Assert.DoesNotContain(TagFixProvider.FixesFor(doc, finding, policy), f => f.Title.StartsWith("Add", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_replace_value_offers_each_allowed_value()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Environment, Value: production}, {Key: Owner, Value: me}]\n";
        var result = Fix(content, "tag-value-invalid", "Set 'Environment' to 'dev'");
        Assert.Contains("{Key: Environment, Value: dev}", result);
        Assert.Empty(Rules(result));
    }

    [Fact]
    public void Yaml_rename_key_and_ignore_comment()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: environment, Value: dev}, {Key: Owner, Value: me}]\n";
        Assert.Empty(Rules(Fix(content, "tag-key-case", "Rename tag key")));
        var ignored = Fix(content, "tag-key-case", "Ignore tag-key-case");
        Assert.StartsWith("Resources:\n  # finops:ignore tag-key-case\n  A:\n", ignored);
        Assert.Empty(Rules(ignored));
    }

    [Fact]
    public void Json_multi_line_array_keeps_its_layout()
    {
        var content = "{\n  \"Resources\": {\n    \"A\": {\n      \"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\n        \"Tags\": [\n          { \"Key\": \"Owner\", \"Value\": \"me\" }\n        ]\n      }\n    }\n  }\n}\n";
        var result = Fix(content, "tag-missing", "Add tag", "t.json");
        Assert.Contains("          { \"Key\": \"Owner\", \"Value\": \"me\" },\n          { \"Key\": \"Environment\", \"Value\": \"\" }\n        ]", result);
    }

    [Fact]
    public void Json_on_one_line_stays_on_one_line()
    {
        var content = "{\"Resources\":{\"A\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{\"BucketName\":\"b\"}}}}";
        var result = Fix(content, "tag-missing", "Add missing tags", "t.json");
        Assert.DoesNotContain("\n", result);
        Assert.DoesNotContain(Rules(result, "t.json"), r => r.StartsWith("tag-missing"));
    }

    [Fact]
    public void Json_without_properties_and_with_an_empty_array()
    {
        var noProps = "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}}}";
        Assert.Contains("\"Properties\": { \"Tags\": [", Fix(noProps, "tag-missing", "Add missing tags", "t.json"));
        var empty = "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"Tags\": []}}}}";
        Assert.Contains("\"Tags\": [ { \"Key\": \"Environment\"", Fix(empty, "tag-missing", "Add missing tags", "t.json"));
    }

    [Fact]
    public void Json_reference_to_a_parameter()
    {
        var content = "{\"Parameters\": {\"Owner\": {\"Type\": \"String\"}}, \"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"Tags\": [{\"Key\": \"Environment\", \"Value\": \"dev\"}]}}}}";
        Assert.Contains("{ \"Key\": \"Owner\", \"Value\": { \"Ref\": \"Owner\" } }", Fix(content, "tag-missing", "Add tag 'Owner'", "t.json"));
    }

    [Theory]
    [InlineData("{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}}}", "\"Metadata\": { \"finops\": { \"ignore\": [ \"tag-missing\" ] } }")]
    [InlineData("{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\", \"Metadata\": {\"x\": 1}}}}", "{\"x\": 1, \"finops\": { \"ignore\": [ \"tag-missing\" ] }}")]
    [InlineData("{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\", \"Metadata\": {\"finops\": {\"ignore\": [\"x\"]}}}}}", "[\"x\", \"tag-missing\"]")]
    public void Json_ignores_through_resource_metadata(string content, string expected)
    {
        var result = Fix(content, "tag-missing", "Ignore tag-missing", "t.json");
        Assert.Contains(expected, result);
        Assert.Empty(Rules(result, "t.json"));
    }

    [Fact]
    public void Yaml_metadata_ignore_is_honoured_too()
    {
        Assert.Empty(Rules("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Metadata:\n      finops:\n        ignore: [tag-missing]\n"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("team@example.com", "team@example.com")]
    [InlineData("", "\"\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("123", "\"123\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("#tag", "\"#tag\"")]
    public void Yaml_scalars_are_quoted_only_when_needed(string value, string expected) =>
        Assert.Equal(expected, CloudFormationYamlTagEditor.Scalar(value));
}
