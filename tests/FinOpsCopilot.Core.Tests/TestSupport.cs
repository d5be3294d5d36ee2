using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests;

/// <summary>Small helpers shared by the tests: read a template from a string, analyse it under a policy.</summary>
internal static class TestSupport
{
    public static IacDocument Template(string content, string path = "template.yaml") =>
        CloudFormationReader.Read(new SourceText(path, content)) ?? throw new InvalidOperationException("not detected as a template");

    public static IacResource Resource(string content, string name, string path = "template.yaml") =>
        Template(content, path).Resources.Single(r => r.Name == name);

    public static FinOpsPolicy Policy(string yaml) => PolicyLoader.Parse(".finops.yml", yaml);

    /// <summary>The findings of every rule except the cost rules, which have their own tests (Pricing/CostRuleTests).</summary>
    public static List<Finding> Analyze(string template, string policyYaml, string path = "template.yaml") =>
        WithoutCostRules(DocumentAnalyzer.Analyze(Template(template, path), Policy(policyYaml)));

    /// <summary>Leaves out cost-rule findings, for tests about other rules on resources that also have cost findings.</summary>
    public static List<Finding> WithoutCostRules(IEnumerable<Finding> findings) =>
        findings.Where(f => RuleCatalog.Find(f.RuleId)?.Category != "cost").ToList();

    /// <summary>The text a range covers, to assert ranges by what they select rather than by numbers alone.</summary>
    public static string Covered(string content, SourceRange range)
    {
        var text = new SourceText("x", content);
        return content[text.OffsetAt(range.Start)..text.OffsetAt(range.End)];
    }

    public static string RepoRoot
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "FinOpsCopilot.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public const string StandardPolicy = """
        version: 1
        tags:
          required:
            - key: CostCenter
              pattern: '^CC-[0-9]{4}$'
            - key: Environment
              values: [prod, staging, dev]
            - Owner
        """;
}
