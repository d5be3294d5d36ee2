using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>The monthly-cost section of the text and Markdown reports: priced resources by file, file sums and the total.</summary>
public static class CostSections
{
    public const string Basis = "USD, on-demand list prices, 730 hours a month";

    public static void WriteText(Report report, TextWriter output, Func<string, string, string> paint)
    {
        var costs = report.Costs;
        if (costs.PricedResources == 0 && costs.Files.All(f => f.RegionError is null)) return;
        output.WriteLine(paint($"Monthly cost estimate ({Basis})", "1"));
        foreach (var file in costs.Files)
        {
            if (file.Resources.Count == 0 && file.RegionError is null) continue;
            output.WriteLine($"  {report.DisplayPath(file.Path)} ({file.Region})");
            if (file.RegionError is { } error) output.WriteLine($"    {paint(error, "33")}");
            int width = Math.Max(20, file.Resources.Select(r => r.ResourceAddress.Length).DefaultIfEmpty(0).Max());
            foreach (var r in file.Resources)
            {
                var gaps = CostView.Gaps(r.Components);
                output.WriteLine($"    {r.ResourceAddress.PadRight(width)}  {CostView.Money(r.Amount),12}  {(gaps.Length == 0 ? "" : paint("+ " + gaps, "2"))}".TrimEnd());
            }
            output.WriteLine($"    {"file total".PadRight(width)}  {CostView.Money(file.Amount),12}{(file.IsPartial ? " + usage-based or unpriced lines" : "")}");
        }
        output.WriteLine(paint($"  Total {CostView.Money(costs.Total)}/month{(costs.IsPartial ? " (partial: some lines depend on usage or unknown inputs)" : "")}", "1"));
        output.WriteLine();
    }

    public static void WriteMarkdown(Report report, TextWriter output, Func<string, string> escape)
    {
        var costs = report.Costs;
        if (costs.PricedResources == 0 && costs.Files.All(f => f.RegionError is null)) return;
        output.WriteLine();
        output.WriteLine($"### Monthly cost: {CostView.Money(costs.Total)}{(costs.IsPartial ? " + usage" : "")}");
        output.WriteLine();
        output.WriteLine($"_{Basis}._");
        output.WriteLine();
        output.WriteLine("| File | Resource | Type | Monthly cost | Not included |");
        output.WriteLine("| --- | --- | --- | ---: | --- |");
        foreach (var file in costs.Files)
        {
            var path = escape(report.DisplayPath(file.Path));
            if (file.RegionError is { } error) output.WriteLine($"| `{path}` | | | | {escape(error)} |");
            foreach (var r in file.Resources)
                output.WriteLine($"| `{path}` | `{escape(r.ResourceAddress)}` | `{r.ResourceType}` | {CostView.Money(r.Amount)} | {escape(CostView.Gaps(r.Components))} |");
            if (file.Resources.Count > 0) output.WriteLine($"| `{path}` | **file total** ({file.Region}) | | **{CostView.Money(file.Amount)}** | |");
        }
        output.WriteLine($"| | **Total** | | **{CostView.Money(costs.Total)}** | |");
    }

    /// <summary>Writes <c>monthlyCost</c> for one resource's estimate (docs/json-output.md).</summary>
    public static void WriteJson(System.Text.Json.Utf8JsonWriter w, CostEstimate e)
    {
        w.WriteStartObject("monthlyCost");
        w.WriteNumber("amount", Billing.Plain(Billing.Round(e.Amount)));
        w.WriteString("currency", e.Currency);
        w.WriteBoolean("partial", e.IsPartial);
        w.WriteStartArray("components");
        foreach (var c in e.Components)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            if (c.Quantity is { } q) w.WriteNumber("quantity", Billing.Plain(q)); else w.WriteNull("quantity");
            w.WriteString("unit", c.Unit);
            if (c.UnitPrice is { } p) w.WriteNumber("unitPrice", Billing.Plain(p)); else w.WriteNull("unitPrice");
            if (c.MonthlyCost is { } m) w.WriteNumber("monthlyCost", Billing.Plain(Billing.Round(m))); else w.WriteNull("monthlyCost");
            w.WriteBoolean("usageBased", c.UsageBased);
            if (c.Note is { } note) w.WriteString("note", note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>SARIF's run property bag: the total, then each file's sum and each resource's amount (no components).</summary>
    public static void WriteSarifCosts(System.Text.Json.Utf8JsonWriter w, Report report)
    {
        w.WriteStartObject("monthlyCost");
        w.WriteNumber("amount", Billing.Plain(Billing.Round(report.Costs.Total)));
        w.WriteString("currency", "USD");
        w.WriteBoolean("partial", report.Costs.IsPartial);
        w.WriteStartArray("files");
        foreach (var file in report.Costs.Files)
        {
            w.WriteStartObject();
            w.WriteString("path", report.DisplayPath(file.Path));
            w.WriteString("region", file.Region);
            w.WriteNumber("amount", Billing.Plain(Billing.Round(file.Amount)));
            w.WriteBoolean("partial", file.IsPartial);
            w.WriteStartArray("resources");
            foreach (var r in file.Resources)
            {
                w.WriteStartObject();
                w.WriteString("address", r.ResourceAddress);
                w.WriteNumber("amount", Billing.Plain(Billing.Round(r.Amount)));
                w.WriteBoolean("partial", r.IsPartial);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteJsonSum(System.Text.Json.Utf8JsonWriter w, decimal amount, bool partial, string? region = null, string? regionError = null)
    {
        w.WriteStartObject("monthlyCost");
        w.WriteNumber("amount", Billing.Plain(Billing.Round(amount)));
        w.WriteString("currency", "USD");
        w.WriteBoolean("partial", partial);
        if (region is not null) w.WriteString("region", region);
        if (regionError is not null) w.WriteString("regionError", regionError);
        w.WriteEndObject();
    }
}
