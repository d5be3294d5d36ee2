using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.ResourceTypes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>How a construct's props become CloudFormation properties (see <see cref="ConstructProperties"/>).</summary>
internal enum PropsKind
{
    None,
    L1,
    Instance,
    Volume,
    Vpc,
    Bucket,
    DatabaseInstance,
    DatabaseCluster,
    Function,
    AutoScalingGroup,
    ApplicationLoadBalancer,
    NetworkLoadBalancer,
    Table,
    LogGroup,
}

/// <summary>A CDK construct class and the CloudFormation resource it creates.</summary>
internal sealed record ConstructMapping(string ClassName, string Namespace, string CfnType, PropsKind Kind);

/// <summary>
/// The L2 constructs the reader knows, and how an L1 <c>Cfn*</c> class name maps to its CloudFormation type
/// (<c>Amazon.CDK.AWS.EC2.CfnInstance</c> → <c>AWS::EC2::Instance</c>, checked against the type catalog).
/// </summary>
internal static class ConstructCatalog
{
    public const string AwsNamespacePrefix = "Amazon.CDK.AWS.";

    public static readonly IReadOnlyList<ConstructMapping> L2 =
    [
        // The .NET binding names the EC2 instance class Instance_ (Instance clashes with a member); both spellings read.
        new("Instance_", "Amazon.CDK.AWS.EC2", "AWS::EC2::Instance", PropsKind.Instance),
        new("Instance", "Amazon.CDK.AWS.EC2", "AWS::EC2::Instance", PropsKind.Instance),
        new("Volume", "Amazon.CDK.AWS.EC2", "AWS::EC2::Volume", PropsKind.Volume),
        new("Vpc", "Amazon.CDK.AWS.EC2", "AWS::EC2::VPC", PropsKind.Vpc),
        new("SecurityGroup", "Amazon.CDK.AWS.EC2", "AWS::EC2::SecurityGroup", PropsKind.None),
        new("Bucket", "Amazon.CDK.AWS.S3", "AWS::S3::Bucket", PropsKind.Bucket),
        new("DatabaseInstance", "Amazon.CDK.AWS.RDS", "AWS::RDS::DBInstance", PropsKind.DatabaseInstance),
        new("DatabaseInstanceFromSnapshot", "Amazon.CDK.AWS.RDS", "AWS::RDS::DBInstance", PropsKind.DatabaseInstance),
        new("DatabaseCluster", "Amazon.CDK.AWS.RDS", "AWS::RDS::DBCluster", PropsKind.DatabaseCluster),
        new("Function", "Amazon.CDK.AWS.Lambda", "AWS::Lambda::Function", PropsKind.Function),
        new("DockerImageFunction", "Amazon.CDK.AWS.Lambda", "AWS::Lambda::Function", PropsKind.Function),
        new("NodejsFunction", "Amazon.CDK.AWS.Lambda.Nodejs", "AWS::Lambda::Function", PropsKind.Function),
        new("AutoScalingGroup", "Amazon.CDK.AWS.AutoScaling", "AWS::AutoScaling::AutoScalingGroup", PropsKind.AutoScalingGroup),
        new("ApplicationLoadBalancer", "Amazon.CDK.AWS.ElasticLoadBalancingV2", "AWS::ElasticLoadBalancingV2::LoadBalancer", PropsKind.ApplicationLoadBalancer),
        new("NetworkLoadBalancer", "Amazon.CDK.AWS.ElasticLoadBalancingV2", "AWS::ElasticLoadBalancingV2::LoadBalancer", PropsKind.NetworkLoadBalancer),
        new("Table", "Amazon.CDK.AWS.DynamoDB", "AWS::DynamoDB::Table", PropsKind.Table),
        new("TableV2", "Amazon.CDK.AWS.DynamoDB", "AWS::DynamoDB::GlobalTable", PropsKind.Table),
        new("LogGroup", "Amazon.CDK.AWS.Logs", "AWS::Logs::LogGroup", PropsKind.LogGroup),
        new("Cluster", "Amazon.CDK.AWS.EKS", "AWS::EKS::Cluster", PropsKind.None),
        new("Cluster", "Amazon.CDK.AWS.ECS", "AWS::ECS::Cluster", PropsKind.None),
        new("FargateService", "Amazon.CDK.AWS.ECS", "AWS::ECS::Service", PropsKind.None),
        new("Ec2Service", "Amazon.CDK.AWS.ECS", "AWS::ECS::Service", PropsKind.None),
        new("Queue", "Amazon.CDK.AWS.SQS", "AWS::SQS::Queue", PropsKind.None),
        new("Topic", "Amazon.CDK.AWS.SNS", "AWS::SNS::Topic", PropsKind.None),
        new("Role", "Amazon.CDK.AWS.IAM", "AWS::IAM::Role", PropsKind.None),
        new("Key", "Amazon.CDK.AWS.KMS", "AWS::KMS::Key", PropsKind.None),
        new("Secret", "Amazon.CDK.AWS.SecretsManager", "AWS::SecretsManager::Secret", PropsKind.None),
        new("RestApi", "Amazon.CDK.AWS.APIGateway", "AWS::ApiGateway::RestApi", PropsKind.None),
        new("LambdaRestApi", "Amazon.CDK.AWS.APIGateway", "AWS::ApiGateway::RestApi", PropsKind.None),
        new("StateMachine", "Amazon.CDK.AWS.StepFunctions", "AWS::StepFunctions::StateMachine", PropsKind.None),
        new("Distribution", "Amazon.CDK.AWS.CloudFront", "AWS::CloudFront::Distribution", PropsKind.None),
        new("Repository", "Amazon.CDK.AWS.ECR", "AWS::ECR::Repository", PropsKind.None),
    ];

    private static readonly ILookup<string, ConstructMapping> ByClass = L2.ToLookup(m => m.ClassName, StringComparer.Ordinal);

    private static readonly Lazy<Dictionary<string, string>> CatalogIgnoringCase = new(() =>
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in ResourceTypeCatalog.CloudFormation.All) d.TryAdd(t.Type, t.Type);
        return d;
    });

    public static IEnumerable<ConstructMapping> Candidates(string className) => ByClass[className];

    /// <summary>Classes of <c>Amazon.CDK</c> named Cfn* that are template elements, not resources.</summary>
    public static readonly IReadOnlySet<string> CoreElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "CfnOutput", "CfnParameter", "CfnCondition", "CfnMapping", "CfnRule", "CfnJson", "CfnElement", "CfnRefElement",
        "CfnInclude", "CfnDynamicReference", "CfnTag", "CfnCodeDeployBlueGreenHook", "CfnHook", "CfnResource",
    };

    /// <summary>The CloudFormation type of an L1 class in a namespace: the catalog's spelling when it knows it.</summary>
    public static string? L1Type(string className, string @namespace)
    {
        if (!className.StartsWith("Cfn", StringComparison.Ordinal) || className.Length <= 3) return null;
        // Amazon.CDK.CfnStack, CfnWaitCondition…: the CloudFormation service's own resources.
        if (@namespace == "Amazon.CDK") return CoreElements.Contains(className) ? null : $"AWS::CloudFormation::{className[3..]}";
        if (!@namespace.StartsWith(AwsNamespacePrefix, StringComparison.Ordinal)) return null;
        var service = @namespace[AwsNamespacePrefix.Length..];
        if (service.Contains('.', StringComparison.Ordinal)) return null;
        var type = $"AWS::{service}::{className[3..]}";
        return CatalogIgnoringCase.Value.TryGetValue(type, out var known) ? known : type;
    }

    public static bool IsKnownType(string type) => CatalogIgnoringCase.Value.ContainsKey(type);

    /// <summary>
    /// The tag shape of a type: the catalog's, else (for types this reader creates, when the catalog lacks them) the
    /// shape CloudFormation uses for them, so tag rules still apply.
    /// </summary>
    public static TagShape ShapeOf(string type, bool createdByL2) =>
        ResourceTypeCatalog.CloudFormation.Find(type) is { } info ? info.TagShape
        : !createdByL2 ? TagShape.None
        : type == "AWS::AutoScaling::AutoScalingGroup" ? TagShape.AutoScalingList
        : TagShape.KeyValueList;

    /// <summary>The rightmost simple name of a type (<c>Amazon.CDK.AWS.S3.Bucket</c> → <c>Bucket</c>, generic arguments dropped).</summary>
    public static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => type.ToString(),
    };

    /// <summary>The written qualifier of a type (<c>Ec2.Instance</c> → <c>Ec2</c>), or null.</summary>
    public static string? Qualifier(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Left.ToString(),
        AliasQualifiedNameSyntax a => a.Alias.Identifier.ValueText,
        _ => null,
    };
}
