using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules;

/// <summary>A rule of the analysis: its descriptor, and (for resource rules) the check itself.</summary>
public abstract class AnalysisRule
{
    public abstract RuleDescriptor Descriptor { get; }
}

/// <summary>A rule whose findings are the diagnostics readers report under its code (syntax errors and the like).</summary>
public abstract class DocumentDiagnosticRule : AnalysisRule;

/// <summary>A rule that looks at one resource at a time.</summary>
public abstract class ResourceRule : AnalysisRule
{
    public abstract void Analyze(IacResource resource, RuleContext context);
}
