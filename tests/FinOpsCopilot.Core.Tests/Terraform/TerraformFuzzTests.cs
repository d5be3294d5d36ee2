using System.Diagnostics;
using FinOpsCopilot.Core.Terraform.Evaluation;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Terraform;

/// <summary>
/// Seeded random mutations of the samples and fixtures through lexer, parser and evaluator: malformed input
/// must never throw, loop or hang. Bounded in time so the suite stays fast.
/// </summary>
public class TerraformFuzzTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "${~", "%{ if x }", "%{ endif }", "%{ for a in b }", "%{endfor}",
        "<<EOT\n", "<<-EOT\n", "\nEOT\n", "EOT", "#", "//", "/*", "*/", "=", ":", "?", ",", ".", "...", "[*]", ".*", "=>", "\\",
        "\\u", "$${", "%%{", "\n", "\r\n", "\t", "for", "in", "if", "count.index", "each.key", "var.x", "local.tags", "module.",
        "provider::a::b(", "merge(", "try(", "0", "1e", "-", "!", "&&", "||", "==", "\u00e9", "\uD83D", "\0",
    ];

    private static List<(string Path, string Text)> Corpus()
    {
        var corpus = new List<(string, string)>();
        var samples = Path.Combine(TerraformSampleTests.RepositoryRoot(), "samples", "terraform");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            corpus.Add((file.EndsWith(".tfvars", StringComparison.Ordinal) ? file + ".tf" : file, File.ReadAllText(file)));
        corpus.Add(("/fuzz/t.tf", "locals {\n  a = <<-EOT\n    %{~ for k, v in {x = 1} ~}\n    ${k}=${v}\n    %{~ endfor ~}\n  EOT\n  b = [for x in [1] : x if x > 0]\n  c = {for k, v in {a = 1} : k => v...}\n}\n"));
        corpus.Add(("/fuzz/j.tf.json", "{\"resource\": {\"aws_instance\": {\"a\": {\"count\": 2, \"tags\": {\"A\": \"${count.index}\"}}}}, \"locals\": {\"x\": [1, {\"y\": null}]}}"));
        return corpus;
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray().ToList();
        int edits = random.Next(1, 6);
        for (int e = 0; e < edits; e++)
        {
            int at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0 when chars.Count > 0:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 40), chars.Count - at));
                    break;
                case 1:
                    chars.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when chars.Count > 0:
                    int len = Math.Min(random.Next(1, 80), chars.Count - at);
                    chars.InsertRange(random.Next(chars.Count), chars.GetRange(at, len));
                    break;
                default:
                    if (chars.Count > 0) chars[at] = (char)random.Next(32, 127);
                    break;
            }
        }
        return new string(chars.ToArray());
    }

    private static void ParseAndEvaluate(string path, string content)
    {
        var file = ModuleLoader.ParseText(new SourceText(path, content));
        foreach (var d in file.Diagnostics) Assert.True(d.Range.Start.CompareTo(d.Range.End) <= 0);
        var module = TerraformModule.From("/fuzz", [file]);
        new ModuleEvaluator(new ModuleLoader(), new EvaluationOutput()).EvaluateRoot(module, new Dictionary<string, Located>());
    }

    [Fact]
    public async Task Mutated_configurations_never_throw_loop_or_hang()
    {
        var corpus = Corpus();
        var random = new Random(20261125);
        int runs = 0;
        var work = Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(3) && runs < 20_000)
            {
                var (path, text) = corpus[random.Next(corpus.Count)];
                var mutant = Mutate(text, random);
                try { ParseAndEvaluate(path, mutant); }
                catch (Exception e) { throw new InvalidOperationException($"run {runs} failed on:\n{mutant}", e); }
                runs++;
            }
        });
        await work.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(runs > 100, $"only {runs} runs");
    }

    [Theory]
    [InlineData("a = \"${\n")]
    [InlineData("a = <<EOT\n${\nEOT\n")]
    [InlineData("a = {for\n")]
    [InlineData("a = [for x in : ]\n")]
    [InlineData("resource \"a\" \"b\" {{{{\n")]
    [InlineData("}}}}}\n")]
    [InlineData("a = \"%{if}%{else}%{endif}%{endfor}\"\n")]
    [InlineData("a = x[*][*].y.*.z[")]
    [InlineData("a = provider::::(")]
    [InlineData("a = 1 ? 2 : 3 ? 4 :")]
    [InlineData("locals {\n  a = concat(local.a, local.a)\n}\n")]
    [InlineData("locals {\n  a = [for x in range(1000) : [for y in range(1000) : [for z in range(1000) : z]]]\n}\nresource \"aws_instance\" \"x\" {\n  tags = { a = length(local.a) }\n}\n")]
    [InlineData("resource \"aws_instance\" \"x\" {\n  count = 1e12\n}\n")]
    public async Task Hostile_inputs_are_bounded(string source)
    {
        // WaitAsync throws TimeoutException when the work hangs, and rethrows what it throws.
        await Task.Run(() => ParseAndEvaluate("/fuzz/h.tf", source)).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
