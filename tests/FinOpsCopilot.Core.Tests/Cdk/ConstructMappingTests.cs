using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>Each construct the reader knows becomes the CloudFormation resource(s) it creates, at its construct path.</summary>
public class ConstructMappingTests
{
    [Theory]
    [InlineData("new Instance_(this, \"X\", new InstanceProps { InstanceType = new InstanceType(\"t3.micro\") });", "AWS::EC2::Instance")]
    [InlineData("new Instance(this, \"X\");", "AWS::EC2::Instance")]
    [InlineData("new Volume(this, \"X\", new VolumeProps { Size = Size.Gibibytes(20) });", "AWS::EC2::Volume")]
    [InlineData("new Vpc(this, \"X\");", "AWS::EC2::VPC")]
    [InlineData("new Bucket(this, \"X\");", "AWS::S3::Bucket")]
    [InlineData("new DatabaseInstance(this, \"X\", new DatabaseInstanceProps());", "AWS::RDS::DBInstance")]
    [InlineData("new DatabaseCluster(this, \"X\", new DatabaseClusterProps());", "AWS::RDS::DBCluster")]
    [InlineData("new Function(this, \"X\", new FunctionProps());", "AWS::Lambda::Function")]
    [InlineData("new AutoScalingGroup(this, \"X\", new AutoScalingGroupProps());", "AWS::AutoScaling::AutoScalingGroup")]
    [InlineData("new ApplicationLoadBalancer(this, \"X\", new ApplicationLoadBalancerProps());", "AWS::ElasticLoadBalancingV2::LoadBalancer")]
    [InlineData("new NetworkLoadBalancer(this, \"X\", new NetworkLoadBalancerProps());", "AWS::ElasticLoadBalancingV2::LoadBalancer")]
    [InlineData("new Table(this, \"X\", new TableProps());", "AWS::DynamoDB::Table")]
    [InlineData("new LogGroup(this, \"X\");", "AWS::Logs::LogGroup")]
    [InlineData("new CfnInstance(this, \"X\", new CfnInstanceProps { InstanceType = \"m5.large\" });", "AWS::EC2::Instance")]
    [InlineData("new CfnBucket(this, \"X\");", "AWS::S3::Bucket")]
    [InlineData("new CfnDBInstance(this, \"X\", new CfnDBInstanceProps { DbInstanceClass = \"db.t3.micro\" });", "AWS::RDS::DBInstance")]
    [InlineData("new Amazon.CDK.AWS.SQS.Queue(this, \"X\");", "AWS::SQS::Queue")]
    public void Construct_becomes_its_cloudformation_type(string statement, string type)
    {
        var r = Cdk.Resource(statement, "MyStack/X");
        Assert.Equal(type, r.Type);
        Assert.Equal("X", r.Name);
        Assert.Equal("Stack.cs", r.FilePath);
    }

    [Fact]
    public void Ranges_are_the_new_expression_and_the_id_literal()
    {
        var source = Cdk.Stack("var bucket = new Bucket(this, \"Logs\");");
        var r = Cdk.Read(("Stack.cs", source)).At("MyStack/Logs");
        Assert.Equal("new Bucket(this, \"Logs\")", TestSupport.Covered(source, r.Range));
        Assert.Equal("\"Logs\"", TestSupport.Covered(source, r.NameRange));
    }

    [Fact]
    public void Vpc_yields_its_nat_gateways_and_their_addresses()
    {
        var all = Cdk.Resources("new Vpc(this, \"Net\", new VpcProps { MaxAzs = 3, NatGateways = 2 });");
        Assert.Equal(
            ["MyStack/Net", "MyStack/Net/PublicSubnet1/NATGateway", "MyStack/Net/PublicSubnet1/EIP", "MyStack/Net/PublicSubnet2/NATGateway", "MyStack/Net/PublicSubnet2/EIP"],
            all.Select(r => r.Address));
        Assert.Equal("AWS::EC2::NatGateway", all[1].Type);
        Assert.Equal("AWS::EC2::EIP", all[2].Type);
        Assert.Equal("2", all[0].Prop("NatGateways"));
    }

    [Fact]
    public void Vpc_without_nat_gateways_has_none_and_default_is_one_per_az()
    {
        Assert.Single(Cdk.Resources("new Vpc(this, \"Net\", new VpcProps { NatGateways = 0 });"));
        Assert.Equal(5, Cdk.Resources("new Vpc(this, \"Net\");").Count);
        Assert.Equal(7, Cdk.Resources("new Vpc(this, \"Net\", new VpcProps { MaxAzs = 3 });").Count);
    }

    [Fact]
    public void Database_cluster_yields_writer_and_readers()
    {
        var all = Cdk.Resources("""
            new DatabaseCluster(this, "Db", new DatabaseClusterProps
            {
                Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps()),
                Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceType = InstanceType.Of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.LARGE) }),
                Readers = new[] { ClusterInstance.ServerlessV2("reader1") },
            });
            """);
        Assert.Equal(["MyStack/Db", "MyStack/Db/writer", "MyStack/Db/reader1"], all.Select(r => r.Address));
        Assert.Equal("aurora-postgresql", all[0].Prop("Engine"));
        Assert.Equal("db.r6g.large", all[1].Prop("DBInstanceClass"));
        Assert.Equal("db.serverless", all[2].Prop("DBInstanceClass"));
    }

    [Fact]
    public void Constructs_of_the_apps_own_classes_nest_their_paths()
    {
        var app = Cdk.Usings + """
            public class WebTier : Construct
            {
                public Bucket Assets { get; }
                public WebTier(Construct scope, string id) : base(scope, id)
                {
                    Assets = new Bucket(this, "Assets");
                    new Instance(this, "Server", new InstanceProps { InstanceType = new InstanceType("t3.small") });
                }
            }
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var web = new WebTier(this, "Web");
                    Tags.Of(web.Assets).Add("Owner", "web");
                }
            }
            public static class Program
            {
                public static void Main()
                {
                    var app = new App();
                    new ShopStack(app, "Prod");
                    new ShopStack(app, "Dev");
                    app.Synth();
                }
            }
            """;
        var result = Cdk.Read(("App.cs", app));
        Assert.Equal(["Dev/Web/Assets", "Dev/Web/Server", "Prod/Web/Assets", "Prod/Web/Server"], result.All().Select(r => r.Address).Order(StringComparer.Ordinal));
        Assert.Equal("web", result.At("Prod/Web/Assets").FindTag("Owner")?.Value);
    }

    [Fact]
    public void Stack_class_that_no_app_instantiates_is_named_after_the_class()
    {
        Assert.Equal("MyStack/B", Cdk.Resources("new Bucket(this, \"B\");").Single().Address);
    }

    [Fact]
    public void Qualified_and_aliased_l1_names_resolve_their_service()
    {
        var source = """
            using Amazon.CDK;
            using Ec2 = Amazon.CDK.AWS.EC2;
            public class S : Stack
            {
                public S() : base(null, "S")
                {
                    new Ec2.CfnVolume(this, "A", new Ec2.CfnVolumeProps { Size = 100 });
                    new Amazon.CDK.AWS.S3.CfnBucket(this, "B");
                }
            }
            """;
        var result = Cdk.Read(("S.cs", source));
        Assert.Equal("AWS::EC2::Volume", result.At("S/A").Type);
        Assert.Equal("100", result.At("S/A").Prop("Size"));
        Assert.Equal("AWS::S3::Bucket", result.At("S/B").Type);
    }

    [Fact]
    public void Ambiguous_class_names_are_reported_not_guessed()
    {
        var source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.EKS;
            public class S : Stack
            {
                public S() : base(null, "S") { new Cluster(this, "C", new ClusterProps()); }
            }
            """;
        var result = Cdk.Read(("S.cs", source));
        Assert.Empty(result.All());
        var d = Assert.Single(result.Diagnostics());
        Assert.Equal(RuleCodes.NotAnalysed, d.Code);
        Assert.Contains("ambiguous", d.Message);
    }

    [Fact]
    public void Cluster_with_one_service_imported_is_that_service()
    {
        var source = "using Amazon.CDK;\nusing Amazon.CDK.AWS.ECS;\npublic class S : Stack { public S() : base(null, \"S\") { new Cluster(this, \"C\"); } }";
        Assert.Equal("AWS::ECS::Cluster", Cdk.Read(("S.cs", source)).At("S/C").Type);
    }

    [Fact]
    public void Constructs_created_in_helper_methods_and_loops_are_found()
    {
        var members = """
                private void AddBuckets()
                {
                    foreach (var name in new[] { "a", "b" })
                        new Bucket(this, $"Bucket-{name}");
                }
            """;
        var all = Cdk.Resources("AddBuckets();", members);
        var r = Assert.Single(all);
        Assert.Equal("MyStack/$\"Bucket-{name}\"", r.Address);
    }

    [Fact]
    public void Template_elements_are_not_resources_and_cfn_resource_names_its_type()
    {
        var all = Cdk.Resources("""
            new CfnOutput(this, "Out", new CfnOutputProps { Value = "x" });
            new CfnParameter(this, "Param");
            new CfnResource(this, "Raw", new CfnResourceProps { Type = "AWS::SQS::Queue", Properties = new Dictionary<string, object> { ["DelaySeconds"] = 5 } });
            new CfnWaitConditionHandle(this, "Handle");
            """);
        Assert.Equal(["MyStack/Raw", "MyStack/Handle"], all.Select(r => r.Address));
        Assert.Equal(("AWS::SQS::Queue", "5"), (all[0].Type, all[0].Prop("DelaySeconds")));
        Assert.Equal("AWS::CloudFormation::WaitConditionHandle", all[1].Type);
    }

    [Fact]
    public void Global_usings_in_another_file_count()
    {
        var result = Cdk.Read(("Usings.cs", "global using Amazon.CDK.AWS.DynamoDB;"), ("S.cs", "using Amazon.CDK;\npublic class S : Stack { public S() : base(null, \"S\") { new Table(this, \"T\"); } }"));
        Assert.Equal("AWS::DynamoDB::Table", result.At("S/T").Type);
    }

    [Fact]
    public void Semantic_model_with_the_cdk_assemblies_sees_through_aliases()
    {
        // Needs Amazon.CDK.Lib in the NuGet cache (restoring samples/cdk-csharp puts it there); syntax mode is tested without it.
        if (FinOpsCopilot.Core.Cdk.AppCompilation.FindCdkAssemblies(null).Count == 0) return;
        var source = "using Amazon.CDK;\nusing Store = Amazon.CDK.AWS.S3.Bucket;\npublic class S : Stack { public S() : base(null, \"S\") { new Store(this, \"B\"); } }";
        Assert.Empty(Cdk.Read(("S.cs", source)).All());
        Assert.Equal("AWS::S3::Bucket", Cdk.ReadSemantic(("S.cs", source)).At("S/B").Type);
    }
}
