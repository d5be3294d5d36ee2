using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;
using static FinOpsCopilot.Core.Tests.Pricing.PricingFixtures;

namespace FinOpsCopilot.Core.Tests.Pricing;

public class CostRuleTests
{
    private static List<Finding> Findings(IacDocument document, string code, FinOpsPolicy? policy = null) =>
        DocumentAnalyzer.Analyze(document, policy ?? FinOpsPolicy.Empty).Where(f => f.RuleId == code).ToList();

    private static Finding One(IacDocument document, string code, FinOpsPolicy? policy = null) => Assert.Single(Findings(document, code, policy));

    private static void None(IacDocument document, string code, FinOpsPolicy? policy = null) => Assert.Empty(Findings(document, code, policy));

    [Fact]
    public void Ebs_gp2_to_gp3_fires_on_gp2_with_the_saving_at_equal_performance()
    {
        var f = One(Template("""
              Data:
                Type: AWS::EC2::Volume
                Properties: { Size: 100, VolumeType: gp2, AvailabilityZone: us-east-1a }
            """), RuleCodes.EbsGp2ToGp3);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(2m, f.MonthlySaving); // 100 × (0.10 − 0.08); 300 IOPS and 128 MiB/s fit in the gp3 baseline
        Assert.Equal("replace-value", f.Fix!.Kind);
        Assert.Equal("gp3", f.Fix.Arguments["to"]);
        Assert.Equal(4, f.Range.Start.Line); // the VolumeType value
    }

    [Fact]
    public void Ebs_gp2_to_gp3_counts_the_iops_gp3_must_buy_for_a_large_volume()
    {
        var f = One(TfDocument(null, Tf("aws_ebs_volume", "big", new { size = 2000, type = "gp2" })), RuleCodes.EbsGp2ToGp3);
        // gp2: 2000 × 0.10 = 200. gp3: 160 + (6000 − 3000) × 0.005 + (250 − 125) × 0.04 = 180.
        Assert.Equal(20m, f.MonthlySaving);
    }

    [Fact]
    public void Ebs_gp2_to_gp3_covers_the_default_type_and_instance_block_devices_but_not_gp3()
    {
        Assert.Equal("add-property", One(TfDocument(null, Tf("aws_ebs_volume", "v", new { size = 10 })), RuleCodes.EbsGp2ToGp3).Fix!.Kind);
        One(TfDocument(null, Tf("aws_instance", "i", new { instance_type = "t3.micro", root_block_device = new { volume_size = 8, volume_type = "gp2" } })), RuleCodes.EbsGp2ToGp3);
        None(TfDocument(null, Tf("aws_ebs_volume", "v", new { size = 10, type = "gp3" })), RuleCodes.EbsGp2ToGp3);
        None(TfDocument(null, Tf("aws_instance", "i", new { instance_type = "t3.micro" })), RuleCodes.EbsGp2ToGp3);
    }

    [Fact]
    public void Ebs_io1_to_gp3_only_where_gp3_can_deliver_the_iops()
    {
        var f = One(TfDocument(null, Tf("aws_ebs_volume", "v", new { size = 100, type = "io1", iops = 5000 })), RuleCodes.EbsIo1ToGp3);
        // io1: 12.5 + 325 = 337.5. gp3: 8 + 2000 × 0.005 = 18.
        Assert.Equal(319.5m, f.MonthlySaving);
        None(TfDocument(null, Tf("aws_ebs_volume", "v", new { size = 100, type = "io1", iops = 20000 })), RuleCodes.EbsIo1ToGp3);
        None(TfDocument(null, Tf("aws_ebs_volume", "v", new { size = 10, type = "io1", iops = 6000 })), RuleCodes.EbsIo1ToGp3);
        None(TfDocument(null, Tf("aws_ebs_volume", "v", new { size = 100, type = "io2", iops = 5000 })), RuleCodes.EbsIo1ToGp3);
    }

    [Fact]
    public void Rds_gp2_to_gp3_fires_on_explicit_and_default_gp2()
    {
        var f = One(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "postgres", instance_class = "db.m5.large", allocated_storage = 100, storage_type = "gp2" })), RuleCodes.RdsGp2ToGp3);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Null(f.MonthlySaving); // same per-GB price in us-east-1
        One(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "postgres", instance_class = "db.m5.large", allocated_storage = 100 })), RuleCodes.RdsGp2ToGp3);
        None(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "postgres", instance_class = "db.m5.large", allocated_storage = 100, iops = 1000 })), RuleCodes.RdsGp2ToGp3);
        None(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "postgres", instance_class = "db.m5.large", storage_type = "gp3" })), RuleCodes.RdsGp2ToGp3);
    }

    [Fact]
    public void Ec2_previous_generation_suggests_the_current_family()
    {
        var f = One(Template("""
              Old:
                Type: AWS::EC2::Instance
                Properties: { InstanceType: m4.large }
            """), RuleCodes.Ec2PreviousGeneration);
        Assert.Equal("m6i.large", f.Fix!.Arguments["to"]);
        Assert.Equal(Billing(0.10m - 0.096m), f.MonthlySaving);
        None(Template("""
              New:
                Type: AWS::EC2::Instance
                Properties: { InstanceType: m6i.large }
            """), RuleCodes.Ec2PreviousGeneration);
    }

    [Fact]
    public void Ec2_previous_generation_checks_launch_templates()
    {
        var f = One(Template("""
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData: { InstanceType: t2.micro }
            """), RuleCodes.Ec2PreviousGeneration);
        Assert.Equal("t3.micro", f.Fix!.Arguments["to"]);
    }

    [Fact]
    public void Ec2_graviton_is_info_with_the_saving()
    {
        var f = One(TfDocument(null, Tf("aws_instance", "web", new { instance_type = "m5.large" })), RuleCodes.Ec2Graviton);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Equal("m6g.large", f.Fix!.Arguments["to"]);
        Assert.Equal(Billing(0.096m - 0.077m), f.MonthlySaving);
        None(TfDocument(null, Tf("aws_instance", "web", new { instance_type = "m6g.large" })), RuleCodes.Ec2Graviton);
    }

    [Fact]
    public void Rds_previous_generation_and_graviton()
    {
        var old = TfDocument(null, Tf("aws_db_instance", "db", new { engine = "mysql", instance_class = "db.m4.large", allocated_storage = 20, storage_type = "gp3" }));
        Assert.Equal("db.m6i.large", One(old, RuleCodes.RdsPreviousGeneration).Fix!.Arguments["to"]);
        var x86 = TfDocument(null, Tf("aws_db_instance", "db", new { engine = "postgres", instance_class = "db.m5.large", allocated_storage = 20, storage_type = "gp3" }));
        None(x86, RuleCodes.RdsPreviousGeneration);
        var g = One(x86, RuleCodes.RdsGraviton);
        Assert.Equal("db.m6g.large", g.Fix!.Arguments["to"]);
        Assert.True(g.MonthlySaving > 0);
        // SQL Server has no Graviton classes: the catalog has no price, so no suggestion.
        None(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "sqlserver-se", instance_class = "db.m5.xlarge" })), RuleCodes.RdsGraviton);
    }

    [Fact]
    public void Lambda_arm64_fires_on_the_x86_default_only()
    {
        var doc = Template("""
              Fn:
                Type: AWS::Lambda::Function
                Properties: { MemorySize: 1024 }
              Arm:
                Type: AWS::Lambda::Function
                Properties: { Architectures: [arm64] }
            """);
        var f = One(doc, RuleCodes.LambdaArm64);
        Assert.Equal("Fn", f.ResourceAddress);
        Assert.Null(f.MonthlySaving);
        var policy = new FinOpsPolicy { Usage = Usage("AWS::Lambda::Function", ("monthly_requests", 10_000_000), ("average_duration_ms", 100)) };
        Assert.Equal(3.33m, One(doc, RuleCodes.LambdaArm64, policy).MonthlySaving);
    }

    [Fact]
    public void Rds_multi_az_nonprod_by_tag_or_name()
    {
        var doc = Template("""
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.m5.large
                  MultiAZ: true
                  StorageType: gp3
                  AllocatedStorage: 100
                  Tags: [{ Key: Environment, Value: staging }]
              DevDatabase:
                Type: AWS::RDS::DBInstance
                Properties: { Engine: postgres, DBInstanceClass: db.m5.large, MultiAZ: true, StorageType: gp3, AllocatedStorage: 100 }
              ProdDatabase:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.m5.large
                  MultiAZ: true
                  Tags: [{ Key: Environment, Value: prod }]
            """);
        var findings = Findings(doc, RuleCodes.RdsMultiAzNonProduction);
        Assert.Equal(["Database", "DevDatabase"], findings.Select(f => f.ResourceAddress));
        // (0.356 − 0.178) × 730 + 100 × (0.23 − 0.115)
        Assert.Equal(129.94m + 11.5m, findings[0].MonthlySaving);
        var custom = new FinOpsPolicy { Cost = new CostPolicy { NonProductionEnvironments = ["prod"] } };
        Assert.Contains(Findings(doc, RuleCodes.RdsMultiAzNonProduction, custom), f => f.ResourceAddress == "ProdDatabase");
    }

    [Fact]
    public void Nat_gateway_per_az_nonprod_reports_every_gateway_after_the_first()
    {
        var doc = Template("""
              DevNatA:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: a }
              DevNatB:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: b }
            """);
        var f = One(doc, RuleCodes.NatGatewayPerAzNonProduction);
        Assert.Equal("DevNatB", f.ResourceAddress);
        Assert.Equal(32.85m, f.MonthlySaving);
        None(Template("""
              NatA:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: a }
              NatB:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: b }
            """), RuleCodes.NatGatewayPerAzNonProduction);
    }

    [Fact]
    public void Log_group_retention_missing()
    {
        One(Template("""
              Logs:
                Type: AWS::Logs::LogGroup
            """), RuleCodes.LogGroupRetentionMissing);
        One(TfDocument(null, Tf("aws_cloudwatch_log_group", "l", new { retention_in_days = 0 })), RuleCodes.LogGroupRetentionMissing);
        None(TfDocument(null, Tf("aws_cloudwatch_log_group", "l", new { retention_in_days = 30 })), RuleCodes.LogGroupRetentionMissing);
    }

    [Fact]
    public void S3_rules_fire_on_a_bare_versioned_bucket_and_not_on_a_configured_one()
    {
        var bare = Template("""
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: { Status: Enabled }
            """);
        One(bare, RuleCodes.S3LifecycleMissing);
        One(bare, RuleCodes.S3AbortIncompleteMultipartMissing);
        One(bare, RuleCodes.S3NoncurrentVersionExpirationMissing);
        var configured = Template("""
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: { Status: Enabled }
                  LifecycleConfiguration:
                    Rules:
                      - Id: tidy
                        Status: Enabled
                        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }
                        NoncurrentVersionExpiration: { NoncurrentDays: 90 }
            """);
        None(configured, RuleCodes.S3LifecycleMissing);
        None(configured, RuleCodes.S3AbortIncompleteMultipartMissing);
        None(configured, RuleCodes.S3NoncurrentVersionExpirationMissing);
        None(Template("""
              Unversioned:
                Type: AWS::S3::Bucket
            """), RuleCodes.S3NoncurrentVersionExpirationMissing);
    }

    [Fact]
    public void Eip_unattached_unless_something_uses_it()
    {
        var f = One(Template("""
              Spare:
                Type: AWS::EC2::EIP
              NatIp:
                Type: AWS::EC2::EIP
              Nat:
                Type: AWS::EC2::NatGateway
                Properties: { AllocationId: !GetAtt NatIp.AllocationId, SubnetId: a }
              Attached:
                Type: AWS::EC2::EIP
                Properties: { InstanceId: i-123 }
            """), RuleCodes.EipUnattached);
        Assert.Equal("Spare", f.ResourceAddress);
        Assert.Equal(3.65m, f.MonthlySaving);
    }

    [Fact]
    public void Terraform_eip_used_by_a_nat_gateway_is_attached()
    {
        var doc = TfDocument(null,
            Tf("aws_eip", "nat", new { domain = "vpc" }),
            Tf("aws_eip", "spare", new { domain = "vpc" }),
            Tf("aws_nat_gateway", "main", new { allocation_id = Unknown("an attribute of aws_eip.nat, known after apply"), subnet_id = "subnet-1" }));
        Assert.Equal("aws_eip.spare", One(doc, RuleCodes.EipUnattached).ResourceAddress);
    }

    [Fact]
    public void Terraform_bucket_configured_by_separate_resources()
    {
        var doc = TfDocument(null,
            Tf("aws_s3_bucket", "data", new { bucket = "data" }),
            Tf("aws_s3_bucket_versioning", "data", new { bucket = Unknown("an attribute of aws_s3_bucket.data, known after apply"), versioning_configuration = new[] { new { status = "Enabled" } } }),
            Tf("aws_s3_bucket_lifecycle_configuration", "data", new
            {
                bucket = Unknown("an attribute of aws_s3_bucket.data, known after apply"),
                rule = new[] { new { id = "tidy", status = "Enabled", abort_incomplete_multipart_upload = new[] { new { days_after_initiation = 7 } } } },
            }));
        None(doc, RuleCodes.S3LifecycleMissing);
        None(doc, RuleCodes.S3AbortIncompleteMultipartMissing);
        One(doc, RuleCodes.S3NoncurrentVersionExpirationMissing);
    }

    [Fact]
    public void Dynamodb_idle_capacity_only_when_usage_says_so()
    {
        var doc = Template("""
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 }
            """, region: "us-east-2");
        None(doc, RuleCodes.DynamoDbProvisionedIdleCapacity);
        var policy = new FinOpsPolicy { Usage = Usage("AWS::DynamoDB::Table", ("consumed_write_capacity_percent", 7), ("consumed_read_capacity_percent", 50)) };
        var f = One(doc, RuleCodes.DynamoDbProvisionedIdleCapacity, policy);
        // 100 WCU × 730 h × 0.00065 = 47.45, × (1 − 7/70) = 42.705
        Assert.Equal(42.71m, f.MonthlySaving);
    }

    [Fact]
    public void Every_cost_rule_has_a_docs_page_citing_its_source()
    {
        var root = PriceCatalogTests.RepoRoot();
        foreach (var rule in RuleCatalog.All.Where(r => r.Descriptor.Category == "cost"))
        {
            var page = Path.Combine(root, "docs", "rules", rule.Descriptor.Code + ".md");
            Assert.True(File.Exists(page), page);
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + rule.Descriptor.Code, text);
            Assert.Contains("## Source", text);
            Assert.Contains($"**Default level:** {rule.Descriptor.DefaultSeverity.ToString().ToLowerInvariant()}", text);
        }
    }

    private static decimal Billing(decimal hourlyDifference) => FinOpsCopilot.Core.Pricing.Billing.Round(hourlyDifference * 730);
}
