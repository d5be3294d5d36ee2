using System.Text;
using System.Text.Json;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// Reads a JSON template into a <see cref="TemplateNode"/> tree with System.Text.Json's reader, mapping its byte
/// offsets to exact UTF-16 positions. A syntax error becomes a diagnostic; the part read before it is kept.
/// </summary>
public static class JsonTemplateReader
{
    public static TemplateSyntax Read(SourceText text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Content);
        var map = new Utf8OffsetMap(text.Content);
        var diagnostics = new List<SourceDiagnostic>();
        var stack = new Stack<(TemplateNode Node, TemplateScalar? Key, HashSet<string>? Keys)>();
        TemplateNode? root = null;
        int bomBytes = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;

        void Add(TemplateNode node)
        {
            if (stack.Count == 0) { root ??= node; return; }
            var (parent, key, keys) = stack.Pop();
            if (parent is TemplateSequence seq) seq.Items.Add(node);
            else if (parent is TemplateMapping m && key is not null)
            {
                keys ??= new HashSet<string>(StringComparer.Ordinal);
                if (!keys.Add(key.Value))
                    diagnostics.Add(new SourceDiagnostic(RuleCodes.TemplateInvalid, $"Duplicate key '{key.Value}'", text.RangeOf(key.Span)));
                m.Entries.Add(new TemplateEntry(key, node));
                key = null;
            }
            stack.Push((parent, key, keys));
        }

        void Close(int end)
        {
            var (node, _, _) = stack.Pop();
            long size = 1;
            if (node is TemplateMapping m) foreach (var e in m.Entries) size += e.Value.ExpandedSize + 1;
            if (node is TemplateSequence q) foreach (var i in q.Items) size += i.ExpandedSize;
            node.ExpandedSize = size;
            node.Span = new SourceSpan(node.Span.Start, end);
            Add(node);
        }

        var reader = new Utf8JsonReader(bytes.AsSpan(bomBytes), new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = ReaderLimits.MaxDepth,
        });
        try
        {
            while (reader.Read())
            {
                int start = map.CharOffset(reader.TokenStartIndex + bomBytes);
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        stack.Push((new TemplateMapping(new SourceSpan(start, start), null), null, null));
                        break;
                    case JsonTokenType.StartArray:
                        stack.Push((new TemplateSequence(new SourceSpan(start, start), null), null, null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        Close(start + 1);
                        break;
                    case JsonTokenType.PropertyName:
                    {
                        int end = map.CharOffset(reader.TokenStartIndex + bomBytes + reader.ValueSpan.Length + 2);
                        var key = new TemplateScalar(reader.GetString()!, ScalarStyle.Quoted, new SourceSpan(start, end), null);
                        var (parent, _, keys) = stack.Pop();
                        stack.Push((parent, key, keys));
                        break;
                    }
                    case JsonTokenType.String:
                    {
                        int end = map.CharOffset(reader.TokenStartIndex + bomBytes + reader.ValueSpan.Length + 2);
                        Add(new TemplateScalar(reader.GetString()!, ScalarStyle.Quoted, new SourceSpan(start, end), null));
                        break;
                    }
                    default:
                    {
                        int end = map.CharOffset(reader.TokenStartIndex + bomBytes + reader.ValueSpan.Length);
                        Add(new TemplateScalar(Encoding.UTF8.GetString(reader.ValueSpan), ScalarStyle.Plain, new SourceSpan(start, end), null));
                        break;
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            // The reader reports a zero-based line and byte-in-line; find that line's UTF-16 offset.
            int line = Math.Min((int)(ex.LineNumber ?? 0), text.LineCount - 1);
            int skip = line == 0 ? bomBytes : 0;
            int lineStartChar = text.LineStart(line) + (skip > 0 ? 1 : 0);
            int lineStartByte = Utf8Index(text, lineStartChar);
            int count = (int)Math.Clamp(ex.BytePositionInLine ?? 0, 0, bytes.Length - lineStartByte);
            int offset = lineStartChar + Encoding.UTF8.GetCharCount(bytes, lineStartByte, count);
            var at = text.PositionAt(Math.Min(offset, text.Length));
            diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, "JSON syntax error: " + CleanMessage(ex.Message), new SourceRange(at, at)));
            while (stack.Count > 0) Close(text.Length);
        }
        return new TemplateSyntax(root, diagnostics);
    }

    private static int Utf8Index(SourceText text, int charOffset) => Encoding.UTF8.GetByteCount(text.Content.AsSpan(0, charOffset));

    private static string CleanMessage(string message)
    {
        // "… LineNumber: 3 | BytePositionInLine: 4." repeats what the range says.
        int i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).TrimEnd('.', ' ') + ".";
    }
}
