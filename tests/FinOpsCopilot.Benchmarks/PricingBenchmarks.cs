using System.Text;
using BenchmarkDotNet.Attributes;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Benchmarks;

/// <summary>
/// Targets (issue 4): loading the embedded catalog under 50 ms; estimating 10,000 resources under 50 ms warm.
/// Run: dotnet run -c Release --project tests/FinOpsCopilot.Benchmarks -- --filter '*Pricing*' --job short
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private IacDocument _document = null!;
    private readonly FinOpsPolicy _policy = new()
    {
        Usage = new UsagePolicy
        {
            Defaults = new Dictionary<string, IReadOnlyDictionary<string, decimal>>
            {
                ["AWS::Lambda::Function"] = new Dictionary<string, decimal> { ["monthly_requests"] = 1_000_000, ["average_duration_ms"] = 100 },
            },
        },
    };

    /// <summary>10,000 resources over ten kinds: instances with volumes, volumes, RDS, NAT, ALB, Lambda, DynamoDB, S3, log groups, EIPs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var yaml = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
        string[] kinds =
        [
            "Type: AWS::EC2::Instance\n    Properties: { InstanceType: m5.large, BlockDeviceMappings: [{ DeviceName: /dev/xvda, Ebs: { VolumeSize: 50, VolumeType: gp3 } }] }",
            "Type: AWS::EC2::Volume\n    Properties: { Size: 100, VolumeType: io1, Iops: 3000, AvailabilityZone: us-east-1a }",
            "Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres, DBInstanceClass: db.m6g.large, MultiAZ: true, StorageType: gp3, AllocatedStorage: 500, Iops: 15000 }",
            "Type: AWS::EC2::NatGateway\n    Properties: { SubnetId: subnet-1 }",
            "Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Type: application }",
            "Type: AWS::Lambda::Function\n    Properties: { MemorySize: 512, Architectures: [arm64] }",
            "Type: AWS::DynamoDB::Table\n    Properties: { BillingMode: PAY_PER_REQUEST }",
            "Type: AWS::S3::Bucket",
            "Type: AWS::Logs::LogGroup\n    Properties: { RetentionInDays: 30 }",
            "Type: AWS::EC2::EIP",
        ];
        for (int i = 0; i < 10_000; i++) yaml.Append($"  R{i}:\n    {kinds[i % kinds.Length]}\n");
        _document = SourceFileReader.Read("bench.yaml", yaml.ToString()) ?? throw new InvalidOperationException();
        if (_document.Resources.Count != 10_000) throw new InvalidOperationException($"{_document.Resources.Count} resources");
        _ = CostEstimator.Default;
    }

    [Benchmark]
    public PriceCatalog LoadCatalog() => PriceCatalogReader.ReadEmbedded();

    [Benchmark]
    public decimal Estimate10000Resources() => CostEstimator.Default.EstimateDocument(_document, _policy).Amount;
}
