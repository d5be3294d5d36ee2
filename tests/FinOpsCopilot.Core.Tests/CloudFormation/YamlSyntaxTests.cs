using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.CloudFormation;

public class YamlSyntaxTests
{
    [Fact]
    public void Block_scalars_literal_and_folded()
    {
        var props = Resource("""
            Resources:
              B:
                Type: AWS::S3::Bucket
                Properties:
                  Literal: |
                    line one
                    line two
                  Folded: >-
                    folded
                    text
                  Kept: |+
                    kept

            """, "B").Properties;
        Assert.Equal("line one\nline two\n", props["Literal"]!.AsString());
        Assert.Equal("folded text", props["Folded"]!.AsString());
        Assert.Equal("kept\n", props["Kept"]!.AsString());
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys()
    {
        var content = """
            AWSTemplateFormatVersion: "2010-09-09"
            Metadata:
              CommonTags: &common
                - { Key: CostCenter, Value: CC-1000 }
                - { Key: Owner, Value: ops@example.com }
              Base: &base
                InstanceType: t3.micro
                Monitoring: false
            Resources:
              A:
                Type: AWS::EC2::Instance
                Properties:
                  <<: *base
                  Monitoring: true
                  Tags: *common
            """;
        var a = Resource(content, "A");
        Assert.Equal("t3.micro", a.Properties["InstanceType"]!.AsString());
        Assert.Equal("true", a.Properties["Monitoring"]!.AsString());
        Assert.Equal(["CostCenter", "Owner"], a.Tags.Select(t => t.Key));
        // An aliased tag points at its anchored definition, where a fix would go.
        Assert.Equal("CostCenter", Covered(content, a.Tags[0].KeyRange));
    }

    [Fact]
    public void Merge_key_with_a_list_of_mappings_earlier_wins()
    {
        var props = Resource("""
            Resources:
              B:
                Type: AWS::S3::Bucket
                Properties:
                  X: { <<: [ {a: 1, b: 1}, {b: 2, c: 2} ] }
            """, "B").Properties;
        var x = (MapValue)props["X"]!;
        Assert.Equal("1", x["b"]!.AsString());
        Assert.Equal("2", x["c"]!.AsString());
    }

    [Fact]
    public void A_yaml_bomb_is_stopped_with_a_diagnostic()
    {
        var lines = new List<string> { "AWSTemplateFormatVersion: '2010-09-09'", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (int i = 1; i < 12; i++) lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        lines.Add("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Bomb: *a11");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var doc = Template(string.Join("\n", lines));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.Contains(doc.Diagnostics, d => d.Code == "parse-error" && d.Message.Contains("aliases expand"));
        Assert.Single(doc.Resources);
    }

    [Fact]
    public void Deep_nesting_is_cut_with_a_diagnostic()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var doc = Template($"AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Deep: {deep}\n");
        Assert.Contains(doc.Diagnostics, d => d.Message.Contains("Nesting deeper"));
        Assert.Single(doc.Resources);
    }

    [Fact]
    public void A_syntax_error_keeps_the_resources_before_it()
    {
        var content = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Good:
                Type: AWS::S3::Bucket
              Bad:
                Type: AWS::S3::Bucket
                Properties: { Name: [unclosed
            """;
        var doc = Template(content);
        var error = Assert.Single(doc.Diagnostics, d => d.Code == "parse-error");
        Assert.Contains("YAML syntax error", error.Message);
        Assert.True(error.Range.Start.Line >= 6);
        Assert.Contains(doc.Resources, r => r.Name == "Good");
    }

    [Fact]
    public void A_truncated_template_is_still_reported()
    {
        var doc = Template("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {\n");
        Assert.Contains(doc.Diagnostics, d => d.Code == "parse-error");
    }

    [Fact]
    public void Only_the_first_document_is_read()
    {
        var syntax = YamlTemplateReader.Read(new SourceText("x.yaml", "a: 1\n---\nb: 2\n"));
        Assert.True(syntax.HasMoreDocuments);
        Assert.NotNull(((TemplateMapping)syntax.Root!)["a"]);
    }
}
