using System.Text.Json;
using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Tests.Rules;

/// <summary>Every rule has a stable kebab-case code, a help page, and a place in the policy schema.</summary>
public class RuleCatalogTests
{
    [Fact]
    public void Codes_are_unique_kebab_case()
    {
        Assert.Equal(RuleCatalog.Codes.Count, RuleCatalog.Codes.Distinct().Count());
        Assert.All(RuleCatalog.Codes, c => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), c));
    }

    [Fact]
    public void Every_rule_has_a_docs_page()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = Path.Combine(TestSupport.RepoRoot, "docs", "rules", rule.Descriptor.Code + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            Assert.StartsWith("# " + rule.Descriptor.Code, File.ReadAllText(page));
            Assert.EndsWith($"/docs/rules/{rule.Descriptor.Code}.md", rule.Descriptor.HelpUri.AbsoluteUri);
        }
    }

    [Fact]
    public void The_policy_schema_lists_every_rule_code()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "docs", "finops-policy.schema.json")));
        var codes = schema.RootElement.GetProperty("properties").GetProperty("rules").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(RuleCatalog.Codes.Order(), codes);
    }
}
