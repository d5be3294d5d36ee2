using FinOpsCopilot.Core.Analysis;

namespace FinOpsCopilot.Core.Tests.CloudFormation;

/// <summary>Other YAML and JSON is skipped silently; no real template is missed.</summary>
public class DetectionTests
{
    [Theory]
    [InlineData("docker-compose.yml", "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n")]
    [InlineData(".github/workflows/ci.yml", "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n")]
    [InlineData("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"}}")]
    [InlineData("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n")]
    [InlineData("k8s.yaml", "apiVersion: v1\nkind: List\nitems:\n---\napiVersion: v1\nkind: Service\n")]
    [InlineData("openapi.yaml", "openapi: 3.0.0\ncomponents:\n  schemas:\n    Resources:\n      type: object\n")]
    [InlineData("broken.yml", "key: [unclosed\n")]
    [InlineData("empty.yaml", "")]
    public void Other_files_are_not_templates(string path, string content) =>
        Assert.Null(SourceFileReader.Read(path, content));

    [Theory]
    [InlineData("stack.template", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}")]
    [InlineData("stack.template", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n")]
    [InlineData("infra.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {}}}}")]
    [InlineData("t.yaml", "AWSTemplateFormatVersion: 2010-09-09\n")]
    [InlineData("sam.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n")]
    [InlineData("custom.yml", "Resources:\n  C:\n    Type: Custom::Thing\n")]
    [InlineData("t.yml", "Resources:\n  B:\n    Type: 'AWS::S3::Bucket'\n")]
    public void Real_templates_are_detected(string path, string content) =>
        Assert.NotNull(SourceFileReader.Read(path, content));

    [Fact]
    public void A_broken_template_is_reported_not_skipped()
    {
        var doc = SourceFileReader.Read("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: [\n");
        Assert.NotNull(doc);
        Assert.Contains(doc!.Diagnostics, d => d.Code == "parse-error");
    }

    [Fact]
    public void Json_syntax_errors_point_at_the_error()
    {
        var content = "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\",}\n  }\n}";
        var doc = SourceFileReader.Read("t.json", content)!;
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("parse-error", d.Code);
        Assert.Equal(3, d.Range.Start.Line);
        Assert.Equal(36, d.Range.Start.Character); // the "}" after the trailing comma
    }
}
