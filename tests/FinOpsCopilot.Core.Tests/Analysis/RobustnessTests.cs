using System.Diagnostics;
using System.Text;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Policy;

namespace FinOpsCopilot.Core.Tests.Analysis;

/// <summary>Hostile or broken files answer with a diagnostic or a clear skip, quickly, and never crash.</summary>
public sealed class RobustnessTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("finops-robust-");

    public void Dispose() => _dir.Delete(true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Binary_files_are_skipped()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        Assert.Null(SourceFileReader.ReadFile(Write("blob.json", bytes)));
    }

    [Fact]
    public void A_50_MB_template_gets_one_clear_diagnostic_fast()
    {
        var sb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
        int i = 0;
        while (sb.Length < 50 * 1024 * 1024) sb.Append($"  Bucket{i++}:\n    Type: AWS::S3::Bucket\n    Properties: {{ BucketName: b{i} }}\n");
        var path = Write("huge.yaml", Encoding.UTF8.GetBytes(sb.ToString()));
        var watch = Stopwatch.StartNew();
        var doc = SourceFileReader.ReadFile(path);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        var d = Assert.Single(doc!.Diagnostics);
        Assert.Contains("over 10 MB", d.Message);
    }

    [Fact]
    public void A_50_MB_file_that_is_not_a_template_is_skipped()
    {
        var path = Write("data.json", Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("1234567890", 5_000_000)) + "]"));
        Assert.Null(SourceFileReader.ReadFile(path));
    }

    [Fact]
    public void Deeply_nested_json_is_reported()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var doc = SourceFileReader.Read("t.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"X\": " + deep + "}}}}");
        Assert.Contains(doc!.Diagnostics, d => d.Code == "parse-error");
    }

    [Fact]
    public void Deeply_nested_yaml_block_mappings_are_reported()
    {
        var sb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n");
        for (int i = 0; i < 2000; i++) sb.Append(new string(' ', 6 + i)).Append("k: \n".Replace(" \n", "\n"));
        var doc = SourceFileReader.Read("t.yaml", sb.ToString());
        Assert.NotNull(doc);
    }

    [Fact]
    public void Every_truncation_of_every_sample_reads_without_throwing()
    {
        foreach (var file in SampleFiles())
        {
            var content = File.ReadAllText(file);
            for (int cut = 0; cut < content.Length; cut += Math.Max(1, content.Length / 200))
            {
                var doc = Core.CloudFormation.CloudFormationReader.Read(new Core.Text.SourceText(file, content[..cut]));
                if (doc is not null) DocumentAnalyzer.Analyze(doc, FinOpsPolicy.Empty);
            }
        }
    }

    internal static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestSupport.RepoRoot, "samples"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml") || f.EndsWith(".json") || f.EndsWith(".yml"))
            .Order(StringComparer.Ordinal);
}
