using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Tests.Terraform;

/// <summary>The findings of <c>samples/terraform</c> under <c>samples/.finops.yml</c>, pinned exactly.</summary>
public class TerraformSampleTests
{
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FinOpsCopilot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static AnalysisResult Analyze() => WorkspaceAnalysis.Run([Path.Combine(RepositoryRoot(), "samples", "terraform")]);

    [Fact]
    public void Findings_are_pinned()
    {
        var root = Path.Combine(RepositoryRoot(), "samples", "terraform") + Path.DirectorySeparatorChar;
        var actual = TestSupport.WithoutCostRules(Analyze().Findings)
            .Select(f => $"{f.RuleId} {f.FilePath.Replace(root, "", StringComparison.Ordinal)}:{f.Range.Start} {f.ResourceAddress}")
            .ToList();
        string[] expected =
        [
            "tag-missing main.tf:30:26 aws_s3_bucket.logs[\"access\"]",
            "tag-missing main.tf:30:26 aws_s3_bucket.logs[\"audit\"]",
            "tag-value-invalid main.tf:35:19 aws_s3_bucket.logs[\"access\"]",
            "tag-value-invalid main.tf:35:19 aws_s3_bucket.logs[\"audit\"]",
            "tag-key-case main.tf:46:5 aws_ebs_volume.scratch",
            "tag-missing main.tf:85:34 aws_autoscaling_group.workers",
            "not-analysed main.tf:120:3 ",
            "tag-missing modules/database/main.tf:36:31 module.database.aws_security_group.db",
            "tag-value-invalid providers.tf:32:21 aws_instance.batch",
        ];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Resources_have_terraform_addresses_effective_tags_and_the_region()
    {
        var result = Analyze();
        var main = result.Documents.Single(d => d.Path.EndsWith(Path.Combine("terraform", "main.tf"), StringComparison.Ordinal));
        Assert.Equal(IacFormat.Terraform, main.Format);
        Assert.Equal("us-east-1", main.Region);
        var addresses = result.Documents.SelectMany(d => d.Resources).Select(r => r.Address).ToList();
        Assert.Contains("aws_instance.web[1]", addresses);
        Assert.Contains("aws_instance.app[\"worker\"]", addresses);
        Assert.Contains("module.database.aws_db_instance.this[0]", addresses);
        var worker = result.Documents.SelectMany(d => d.Resources).Single(r => r.Address == "aws_instance.app[\"worker\"]");
        // optional(string, "platform-team") fills the owner tfvars leave out; CostCenter comes from default_tags.
        Assert.Equal("platform-team", worker.FindTag("Owner")!.Value);
        Assert.Equal(TagSource.ProviderDefault, worker.FindTag("CostCenter")!.Source);
        Assert.Equal("CC-1234", worker.FindTag("CostCenter")!.Value);
        Assert.Equal("m6i.large", result.Documents.SelectMany(d => d.Resources).Single(r => r.Address == "aws_instance.app[\"api\"]").Properties["instance_type"]!.AsString());
    }

    [Fact]
    public void Provider_default_tag_findings_point_into_the_provider_block()
    {
        var finding = TestSupport.WithoutCostRules(Analyze().Findings).Single(f => f.ResourceAddress == "aws_instance.batch");
        Assert.EndsWith("providers.tf", finding.FilePath, StringComparison.Ordinal);
        var related = Assert.Single(finding.Related);
        Assert.EndsWith("main.tf", related.FilePath, StringComparison.Ordinal);
        Assert.Contains("aws_instance.batch", related.Message, StringComparison.Ordinal);
    }
}
