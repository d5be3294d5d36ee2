using System.Text;
using BenchmarkDotNet.Attributes;
using FinOpsCopilot.Core.Terraform;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Benchmarks;

/// <summary>
/// Terraform reading speed: (a) parsing alone on about 1 MB of generated HCL (MB/s = size / mean time; the
/// size is printed at setup), (b) parsing and evaluating a generated directory of 500 .tf files as one module.
/// Run: dotnet run -c Release --project tests/FinOpsCopilot.Benchmarks -- --filter '*Terraform*' --job short
/// </summary>
[MemoryDiagnoser]
public class TerraformBenchmarks
{
    public const int FileCount = 500;

    private string _hcl = "";
    private string _directory = "";
    private List<string> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        for (int i = 0; sb.Length < 1024 * 1024; i++) sb.Append(ResourceFile(i));
        _hcl = sb.ToString();
        Console.WriteLine($"// Parse input: {_hcl.Length} characters ({Encoding.UTF8.GetByteCount(_hcl) / 1024.0 / 1024.0:0.00} MB)");

        _directory = Path.Combine(Path.GetTempPath(), "finops-tf-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "providers.tf"), Providers);
        File.WriteAllText(Path.Combine(_directory, "terraform.tfvars"), "environment = \"prod\"\nowner = \"team\"\n");
        _files = [Path.Combine(_directory, "providers.tf")];
        for (int i = 1; i < FileCount; i++)
        {
            var path = Path.Combine(_directory, $"r{i:000}.tf");
            File.WriteAllText(path, ResourceFile(i));
            _files.Add(path);
        }
        long bytes = _files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// Directory: {_files.Count} files, {bytes / 1024.0:0} KB");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Benchmark]
    public int ParseOneMegabyte() => HclParser.Parse(new SourceText("bench.tf", _hcl)).Body.Blocks.Count;

    [Benchmark]
    public int ParseAndEvaluate500Files() => TerraformModuleReader.Read(_files).Sum(d => d.Resources.Count);

    private const string Providers = """
        variable "environment" {}
        variable "owner" {}
        variable "region" {
          default = "us-east-1"
        }
        provider "aws" {
          region = var.region
          default_tags {
            tags = {
              CostCenter = "CC-1234"
              ManagedBy  = "terraform"
            }
          }
        }
        """;

    /// <summary>A file shaped like real modules: locals with merge, count, for_each, templates, a heredoc, dynamic blocks.</summary>
    private static string ResourceFile(int i) => $$"""
        # Generated resource file {{i}}
        locals {
          tags_{{i}} = merge({
            Environment = var.environment
            Owner       = var.owner
          }, { Index = "{{i}}" })
          names_{{i}} = [for n in range(3) : "app-{{i}}-${n}"]
        }

        resource "aws_instance" "web_{{i}}" {
          count         = 2
          ami           = "ami-0123456789abcdef0"
          instance_type = count.index == 0 ? "t3.medium" : "t3.large"
          user_data     = <<-EOT
            #!/bin/bash
            echo "hello ${var.environment}" > /tmp/hello
          EOT

          root_block_device {
            volume_size = 20 * (count.index + 1)
            encrypted   = true
          }

          tags = merge(local.tags_{{i}}, {
            Name = "web-{{i}}-${count.index}"
          })
        }

        resource "aws_security_group" "sg_{{i}}" {
          for_each    = toset(local.names_{{i}})
          name        = each.value
          description = "Security group ${each.key} (${upper(var.environment)})"

          dynamic "ingress" {
            for_each = [80, 443]
            content {
              from_port   = ingress.value
              to_port     = ingress.value
              protocol    = "tcp"
              cidr_blocks = ["10.0.0.0/8"]
            }
          }

          tags = local.tags_{{i}}
        }

        """;
}
