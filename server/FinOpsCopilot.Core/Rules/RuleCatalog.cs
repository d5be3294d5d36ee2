using FinOpsCopilot.Core.Rules.Cost;
using FinOpsCopilot.Core.Rules.Tagging;

namespace FinOpsCopilot.Core.Rules;

/// <summary>Every rule the product has, in one list: the analysis, the policy loader and the docs all read it.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<AnalysisRule> All { get; } =
    [
        new ParseErrorRule(),
        new TemplateInvalidRule(),
        new ResourceTypeUnknownRule(),
        new NotAnalysedRule(),
        new TagMissingRule(),
        new TagValueInvalidRule(),
        new TagKeyCaseRule(),
        new EbsGp2ToGp3Rule(),
        new EbsIo1ToGp3Rule(),
        new RdsGp2ToGp3Rule(),
        new Ec2PreviousGenerationRule(),
        new RdsPreviousGenerationRule(),
        new Ec2GravitonRule(),
        new RdsGravitonRule(),
        new LambdaArm64Rule(),
        new RdsMultiAzNonProductionRule(),
        new NatGatewayPerAzNonProductionRule(),
        new LogGroupRetentionMissingRule(),
        new S3LifecycleMissingRule(),
        new S3AbortIncompleteMultipartMissingRule(),
        new S3NoncurrentVersionExpirationMissingRule(),
        new EipUnattachedRule(),
        new DynamoDbProvisionedIdleCapacityRule(),
    ];

    public static IReadOnlyList<ResourceRule> ResourceRules { get; } = All.OfType<ResourceRule>().ToList();

    public static IReadOnlyList<string> Codes { get; } = All.Select(r => r.Descriptor.Code).ToList();

    private static readonly Dictionary<string, RuleDescriptor> ByCode = All.ToDictionary(r => r.Descriptor.Code, r => r.Descriptor);

    public static bool IsKnownCode(string code) => ByCode.ContainsKey(code);

    public static RuleDescriptor? Find(string code) => ByCode.GetValueOrDefault(code);
}
