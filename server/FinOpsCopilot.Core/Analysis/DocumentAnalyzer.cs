using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Analysis;

/// <summary>Runs every rule over one document under a policy. Pure: the same input gives the same findings.</summary>
public static class DocumentAnalyzer
{
    public static List<Finding> Analyze(IacDocument document, FinOpsPolicy policy, string? commandLineRegion = null)
    {
        var findings = new List<Finding>();
        var context = new RuleContext(document, policy, findings) { CommandLineRegion = commandLineRegion };
        foreach (var diagnostic in document.Diagnostics)
        {
            if (RuleCatalog.Find(diagnostic.Code) is not { } rule || context.SeverityOf(rule) is not { } severity) continue;
            var owner = document.Resources.FirstOrDefault(r => r.Range.Contains(diagnostic.Range.Start));
            if (owner is not null && (owner.IgnoredRules.Contains(rule.Code) || owner.IgnoredRules.Contains("all"))) continue;
            findings.Add(new Finding(rule.Code, severity, diagnostic.Message, document.Path, diagnostic.Range, owner?.Address));
        }
        foreach (var resource in document.Resources)
            foreach (var rule in RuleCatalog.ResourceRules)
                rule.Analyze(resource, context);
        findings.Sort(FindingOrder.Compare);
        return findings;
    }
}

/// <summary>Findings in reading order: by file, then position, then rule, then resource address.</summary>
public static class FindingOrder
{
    public static int Compare(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.FilePath, b.FilePath);
        if (c != 0) return c;
        c = a.Range.Start.CompareTo(b.Range.Start);
        if (c != 0) return c;
        // Resources expanded from one block (count, for_each) share a position: the address keeps their order stable.
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.ResourceAddress, b.ResourceAddress);
    }
}
