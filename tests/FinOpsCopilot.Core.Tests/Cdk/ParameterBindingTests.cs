namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>Inside the app's construct classes, id, props.X and plain parameters are read from each instantiation's arguments.</summary>
public class ParameterBindingTests
{
    private const string WebTier = """
        public class WebTierProps
        {
            public string Team { get; set; }
            public InstanceType Size { get; set; }
            public RetentionDays Logs { get; set; }
        }
        public class WebTier : Construct
        {
            public WebTier(Construct scope, string id, WebTierProps props, int disk = 20) : base(scope, id)
            {
                var server = new Instance_(this, "Server", new InstanceProps { InstanceType = props.Size });
                Tags.Of(server).Add("Owner", props.Team);
                new Bucket(this, $"{id}-assets");
                new Volume(this, "Data", new VolumeProps { Size = Size.Gibibytes(disk) });
                new LogGroup(this, "Logs", new LogGroupProps { Retention = props.Logs });
                new Bucket(scope, $"{id}-sibling");
            }
        }
        """;

    private static FinOpsCopilot.Core.Cdk.CdkAppResult Read(string stackBody) =>
        Cdk.Read(("Web.cs", Cdk.Usings + WebTier), ("Stack.cs", Cdk.Stack(stackBody)));

    [Fact]
    public void Props_ids_and_plain_parameters_of_each_instantiation()
    {
        var result = Read("""
            var small = new WebTierProps { Team = "web", Size = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.SMALL), Logs = RetentionDays.ONE_WEEK };
            new WebTier(this, "Blue", small);
            new WebTier(this, "Green", new WebTierProps { Team = "green", Size = new InstanceType("m5.large") }, disk: 100);
            """);
        Assert.Equal("t3.small", result.At("MyStack/Blue/Server").Prop("InstanceType"));
        Assert.Equal("m5.large", result.At("MyStack/Green/Server").Prop("InstanceType"));
        Assert.Equal("web", result.At("MyStack/Blue/Server").FindTag("Owner")?.Value);
        Assert.Equal("green", result.At("MyStack/Green/Server").FindTag("Owner")?.Value);
        Assert.Equal("20", result.At("MyStack/Blue/Data").Prop("Size"));
        Assert.Equal("100", result.At("MyStack/Green/Data").Prop("Size"));
        Assert.Equal("7", result.At("MyStack/Blue/Logs").Prop("RetentionInDays"));
        Assert.Contains(result.All(), r => r.Address == "MyStack/Blue/Blue-assets");
        // A construct created on the scope parameter is the instance's sibling.
        Assert.Contains(result.All(), r => r.Address == "MyStack/Green-sibling");
    }

    [Fact]
    public void Parameters_of_a_class_nothing_instantiates_stay_unknown()
    {
        var result = Cdk.Read(("Web.cs", Cdk.Usings + WebTier));
        var server = result.At("WebTier/Server");
        Assert.IsType<FinOpsCopilot.Core.Model.UnknownValue>(server.Properties["InstanceType"]);
        Assert.Null(server.FindTag("Owner")?.Value);
    }

    [Fact]
    public void Stack_props_passed_from_program_are_read()
    {
        var stack = Cdk.Usings + """
            public class ShopStackProps : StackProps { public string Env { get; set; } }
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, ShopStackProps props) : base(scope, id, props)
                {
                    Tags.Of(this).Add("Environment", props.Env);
                    new Bucket(this, "B");
                }
            }
            """;
        var program = Cdk.Usings + "var app = new App();\nnew ShopStack(app, \"Prod\", new ShopStackProps { Env = \"prod\" });\nnew ShopStack(app, \"Dev\", new ShopStackProps { Env = \"dev\" });\n";
        var result = Cdk.Read(("Stack.cs", stack), ("Program.cs", program));
        Assert.Equal("prod", result.At("Prod/B").FindTag("Environment")?.Value);
        Assert.Equal("dev", result.At("Dev/B").FindTag("Environment")?.Value);
    }
}
