using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Fixes;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Fixes;

/// <summary>C# CDK fixes applied to a copy of the sample app: the code still reads and the finding is gone.</summary>
public sealed class CdkTagFixTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("finops-cdk-fix-");

    public CdkTagFixTests()
    {
        var source = Path.Combine(TestSupport.RepoRoot, "samples", "cdk-csharp");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir.FullName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        // The sample's policy lives in samples/; the copy needs its own.
        File.Copy(Path.Combine(TestSupport.RepoRoot, "samples", ".finops.yml"), Path.Combine(_dir.FullName, ".finops.yml"));
    }

    public void Dispose() => _dir.Delete(true);

    private AnalysisResult Analyze() => WorkspaceAnalysis.Run([_dir.FullName]);

    /// <summary>
    /// The sample drops Owner with Tags.Of(x).Remove, which CDK applies at priority 200, above any Add: no added
    /// statement can undo it. For the tag-missing fixes the copy instead gives no Owner at all.
    /// </summary>
    private void WithoutOwnerAnywhere()
    {
        var stack = Path.Combine(_dir.FullName, "src", "ShopApp", "ShopStack.cs");
        var lines = File.ReadAllLines(stack).Where(l => !l.Contains("\"Owner\"", StringComparison.Ordinal)).ToArray();
        File.WriteAllLines(stack, lines);
    }

    private int MissingOwner(string address) =>
        Analyze().Findings.Count(f => f.RuleId == RuleCodes.TagMissing && f.ResourceAddress == address);

    private string Apply(Func<Finding, bool> which, string title)
    {
        var result = Analyze();
        var finding = result.Findings.First(which);
        var doc = result.Documents.Single(d => d.Path == finding.FilePath);
        var resourceDoc = result.Documents.First(d => d.Resources.Any(r => r.Address == finding.ResourceAddress));
        var policy = Core.Policy.PolicyLoader.Load(Path.Combine(_dir.FullName, ".finops.yml"));
        var fixes = TagFixProvider.FixesFor(new FixContext(finding, doc, resourceDoc, policy, p => result.Documents.FirstOrDefault(d => d.Path == p)));
        var fix = fixes.FirstOrDefault(f => f.Title.StartsWith(title, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no fix '{title}'; have: {string.Join(" | ", fixes.Select(f => f.Title))}");
        string last = "";
        foreach (var (path, edits) in fix.Edits) File.WriteAllText(path, last = TextEdit.Apply(File.ReadAllText(path), edits));
        return last;
    }

    [Fact]
    public void Missing_tag_becomes_a_tags_of_statement_after_the_declaration()
    {
        WithoutOwnerAnywhere();
        Assert.Equal(1, MissingOwner("ShopStack/AccessLogs"));
        var text = Apply(f => f.RuleId == RuleCodes.TagMissing && f.ResourceAddress == "ShopStack/AccessLogs", "Add tag 'Owner'");
        Assert.Matches("        }\\);\n        Tags\\.Of\\(accessLogs\\)\\.Add\\(\"Owner\", \"[^\"]*\"\\);\n", text);
        Assert.Equal(0, MissingOwner("ShopStack/AccessLogs"));
    }

    [Fact]
    public void Missing_tag_for_the_whole_stack()
    {
        WithoutOwnerAnywhere();
        var text = Apply(f => f.RuleId == RuleCodes.TagMissing, "Add Owner to the whole stack");
        Assert.Matches("Tags\\.Of\\(this\\)\\.Add\\(\"Owner\", \"[^\"]*\"\\);", text);
        Assert.DoesNotContain(Analyze().Findings, f => f.RuleId == RuleCodes.TagMissing && f.Message.Contains("Owner"));
    }

    [Fact]
    public void Invalid_value_and_key_case_are_replaced_in_the_literal()
    {
        var text = Apply(f => f.RuleId == RuleCodes.TagValueInvalid && f.Message.Contains("production"), "Set 'Environment' to 'prod'");
        Assert.Contains("\"Environment\", \"prod\"", text);
        Apply(f => f.RuleId == RuleCodes.TagKeyCase, "Rename tag key 'owner' to 'Owner'");
        Assert.DoesNotContain(Analyze().Findings, f => f.RuleId == RuleCodes.TagKeyCase);
    }

    [Fact]
    public void Ignore_comment_in_csharp()
    {
        var text = Apply(f => f.RuleId == RuleCodes.TagMissing, "Ignore tag-missing");
        Assert.Contains("// finops:ignore tag-missing", text);
        Assert.DoesNotContain(Analyze().Findings, f => f.RuleId == RuleCodes.TagMissing);
    }

    [Theory]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("plain", "\"plain\"")]
    public void Literals_are_escaped(string value, string expected) => Assert.Equal(expected, CdkCSharpTagEditor.Literal(value));
}
