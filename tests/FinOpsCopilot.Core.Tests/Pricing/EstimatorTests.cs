using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Pricing;
using static FinOpsCopilot.Core.Tests.Pricing.PricingFixtures;

namespace FinOpsCopilot.Core.Tests.Pricing;

public class Ec2EstimatorTests
{
    [Fact]
    public void Instance_hours_and_declared_volumes()
    {
        var doc = Template("""
              Web:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: m5.large
                  BlockDeviceMappings:
                    - DeviceName: /dev/xvda
                      Ebs: { VolumeSize: 100, VolumeType: gp3, Iops: 4000, Throughput: 250 }
            """);
        var e = Estimate(doc, "Web");
        var hours = Component(e, "Instance (m5.large)");
        Assert.Equal(730m, hours.Quantity);
        Assert.Equal(0.096m, hours.UnitPrice);
        Assert.Equal(70.08m, hours.MonthlyCost);
        Assert.Equal(8m, Component(e, "Volume /dev/xvda storage (gp3)").MonthlyCost);
        Assert.Equal(5m, Component(e, "Volume /dev/xvda IOPS above 3,000").MonthlyCost);
        Assert.Equal(5m, Component(e, "Volume /dev/xvda throughput above 125").MonthlyCost);
        Assert.Equal(88.08m, e.Amount);
        Assert.False(e.IsPartial);
    }

    [Fact]
    public void Unknown_instance_type_names_the_missing_input()
    {
        var doc = SourceFileReader.Read("t.yaml", """
            Parameters:
              Size: { Type: String }
            Resources:
              Web:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: !Ref Size
            """)!;
        var e = Estimate(doc, "Web");
        Assert.True(e.IsPartial);
        var line = e.Components[0];
        Assert.Null(line.MonthlyCost);
        Assert.Equal("unknown: InstanceType (parameter Size has no default)", line.Note);
        Assert.Equal("unknown: BlockDeviceMappings (not declared; its size and type come from the AMI)", e.Components[1].Note);
        Assert.Equal(0m, e.Amount);
    }

    [Fact]
    public void Terraform_instance_with_root_and_attached_volumes_as_map_or_list()
    {
        var instance = Tf("aws_instance", "web", new
        {
            instance_type = "t3.micro",
            root_block_device = new { volume_size = 20, volume_type = "gp2" },
            ebs_block_device = new object[] { new { volume_size = 100, volume_type = "io1", iops = 1000 } },
        });
        var e = Estimate(TfDocument(null, instance), "aws_instance.web");
        Assert.Equal(7.592m, Component(e, "Instance (t3.micro)").MonthlyCost);
        Assert.Equal(2m, Component(e, "Root volume storage (gp2)").MonthlyCost);
        Assert.Equal(12.5m, Component(e, "EBS volume storage (io1)").MonthlyCost);
        Assert.Equal(65m, Component(e, "EBS volume provisioned IOPS (io1)").MonthlyCost);
    }

    [Fact]
    public void Public_ipv4_of_an_instance_is_billed()
    {
        var e = Estimate(TfDocument(null, Tf("aws_instance", "web", new { instance_type = "t3.micro", associate_public_ip_address = true,
            root_block_device = new { volume_size = 8, volume_type = "gp3" } })), "aws_instance.web");
        Assert.Equal(3.65m, Component(e, "Public IPv4 address").MonthlyCost);
        Assert.False(e.IsPartial);
    }

    [Fact]
    public void Dedicated_tenancy_is_not_priced_as_shared()
    {
        var e = Estimate(TfDocument(null, Tf("aws_instance", "d", new { instance_type = "m5.large", tenancy = "dedicated" })), "aws_instance.d");
        Assert.True(e.IsPartial);
        Assert.Contains("dedicated tenancy", e.Components[0].Note);
    }

    [Fact]
    public void Autoscaling_group_multiplies_its_launch_template_by_desired_capacity()
    {
        var doc = Template("""
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    InstanceType: c5.large
                    BlockDeviceMappings:
                      - DeviceName: /dev/xvda
                        Ebs: { VolumeSize: 30, VolumeType: gp3 }
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "2"
                  MaxSize: "6"
                  DesiredCapacity: "3"
                  LaunchTemplate:
                    LaunchTemplateId: !Ref Template
                    Version: !GetAtt Template.LatestVersionNumber
            """);
        var group = Estimate(doc, "Group");
        var hours = Component(group, "Instances (c5.large) × 3");
        Assert.Equal(2190m, hours.Quantity);
        Assert.Equal(0.085m * 2190m, hours.MonthlyCost);
        Assert.Equal(90m, Component(group, "Volume /dev/xvda × 3 storage (gp3)").Quantity);
        var template = Estimate(doc, "Template");
        Assert.Equal(0m, template.Amount);
        Assert.False(template.IsPartial);
    }

    [Fact]
    public void Terraform_autoscaling_group_follows_the_launch_template_reference()
    {
        var template = Tf("aws_launch_template", "web", new { instance_type = "m6g.large" });
        var group = Tf("aws_autoscaling_group", "web", new
        {
            min_size = 1, max_size = 4, desired_capacity = 2,
            // The Terraform reader's text for a reference to another resource's attribute.
            launch_template = new { id = Unknown("an attribute of aws_launch_template.web, known after apply") },
        });
        var e = Estimate(TfDocument(null, template, group), "aws_autoscaling_group.web");
        Assert.Equal(0.077m * 1460m, Component(e, "Instances (m6g.large) × 2").MonthlyCost);
    }
}

public class EbsEstimatorTests
{
    [Theory]
    [InlineData("gp2", 100, null, 10)]
    [InlineData("gp3", 100, null, 8)]
    [InlineData("st1", 500, null, 22.5)]
    [InlineData("sc1", 500, null, 7.5)]
    [InlineData("standard", 100, null, 5)]
    [InlineData("io1", 100, 2000, 142.5)]
    [InlineData("io2", 100, 40000, 12.5 + 32000 * 0.065 + 8000 * 0.0455)]
    public void Volume_types(string type, int size, int? iops, double expected)
    {
        var props = iops is null ? (object)new { type, size } : new { type, size, iops };
        var e = Estimate(TfDocument(null, Tf("aws_ebs_volume", "v", props)), "aws_ebs_volume.v");
        Assert.Equal((decimal)expected, e.Amount);
    }

    [Fact]
    public void Cloudformation_volume_defaults_to_gp2_and_prices_in_its_region()
    {
        var doc = Template("""
              Data:
                Type: AWS::EC2::Volume
                Properties: { Size: 100, AvailabilityZone: eu-west-1a }
            """, region: "eu-west-1");
        var e = Estimate(doc, "Data");
        Assert.Equal("eu-west-1", e.Region);
        Assert.Equal(11m, e.Amount);
    }

    [Fact]
    public void Io1_without_iops_is_partial()
    {
        var e = Estimate(TfDocument(null, Tf("aws_ebs_volume", "v", new { type = "io1", size = 10 })), "aws_ebs_volume.v");
        Assert.True(e.IsPartial);
    }

    [Fact]
    public void Snapshot_storage_depends_on_usage()
    {
        var doc = TfDocument(null, Tf("aws_ebs_snapshot", "s", new { volume_id = Unknown("aws_ebs_volume.v.id") }));
        var e = Estimate(doc, "aws_ebs_snapshot.s");
        Assert.Equal("depends on usage (storage_gb)", e.Components[0].Note);
        Assert.Equal(0.05m, e.Components[0].UnitPrice);
        var withUsage = Estimate(doc, "aws_ebs_snapshot.s", Usage("aws_ebs_snapshot", ("storage_gb", 200)));
        Assert.Equal(10m, withUsage.Amount);
    }
}

public class RdsEstimatorTests
{
    [Fact]
    public void Multi_az_postgres_with_gp3_above_baseline()
    {
        var doc = Template("""
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.m5.large
                  MultiAZ: true
                  StorageType: gp3
                  AllocatedStorage: "500"
                  Iops: 15000
            """);
        var e = Estimate(doc, "Db");
        Assert.Equal(0.356m * 730, Component(e, "Database instance (db.m5.large, postgres, multi-az)").MonthlyCost);
        Assert.Equal(500 * 0.23m, Component(e, "Storage (gp3)").MonthlyCost);
        Assert.Equal(3000 * 0.04m, Component(e, "IOPS above 12,000").MonthlyCost);
    }

    [Fact]
    public void Storage_defaults_to_gp2_and_single_az()
    {
        var e = Estimate(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "mysql", instance_class = "db.t3.large", allocated_storage = 20 })), "aws_db_instance.db");
        Assert.Equal(0.136m * 730, Component(e, "Database instance (db.t3.large, mysql, single-az)").MonthlyCost);
        Assert.Equal(2.3m, Component(e, "Storage (gp2)").MonthlyCost);
    }

    [Fact]
    public void Io1_storage_with_provisioned_iops_and_license_included_sql_server()
    {
        var e = Estimate(TfDocument(null, Tf("aws_db_instance", "db", new
        {
            engine = "sqlserver-se", instance_class = "db.m5.xlarge", allocated_storage = 200, storage_type = "io1", iops = 3000,
        })), "aws_db_instance.db");
        var hours = Component(e, "Database instance (db.m5.xlarge, sqlserver-se, single-az)");
        Assert.Equal(PriceCatalog.Default.Find("us-east-1", "rds/db.m5.xlarge/sqlserver-se/license-included/single-az")!.Value.Amount, hours.UnitPrice);
        Assert.Equal(25m, Component(e, "Storage (io1)").MonthlyCost);
        Assert.Equal(300m, Component(e, "Provisioned IOPS (io1)").MonthlyCost);
    }

    [Fact]
    public void A_class_the_catalog_lacks_says_so()
    {
        var e = Estimate(TfDocument(null, Tf("aws_db_instance", "db", new { engine = "postgres", instance_class = "db.m7i.large", allocated_storage = 20, storage_type = "gp3" })), "aws_db_instance.db");
        Assert.Equal("no price for rds/db.m7i.large/postgres/none/single-az in us-east-1", e.Components[0].Note);
        Assert.True(e.IsPartial);
        Assert.Equal(2.3m, e.Amount);
    }

    [Fact]
    public void Aurora_instance_takes_the_io_optimized_price_from_its_cluster()
    {
        var doc = Template("""
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties: { Engine: aurora-postgresql, StorageType: aurora-iopt1 }
              Writer:
                Type: AWS::RDS::DBInstance
                Properties: { Engine: aurora-postgresql, DBInstanceClass: db.r6g.large, DBClusterIdentifier: !Ref Cluster }
            """);
        var writer = Estimate(doc, "Writer");
        var line = Assert.Single(writer.Components);
        Assert.Contains("io-optimized", line.Name);
        Assert.Equal(PriceCatalog.Default.Find("us-east-1", "rds/db.r6g.large/aurora-postgresql/none/io-optimized")!.Value.Amount * 730, line.MonthlyCost);
        var cluster = Estimate(doc, "Cluster", Usage("AWS::RDS::DBCluster", ("storage_gb", 100)));
        Assert.Equal(22.5m, cluster.Amount);
    }

    [Fact]
    public void Aurora_standard_cluster_bills_storage_and_io_from_usage()
    {
        var doc = TfDocument(null, Tf("aws_rds_cluster", "c", new { engine = "aurora-mysql" }));
        var e = Estimate(doc, "aws_rds_cluster.c", Usage("aws_rds_cluster", ("storage_gb", 50), ("monthly_io_requests", 10_000_000)));
        Assert.Equal(5m, Component(e, "Storage").MonthlyCost);
        Assert.Equal(2m, Component(e, "I/O requests").MonthlyCost);
    }
}

public class ServiceEstimatorTests
{
    [Fact]
    public void Elasticache_replication_group_counts_nodes()
    {
        var e = Estimate(TfDocument(null, Tf("aws_elasticache_replication_group", "r", new { node_type = "cache.m4.large", num_cache_clusters = 2 })),
            "aws_elasticache_replication_group.r");
        Assert.Equal(0.156m * 1460, e.Amount);
    }

    [Fact]
    public void Elasticache_cluster_in_cloudformation()
    {
        var doc = Template("""
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties: { CacheNodeType: cache.m4.large, Engine: memcached, NumCacheNodes: 3 }
            """);
        Assert.Equal(PriceCatalog.Default.Find("us-east-1", "elasticache/cache.m4.large/memcached")!.Value.Amount * 2190, Estimate(doc, "Cache").Amount);
    }

    [Fact]
    public void Nat_gateway_hours_and_data_processed()
    {
        var doc = Template("""
              Nat:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: subnet-1 }
            """);
        var e = Estimate(doc, "Nat");
        Assert.Equal(32.85m, e.Amount);
        Assert.True(e.IsPartial);
        Assert.Equal("depends on usage (monthly_data_processed_gb)", Component(e, "Data processed").Note);
        var used = Estimate(doc, "Nat", Usage("AWS::EC2::NatGateway", ("monthly_data_processed_gb", 1000)));
        Assert.Equal(32.85m + 45m, used.Amount);
        Assert.False(used.IsPartial);
    }

    [Theory]
    [InlineData("application", "Application Load Balancer", 16.425)]
    [InlineData("network", "Network Load Balancer", 16.425)]
    [InlineData("gateway", "Gateway Load Balancer", 9.125)]
    public void Load_balancer_hours_by_type(string type, string label, double hours)
    {
        var e = Estimate(TfDocument(null, Tf("aws_lb", "lb", new { load_balancer_type = type })), "aws_lb.lb");
        Assert.Equal((decimal)hours, Component(e, label).MonthlyCost);
        Assert.True(Component(e, "Capacity units").UsageBased);
    }

    [Fact]
    public void Alb_capacity_units_from_usage()
    {
        var e = Estimate(TfDocument(null, Tf("aws_lb", "lb", new { })), "aws_lb.lb", Usage("aws_lb", ("average_capacity_units", 2)));
        Assert.Equal(1460m, Component(e, "Capacity units").Quantity);
        Assert.Equal(11.68m, Component(e, "Capacity units").MonthlyCost);
    }

    [Fact]
    public void Classic_load_balancer()
    {
        var e = Estimate(TfDocument(null, Tf("aws_elb", "old", new { })), "aws_elb.old");
        Assert.Equal(18.25m, e.Amount);
    }

    [Fact]
    public void Elastic_ip_and_eks_cluster()
    {
        var doc = TfDocument(null, Tf("aws_eip", "ip", new { }), Tf("aws_eks_cluster", "k", new { name = "k" }));
        Assert.Equal(3.65m, Estimate(doc, "aws_eip.ip").Amount);
        Assert.Equal(73m, Estimate(doc, "aws_eks_cluster.k").Amount);
    }

    [Fact]
    public void Lambda_requests_and_gb_seconds_by_architecture()
    {
        var doc = Template("""
              Fn:
                Type: AWS::Lambda::Function
                Properties: { MemorySize: 1024, Architectures: [arm64], Runtime: python3.12 }
              Fx:
                Type: AWS::Serverless::Function
                Properties: { MemorySize: 1024 }
            """);
        var usage = new FinOpsCopilot.Core.Policy.UsagePolicy
        {
            Resources = [new("F*", new Dictionary<string, decimal> { ["monthly_requests"] = 10_000_000, ["average_duration_ms"] = 100 })],
        };
        var arm = Estimate(doc, "Fn", usage);
        Assert.Equal(2m, Component(arm, "Requests").MonthlyCost);
        Assert.Equal(1_000_000m, Component(arm, "Compute (arm64").Quantity);
        Assert.Equal(13.3334m, Component(arm, "Compute (arm64").MonthlyCost);
        var x86 = Estimate(doc, "Fx", usage);
        Assert.Equal(16.6667m, Component(x86, "Compute (x86_64").MonthlyCost);
        var none = Estimate(doc, "Fx");
        Assert.Equal(0m, none.Amount);
        Assert.All(none.Components, c => Assert.StartsWith("depends on usage", c.Note));
    }

    [Fact]
    public void Dynamodb_provisioned_is_the_default_and_counts_indexes()
    {
        var doc = Template("""
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }
                  GlobalSecondaryIndexes:
                    - IndexName: byUser
                      ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }
            """, region: "us-east-2");
        var e = Estimate(doc, "Table");
        Assert.Equal(10 * 730 * 0.00065m, Component(e, "Write capacity (10 WCU)").MonthlyCost);
        Assert.Equal(20 * 730 * 0.00013m, Component(e, "Read capacity (20 RCU)").MonthlyCost);
    }

    [Fact]
    public void Dynamodb_on_demand_from_usage_and_missing_region_price()
    {
        var table = Tf("aws_dynamodb_table", "t", new { billing_mode = "PAY_PER_REQUEST" });
        var e = Estimate(TfDocument("us-east-2", table), "aws_dynamodb_table.t",
            Usage("aws_dynamodb_table", ("monthly_write_request_units", 2_000_000), ("monthly_read_request_units", 8_000_000), ("storage_gb", 10)));
        Assert.Equal(1.25m + 1m + 2.5m, e.Amount);
        var east1 = Estimate(TfDocument("us-east-1", table), "aws_dynamodb_table.t");
        Assert.All(east1.Components, c => Assert.StartsWith("no price for dynamodb/", c.Note));
    }

    [Fact]
    public void S3_and_log_groups_are_usage_based()
    {
        var doc = TfDocument(null, Tf("aws_s3_bucket", "b", new { }), Tf("aws_cloudwatch_log_group", "l", new { log_group_class = "INFREQUENT_ACCESS" }));
        var s3 = Estimate(doc, "aws_s3_bucket.b", Usage("aws_s3_bucket", ("storage_gb", 1000), ("monthly_put_requests", 100_000), ("monthly_get_requests", 1_000_000)));
        Assert.Equal(23m + 0.5m + 0.4m, s3.Amount);
        var classes = Estimate(doc, "aws_s3_bucket.b", Usage("aws_s3_bucket", ("storage_gb_glacier", 10000), ("storage_gb_standard_ia", 1000)));
        Assert.Equal(36m, Component(classes, "Storage (Glacier Flexible Retrieval)").MonthlyCost);
        Assert.Equal(12.5m, Component(classes, "Storage (Standard-IA)").MonthlyCost);
        var logs = Estimate(doc, "aws_cloudwatch_log_group.l", Usage("aws_cloudwatch_log_group", ("monthly_data_ingested_gb", 100), ("storage_gb", 100)));
        Assert.Equal(25m + 3m, logs.Amount);
    }
}

public class SamGlobalsTests
{
    [Fact]
    public void Function_properties_from_sam_globals_reach_the_estimate()
    {
        var doc = FinOpsCopilot.Core.Analysis.SourceFileReader.Read("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                MemorySize: 512
                Architectures: [arm64]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: { Handler: app.handler }
              Big:
                Type: AWS::Serverless::Function
                Properties: { Handler: app.handler, MemorySize: 2048 }
            """)!;
        var usage = PricingFixtures.Usage("AWS::Serverless::Function", ("monthly_requests", 1_000_000), ("average_duration_ms", 1000));
        var fn = PricingFixtures.Estimate(doc, "Fn", usage);
        Assert.Equal(500_000m, PricingFixtures.Component(fn, "Compute (arm64, 512 MB)").Quantity);
        var big = PricingFixtures.Estimate(doc, "Big", usage);
        Assert.Equal(2_000_000m, PricingFixtures.Component(big, "Compute (arm64, 2048 MB)").Quantity);
    }
}

public class UnknownInstanceCountTests
{
    [Fact]
    public void Count_known_only_at_plan_time_prices_one_instance_without_a_monthly_total()
    {
        var resource = new FinOpsCopilot.Core.Model.IacResource
        {
            Type = "aws_instance", Name = "web", Address = "aws_instance.web[*]", FilePath = "main.tf", Range = default, NameRange = default,
            Properties = (FinOpsCopilot.Core.Model.MapValue)PricingFixtures.Value(new { instance_type = "m5.large", root_block_device = new { volume_size = 8, volume_type = "gp3" } }),
        };
        var e = PricingFixtures.Estimate(PricingFixtures.TfDocument(null, resource), "aws_instance.web[*]");
        Assert.Equal(0m, e.Amount);
        Assert.True(e.IsPartial);
        var hours = PricingFixtures.Component(e, "Instance (m5.large)");
        Assert.Equal(0.096m, hours.UnitPrice);
        Assert.Null(hours.MonthlyCost);
        Assert.EndsWith("$70.08 per instance", hours.Note);
    }
}
