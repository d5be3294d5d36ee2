using FinOpsCopilot.LanguageServer.Features;

namespace FinOpsCopilot.LanguageServer.Tests;

public class WorkspaceSummaryTests
{
    [Fact]
    public void Compliance_and_breakdowns()
    {
        var workspace = new ServerWorkspace();
        var policyDir = Directory.CreateTempSubdirectory("finops-summary-");
        try
        {
            File.WriteAllText(Path.Combine(policyDir.FullName, ".finops.yml"), "tags:\n  required: [Owner, Team]\n");
            var path = Path.Combine(policyDir.FullName, "t.yaml");
            workspace.Analyze(path, "file://" + path, 1, """
                Resources:
                  Good:
                    Type: AWS::S3::Bucket
                    Properties: { Tags: [{Key: Owner, Value: a}, {Key: Team, Value: b}] }
                  Bad:
                    Type: AWS::S3::Bucket
                    Properties: { Tags: [{Key: owner, Value: a}] }
                  Policy:
                    Type: AWS::S3::BucketPolicy
                """);
            var summary = WorkspaceSummaryBuilder.Build(workspace.All);
            Assert.Equal(3, summary.Totals.Resources);
            Assert.Equal(2, summary.Totals.TaggableResources);
            Assert.Equal(1, summary.Totals.CompliantResources);
            Assert.Equal(50.0, summary.Totals.CompliancePercent);
            Assert.Equal([new TagKeySummary("Owner", 0, 1), new TagKeySummary("Team", 1, 0)], summary.ByTagKey);
            Assert.Equal("AWS::S3::Bucket", summary.ByType[0].Name);
            Assert.Equal(1, summary.ByFile.Single().NonCompliant);
        }
        finally { policyDir.Delete(true); }
    }
}
