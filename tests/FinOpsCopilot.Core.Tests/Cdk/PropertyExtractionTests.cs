using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>Props become CloudFormation-named properties: literals, constants, locals, enums, InstanceType.Of, interpolation.</summary>
public class PropertyExtractionTests
{
    [Theory]
    [InlineData("InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO)", "t3.micro")]
    [InlineData("InstanceType.Of(InstanceClass.STANDARD5, InstanceSize.XLARGE2)", "m5.2xlarge")]
    [InlineData("InstanceType.Of(InstanceClass.M6G, InstanceSize.LARGE)", "m6g.large")]
    [InlineData("InstanceType.Of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.XLARGE)", "r6g.xlarge")]
    [InlineData("new InstanceType(\"c5.large\")", "c5.large")]
    [InlineData("new InstanceType(Size)", "m5.large")]
    [InlineData("new InstanceType($\"{Family}.{Sz}\")", "c6i.large")]
    [InlineData("new InstanceType(Sizes.Web)", "t3.small")]
    public void Instance_type(string expression, string expected)
    {
        var members = """
                private const string Size = "m5.large";
                private const string Family = "c6i";
                private static readonly string Sz = "large";
            """;
        var body = $"new Instance(this, \"Web\", new InstanceProps {{ InstanceType = {expression} }});";
        var source = Cdk.Stack(body, members: members) + "\npublic static class Sizes { public const string Web = \"t3.small\"; }";
        Assert.Equal(expected, Cdk.Read(("Stack.cs", source)).At("MyStack/Web").Prop("InstanceType"));
    }

    [Fact]
    public void Instance_type_held_in_a_local()
    {
        var r = Cdk.Resource("""
            var type = InstanceType.Of(InstanceClass.COMPUTE6_INTEL, InstanceSize.XLARGE4);
            new Instance(this, "Web", new InstanceProps { InstanceType = type });
            """, "MyStack/Web");
        Assert.Equal("c6i.4xlarge", r.Prop("InstanceType"));
    }

    [Fact]
    public void Props_held_in_a_local()
    {
        var r = Cdk.Resource("""
            var props = new InstanceProps { InstanceType = new InstanceType("t3.nano") };
            new Instance(this, "Web", props);
            """, "MyStack/Web");
        Assert.Equal("t3.nano", r.Prop("InstanceType"));
    }

    [Fact]
    public void Database_instance_properties_and_defaults()
    {
        var source = Cdk.Stack("""
            const int storage = 200;
            new DatabaseInstance(this, "Db", new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps()),
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MEDIUM),
                AllocatedStorage = storage,
                MultiAz = true,
                StorageType = StorageType.GP3,
                RemovalPolicy = RemovalPolicy.SNAPSHOT,
                BackupRetention = Duration.Days(14),
            });
            new DatabaseInstance(this, "Plain", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL });
            """);
        var result = Cdk.Read(("Stack.cs", source));
        var db = result.At("MyStack/Db");
        Assert.Equal("db.t3.medium", db.Prop("DBInstanceClass"));
        Assert.Equal("200", db.Prop("AllocatedStorage"));
        Assert.Equal("storage", TestSupport.Covered(source, db.Properties["AllocatedStorage"]!.Range));
        Assert.Equal("true", db.Prop("MultiAZ"));
        Assert.Equal("gp3", db.Prop("StorageType"));
        Assert.Equal("postgres", db.Prop("Engine"));
        Assert.Equal("Snapshot", db.Prop("DeletionPolicy"));
        Assert.Equal("14", db.Prop("BackupRetentionPeriod"));
        var plain = result.At("MyStack/Plain");
        Assert.Equal("db.m5.large", plain.Prop("DBInstanceClass"));
        Assert.Equal("100", plain.Prop("AllocatedStorage"));
        Assert.Equal("false", plain.Prop("MultiAZ"));
        Assert.Equal("mysql", plain.Prop("Engine"));
    }

    [Fact]
    public void Function_properties()
    {
        var r = Cdk.Resource("""
            new Function(this, "Fn", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                MemorySize = 1024,
                Timeout = Duration.Minutes(2),
                Architecture = Architecture.ARM_64,
                LogRetention = RetentionDays.TWO_WEEKS,
            });
            """, "MyStack/Fn");
        Assert.Equal("python3.12", r.Prop("Runtime"));
        Assert.Equal("1024", r.Prop("MemorySize"));
        Assert.Equal("120", r.Prop("Timeout"));
        Assert.Equal("arm64", ((ListValue)r.Properties["Architectures"]!).Items[0].AsString());
        Assert.Equal("14", r.Prop("LogRetention"));
    }

    [Fact]
    public void Bucket_lifecycle_versioning_and_removal_policy()
    {
        var r = Cdk.Resource("""
            new Bucket(this, "B", new BucketProps
            {
                Versioned = true,
                LifecycleRules = new[] { new LifecycleRule { Expiration = Duration.Days(90) } },
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            """, "MyStack/B");
        Assert.Equal("Enabled", ((MapValue)r.Properties["VersioningConfiguration"]!).Entry("Status")!.Value.AsString());
        var rules = (ListValue)((MapValue)r.Properties["LifecycleConfiguration"]!)["Rules"]!;
        Assert.Equal("Enabled", ((MapValue)rules.Items[0])["Status"]!.AsString());
        Assert.Equal("Delete", r.Prop("DeletionPolicy"));
    }

    [Fact]
    public void Log_group_retention_defaults_to_two_years_and_infinite_is_null()
    {
        Assert.Equal("731", Cdk.Resource("new LogGroup(this, \"L\");", "MyStack/L").Prop("RetentionInDays"));
        Assert.Equal("7", Cdk.Resource("new LogGroup(this, \"L\", new LogGroupProps { Retention = RetentionDays.ONE_WEEK });", "MyStack/L").Prop("RetentionInDays"));
        Assert.IsType<NullValue>(Cdk.Resource("new LogGroup(this, \"L\", new LogGroupProps { Retention = RetentionDays.INFINITE });", "MyStack/L").Properties["RetentionInDays"]);
    }

    [Fact]
    public void Table_billing_and_autoscaling_group_sizes()
    {
        var t = Cdk.Resource("new Table(this, \"T\", new TableProps { BillingMode = BillingMode.PAY_PER_REQUEST });", "MyStack/T");
        Assert.Equal("PAY_PER_REQUEST", t.Prop("BillingMode"));
        Assert.Null(t.Properties["ProvisionedThroughput"]);
        var p = Cdk.Resource("new Table(this, \"T\", new TableProps { ReadCapacity = 20 });", "MyStack/T");
        Assert.Equal("20", ((MapValue)p.Properties["ProvisionedThroughput"]!)["ReadCapacityUnits"]!.AsString());
        var asg = Cdk.Resource("new AutoScalingGroup(this, \"G\", new AutoScalingGroupProps { InstanceType = new InstanceType(\"m5.large\"), MinCapacity = 2, MaxCapacity = 6 });", "MyStack/G");
        Assert.Equal(("m5.large", "2", "6"), (asg.Prop("InstanceType"), asg.Prop("MinSize"), asg.Prop("MaxSize")));
    }

    [Fact]
    public void Load_balancer_type_and_scheme()
    {
        var alb = Cdk.Resource("new ApplicationLoadBalancer(this, \"A\", new ApplicationLoadBalancerProps { InternetFacing = true });", "MyStack/A");
        Assert.Equal(("application", "internet-facing"), (alb.Prop("Type"), alb.Prop("Scheme")));
        Assert.Equal("network", Cdk.Resource("new NetworkLoadBalancer(this, \"N\", new NetworkLoadBalancerProps());", "MyStack/N").Prop("Type"));
    }

    [Fact]
    public void L1_props_keep_cloudformation_names()
    {
        var r = Cdk.Resource("""
            new CfnDBInstance(this, "Db", new CfnDBInstanceProps { DbInstanceClass = "db.r5.large", MultiAz = true, AllocatedStorage = "500" });
            """, "MyStack/Db");
        Assert.Equal(("db.r5.large", "true", "500"), (r.Prop("DBInstanceClass"), r.Prop("MultiAZ"), r.Prop("AllocatedStorage")));
    }

    [Fact]
    public void Values_that_cannot_be_known_are_unknown_with_a_reason()
    {
        var source = Cdk.Usings + """
            public class MyStack : Stack
            {
                public MyStack(Construct scope, string id, string size) : base(scope, id)
                {
                    new Instance(this, "A", new InstanceProps { InstanceType = new InstanceType(size) });
                    new Instance(this, "B", new InstanceProps { InstanceType = LookUp() });
                }
            }
            """;
        var result = Cdk.Read(("Stack.cs", source));
        var a = Assert.IsType<UnknownValue>(result.At("MyStack/A").Properties["InstanceType"]);
        Assert.Contains("parameter 'size'", a.Reason);
        var b = Assert.IsType<UnknownValue>(result.At("MyStack/B").Properties["InstanceType"]);
        Assert.Contains("LookUp", b.Reason);
    }

    [Fact]
    public void Interpolation_and_concatenation_of_constants()
    {
        var r = Cdk.Resource("""
            const string env = "prod";
            var prefix = "shop-" + env;
            new Bucket(this, "B", new BucketProps { BucketName = $"{prefix}-assets" });
            """, "MyStack/B");
        Assert.Equal("shop-prod-assets", r.Prop("BucketName"));
    }

    [Fact]
    public void Semantic_model_folds_constants_across_files()
    {
        var constants = "namespace Shop; public static class Config { public const int Gb = 10 * 32; }";
        var stack = Cdk.Stack("new Volume(this, \"V\", new VolumeProps { Size = Size.Gibibytes(Shop.Config.Gb) });");
        Assert.IsType<UnknownValue>(Cdk.Read(("Stack.cs", stack), ("Config.cs", constants)).At("MyStack/V").Properties["Size"]);
        var semantic = Cdk.ReadSemantic(("Stack.cs", stack), ("Config.cs", constants));
        Assert.True(semantic.UsedSemanticModel);
        Assert.Equal("320", semantic.At("MyStack/V").Prop("Size"));
    }
}
