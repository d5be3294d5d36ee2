using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.CloudFormation;

/// <summary>Ranges must select exactly the source text they name, whatever the line endings and characters.</summary>
public class PositionTests
{
    private const string Yaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Größe — 日本語 😀 template
        Resources:
          Bücket:
            Type: AWS::S3::Bucket
            Properties:
              Tags:
                - Key: Owner
                  Value: "team-😀@example.com"
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Yaml_ranges_select_their_text(string newline)
    {
        var content = Yaml.Replace("\n", newline);
        var resource = Resource(content, "Bücket");
        Assert.Equal("Bücket", Covered(content, resource.NameRange));
        Assert.Equal(3, resource.NameRange.Start.Line);
        Assert.Equal(2, resource.NameRange.Start.Character);
        var owner = resource.Tags.Single();
        Assert.Equal("Owner", Covered(content, owner.KeyRange));
        Assert.Equal("\"team-😀@example.com\"", Covered(content, owner.ValueRange));
        Assert.StartsWith("Bücket:", Covered(content, resource.Range));
        Assert.EndsWith("example.com\"", Covered(content, resource.Range));
    }

    [Fact]
    public void Yaml_tabs_inside_values_are_one_character()
    {
        var content = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - {Key: Owner,\tValue: x}\n";
        var tag = Resource(content, "B").Tags.Single();
        Assert.Equal("x", Covered(content, tag.ValueRange));
        Assert.Equal(new Core.Text.SourcePosition(5, 30), tag.ValueRange.Start);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Json_ranges_select_their_text(string newline)
    {
        var content = """
            {
              "Description": "Größe — 日本語 😀",
              "Resources": {
                "Bücket": {
                  "Type": "AWS::S3::Bucket",
                  "Properties": { "Tags": [ { "Key": "Owner", "Value": "tëam-😀" } ] }
                }
              }
            }
            """.Replace("\n", newline);
        var resource = Resource(content, "Bücket", "t.json");
        Assert.Equal("\"Bücket\"", Covered(content, resource.NameRange));
        var tag = resource.Tags.Single();
        Assert.Equal("\"Owner\"", Covered(content, tag.KeyRange));
        Assert.Equal("\"tëam-😀\"", Covered(content, tag.ValueRange));
        Assert.EndsWith("}", Covered(content, resource.Range));
    }

    [Fact]
    public void Json_with_a_byte_order_mark_keeps_positions()
    {
        var content = "\uFEFF{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}";
        var resource = Resource(content, "B", "t.json");
        Assert.Equal("\"B\"", Covered(content, resource.NameRange));
    }

    [Fact]
    public void Json_on_one_line_has_exact_columns()
    {
        var content = "{\"Resources\":{\"A\":{\"Type\":\"AWS::S3::Bucket\"},\"B\":{\"Type\":\"AWS::S3::Bucket\"}}}";
        var doc = Template(content, "t.json");
        Assert.Equal(["\"A\"", "\"B\""], doc.Resources.Select(r => Covered(content, r.NameRange)));
    }
}
