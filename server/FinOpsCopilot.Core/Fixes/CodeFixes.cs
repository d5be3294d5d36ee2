namespace FinOpsCopilot.Core.Fixes;

/// <summary>Every fix the product offers for a finding: the cost change, the tag edits, then "ignore here".</summary>
public static class CodeFixes
{
    public static IReadOnlyList<CodeFix> For(FixContext context) =>
        [.. CostFixProvider.FixesFor(context), .. TagFixProvider.FixesFor(context)];
}
