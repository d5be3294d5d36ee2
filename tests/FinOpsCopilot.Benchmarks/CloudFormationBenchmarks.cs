using System.Text;
using BenchmarkDotNet.Attributes;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Benchmarks;

/// <summary>Issue target: parse + analyse a generated 10,000-line template in under 50 ms warm.</summary>
[MemoryDiagnoser]
public class CloudFormationBenchmarks
{
    private string _yaml = "";
    private string _json = "";
    private FinOpsPolicy _policy = FinOpsPolicy.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _yaml = TemplateGenerator.Yaml(10_000);
        _json = TemplateGenerator.Json(10_000);
        _policy = PolicyLoader.Parse(".finops.yml", "tags:\n  required:\n    - key: CostCenter\n      pattern: '^CC-[0-9]{4}$'\n    - key: Environment\n      values: [prod, dev]\n    - Owner\n");
        foreach (var (path, content) in new[] { ("t.yaml", _yaml), ("t.json", _json) })
        {
            // A benchmark of a template that fails to parse would measure the wrong thing.
            var doc = CloudFormationReader.Read(new SourceText(path, content))!;
            if (doc.Diagnostics.Count > 0 || doc.Resources.Count < 500)
                throw new InvalidOperationException($"{path}: {doc.Resources.Count} resources, {doc.Diagnostics.FirstOrDefault()?.Message}");
            Console.WriteLine($"// {path}: {content.Length / 1024} KB, {doc.Resources.Count} resources");
        }
    }

    [Benchmark]
    public int Yaml10kLines() => Analyze("t.yaml", _yaml);

    [Benchmark]
    public int Json10kLines() => Analyze("t.json", _json);

    private int Analyze(string path, string content)
    {
        var doc = CloudFormationReader.Read(new SourceText(path, content))!;
        return DocumentAnalyzer.Analyze(doc, _policy).Count + doc.Resources.Count;
    }
}

/// <summary>Realistic templates of a given line count: instances, buckets and volumes with tags and intrinsics.</summary>
public static class TemplateGenerator
{
    public static string Yaml(int lines)
    {
        var sb = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Env:\n    Type: String\n    Default: prod\nResources:\n");
        int i = 0;
        while (CountLines(sb) < lines)
        {
            sb.Append($$"""
                  Instance{{i}}:
                    Type: AWS::EC2::Instance
                    Properties:
                      InstanceType: m5.large
                      ImageId: !Ref AWS::NoValue
                      SubnetId: !Select [0, !GetAZs '']
                      UserData: !Base64 { "Fn::Sub": "#!/bin/bash\necho ${Env}" }
                      Tags:
                        - Key: CostCenter
                          Value: CC-{{i % 10000:0000}}
                        - Key: Environment
                          Value: !Ref Env
                        - Key: Name
                          Value: !Sub "web-${Env}-{{i}}"
                  Bucket{{i}}:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Join ["-", [data, !Ref Env, "{{i}}"]]
                      Tags: [{Key: Owner, Value: team-{{i}}}]

                """);
            i++;
        }
        return sb.ToString();
    }

    public static string Json(int lines)
    {
        var sb = new StringBuilder("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Parameters\": { \"Env\": { \"Type\": \"String\", \"Default\": \"prod\" } },\n  \"Resources\": {\n");
        int i = 0;
        while (CountLines(sb) < lines)
        {
            if (i > 0) sb.Append(",\n");
            sb.Append($$"""
                    "Instance{{i}}": {
                      "Type": "AWS::EC2::Instance",
                      "Properties": {
                        "InstanceType": "m5.large",
                        "SubnetId": { "Fn::Select": [0, { "Fn::GetAZs": "" }] },
                        "Tags": [
                          { "Key": "CostCenter", "Value": "CC-{{i % 10000:0000}}" },
                          { "Key": "Environment", "Value": { "Ref": "Env" } },
                          { "Key": "Name", "Value": { "Fn::Sub": "web-${Env}-{{i}}" } }
                        ]
                      }
                    },
                    "Bucket{{i}}": {
                      "Type": "AWS::S3::Bucket",
                      "Properties": { "Tags": [ { "Key": "Owner", "Value": "team-{{i}}" } ] }
                    }
                """);
            i++;
        }
        sb.Append("\n  }\n}\n");
        return sb.ToString();
    }

    private static int CountLines(StringBuilder sb)
    {
        int n = 0;
        foreach (var chunk in sb.GetChunks())
            foreach (var c in chunk.Span)
                if (c == '\n') n++;
        return n;
    }
}
