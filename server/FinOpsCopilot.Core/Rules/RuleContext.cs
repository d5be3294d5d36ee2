using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Rules;

/// <summary>What a rule sees while it runs, and where it reports: severity comes from the policy, suppressions are honoured.</summary>
public sealed class RuleContext(IacDocument document, FinOpsPolicy policy, List<Finding> sink)
{
    public IacDocument Document { get; } = document;
    public FinOpsPolicy Policy { get; } = policy;

    /// <summary>The <c>--region</c> of the command line: cost rules price in it when neither the code nor the policy names a region.</summary>
    public string? CommandLineRegion { get; init; }

    /// <summary>The severity the policy gives a rule, or null when the policy turns it off.</summary>
    public Severity? SeverityOf(RuleDescriptor rule) =>
        Policy.RuleLevels.TryGetValue(rule.Code, out var level) ? level : rule.DefaultSeverity;

    /// <param name="filePath">The file <paramref name="range"/> lies in when it is not the resource's own (a provider's default tags).</param>
    public void Report(RuleDescriptor rule, IacResource resource, SourceRange range, string message,
        FixSuggestion? fix = null, IReadOnlyList<RelatedLocation>? related = null, decimal? saving = null, string? filePath = null)
    {
        if (SeverityOf(rule) is not { } severity) return;
        if (resource.IgnoredRules.Contains(rule.Code) || resource.IgnoredRules.Contains("all")) return;
        sink.Add(new Finding(rule.Code, severity, message, filePath ?? resource.FilePath, range, resource.Address)
        {
            Fix = fix,
            Related = related ?? [],
            MonthlySaving = saving,
        });
    }
}
