using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing.Import;

/// <summary>
/// Builds the embedded catalog from the shared price facts (<c>aws-prices/1</c>, ../shared/pricing/README.md): one
/// price per SKU and region, every value copied, none derived (docs/pricing.md). Regional sections come first; the
/// us-east-1-only EBS items of Infracost only fill the SKUs the regional data lacks. A later value for the same SKU and
/// region replaces an earlier one, in the order of the file.
/// </summary>
public static class SharedFactsImporter
{
    public const string Format = "aws-prices/1";

    /// <summary>What <c>finops-copilot pricing build</c> records in the catalog's <c>generator</c> field.</summary>
    public const string Generator = "finops-copilot pricing build from " + Format;

    public static PriceCatalog Import(Stream facts)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(facts); }
        catch (JsonException e) { throw new FormatException($"not a readable {Format} file: {e.Message}", e); }
        using (document) return Import(document.RootElement);
    }

    public static PriceCatalog Import(JsonElement facts)
    {
        if (facts.ValueKind != JsonValueKind.Object || !facts.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            throw new FormatException($"not an {Format} file");
        try { return Build(facts); }
        catch (KeyNotFoundException e) { throw new FormatException($"incomplete {Format} file: {e.Message}", e); }
    }

    private static PriceCatalog Build(JsonElement facts)
    {
        var c = new PriceCatalogBuilder();
        foreach (var type in Get(facts, "ec2", "instances").EnumerateObject())
            foreach (var region in Get(type.Value, "price").EnumerateObject())
                Add(c, $"ec2/{type.Name}", "hour", region.Name, region.Value);
        foreach (var node in Get(facts, "elasticache", "nodes").EnumerateObject())
            foreach (var region in Get(node.Value, "price").EnumerateObject())
                foreach (var engine in region.Value.EnumerateObject())
                    Add(c, $"elasticache/{node.Name}/{engine.Name}", "hour", region.Name, engine.Value);

        foreach (var row in Get(facts, "rds", "instances").EnumerateArray())
        {
            var engine = Text(row, "engine");
            var option = engine.StartsWith("aurora", StringComparison.Ordinal)
                ? OptionalText(row, "aurora_storage") ?? "standard"
                : Text(row, "deployment");
            Add(c, $"rds/{Text(row, "class")}/{engine}/{Text(row, "license")}/{option}", Text(row, "unit"), Text(row, "region"), Get(row, "usd"));
        }
        foreach (var item in Get(facts, "rds", "regional").EnumerateObject())
            AddItem(c, $"rds-storage/{item.Name}", item.Value);

        // Regional sections first; the us-east-1-only Infracost items fill keys the regional data lacks.
        foreach (var item in Get(facts, "ebs", "regional").EnumerateObject())
            AddItem(c, $"ebs/{item.Name}", item.Value);
        foreach (var item in Get(facts, "ebs", "prices").EnumerateObject())
            if (!c.Contains($"ebs/{item.Name}")) AddItem(c, $"ebs/{item.Name}", item.Value);
        foreach (var cls in Get(facts, "s3", "regional").EnumerateObject())
            foreach (var item in cls.Value.EnumerateObject())
                AddItem(c, $"s3/{cls.Name}/{item.Name}", item.Value);
        foreach (var service in Get(facts, "other", "regional").EnumerateObject())
            foreach (var item in service.Value.EnumerateObject())
                AddItem(c, $"{service.Name}/{item.Name}", item.Value);
        var services = Get(facts, "other", "services");
        var dynamo = Get(services, "dynamodb");
        var dynamoRegion = Text(dynamo, "region");
        foreach (var item in dynamo.EnumerateObject())
            if (item.Value.ValueKind == JsonValueKind.Object) AddItem(c, $"dynamodb/{item.Name}", item.Value, dynamoRegion);
        AddItem(c, "elasticache/backup_storage", Get(services, "elasticache_backup_storage"));

        foreach (var type in Get(facts, "ec2", "instances").EnumerateObject())
        {
            var spec = type.Value;
            bool? current = spec.TryGetProperty("current_gen", out var gen) && gen.ValueKind != JsonValueKind.Null ? gen.GetBoolean() : null;
            c.SetInstanceType(type.Name, new InstanceSpec(Get(spec, "vcpu").GetInt32(), Get(spec, "mem_gib").GetDecimal(), Text(spec, "arch"), current));
        }
        foreach (var source in Get(facts, "sources").EnumerateObject())
            c.SetSource(source.Name, new PriceSource(OptionalText(source.Value, "commit"),
                OptionalText(source.Value, "data_date") ?? OptionalText(source.Value, "commit_date")));
        c.Currency = Text(facts, "currency");
        c.Built = Text(facts, "built");
        return c.Build();
    }

    /// <summary>A regional item (<c>usd_by_region</c>) or a single-region item (<c>usd</c>, in <paramref name="region"/>).</summary>
    private static void AddItem(PriceCatalogBuilder c, string sku, JsonElement item, string region = "us-east-1")
    {
        if (item.TryGetProperty("usd_by_region", out var byRegion))
        {
            foreach (var price in byRegion.EnumerateObject()) Add(c, sku, Text(item, "unit"), price.Name, price.Value);
        }
        else if (item.TryGetProperty("usd", out var usd)) Add(c, sku, Text(item, "unit"), region, usd);
    }

    /// <summary>Sets one price; a null in the facts is no price.</summary>
    private static void Add(PriceCatalogBuilder c, string sku, string unit, string region, JsonElement usd)
    {
        if (usd.ValueKind != JsonValueKind.Null) c.Set(sku, unit, region, usd.GetDecimal());
    }

    private static JsonElement Get(JsonElement e, params string[] path)
    {
        foreach (var name in path)
            e = e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var child) ? child : throw new KeyNotFoundException($"'{name}' is missing");
        return e;
    }

    private static string Text(JsonElement e, string name) => Get(e, name).GetString() ?? throw new KeyNotFoundException($"'{name}' is null");

    /// <summary>The text of an optional field; null when it is absent, null or empty.</summary>
    private static string? OptionalText(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
