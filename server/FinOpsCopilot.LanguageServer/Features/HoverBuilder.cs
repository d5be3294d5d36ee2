using System.Text;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using FinOpsCopilot.LanguageServer.Protocol;

namespace FinOpsCopilot.LanguageServer.Features;

/// <summary>Hover on a resource: its type, its tags and where each comes from, and its findings.</summary>
public static class HoverBuilder
{
    public static Hover? Build(FileAnalysis analysis, Protocol.Position position)
    {
        var at = new SourcePosition(position.Line, position.Character);
        var resource = analysis.Document?.Resources
            .Where(r => r.Range.Contains(at))
            .OrderBy(r => r.NameRange.Contains(at) ? 0 : 1)
            .FirstOrDefault();
        if (resource is null) return null;
        var md = new StringBuilder();
        md.Append("**").Append(Escape(resource.Address)).Append("** `").Append(resource.Type).AppendLine("`").AppendLine();
        if (resource.IsTaggable)
        {
            if (resource.Tags.Count == 0) md.AppendLine(resource.UnknownTagsReason is { } why ? $"Tags: known only at deploy time ({Escape(why)})" : "No tags.");
            else
            {
                md.AppendLine("| Tag | Value | Source |").AppendLine("| --- | --- | --- |");
                foreach (var t in resource.Tags)
                    md.AppendLine($"| {Escape(t.Key)} | {(t.Value is null ? $"_{Escape(t.UnknownReason ?? "unknown")}_" : Escape(t.Value))} | {t.Source.Describe()} |");
            }
        }
        else md.AppendLine("This resource type cannot be tagged.");
        if (analysis.CostOf(resource.Address) is { } cost)
        {
            md.AppendLine().AppendLine($"**Monthly estimate: {CostText.Of(cost)}** ({cost.Region}, on-demand list prices, 730 h/month)").AppendLine();
            md.AppendLine("| Component | Quantity | Unit price | Monthly |").AppendLine("| --- | ---: | ---: | ---: |");
            foreach (var c in cost.Components)
                md.AppendLine($"| {Escape(c.Name)} | {(c.Quantity is { } q ? $"{Core.Pricing.Billing.Plain(q)} {Escape(c.Unit)}" : "")} | {(c.UnitPrice is { } p ? $"${Core.Pricing.Billing.Plain(p)}" : "")} | {(c.MonthlyCost is { } m ? CostText.Money(m) : Escape(c.Note ?? ""))} |");
        }
        var findings = analysis.Findings.Where(f => f.ResourceAddress == resource.Address).ToList();
        if (findings.Count > 0)
        {
            md.AppendLine().AppendLine("**Findings**").AppendLine();
            foreach (var f in findings) md.AppendLine($"- `{f.RuleId}` {Escape(f.Message)}");
        }
        return new Hover(new MarkupContent(MarkupKind.Markdown, md.ToString()), DiagnosticMapper.ToRange(resource.NameRange));
    }

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("\n", " ");
}
