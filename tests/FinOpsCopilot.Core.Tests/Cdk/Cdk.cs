using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Cdk;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>Helpers for the CDK tests: read C# held in memory (syntax only unless asked), find resources, analyse.</summary>
internal static class Cdk
{
    public const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.S3;
        using Amazon.CDK.AWS.RDS;
        using Amazon.CDK.AWS.Lambda;
        using Amazon.CDK.AWS.Logs;
        using Amazon.CDK.AWS.DynamoDB;
        using Amazon.CDK.AWS.AutoScaling;
        using Amazon.CDK.AWS.ElasticLoadBalancingV2;
        using Constructs;

        """;

    /// <summary>A stack class whose constructor body is <paramref name="body"/>, with the common usings.</summary>
    public static string Stack(string body, string name = "MyStack", string members = "") => Usings + $$"""
        public class {{name}} : Stack
        {
        {{members}}
            public {{name}}(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
            {
        {{Indent(body, 8)}}
            }
        }
        """;

    public static CdkAppResult Read(params (string Path, string Content)[] files) =>
        CdkAppReader.ReadSources(files, null, new CdkReadOptions { Semantic = SemanticMode.Never });

    public static CdkAppResult ReadSemantic(params (string Path, string Content)[] files) =>
        CdkAppReader.ReadSources(files, null, new CdkReadOptions { Semantic = SemanticMode.Always });

    /// <summary>The resources of a single stack file named Stack.cs.</summary>
    public static List<IacResource> Resources(string stackBody, string members = "") =>
        Read(("Stack.cs", Stack(stackBody, members: members))).Documents.SelectMany(d => d.Resources).ToList();

    public static IacResource Resource(string stackBody, string address, string members = "") =>
        Resources(stackBody, members).Single(r => r.Address == address);

    public static IEnumerable<IacResource> All(this CdkAppResult result) => result.Documents.SelectMany(d => d.Resources);

    public static IacResource At(this CdkAppResult result, string address) => result.All().Single(r => r.Address == address);

    public static IEnumerable<SourceDiagnostic> Diagnostics(this CdkAppResult result) => result.Documents.SelectMany(d => d.Diagnostics);

    public static List<Finding> Analyze(this CdkAppResult result, string policy = TestSupport.StandardPolicy) =>
        TestSupport.WithoutCostRules(result.Documents.SelectMany(d => DocumentAnalyzer.Analyze(d, TestSupport.Policy(policy))));

    public static string? Prop(this IacResource r, string name) => r.Properties[name]?.AsString();

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
