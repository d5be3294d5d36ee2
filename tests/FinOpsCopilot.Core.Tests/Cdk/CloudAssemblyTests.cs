using FinOpsCopilot.Core.Cdk;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>cdk.out templates mapped back to source: once per real resource, at the construct when the source is known.</summary>
public sealed class CloudAssemblyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("finops-cdk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Template = """
        {
         "Resources": {
          "AssetsBucket1234ABCD": {
           "Type": "AWS::S3::Bucket",
           "Properties": { "Tags": [ { "Key": "CostCenter", "Value": "CC-1000" } ] },
           "Metadata": { "aws:cdk:path": "Shop/Assets/Resource" }
          },
          "AssetsPolicy99": {
           "Type": "AWS::S3::BucketPolicy",
           "Properties": { "Bucket": { "Ref": "AssetsBucket1234ABCD" } },
           "Metadata": { "aws:cdk:path": "Shop/Assets/Policy/Resource" }
          },
          "QueueABC": {
           "Type": "AWS::Logs::LogGroup",
           "Properties": { "Tags": [ { "Key": "CostCenter", "Value": "CC-1000" } ] },
           "Metadata": { "aws:cdk:path": "Shop/Jobs/Resource" }
          },
          "CDKMetadata": { "Type": "AWS::CDK::Metadata", "Properties": { "Analytics": "v2" }, "Metadata": { "aws:cdk:path": "Shop/CDKMetadata/Default" } }
         }
        }
        """;

    private string App(string manifest = """{ "version": "38.0.1", "artifacts": { "Shop": { "type": "aws:cloudformation:stack", "properties": { "templateFile": "Shop.template.json" } } } }""")
    {
        Directory.CreateDirectory(Path.Combine(_dir, "cdk.out"));
        File.WriteAllText(Path.Combine(_dir, "cdk.json"), """{ "app": "npx ts-node bin/app.ts" }""");
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "manifest.json"), manifest);
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "Shop.template.json"), Template);
        return _dir;
    }

    private static IacResource At(CdkAppResult result, string address) => result.All().Single(r => r.Address == address);

    /// <summary>The cloud assembly with a C# ShopStack (a bucket, a stack-wide tag) instantiated as "Shop" in Program.cs.</summary>
    private (string Stack, CdkAppResult Result) CSharpShop()
    {
        App();
        var stack = Cdk.Stack("var assets = new Bucket(this, \"Assets\");\nTags.Of(this).Add(\"CostCenter\", \"CC-1000\");", name: "ShopStack");
        File.WriteAllText(Path.Combine(_dir, "ShopStack.cs"), stack);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), Cdk.Usings + "var app = new App();\nnew ShopStack(app, \"Shop\");\napp.Synth();\n");
        return (stack, CdkAppReader.Read(_dir, new CdkReadOptions { Semantic = SemanticMode.Never }));
    }

    [Fact]
    public void With_csharp_source_each_resource_is_reported_once_at_its_construct()
    {
        var (stack, result) = CSharpShop();
        var paths = result.All().Select(r => (r.Address, r.Type, Path.GetFileName(r.FilePath))).ToList();
        Assert.Equal(
        [
            ("Shop/Assets", "AWS::S3::Bucket", "ShopStack.cs"),
            ("Shop/Assets/Policy", "AWS::S3::BucketPolicy", "ShopStack.cs"),
            ("Shop/Jobs", "AWS::Logs::LogGroup", "Program.cs"),
        ], paths.Order());
        var policy = At(result, "Shop/Assets/Policy");
        Assert.Equal("new Bucket(this, \"Assets\")", TestSupport.Covered(stack, policy.Range));
        Assert.Equal(policy.Range, policy.Properties["Bucket"]!.Range);
        // The stack construct is declared in Program.cs: a resource only the template knows goes there.
        Assert.Equal(IacFormat.CdkCSharp, result.Documents.Single(d => d.Path.EndsWith("Program.cs")).Format);
    }

    [Fact]
    public void Tags_of_a_resource_only_the_template_knows_point_at_its_construct()
    {
        var jobs = At(CSharpShop().Result, "Shop/Jobs");
        var tag = jobs.FindTag("CostCenter")!;
        Assert.Equal("CC-1000", tag.Value);
        Assert.Equal(jobs.NameRange, tag.ValueRange);
    }

    [Fact]
    public void Without_csharp_source_resources_go_to_the_unambiguous_construct_id_literal()
    {
        App();
        Directory.CreateDirectory(Path.Combine(_dir, "lib"));
        var ts = "const assets = new s3.Bucket(this, 'Assets');\nnew sqs.Queue(this, \"Jobs\");\nnew sqs.Queue(other, \"Jobs\");\n";
        File.WriteAllText(Path.Combine(_dir, "lib", "shop-stack.ts"), ts);
        var result = CdkAppReader.Read(_dir);

        var bucket = At(result, "Shop/Assets");
        Assert.EndsWith("shop-stack.ts", bucket.FilePath);
        Assert.Equal("'Assets'", TestSupport.Covered(ts, bucket.NameRange));
        Assert.Equal(IacFormat.CdkAssembly, result.Documents.Single(d => d.Path.EndsWith(".ts")).Format);
        // The policy has no literal of its own: it goes to its parent's.
        Assert.EndsWith("shop-stack.ts", At(result, "Shop/Assets/Policy").FilePath);
        // "Jobs" occurs twice: ambiguous, so the template keeps it.
        Assert.EndsWith("Shop.template.json", At(result, "Shop/Jobs").FilePath);
        Assert.DoesNotContain(result.All(), r => r.Type == "AWS::CDK::Metadata");
    }

    [Fact]
    public void Without_any_source_resources_stay_in_the_template()
    {
        App();
        var result = CdkAppReader.Read(_dir);
        var doc = Assert.Single(result.Documents);
        Assert.Equal(IacFormat.CdkAssembly, doc.Format);
        Assert.Equal(3, doc.Resources.Count);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void Logical_ids_from_the_manifest_when_templates_have_no_path_metadata()
    {
        App("""{ "version": "38.0.1", "artifacts": { "Shop": { "type": "aws:cloudformation:stack", "properties": { "templateFile": "Shop.template.json" }, "metadata": { "/Shop/Jobs/Resource": [ { "type": "aws:cdk:logicalId", "data": "QueueABC" } ] } } } }""");
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "Shop.template.json"), Template.Replace("\"Metadata\": { \"aws:cdk:path\": \"Shop/Jobs/Resource\" }", "\"Metadata\": {}"));
        File.WriteAllText(Path.Combine(_dir, "app.py"), "Queue(self, \"Jobs\")\n");
        Assert.EndsWith("app.py", At(CdkAppReader.Read(_dir), "Shop/Jobs").FilePath);
    }

    [Fact]
    public void A_broken_manifest_still_reads_the_templates_and_says_so()
    {
        App("{ not json");
        var result = CdkAppReader.Read(_dir);
        Assert.Equal(3, result.All().Count());
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Nested_stage_assemblies_are_read()
    {
        App("""{ "version": "38.0.1", "artifacts": { "assembly-Prod": { "type": "cdk:cloud-assembly", "properties": { "directoryName": "assembly-Prod" } } } }""");
        var nested = Path.Combine(_dir, "cdk.out", "assembly-Prod");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(nested, "manifest.json"), """{ "artifacts": { "Shop": { "type": "aws:cloudformation:stack", "properties": { "templateFile": "Shop.template.json" } } } }""");
        File.Move(Path.Combine(_dir, "cdk.out", "Shop.template.json"), Path.Combine(nested, "Shop.template.json"));
        Assert.Equal(3, CdkAppReader.Read(_dir).All().Count());
    }

    [Fact]
    public void Source_values_it_cannot_know_come_from_the_template()
    {
        App();
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "Shop.template.json"), """
            { "Resources": { "WebABC": { "Type": "AWS::EC2::Instance",
              "Properties": { "InstanceType": "m5.large", "Monitoring": true, "Tags": [ { "Key": "Owner", "Value": "web-team" } ] },
              "Metadata": { "aws:cdk:path": "Shop/Web/Resource" } } } }
            """);
        var stack = Cdk.Usings + """
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, string size, string owner) : base(scope, id)
                {
                    var web = new Instance_(this, "Web", new InstanceProps { InstanceType = new InstanceType(size) });
                    Tags.Of(web).Add("Owner", owner);
                }
            }
            """;
        File.WriteAllText(Path.Combine(_dir, "ShopStack.cs"), stack);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), Cdk.Usings + "var app = new App();\nnew ShopStack(app, \"Shop\", \"m5.large\", \"web-team\");\n");
        var web = Assert.Single(CdkAppReader.Read(_dir, new CdkReadOptions { Semantic = SemanticMode.Never }).All());
        Assert.Equal(("Shop/Web", "m5.large"), (web.Address, web.Properties["InstanceType"]?.AsString()));
        Assert.Equal("new InstanceType(size)", TestSupport.Covered(stack, web.Properties["InstanceType"]!.Range));
        Assert.Equal("true", web.Properties["Monitoring"]?.AsString());
        Assert.Equal("web-team", web.FindTag("Owner")?.Value);
        Assert.Equal("owner", TestSupport.Covered(stack, web.FindTag("Owner")!.ValueRange));
    }

    [Fact]
    public void A_construct_whose_resource_is_not_named_resource_is_still_its_twin()
    {
        App();
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "Shop.template.json"), """
            { "Resources": {
              "AsgABC": { "Type": "AWS::AutoScaling::AutoScalingGroup", "Properties": { "MaxSize": "4", "MinSize": "1" }, "Metadata": { "aws:cdk:path": "Shop/Asg/ASG" } },
              "AsgLc": { "Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": { "InstanceType": "t3.micro" }, "Metadata": { "aws:cdk:path": "Shop/Asg/LaunchConfig" } } } }
            """);
        File.WriteAllText(Path.Combine(_dir, "Stack.cs"), Cdk.Stack("new AutoScalingGroup(this, \"Asg\", new AutoScalingGroupProps { MaxCapacity = 4 });", name: "Shop"));
        var all = CdkAppReader.Read(_dir, new CdkReadOptions { Semantic = SemanticMode.Never }).All().ToList();
        Assert.Equal(["Shop/Asg", "Shop/Asg/LaunchConfig"], all.Select(r => r.Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Logical_ids_from_the_additional_metadata_file_of_recent_cdk_versions()
    {
        App("""{ "version": "54.0.0", "artifacts": { "Shop": { "type": "aws:cloudformation:stack", "properties": { "templateFile": "Shop.template.json" }, "additionalMetadataFile": "Shop.metadata.json" } } }""");
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "Shop.metadata.json"), """{ "/Shop/Jobs/Resource": [ { "type": "aws:cdk:logicalId", "data": "QueueABC" } ] }""");
        File.WriteAllText(Path.Combine(_dir, "cdk.out", "Shop.template.json"), Template.Replace("\"Metadata\": { \"aws:cdk:path\": \"Shop/Jobs/Resource\" }", "\"Metadata\": {}"));
        File.WriteAllText(Path.Combine(_dir, "main.go"), "awssqs.NewQueue(stack, jsii.String(\"Jobs\"), nil)\n");
        Assert.EndsWith("main.go", At(CdkAppReader.Read(_dir), "Shop/Jobs").FilePath);
    }
}
