namespace FinOpsCopilot.Core.Rules;

/// <summary>The stable codes of every rule. They appear in output, policy files and ignore comments: never rename one.</summary>
public static class RuleCodes
{
    public const string ParseError = "parse-error";
    public const string TemplateInvalid = "template-invalid";
    public const string ResourceTypeUnknown = "resource-type-unknown";
    public const string NotAnalysed = "not-analysed";
    public const string TagMissing = "tag-missing";
    public const string TagValueInvalid = "tag-value-invalid";
    public const string TagKeyCase = "tag-key-case";

    // Cost rules (docs/rules/<code>.md).
    public const string EbsGp2ToGp3 = "ebs-gp2-to-gp3";
    public const string EbsIo1ToGp3 = "ebs-io1-to-gp3";
    public const string RdsGp2ToGp3 = "rds-gp2-to-gp3";
    public const string Ec2PreviousGeneration = "ec2-previous-generation";
    public const string RdsPreviousGeneration = "rds-previous-generation";
    public const string Ec2Graviton = "ec2-graviton";
    public const string RdsGraviton = "rds-graviton";
    public const string LambdaArm64 = "lambda-arm64";
    public const string RdsMultiAzNonProduction = "rds-multi-az-nonprod";
    public const string NatGatewayPerAzNonProduction = "nat-gateway-per-az-nonprod";
    public const string LogGroupRetentionMissing = "log-group-retention-missing";
    public const string S3LifecycleMissing = "s3-lifecycle-missing";
    public const string S3AbortIncompleteMultipartMissing = "s3-abort-incomplete-multipart-missing";
    public const string S3NoncurrentVersionExpirationMissing = "s3-noncurrent-version-expiration-missing";
    public const string EipUnattached = "eip-unattached";
    public const string DynamoDbProvisionedIdleCapacity = "dynamodb-provisioned-idle-capacity";
}
