using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Fixes;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Fixes;

/// <summary>Terraform fixes: applied to real files of a module, re-read as Terraform reads them, the finding is gone.</summary>
public sealed class TerraformTagFixTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("finops-tf-fix-");
    private const string PolicyYaml = "tags:\n  required:\n    - key: Environment\n      values: [prod, dev]\n    - Owner\n";

    public void Dispose() => _dir.Delete(true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private List<IacDocument> Read() =>
        TerraformModuleReader.Read(Directory.GetFiles(_dir.FullName, "*.tf").Order(StringComparer.Ordinal).ToList());

    private List<Finding> Findings() =>
        TestSupport.WithoutCostRules(Read().SelectMany(d => DocumentAnalyzer.Analyze(d, TestSupport.Policy(PolicyYaml))));

    /// <summary>Applies the fix whose title starts with <paramref name="title"/>, writes the files, and returns them.</summary>
    private Dictionary<string, string> Fix(string rule, string title)
    {
        var docs = Read();
        var policy = TestSupport.Policy(PolicyYaml);
        var finding = docs.SelectMany(d => DocumentAnalyzer.Analyze(d, policy)).First(f => f.RuleId == rule);
        var findingDoc = docs.Single(d => d.Path == finding.FilePath);
        var resourceDoc = docs.First(d => d.Resources.Any(r => r.Address == finding.ResourceAddress));
        var fixes = TagFixProvider.FixesFor(new FixContext(finding, findingDoc, resourceDoc, policy, p => docs.FirstOrDefault(d => d.Path == p)));
        var fix = fixes.FirstOrDefault(f => f.Title.StartsWith(title, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no fix '{title}'; have: {string.Join(" | ", fixes.Select(f => f.Title))}");
        var result = new Dictionary<string, string>();
        foreach (var (path, edits) in fix.Edits)
        {
            var updated = TextEdit.Apply(File.ReadAllText(path), edits);
            File.WriteAllText(path, updated);
            result[Path.GetFileName(path)] = updated;
        }
        Assert.DoesNotContain(Read().SelectMany(d => d.Diagnostics), d => d.Code == RuleCodes.ParseError);
        return result;
    }

    [Fact]
    public void Adds_to_a_multi_line_tags_map()
    {
        Write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  tags = {\n    Owner = \"me\" # who\n  }\n}\n");
        var files = Fix(RuleCodes.TagMissing, "Add tag 'Environment'");
        Assert.Equal("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  tags = {\n    Owner = \"me\" # who\n    Environment = \"\"\n  }\n}\n", files["main.tf"]);
    }

    [Fact]
    public void Creates_the_tags_argument_and_references_a_variable_named_like_the_key()
    {
        Write("vars.tf", "variable \"environment\" {\n  default = \"dev\"\n}\n");
        Write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n\tbucket = \"x\"\n}\n");
        var files = Fix(RuleCodes.TagMissing, "Add missing tags");
        Assert.Equal("resource \"aws_s3_bucket\" \"b\" {\n\tbucket = \"x\"\n\ttags = {\n\t  Environment = var.environment\n\t  Owner = \"\"\n\t}\n}\n", files["main.tf"]);
        Assert.Contains(Findings(), f => f.RuleId == RuleCodes.TagValueInvalid); // Owner = "" still needs a value
        Assert.DoesNotContain(Findings(), f => f.RuleId == RuleCodes.TagMissing);
    }

    [Fact]
    public void Adds_to_the_last_object_of_a_merge_or_wraps_a_reference()
    {
        Write("main.tf", "locals {\n  tags = { Owner = \"me\" }\n}\nresource \"aws_s3_bucket\" \"a\" {\n  tags = merge(local.tags, { Name = \"a\" })\n}\nresource \"aws_s3_bucket\" \"b\" {\n  tags = local.tags\n}\n");
        var first = Fix(RuleCodes.TagMissing, "Add tag 'Environment'")["main.tf"];
        Assert.Contains("tags = merge(local.tags, { Name = \"a\", Environment = \"\" })", first);
        var second = Fix(RuleCodes.TagMissing, "Add tag 'Environment'")["main.tf"];
        Assert.Contains("tags = merge(local.tags, { Environment = \"\" })", second);
        Assert.DoesNotContain(Findings(), f => f.RuleId == RuleCodes.TagMissing);
    }

    [Fact]
    public void Adds_to_provider_default_tags_in_another_file()
    {
        Write("providers.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n  default_tags {\n    tags = {\n      Owner = \"platform\"\n    }\n  }\n}\n");
        Write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n");
        var files = Fix(RuleCodes.TagMissing, "Add Environment to the AWS provider's default_tags");
        Assert.Equal("provider \"aws\" {\n  region = \"eu-west-1\"\n  default_tags {\n    tags = {\n      Owner = \"platform\"\n      Environment = \"\"\n    }\n  }\n}\n", files["providers.tf"]);
        Assert.DoesNotContain(Findings(), f => f.RuleId == RuleCodes.TagMissing);
    }

    [Fact]
    public void Creates_default_tags_in_a_provider_without_them()
    {
        Write("main.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {}\n");
        var files = Fix(RuleCodes.TagMissing, "Add Environment, Owner to the AWS provider's default_tags");
        Assert.Contains("  default_tags {\n    tags = {\n      Environment = \"\"\n      Owner = \"\"\n    }\n  }\n}", files["main.tf"]);
    }

    [Fact]
    public void Autoscaling_groups_get_tag_blocks()
    {
        Write("main.tf", "resource \"aws_autoscaling_group\" \"g\" {\n  max_size = 1\n  min_size = 1\n  tag {\n    key                 = \"Owner\"\n    value               = \"me\"\n    propagate_at_launch = true\n  }\n}\n");
        var files = Fix(RuleCodes.TagMissing, "Add tag 'Environment'");
        Assert.Contains("  tag {\n    key                 = \"Environment\"\n    value               = \"\"\n    propagate_at_launch = true\n  }\n}", files["main.tf"]);
        Assert.DoesNotContain(Findings(), f => f.RuleId == RuleCodes.TagMissing);
    }

    [Fact]
    public void Replace_value_at_the_provider_and_rename_key()
    {
        Write("providers.tf", "provider \"aws\" {\n  default_tags {\n    tags = { Environment = \"production\", owner = \"me\" }\n  }\n}\n");
        Write("main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
        Assert.Contains("Environment = \"prod\"", Fix(RuleCodes.TagValueInvalid, "Set 'Environment' to 'prod'")["providers.tf"]);
        Assert.Contains("Owner = \"me\"", Fix(RuleCodes.TagKeyCase, "Rename tag key 'owner' to 'Owner'")["providers.tf"]);
        Assert.Empty(Findings());
    }

    [Fact]
    public void One_line_objects_stay_on_one_line_and_ignore_comments_work()
    {
        Write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  tags = { Owner = \"me\" }\n}\n");
        Assert.Contains("tags = { Owner = \"me\", Environment = \"\" }", Fix(RuleCodes.TagMissing, "Add tag")["main.tf"]);
        Write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  tags = { Owner = \"me\" }\n}\n");
        Assert.StartsWith("# finops:ignore tag-missing\nresource", Fix(RuleCodes.TagMissing, "Ignore tag-missing")["main.tf"]);
        Assert.Empty(Findings());
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("${x}", "\"$${x}\"")]
    [InlineData("%{x}", "\"%%{x}\"")]
    public void Quoting_escapes_templates(string value, string expected) => Assert.Equal(expected, TerraformTagEditor.Quote(value));
}

public sealed class TerraformCostFixTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("finops-tf-cost-");

    public void Dispose() => _dir.Delete(true);

    [Fact]
    public void Retention_is_added_as_an_attribute_and_gp2_replaced_in_place()
    {
        var path = Path.Combine(_dir.FullName, "main.tf");
        File.WriteAllText(path, "resource \"aws_cloudwatch_log_group\" \"l\" {\n  name = \"x\"\n}\n\nresource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\"\n  size = 100\n  type = \"gp2\"\n}\n");
        foreach (var rule in new[] { "log-group-retention-missing", "ebs-gp2-to-gp3" })
        {
            var doc = TerraformModuleReader.Read([path]).Single();
            var policy = TestSupport.Policy("");
            var finding = DocumentAnalyzer.Analyze(doc, policy).First(f => f.RuleId == rule);
            var fix = CodeFixes.For(FixContext.InDocument(doc, finding, policy)).First();
            File.WriteAllText(path, TextEdit.Apply(File.ReadAllText(path), fix.Edits[path]));
        }
        var text = File.ReadAllText(path);
        Assert.Contains("  name = \"x\"\n  retention_in_days = 30\n}", text);
        Assert.Contains("type = \"gp3\"", text);
        var after = TerraformModuleReader.Read([path]).Single();
        Assert.DoesNotContain(DocumentAnalyzer.Analyze(after, TestSupport.Policy("")), f => f.RuleId is "log-group-retention-missing" or "ebs-gp2-to-gp3" or "parse-error");
    }
}
