using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing;

/// <summary>Writes a catalog in the <c>finops-price-catalog/1</c> format that <see cref="PriceCatalogReader"/> reads (docs/pricing.md).</summary>
public static class PriceCatalogWriter
{
    public static void Write(PriceCatalog catalog, Stream output, string generator)
    {
        var units = catalog.Skus.Select(s => catalog.UnitOf(s)).Distinct().Order(StringComparer.Ordinal).ToList();
        var unitIndex = units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("format", PriceCatalogReader.Format);
        w.WriteString("currency", catalog.Currency);
        w.WriteString("built", catalog.Built);
        w.WriteString("generator", generator);
        w.WriteStartArray("regions");
        foreach (var r in catalog.Regions) w.WriteStringValue(r);
        w.WriteEndArray();
        w.WriteStartArray("units");
        foreach (var u in units) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteStartObject("ec2Types");
        foreach (var (type, spec) in catalog.InstanceTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(type);
            w.WriteNumberValue(spec.Vcpu);
            w.WriteNumberValue(spec.MemoryGib);
            w.WriteStringValue(spec.Architecture);
            if (spec.CurrentGeneration is { } current) w.WriteBooleanValue(current); else w.WriteNullValue();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("prices");
        foreach (var sku in catalog.Skus)
        {
            w.WriteStartArray(sku);
            w.WriteNumberValue(unitIndex[catalog.UnitOf(sku)]);
            foreach (var region in catalog.Regions)
                if (catalog.Find(region, sku) is { } p) w.WriteNumberValue(p.Amount); else w.WriteNullValue();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
