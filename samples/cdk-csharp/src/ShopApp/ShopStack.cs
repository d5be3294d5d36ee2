using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace ShopApp;

public sealed class ShopStack : Stack
{
    private const string PlatformTeam = "platform-team@example.com";
    private const int DatabaseStorageGb = 50;

    public ShopStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
    {
        // Instances carry the owner their team registers them under (below), not the platform team.
        Tags.Of(this).Add("Owner", PlatformTeam, new TagProps { ExcludeResourceTypes = new[] { "AWS::EC2::Instance" } });

        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 1,
        });

        var webServer = new Instance_(this, "WebServer", new InstanceProps
        {
            Vpc = vpc,
            InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MEDIUM),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
        });
        // Deliberate: "owner" differs from the required key "Owner" only in case (tag-key-case).
        Tags.Of(webServer).Add("owner", "web-team@example.com");

        var database = new DatabaseInstance(this, "OrdersDatabase", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16 }),
            InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
            Vpc = vpc,
            AllocatedStorage = DatabaseStorageGb,
            StorageType = StorageType.GP3,
            MultiAz = false,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
        });
        // Deliberate: "production" is not one of prod, staging, dev (tag-value-invalid).
        Tags.Of(database).Add("Environment", "production");

        var assets = new Bucket(this, "Assets", new BucketProps
        {
            Versioned = true,
            LifecycleRules = new[] { new LifecycleRule { Expiration = Duration.Days(365) } },
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        // Deliberate: the cost center lacks its "CC-" prefix (tag-value-invalid).
        Tags.Of(assets).Add("CostCenter", "1042");

        var thumbnailer = new Function(this, "Thumbnailer", new FunctionProps
        {
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
            Code = Code.FromInline("exports.handler = async () => ({ statusCode: 200 });"),
            MemorySize = 512,
            Timeout = Duration.Seconds(30),
            Architecture = Architecture.ARM_64,
            LogRetention = RetentionDays.ONE_MONTH,
        });
        // Functions are charged to the dev environment's budget while in beta, whatever the stack says.
        Tags.Of(thumbnailer).Add("Environment", "dev", new TagProps { IncludeResourceTypes = new[] { "AWS::Lambda::Function" }, Priority = 300 });
        assets.GrantRead(thumbnailer);

        var accessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            Retention = RetentionDays.THREE_MONTHS,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        // Deliberate: the access logs drop the owner the stack gives them (tag-missing).
        Tags.Of(accessLogs).Remove("Owner");
    }
}
