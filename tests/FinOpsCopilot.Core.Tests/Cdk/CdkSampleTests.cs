using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>The findings of <c>samples/cdk-csharp</c> (C# source plus its hand-written cdk.out) are pinned.</summary>
public class CdkSampleTests
{
    private static readonly string App = Path.Combine(TestSupport.RepoRoot, "samples", "cdk-csharp");

    private static AnalysisResult Analyze() => WorkspaceAnalysis.Run([App]);

    private static string Line(string path, SourceRange range) =>
        $"{Path.GetFileName(path)}:{range.Start.Line + 1}:{range.Start.Character + 1}";

    [Fact]
    public void Sample_findings_are_pinned()
    {
        var result = Analyze();
        Assert.Empty(result.Errors);
        Assert.Equal(
        [
            "ShopStack.cs:34:32 tag-key-case ShopStack/WebServer",
            "ShopStack.cs:47:46 tag-value-invalid ShopStack/OrdersDatabase",
            "ShopStack.cs:47:46 tag-value-invalid ShopStack/OrdersDatabase/Secret",
            "ShopStack.cs:47:46 tag-value-invalid ShopStack/OrdersDatabase/SubnetGroup",
            "ShopStack.cs:56:43 tag-value-invalid ShopStack/Assets",
            "ShopStack.cs:72:45 tag-missing ShopStack/AccessLogs",
        ], TestSupport.WithoutCostRules(result.Findings).Select(f => $"{Line(f.FilePath, f.Range)} {f.RuleId} {f.ResourceAddress}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_resources_are_read_from_source_and_mapped_from_the_assembly()
    {
        var result = Analyze();
        var resources = result.Documents.SelectMany(d => d.Resources).ToList();
        Assert.All(resources, r => Assert.EndsWith(".cs", r.FilePath));
        // Every template resource but CDK metadata, once each; the source adds nothing the template lacks.
        Assert.Equal(34, resources.Count);
        Assert.Equal(resources.Count, resources.Select(r => r.Address).Distinct().Count());
        var web = resources.Single(r => r.Address == "ShopStack/WebServer");
        Assert.Equal(("AWS::EC2::Instance", "t3.medium"), (web.Type, web.Properties["InstanceType"]?.AsString()));
        var db = resources.Single(r => r.Address == "ShopStack/OrdersDatabase");
        Assert.Equal(("db.t3.micro", "50", "gp3", "false"),
            (db.Properties["DBInstanceClass"]?.AsString(), db.Properties["AllocatedStorage"]?.AsString(), db.Properties["StorageType"]?.AsString(), db.Properties["MultiAZ"]?.AsString()));
        Assert.Equal("1", resources.Single(r => r.Address == "ShopStack/Vpc").Properties["NatGateways"]?.AsString());
        Assert.Contains(resources, r => r.Address == "ShopStack/Vpc/PublicSubnet1/NATGateway" && r.Type == "AWS::EC2::NatGateway");
        var fn = resources.Single(r => r.Address == "ShopStack/Thumbnailer");
        Assert.Equal(("dev", TagSource.Inline), (fn.FindTag("Environment")?.Value, fn.FindTag("Environment")!.Source));
        var costCenter = fn.FindTag("CostCenter")!;
        Assert.Equal((TagSource.Propagated, "Program.cs"), (costCenter.Source, Path.GetFileName(costCenter.DeclaredIn)));
        Assert.Equal(["Program.cs", "ShopStack.cs"], result.Documents.Select(d => Path.GetFileName(d.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_source_alone_gives_the_same_findings_on_the_constructs()
    {
        var files = Directory.EnumerateFiles(App, "*.cs", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToArray();
        var findings = Cdk.Read(files).Analyze(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "samples", ".finops.yml")));
        Assert.Equal(
            ["ShopStack/AccessLogs tag-missing", "ShopStack/Assets tag-value-invalid", "ShopStack/OrdersDatabase tag-value-invalid", "ShopStack/WebServer tag-key-case"],
            findings.Select(f => $"{f.ResourceAddress} {f.RuleId}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_named_csharp_file_of_the_app_gives_that_files_findings()
    {
        var stack = Path.Combine(App, "src", "ShopApp", "ShopStack.cs");
        var program = Path.Combine(App, "src", "ShopApp", "Program.cs");
        var result = WorkspaceAnalysis.Run([program]);
        Assert.Empty(result.SkippedFiles);
        Assert.Empty(TestSupport.WithoutCostRules(result.Findings));
        Assert.Equal(["Program.cs"], result.Documents.Select(d => Path.GetFileName(d.Path)));
        Assert.Equal(6, TestSupport.WithoutCostRules(WorkspaceAnalysis.Run([stack]).Findings).Count);
        // Named together with its app's folder, the file is analysed once.
        Assert.Equal(6, TestSupport.WithoutCostRules(WorkspaceAnalysis.Run([App, stack]).Findings).Count);
    }

    [Fact]
    public void A_csharp_file_outside_any_app_is_skipped()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("finops-cs-").FullName, "Stack.cs");
        File.WriteAllText(file, Cdk.Stack("new Bucket(this, \"B\");"));
        Assert.Equal([file], WorkspaceAnalysis.Run([file]).SkippedFiles);
        Directory.Delete(Path.GetDirectoryName(file)!, true);
    }
}

public class CdkStackRegionTests
{
    [Fact]
    public void A_literal_stack_region_prices_the_stack_there()
    {
        var result = WorkspaceAnalysis.Run([Path.Combine(TestSupport.RepoRoot, "samples", "cdk-csharp")]);
        var stack = result.Documents.Single(d => d.Path.EndsWith("ShopStack.cs", StringComparison.Ordinal));
        Assert.Equal("eu-west-1", stack.Region);
        Assert.All(stack.Resources, r => Assert.Equal("eu-west-1", r.Region));
        Assert.Equal("eu-west-1", result.Costs.Single(c => c.Path == stack.Path).Region);
    }
}
