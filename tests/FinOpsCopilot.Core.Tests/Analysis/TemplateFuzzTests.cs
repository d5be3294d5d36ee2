using System.Diagnostics;
using System.Text;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Analysis;

/// <summary>
/// A seeded random-mutation fuzzer over the shipped samples for the YAML and JSON readers: inserts syntax
/// characters, deletes and duplicates runs, flips case. Reproducible by seed; it calls the readers directly, so a
/// reader exception fails the test instead of being caught by the safety net that protects users.
/// </summary>
public class TemplateFuzzTests
{
    private const string Alphabet = "{}[]:,-!&*'\"\n\r\t |>#%@`?\\$<=~.0aZ😀\u0000";

    public static TheoryData<string> Seeds() => new() { "yaml", "json" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_samples_never_throw_or_hang(string kind)
    {
        var policy = PolicyLoader.Load(Path.Combine(TestSupport.RepoRoot, "samples", ".finops.yml"));
        var corpus = RobustnessTests.SampleFiles().Where(f => kind == "json" ? f.EndsWith(".json") : !f.EndsWith(".json"))
            .Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        Assert.NotEmpty(corpus);
        var random = new Random(kind == "json" ? 1234 : 4321);
        var budget = Stopwatch.StartNew();
        int runs = 0;
        while (runs < 3000 && budget.Elapsed < TimeSpan.FromSeconds(8))
        {
            var (path, original) = corpus[random.Next(corpus.Count)];
            var mutated = Mutate(original, random);
            var one = Stopwatch.StartNew();
            try
            {
                var doc = CloudFormationReader.Read(new SourceText(path, mutated));
                if (doc is not null) DocumentAnalyzer.Analyze(doc, policy);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"run {runs} on {Path.GetFileName(path)} threw {e.GetType().Name}: {e.Message}\n--- input ---\n{mutated}\n{e}");
            }
            Assert.True(one.Elapsed < TimeSpan.FromSeconds(2), $"run {runs} took {one.Elapsed}");
            runs++;
        }
        Assert.True(runs >= 200, $"only {runs} runs in the time budget");
    }

    internal static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && sb.Length > 0; e++)
        {
            int at = random.Next(sb.Length);
            switch (random.Next(5))
            {
                case 0: sb.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 1: sb.Remove(at, Math.Min(sb.Length - at, 1 + random.Next(40))); break;
                case 2:
                    int len = Math.Min(sb.Length - at, 1 + random.Next(80));
                    sb.Insert(random.Next(sb.Length), sb.ToString(at, len));
                    break;
                case 3: sb[at] = char.IsUpper(sb[at]) ? char.ToLowerInvariant(sb[at]) : char.ToUpperInvariant(sb[at]); break;
                case 4: sb.Length = at; break;
            }
        }
        return sb.ToString();
    }
}
