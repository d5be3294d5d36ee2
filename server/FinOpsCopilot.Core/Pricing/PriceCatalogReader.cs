using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing;

/// <summary>Reads the <c>finops-price-catalog/1</c> format with a forward-only reader: no DOM, a few milliseconds.</summary>
public static class PriceCatalogReader
{
    public const string Format = "finops-price-catalog/1";
    public const string EmbeddedName = "FinOpsCopilot.Core.Data.aws-price-catalog.json";

    public static PriceCatalog ReadEmbedded()
    {
        using var stream = typeof(PriceCatalogReader).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"embedded resource {EmbeddedName} is missing");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Read(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }

    public static PriceCatalog ReadFile(string path) => Read(File.ReadAllBytes(path));

    public static PriceCatalog Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? format = null, currency = null, built = null;
        List<string> regions = [], units = [], skus = [];
        List<int> skuUnits = [];
        List<decimal> prices = [];
        var types = new Dictionary<string, InstanceSpec>(StringComparer.Ordinal);
        var sources = new Dictionary<string, PriceSource>(StringComparer.Ordinal);

        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "format": format = reader.GetString(); break;
                case "currency": currency = reader.GetString(); break;
                case "built": built = reader.GetString(); break;
                case "regions": regions = Strings(ref reader); break;
                case "units": units = Strings(ref reader); break;
                case "sources":
                    while (Next(ref reader) == JsonTokenType.PropertyName)
                    {
                        var source = reader.GetString()!;
                        Expect(ref reader, JsonTokenType.StartObject);
                        string? commit = null, dataDate = null;
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var field = reader.GetString();
                            Next(ref reader);
                            reader.Skip();
                            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                            if (field == "commit") commit = value;
                            else if (field == "dataDate") dataDate = value;
                        }
                        sources[source] = new PriceSource(commit, dataDate);
                    }
                    break;
                case "ec2Types":
                    while (Next(ref reader) == JsonTokenType.PropertyName)
                    {
                        var type = reader.GetString()!;
                        Expect(ref reader, JsonTokenType.StartArray);
                        Next(ref reader); int vcpu = reader.GetInt32();
                        Next(ref reader); decimal memory = reader.GetDecimal();
                        Next(ref reader); string arch = reader.GetString()!;
                        Next(ref reader); bool? current = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
                        Expect(ref reader, JsonTokenType.EndArray);
                        types[type] = new InstanceSpec(vcpu, memory, arch, current);
                    }
                    break;
                case "prices":
                    if (regions.Count == 0 || units.Count == 0) throw Invalid("'regions' and 'units' must come before 'prices'");
                    while (Next(ref reader) == JsonTokenType.PropertyName)
                    {
                        skus.Add(reader.GetString()!);
                        Expect(ref reader, JsonTokenType.StartArray);
                        Next(ref reader);
                        int unit = reader.GetInt32();
                        if (unit < 0 || unit >= units.Count) throw Invalid($"unit index {unit} out of range");
                        skuUnits.Add(unit);
                        for (int r = 0; r < regions.Count; r++)
                        {
                            Next(ref reader);
                            prices.Add(reader.TokenType == JsonTokenType.Null ? PriceCatalog.Missing : reader.GetDecimal());
                        }
                        Expect(ref reader, JsonTokenType.EndArray);
                    }
                    break;
                default: reader.Skip(); break;
            }
        }
        if (format != Format) throw Invalid($"format is '{format}', expected '{Format}'");
        return new PriceCatalog(currency ?? "USD", built ?? "", regions, skus,
            skuUnits.Select(u => units[u]).ToArray(), prices.ToArray(), types, sources);
    }

    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray) list.Add(reader.GetString()!);
        return list;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw Invalid("unexpected end of file");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw Invalid($"expected {type}, found {reader.TokenType}");
    }

    private static FormatException Invalid(string reason) => new($"invalid price catalog: {reason}");
}
