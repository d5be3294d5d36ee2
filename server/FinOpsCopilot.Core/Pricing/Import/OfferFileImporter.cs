using System.Globalization;
using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing.Import;

/// <summary>What one offer file contributed.</summary>
public sealed record OfferImportResult(string OfferCode, string? PublicationDate, int Imported, int Skipped, IReadOnlyList<string> Problems);

/// <summary>
/// Reads an AWS Price List Bulk API offer file (<c>products</c> + <c>terms.OnDemand</c>, one service, usually one region)
/// into a <see cref="PriceCatalogBuilder"/>: for each product the catalog uses, the first-tier on-demand USD price of its
/// region (<c>attributes.regionCode</c>). Reserved terms and free-tier dimensions are ignored.
/// </summary>
public static class OfferFileImporter
{
    public static OfferImportResult Import(Stream offer, PriceCatalogBuilder builder)
    {
        using var doc = JsonDocument.Parse(offer, new JsonDocumentOptions { MaxDepth = 64 });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("products", out var products) || !root.TryGetProperty("terms", out var terms))
            throw new FormatException("not an AWS Price List offer file: 'products' and 'terms' are required");
        var offerCode = root.TryGetProperty("offerCode", out var code) ? code.GetString() ?? "" : "";
        var published = root.TryGetProperty("publicationDate", out var date) ? date.GetString() : null;
        terms.TryGetProperty("OnDemand", out var onDemand);
        int imported = 0, skipped = 0;
        var problems = new List<string>();

        foreach (var product in products.EnumerateObject())
        {
            var p = product.Value;
            var family = p.TryGetProperty("productFamily", out var f) ? f.GetString() : null;
            if (!p.TryGetProperty("attributes", out var attributes) || OfferMapping.Map(offerCode, family, attributes) is not { } target
                || !attributes.TryGetProperty("regionCode", out var regionElement) || regionElement.GetString() is not { } region)
            {
                skipped++;
                continue;
            }
            if (onDemand.ValueKind != JsonValueKind.Object || !onDemand.TryGetProperty(product.Name, out var offers)
                || FirstTier(offers) is not var (unit, usd))
            {
                problems.Add($"{product.Name} ({target.Sku}, {region}): no on-demand USD price");
                continue;
            }
            if (OfferMapping.UnitScale(unit, target) is not { } scale)
            {
                problems.Add($"{product.Name} ({target.Sku}, {region}): unit '{unit}' is not '{target.Unit}'");
                continue;
            }
            builder.Set(target.Sku, target.Unit, region, Billing.Plain(usd * scale));
            imported++;
        }
        return new OfferImportResult(offerCode, published, imported, skipped, problems);
    }

    /// <summary>The price dimension that starts at 0 (the first tier) of the product's first on-demand term.</summary>
    private static (string Unit, decimal Usd)? FirstTier(JsonElement offers)
    {
        foreach (var term in offers.EnumerateObject())
        {
            if (!term.Value.TryGetProperty("priceDimensions", out var dimensions)) continue;
            foreach (var dimension in dimensions.EnumerateObject())
            {
                var d = dimension.Value;
                var begin = d.TryGetProperty("beginRange", out var b) ? b.GetString() : "0";
                if (begin is not (null or "0")) continue;
                if (!d.TryGetProperty("pricePerUnit", out var prices) || !prices.TryGetProperty("USD", out var usd)) continue;
                if (!decimal.TryParse(usd.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)) continue;
                return (d.TryGetProperty("unit", out var u) ? u.GetString() ?? "" : "", amount);
            }
        }
        return null;
    }
}
