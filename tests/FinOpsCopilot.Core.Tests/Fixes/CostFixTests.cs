using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Fixes;
using FinOpsCopilot.Core.Text;
using static FinOpsCopilot.Core.Tests.TestSupport;

namespace FinOpsCopilot.Core.Tests.Fixes;

/// <summary>Cost fixes in CloudFormation: the literal is changed in place, a missing property is added, the finding goes.</summary>
public class CostFixTests
{
    private static string Fix(string content, string rule, string path = "t.yaml")
    {
        var doc = Template(content, path);
        var policy = TestSupport.Policy("");
        var finding = DocumentAnalyzer.Analyze(doc, policy).First(f => f.RuleId == rule);
        var fix = CodeFixes.For(FixContext.InDocument(doc, finding, policy)).First();
        Assert.True(fix.IsPreferred, fix.Title);
        var result = TextEdit.Apply(content, fix.Edits[path]);
        Assert.DoesNotContain(DocumentAnalyzer.Analyze(Template(result, path), policy), f => f.RuleId == rule || f.RuleId == "parse-error");
        return result;
    }

    [Fact]
    public void Gp2_becomes_gp3_where_it_is_written()
    {
        Assert.Equal("Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 100, VolumeType: gp3, AvailabilityZone: a}\n",
            Fix("Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 100, VolumeType: gp2, AvailabilityZone: a}\n", "ebs-gp2-to-gp3"));
    }

    [Fact]
    public void Previous_generation_type_in_json_keeps_its_quotes()
    {
        var result = Fix("{\"Resources\": {\"I\": {\"Type\": \"AWS::EC2::Instance\", \"Properties\": {\"InstanceType\": \"m4.large\", \"ImageId\": \"ami-1\"}}}}", "ec2-previous-generation", "t.json");
        Assert.Contains("\"InstanceType\": \"m5.large\"", result.Replace("m6i", "m5").Replace("m7i", "m5"));
    }

    [Fact]
    public void Log_group_retention_is_added_in_block_style()
    {
        Assert.Equal("Resources:\n  L:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: x\n      RetentionInDays: 30\n",
            Fix("Resources:\n  L:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: x\n", "log-group-retention-missing"));
    }

    [Fact]
    public void Properties_are_created_when_absent_and_lists_are_typed_in_json()
    {
        Assert.Contains("    Properties:\n      RetentionInDays: 30", Fix("Resources:\n  L:\n    Type: AWS::Logs::LogGroup\n", "log-group-retention-missing"));
        Assert.Contains("\"Architectures\": [ \"arm64\" ]",
            Fix("{\"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"Runtime\": \"python3.12\"}}}}", "lambda-arm64", "t.json"));
    }

    [Fact]
    public void A_value_from_a_parameter_is_not_edited_at_the_reference()
    {
        var content = "Parameters:\n  T: {Type: String, Default: m4.large}\nResources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties: {InstanceType: !Ref T, ImageId: ami-1}\n";
        var doc = Template(content);
        var finding = DocumentAnalyzer.Analyze(doc, TestSupport.Policy("")).First(f => f.RuleId == "ec2-previous-generation");
        Assert.Empty(CostFixProvider.FixesFor(FixContext.InDocument(doc, finding, TestSupport.Policy(""))));
    }
}
