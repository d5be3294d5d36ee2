using System.Globalization;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.LanguageServer.Features;

/// <summary>How a cost reads in the editor: <c>$123.45/mo</c>, <c>usage-based</c>, <c>unknown: input</c>.</summary>
public static class CostText
{
    public static string Money(decimal amount) => "$" + Billing.Round(amount).ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Of(CostEstimate estimate)
    {
        var priced = estimate.Components.Where(c => c.MonthlyCost is not null).ToList();
        var unknown = estimate.Components.FirstOrDefault(c => c.MonthlyCost is null && !c.UsageBased);
        bool usage = estimate.Components.Any(c => c.MonthlyCost is null && c.UsageBased);
        if (priced.Count == 0)
            return unknown is not null ? $"unknown: {UnknownInput(unknown)}" : usage ? "usage-based" : Money(0) + "/mo";
        var text = Money(estimate.Amount) + "/mo";
        if (unknown is not null) return $"{text} + unknown: {UnknownInput(unknown)}";
        return usage ? text + " + usage-based" : text;
    }

    /// <summary>The input a component lacks, from its note ("unknown: InstanceType (…)" → "InstanceType").</summary>
    private static string UnknownInput(CostComponent c)
    {
        var note = c.Note ?? c.Name;
        if (note.StartsWith("unknown: ", StringComparison.Ordinal)) note = note["unknown: ".Length..];
        int cut = note.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? note[..cut] : note;
    }
}
