using System.Text.Json;

namespace FinOpsCopilot.Core.Pricing.Import;

/// <summary>
/// Streams an offer file: AWS's EC2 files run to gigabytes, more than one in-memory document can hold. A forward-only
/// reader refills a buffer from the stream, and only each product (<c>products.SKU</c>) and each product's on-demand
/// terms (<c>terms.OnDemand.SKU</c>) is parsed as a small document and handed to the caller.
/// </summary>
public static class OfferFileReader
{
    public interface IVisitor
    {
        void Header(string name, string value);
        void Product(string sku, JsonElement product);
        void OnDemand(string sku, JsonElement offers);
    }

    /// <param name="bufferSize">The first buffer size; it doubles whenever one value does not fit.</param>
    public static void Read(Stream stream, IVisitor visitor, int bufferSize = 1 << 16)
    {
        var buffer = new byte[Math.Max(16, bufferSize)];
        int length = 0;
        bool final = false;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<string?>();
        string? pending = null;
        bool started = false;
        while (true)
        {
            if (!final)
            {
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                int n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0) final = true; else length += n;
            }
            long consumed = Process(buffer.AsSpan(0, length), final, ref state, path, ref pending, ref started, visitor, out bool done);
            if (done) return;
            if (final && consumed == 0 && length > 0) throw new JsonException("the offer file ends in the middle of a value");
            Buffer.BlockCopy(buffer, (int)consumed, buffer, 0, length - (int)consumed);
            length -= (int)consumed;
            if (final && length == 0) throw new JsonException("the offer file ends before its closing brace");
        }
    }

    /// <summary>Reads every complete token of the buffer; returns how many bytes were used for good.</summary>
    private static long Process(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, List<string?> path,
        ref string? pending, ref bool started, IVisitor visitor, out bool done)
    {
        var reader = new Utf8JsonReader(data, final, state);
        long consumed = 0;
        done = false;
        while (true)
        {
            var before = reader.CurrentState;
            long beforeConsumed = reader.BytesConsumed;
            if (!reader.Read()) break;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (!started)
                    {
                        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("an offer file is a JSON object");
                        started = true;
                        path.Add(null);
                        break;
                    }
                    var kind = Target(path);
                    if (kind != 0 && pending is { } sku)
                    {
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            // The value is not all in the buffer yet: come back to this token after the next read.
                            state = before;
                            return beforeConsumed;
                        }
                        using (var doc = JsonDocument.ParseValue(ref reader))
                        {
                            if (kind == 1) visitor.Product(sku, doc.RootElement);
                            else visitor.OnDemand(sku, doc.RootElement);
                        }
                        pending = null;
                        break;
                    }
                    path.Add(pending);
                    pending = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    if (path.Count == 0) done = true;
                    break;
                case JsonTokenType.String when path.Count == 1 && pending is { } name:
                    visitor.Header(name, reader.GetString() ?? "");
                    pending = null;
                    break;
                default:
                    pending = null;
                    break;
            }
            state = reader.CurrentState;
            consumed = reader.BytesConsumed;
            if (done) return consumed;
        }
        return consumed;
    }

    /// <summary>1 inside <c>products</c>, 2 inside <c>terms.OnDemand</c>, 0 elsewhere.</summary>
    private static int Target(List<string?> path) => path switch
    {
        [null, "products"] => 1,
        [null, "terms", "OnDemand"] => 2,
        _ => 0,
    };
}
