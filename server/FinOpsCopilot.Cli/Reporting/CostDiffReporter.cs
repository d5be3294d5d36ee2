using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinOpsCopilot.Core;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Cli.Reporting;

/// <summary>A cost diff as text, JSON (docs/pricing.md) or Markdown for a pull-request comment.</summary>
public static class CostDiffReporter
{
    public static string Signed(decimal amount) => (amount >= 0 ? "+" : "−") + CostView.Money(Math.Abs(amount));

    public static void WriteText(CostDiff diff, string title, TextWriter output)
    {
        output.WriteLine($"Monthly cost ({title}): {CostView.Money(diff.BeforeTotal)} → {CostView.Money(diff.AfterTotal)} ({Signed(diff.Delta)}){(diff.IsPartial ? ", usage-based lines not included" : "")}");
        if (diff.Changes.Count == 0) { output.WriteLine("No resource cost changed."); return; }
        foreach (var c in diff.Changes)
            output.WriteLine($"  {Symbol(c.Kind)} {c.File}: {c.Address} ({c.ResourceType})  {CostView.Money(c.BeforeAmount)} → {CostView.Money(c.AfterAmount)}  {Signed(c.Delta)}");
    }

    public static void WriteMarkdown(CostDiff diff, string title, TextWriter output)
    {
        output.WriteLine($"## {ProductInfo.DisplayName} cost diff");
        output.WriteLine();
        output.WriteLine($"Monthly cost ({title}): **{CostView.Money(diff.BeforeTotal)} → {CostView.Money(diff.AfterTotal)}** ({Signed(diff.Delta)})");
        output.WriteLine();
        if (diff.Changes.Count == 0) { output.WriteLine("No resource cost changed."); return; }
        output.WriteLine("| | File | Resource | Type | Before | After | Change |");
        output.WriteLine("| --- | --- | --- | --- | ---: | ---: | ---: |");
        foreach (var c in diff.Changes)
            output.WriteLine($"| {c.Kind.ToString().ToLowerInvariant()} | `{c.File}` | `{c.Address}` | `{c.ResourceType}` | {CostView.Money(c.BeforeAmount)} | {CostView.Money(c.AfterAmount)} | {Signed(c.Delta)} |");
        if (diff.IsPartial) { output.WriteLine(); output.WriteLine("_Usage-based lines without usage figures and unpriced inputs are not included._"); }
    }

    public static void WriteJson(CostDiff diff, string baseRef, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("base", baseRef);
            w.WriteString("currency", "USD");
            w.WriteNumber("before", Billing.Plain(Billing.Round(diff.BeforeTotal)));
            w.WriteNumber("after", Billing.Plain(Billing.Round(diff.AfterTotal)));
            w.WriteNumber("delta", Billing.Plain(Billing.Round(diff.Delta)));
            w.WriteBoolean("partial", diff.IsPartial);
            w.WriteStartArray("resources");
            foreach (var c in diff.Changes)
            {
                w.WriteStartObject();
                w.WriteString("change", c.Kind.ToString().ToLowerInvariant());
                w.WriteString("file", c.File);
                w.WriteString("address", c.Address);
                w.WriteString("type", c.ResourceType);
                w.WriteNumber("before", Billing.Plain(Billing.Round(c.BeforeAmount)));
                w.WriteNumber("after", Billing.Plain(Billing.Round(c.AfterAmount)));
                w.WriteNumber("delta", Billing.Plain(Billing.Round(c.Delta)));
                w.WriteBoolean("partial", c.IsPartial);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Symbol(CostChangeKind kind) => kind switch
    {
        CostChangeKind.Added => "+",
        CostChangeKind.Removed => "-",
        _ => "~",
    };
}
