using FinOpsCopilot.Core.Analysis;

namespace FinOpsCopilot.Cli.Tests;

/// <summary>
/// samples/terraform priced by hand once (us-east-1 unless noted, 730 h):
///   aws_instance.web[0..1] 2 × t3.medium 0.0416 = 60.736; app["api"] m6i.large 0.096 = 70.08; app["worker"] c6i.xlarge 0.17 = 124.10;
///   aws_ebs_volume.scratch 100 GB gp2 × 0.10 = 10; aws_instance.batch c6i.2xlarge in eu-west-1 (provider aws.dr) 0.3648 = 266.304;
///   bastion t3.micro 0.0104 = 7.592; aws_autoscaling_group.workers 2 × m6i.large = 140.16;
///   module.database db.r6g.large postgres Single-AZ 0.225 = 164.25 + 100 GB gp2 × 0.115 = 11.5 → 175.75.
///   Root volumes (from the AMI) and the S3 buckets (usage) are not priced. Total 854.722.
/// </summary>
public class TerraformSampleCostTests
{
    [Fact]
    public void Terraform_sample_total_is_pinned()
    {
        var result = WorkspaceAnalysis.Run([Path.Combine(SampleCostTests.RepoRoot(), "samples", "terraform")]);
        Assert.Equal(854.722m, result.Costs.Sum(c => c.Amount));
        var batch = result.Costs.SelectMany(c => c.Resources).Single(e => e.ResourceAddress == "aws_instance.batch");
        Assert.Equal("eu-west-1", batch.Region);
    }
}
