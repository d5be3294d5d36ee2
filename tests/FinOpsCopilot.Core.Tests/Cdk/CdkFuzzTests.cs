using System.Diagnostics;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Cdk;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Tests.Analysis;

namespace FinOpsCopilot.Core.Tests.Cdk;

/// <summary>
/// Seeded random mutations of the C# sample (syntax characters, deleted and duplicated runs, truncation): the reader
/// is called directly, so an exception fails the test rather than being caught by the workspace's safety net.
/// </summary>
public class CdkFuzzTests
{
    [Fact]
    public void Mutated_csharp_sample_never_throws_or_hangs()
    {
        var policy = PolicyLoader.Load(Path.Combine(TestSupport.RepoRoot, "samples", ".finops.yml"));
        var files = Directory.EnumerateFiles(Path.Combine(TestSupport.RepoRoot, "samples", "cdk-csharp"), "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        Assert.Equal(2, files.Count);
        var random = new Random(5150);
        var budget = Stopwatch.StartNew();
        int runs = 0;
        while (runs < 2000 && budget.Elapsed < TimeSpan.FromSeconds(8))
        {
            int victim = random.Next(files.Count);
            var mutated = files.Select((f, i) => (f.Path, i == victim ? TemplateFuzzTests.Mutate(f.Text, random) : f.Text)).ToArray();
            var one = Stopwatch.StartNew();
            try
            {
                var result = CdkAppReader.ReadSources(mutated, null, new CdkReadOptions { Semantic = SemanticMode.Never });
                foreach (var doc in result.Documents) DocumentAnalyzer.Analyze(doc, policy);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"run {runs} threw {e.GetType().Name}: {e.Message}\n--- input ---\n{mutated[victim].Item2}\n{e}");
            }
            Assert.True(one.Elapsed < TimeSpan.FromSeconds(2), $"run {runs} took {one.Elapsed}");
            runs++;
        }
        Assert.True(runs >= 200, $"only {runs} runs in the time budget");
    }
}
