using System.Globalization;
using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing.Import;

/// <summary>What one offer file contributed.</summary>
public sealed record OfferImportResult(string OfferCode, string? PublicationDate, int Imported, int Skipped, IReadOnlyList<string> Problems);

/// <summary>
/// Reads an AWS Price List Bulk API offer file (<c>products</c> + <c>terms.OnDemand</c>, one service, usually one region)
/// into a <see cref="PriceCatalogBuilder"/>: for each product the catalog uses, the first-tier on-demand USD price of its
/// region (<c>attributes.regionCode</c>). Reserved terms and free-tier dimensions are ignored. The file is streamed
/// (<see cref="OfferFileReader"/>), so multi-gigabyte EC2 files import in bounded memory. The offer code must come
/// before the products, as it does in AWS's files.
/// </summary>
public static class OfferFileImporter
{
    public static OfferImportResult Import(Stream offer, PriceCatalogBuilder builder)
    {
        var visitor = new Collector();
        try { OfferFileReader.Read(offer, visitor); }
        catch (JsonException e) { throw new FormatException($"not a readable offer file: {e.Message}", e); }
        if (!visitor.SawProducts) throw new FormatException("not an AWS Price List offer file: 'products' and 'terms' are required");
        int imported = 0;
        var problems = new List<string>();
        foreach (var (sku, (target, region)) in visitor.Targets)
        {
            if (!visitor.Prices.TryGetValue(sku, out var price))
            {
                problems.Add($"{sku} ({target.Sku}, {region}): no on-demand USD price");
                continue;
            }
            if (OfferMapping.UnitScale(price.Unit, target) is not { } scale)
            {
                problems.Add($"{sku} ({target.Sku}, {region}): unit '{price.Unit}' is not '{target.Unit}'");
                continue;
            }
            builder.Set(target.Sku, target.Unit, region, Billing.Plain(price.Usd * scale));
            imported++;
        }
        return new OfferImportResult(visitor.OfferCode, visitor.PublicationDate, imported, visitor.Skipped, problems);
    }

    /// <summary>Keeps what the catalog needs while the file streams by: the mapped products and every first-tier on-demand price.</summary>
    private sealed class Collector : OfferFileReader.IVisitor
    {
        public string OfferCode { get; private set; } = "";
        public string? PublicationDate { get; private set; }
        public bool SawProducts { get; private set; }
        public int Skipped { get; private set; }
        public Dictionary<string, (OfferTarget Target, string Region)> Targets { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (string Unit, decimal Usd)> Prices { get; } = new(StringComparer.Ordinal);

        public void Header(string name, string value)
        {
            if (name == "offerCode") OfferCode = value;
            else if (name == "publicationDate") PublicationDate = value;
        }

        public void Product(string sku, JsonElement p)
        {
            SawProducts = true;
            var family = p.TryGetProperty("productFamily", out var f) ? f.GetString() : null;
            if (p.TryGetProperty("attributes", out var attributes) && OfferMapping.Map(OfferCode, family, attributes) is { } target
                && attributes.TryGetProperty("regionCode", out var region) && region.GetString() is { } code)
                Targets[sku] = (target, code);
            else Skipped++;
        }

        public void OnDemand(string sku, JsonElement offers)
        {
            if (FirstTier(offers) is { } price) Prices[sku] = price;
        }
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
