using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules;

/// <summary>What a rule is, apart from how it runs: its stable code, title, description, default level and help page.</summary>
public sealed record RuleDescriptor(string Code, string Title, string Description, Severity DefaultSeverity, string Category)
{
    public Uri HelpUri => ProductInfo.RuleDocs(Code);
}
