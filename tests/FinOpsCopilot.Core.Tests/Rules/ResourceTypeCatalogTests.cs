using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.ResourceTypes;

namespace FinOpsCopilot.Core.Tests.Rules;

/// <summary>The shipped type tables: complete enough to trust "unknown type", and right on the common shapes.</summary>
public class ResourceTypeCatalogTests
{
    [Theory]
    [InlineData("AWS::EC2::Instance", TagShape.KeyValueList, "Tags")]
    [InlineData("AWS::S3::Bucket", TagShape.KeyValueList, "Tags")]
    [InlineData("AWS::RDS::DBInstance", TagShape.KeyValueList, "Tags")]
    [InlineData("AWS::Lambda::Function", TagShape.KeyValueList, "Tags")]
    [InlineData("AWS::DynamoDB::Table", TagShape.KeyValueList, "Tags")]
    [InlineData("AWS::Logs::LogGroup", TagShape.KeyValueList, "Tags")]
    [InlineData("AWS::AutoScaling::AutoScalingGroup", TagShape.AutoScalingList, "Tags")]
    [InlineData("AWS::SSM::Parameter", TagShape.Map, "Tags")]
    [InlineData("AWS::EKS::Nodegroup", TagShape.Map, "Tags")]
    [InlineData("AWS::Cognito::UserPool", TagShape.Map, "UserPoolTags")]
    [InlineData("AWS::Serverless::Function", TagShape.Map, "Tags")]
    [InlineData("AWS::IAM::Policy", TagShape.None, "Tags")]
    [InlineData("AWS::EC2::VolumeAttachment", TagShape.None, "Tags")]
    public void CloudFormation_shapes(string type, TagShape shape, string property)
    {
        var info = ResourceTypeCatalog.CloudFormation.Find(type);
        Assert.NotNull(info);
        Assert.Equal(shape, info!.TagShape);
        Assert.Equal(property, info.TagProperty);
    }

    [Theory]
    [InlineData("aws_instance", TagShape.Map)]
    [InlineData("aws_s3_bucket", TagShape.Map)]
    [InlineData("aws_db_instance", TagShape.Map)]
    [InlineData("aws_autoscaling_group", TagShape.AutoScalingList)]
    [InlineData("aws_iam_role_policy_attachment", TagShape.None)]
    [InlineData("aws_s3_bucket_policy", TagShape.None)]
    public void Terraform_shapes(string type, TagShape shape) =>
        Assert.Equal(shape, ResourceTypeCatalog.Terraform.Find(type)?.TagShape);

    [Fact]
    public void Tables_are_complete()
    {
        Assert.True(ResourceTypeCatalog.CloudFormation.Count > 1500);
        Assert.True(ResourceTypeCatalog.Terraform.Count > 1400);
    }
}
