using System.Globalization;
using System.Text;
using FinOpsCopilot.Core.Fixes;

namespace FinOpsCopilot.Core.Pricing;

/// <summary>
/// Writes a catalog in the <c>finops-price-catalog/1</c> format that <see cref="PriceCatalogReader"/> reads (docs/pricing.md):
/// one instance type and one SKU a line, so a regenerated catalog diffs line by line. Numbers are written exactly, in
/// their shortest decimal form without an exponent (0.0000166667, not 1.66667E-05), so every JSON reader parses the
/// same decimal.
/// </summary>
public static class PriceCatalogWriter
{
    public static void Write(PriceCatalog catalog, Stream output, string generator)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write(ToText(catalog, generator));
    }

    public static string ToText(PriceCatalog catalog, string generator)
    {
        var units = catalog.Skus.Select(catalog.UnitOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var unitIndex = units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        var sources = catalog.Sources.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{Text(s.Key)}:{{\"commit\":{Text(s.Value.Commit)},\"dataDate\":{Text(s.Value.DataDate)}}}");
        var types = catalog.InstanceTypes.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
            $"{Text(t.Key)}:[{t.Value.Vcpu.ToString(CultureInfo.InvariantCulture)},{Number(t.Value.MemoryGib)},{Text(t.Value.Architecture)},"
            + $"{t.Value.CurrentGeneration switch { null => "null", true => "true", false => "false" }}]");
        var prices = catalog.Skus.Select(sku =>
        {
            var row = new StringBuilder().Append(Text(sku)).Append(":[").Append(unitIndex[catalog.UnitOf(sku)]);
            foreach (var region in catalog.Regions)
                row.Append(',').Append(catalog.Find(region, sku) is { } p ? Number(p.Amount) : "null");
            return row.Append(']').ToString();
        });
        string[] lines =
        [
            "{",
            $"\"format\":{Text(PriceCatalogReader.Format)},",
            $"\"currency\":{Text(catalog.Currency)},",
            $"\"built\":{Text(catalog.Built)},",
            $"\"generator\":{Text(generator)},",
            $"\"sources\":{{{string.Join(",", sources)}}},",
            $"\"regions\":[{string.Join(", ", catalog.Regions.Select(Text))}],",
            $"\"units\":[{string.Join(", ", units.Select(Text))}],",
            "\"ec2Types\":{",
            string.Join(",\n", types),
            "},\n\"prices\":{",
            string.Join(",\n", prices),
            "}}",
        ];
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The shortest exact decimal text of a price or size: trailing zeros dropped, never an exponent.</summary>
    private static string Number(decimal value) => Billing.Plain(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A JSON string, or null: the quoting of <see cref="QuotedString"/> is valid JSON.</summary>
    private static string Text(string? value) => value is null ? "null" : QuotedString.Of(value);
}
