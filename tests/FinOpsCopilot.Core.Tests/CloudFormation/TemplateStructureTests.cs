using FinOpsCopilot.Core.Model;
using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.CloudFormation;

public class TemplateStructureTests
{
    [Fact]
    public void Duplicate_logical_ids_are_reported_at_the_second()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n";
        var doc = Template(content);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("template-invalid", d.Code);
        Assert.Equal(3, d.Range.Start.Line);
        Assert.Contains("first declared at line 2", d.Message);
        Assert.Single(doc.Resources);
    }

    [Fact]
    public void Duplicate_logical_ids_in_json()
    {
        var doc = Template("{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"},\n \"A\": {\"Type\": \"AWS::S3::Bucket\"}}}", "t.json");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(1, d.Range.Start.Line);
        Assert.Equal(1, d.Range.Start.Character);
    }

    [Fact]
    public void Unknown_types_are_reported_at_the_type()
    {
        var content = "Resources:\n  A:\n    Type: AWS::EC2::Instanse\n  C:\n    Type: Custom::Thing\n  M:\n    Type: MyOrg::Net::Vpc::MODULE\n";
        var d = Assert.Single(Template(content).Diagnostics);
        Assert.Equal("resource-type-unknown", d.Code);
        Assert.Equal("AWS::EC2::Instanse", Covered(content, d.Range));
    }

    [Fact]
    public void ForEach_is_reported_as_not_analysed()
    {
        var content = """
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Buckets:
                - Name
                - [a, b]
                - Bucket${Name}:
                    Type: AWS::S3::Bucket
              Plain:
                Type: AWS::S3::Bucket
            """;
        var doc = Template(content);
        Assert.Equal("not-analysed", Assert.Single(doc.Diagnostics).Code);
        Assert.Equal("Plain", Assert.Single(doc.Resources).Name);
    }

    [Fact]
    public void Resource_without_type_and_non_mapping_resources()
    {
        var doc = Template("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Properties: {}\n  B: just-a-string\n");
        Assert.Equal(2, doc.Diagnostics.Count(d => d.Code == "template-invalid"));
        Assert.Empty(doc.Resources);
    }

    [Fact]
    public void Sam_globals_tags_apply_under_the_function_tags()
    {
        var content = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Tags: { CostCenter: CC-1000, Owner: global }
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Tags: { Owner: mine }
            """;
        var fn = Resource(content, "Fn");
        Assert.Equal(TagShape.Map, fn.TagShape);
        Assert.Equal("mine", fn.FindTag("Owner")!.Value);
        var cc = fn.FindTag("CostCenter")!;
        Assert.Equal(TagSource.StackDefault, cc.Source);
        Assert.Equal("CC-1000", Covered(content, cc.ValueRange));
    }

    [Fact]
    public void Tag_container_and_insertion_anchor()
    {
        var content = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n";
        var a = Resource(content, "A");
        Assert.NotNull(a.TagContainer);
        Assert.Null(a.TagContainer!.Range);
        Assert.Equal(TagShape.KeyValueList, a.TagContainer.Shape);
        Assert.Equal("BucketName: x", Covered(content, a.TagContainer.InsertionAnchor));
    }

    [Fact]
    public void Tags_built_by_a_condition_make_the_tag_set_unknown()
    {
        var a = Resource("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: !If [C, [{Key: a, Value: b}], []]\n", "A");
        Assert.NotNull(a.UnknownTagsReason);
    }

    [Fact]
    public void Unknown_tag_values_are_present_with_a_reason()
    {
        var a = Resource("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Owner, Value: !ImportValue owner}]\n", "A");
        var owner = a.FindTag("Owner")!;
        Assert.Null(owner.Value);
        Assert.Contains("ImportValue", owner.UnknownReason);
    }
}

public class TemplateExtensionTests
{
    [Theory]
    [InlineData("Resources:\n  Net:\n    Type: !Rain::Module ../vpc.yml\n  B:\n    Type: AWS::S3::Bucket\n", "t.yaml")]
    [InlineData("{\"Resources\": {\"Net\": {\"Type\": {\"Rain::Module\": \"../vpc.yml\"}}, \"B\": {\"Type\": \"AWS::S3::Bucket\"}}}", "t.json")]
    public void Rain_modules_are_not_analysed_not_invalid(string content, string path)
    {
        var doc = TestSupport.Template(content, path);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("not-analysed", d.Code);
        Assert.Contains("Rain module ('../vpc.yml')", d.Message);
        Assert.Equal("B", Assert.Single(doc.Resources).Name);
    }

    [Fact]
    public void Macro_transforms_silence_unknown_types_and_say_so()
    {
        var doc = TestSupport.Template("Transform: S3Objects\nResources:\n  O:\n    Type: AWS::S3::Object\n");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("not-analysed", d.Code);
        Assert.Contains("macro S3Objects", d.Message);
    }

    [Fact]
    public void Aws_transforms_are_not_macros()
    {
        var doc = TestSupport.Template("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n  O:\n    Type: AWS::S3::Objekt\n");
        Assert.Equal("resource-type-unknown", Assert.Single(doc.Diagnostics).Code);
    }
}
