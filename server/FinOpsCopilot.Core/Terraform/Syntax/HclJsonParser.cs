using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>
/// Reads Terraform's JSON syntax (<c>*.tf.json</c>) into the same tree as native syntax. JSON has no block
/// syntax, so the mapping follows Terraform's: top-level keys are block types whose nesting gives the labels,
/// the nested block types the analysis relies on (<c>default_tags</c>, <c>tag</c>, <c>dynamic</c>…) become
/// blocks, everything else an attribute; strings are templates (<c>"${var.x}"</c>).
/// </summary>
public sealed class HclJsonParser
{
    /// <summary>Labels per top-level block type.</summary>
    private static readonly Dictionary<string, int> TopLevelLabels = new(StringComparer.Ordinal)
    {
        ["resource"] = 2, ["data"] = 2, ["module"] = 1, ["provider"] = 1, ["variable"] = 1, ["output"] = 1,
        ["locals"] = 0, ["terraform"] = 0, ["moved"] = 0, ["import"] = 0, ["check"] = 1, ["removed"] = 0,
    };

    /// <summary>Nested block types the evaluator reads as blocks, with their label counts.</summary>
    private static readonly Dictionary<string, int> NestedBlockLabels = new(StringComparer.Ordinal)
    {
        ["default_tags"] = 0, ["tag"] = 0, ["tag_specifications"] = 0, ["dynamic"] = 1, ["content"] = 0, ["lifecycle"] = 0,
        ["provisioner"] = 1, ["connection"] = 0,
    };

    private readonly SourceText _text;
    private readonly string _s;
    private readonly List<SourceDiagnostic> _diagnostics = [];
    private int _pos;
    private int _depth;

    private HclJsonParser(SourceText text)
    {
        _text = text;
        _s = text.Content;
    }

    public static HclFile Parse(SourceText text)
    {
        var parser = new HclJsonParser(text);
        var root = parser.ParseDocument();
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        if (root is JsonObject obj)
            foreach (var m in obj.Members)
            {
                if (m.Key == "//") continue;
                if (TopLevelLabels.TryGetValue(m.Key, out int labels)) parser.AddBlocks(m, labels, [], blocks);
                else attributes.Add(parser.Attribute(m));
            }
        else if (root is not null)
            parser.Error(root.Span, "A Terraform JSON file must hold an object");
        return new HclFile(text, new HclBody(attributes, blocks, new SourceSpan(0, text.Length)), parser._diagnostics, isJson: true);
    }

    // ---- JSON to HCL ----

    private void AddBlocks(JsonMember m, int labelsLeft, List<HclLabel> labels, List<HclBlock> into)
    {
        if (labelsLeft > 0)
        {
            if (m.Value is not JsonObject obj) { Error(m.Value.Span, $"Expected an object of '{m.Key}' labels"); return; }
            foreach (var inner in obj.Members)
            {
                if (inner.Key == "//") continue;
                AddBlocks(inner with { Key = m.Key, KeySpan = m.KeySpan }, labelsLeft - 1, [.. labels, new HclLabel(inner.Key, inner.KeySpan)], into);
            }
            return;
        }
        if (m.Value is JsonArray array)
        {
            foreach (var item in array.Items) AddBlock(m, labels, item, into);
            return;
        }
        AddBlock(m, labels, m.Value, into);
    }

    private void AddBlock(JsonMember m, List<HclLabel> labels, JsonNode value, List<HclBlock> into)
    {
        if (value is not JsonObject body) { Error(value.Span, $"Expected an object for the '{m.Key}' block"); return; }
        // Labels were keys of enclosing objects; the block's body is its innermost object.
        into.Add(new HclBlock(m.Key, m.KeySpan, labels, Body(body, m.Key), new SourceSpan(m.KeySpan.Start, body.Span.End)));
    }

    private HclBody Body(JsonObject obj, string blockType)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        foreach (var m in obj.Members)
        {
            if (m.Key == "//") continue;
            // locals, and the attributes of any body, are attributes; known nested block types are blocks.
            if (blockType != "locals" && blockType != "variable" && NestedBlockLabels.TryGetValue(m.Key, out int labels)
                && m.Value is JsonObject or JsonArray { Items: [JsonObject, ..] })
                AddBlocks(m, labels, [], blocks);
            else attributes.Add(Attribute(m));
        }
        return new HclBody(attributes, blocks, obj.Span);
    }

    private HclAttribute Attribute(JsonMember m) => new(m.Key, m.KeySpan, Expression(m.Value), new SourceSpan(m.KeySpan.Start, m.Value.Span.End));

    private HclExpression Expression(JsonNode node)
    {
        switch (node)
        {
            case JsonString s:
                var inner = new SourceSpan(s.Span.Start + 1, Math.Max(s.Span.Start + 1, s.Span.End - 1));
                if (_s.AsSpan(inner.Start, inner.Length).IndexOfAny('$', '%') < 0)
                    return new LiteralExpression(LiteralKind.String, TemplateEscapes.Decode(_s, inner.Start, inner.End, true, out _), s.Span);
                var template = HclParser.ParseTemplate(_text, inner.Start, inner.End, _diagnostics);
                return template switch
                {
                    LiteralExpression lit => new LiteralExpression(LiteralKind.String, lit.Text, s.Span),
                    TemplateExpression t => new TemplateExpression(t.Parts, s.Span),
                    _ => template,
                };
            case JsonScalar { Kind: var kind } scalar:
                return new LiteralExpression(kind, _s.Substring(scalar.Span.Start, scalar.Span.Length), scalar.Span);
            case JsonArray a:
            {
                var items = new List<HclExpression>(a.Items.Count);
                foreach (var item in a.Items) items.Add(Expression(item));
                return new TupleExpression(items, a.Span);
            }
            case JsonObject o:
            {
                var items = new List<ObjectItem>(o.Members.Count);
                foreach (var m in o.Members)
                    if (m.Key != "//") items.Add(new ObjectItem(new LiteralExpression(LiteralKind.String, m.Key, m.KeySpan), Expression(m.Value)));
                return new ObjectExpression(items, o.Span);
            }
            default:
                return new ErrorExpression(node.Span);
        }
    }

    // ---- JSON ----

    private abstract record JsonNode(SourceSpan Span);
    private sealed record JsonString(SourceSpan Span) : JsonNode(Span);
    private sealed record JsonScalar(LiteralKind Kind, SourceSpan Span) : JsonNode(Span);
    private sealed record JsonArray(List<JsonNode> Items, SourceSpan Span) : JsonNode(Span);
    private sealed record JsonMember(string Key, SourceSpan KeySpan, JsonNode Value);
    private sealed record JsonObject(List<JsonMember> Members, SourceSpan Span) : JsonNode(Span);
    private sealed record JsonError(SourceSpan Span) : JsonNode(Span);

    private void Error(SourceSpan span, string message)
    {
        if (_diagnostics.Count < 100) _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, message, _text.RangeOf(span)));
    }

    private JsonNode? ParseDocument()
    {
        SkipWhitespace();
        if (_pos >= _s.Length) { Error(new SourceSpan(0, 0), "The file is empty"); return null; }
        var root = Value();
        SkipWhitespace();
        if (_pos < _s.Length) Error(new SourceSpan(_pos, _pos + 1), "Unexpected text after the JSON value");
        return root;
    }

    private void SkipWhitespace()
    {
        while (_pos < _s.Length && _s[_pos] is ' ' or '\t' or '\r' or '\n' or '\uFEFF') _pos++;
    }

    private JsonNode Value()
    {
        SkipWhitespace();
        int start = _pos;
        if (_pos >= _s.Length) { Error(new SourceSpan(start, start), "Expected a JSON value, found end of file"); return new JsonError(new SourceSpan(start, start)); }
        char c = _s[_pos];
        if (c is '{' or '[')
        {
            if (_depth >= ReaderLimits.MaxDepth)
            {
                Error(new SourceSpan(start, start + 1), $"Nesting deeper than {ReaderLimits.MaxDepth} levels is not analysed");
                _pos = _s.Length;
                return new JsonError(new SourceSpan(start, start + 1));
            }
            _depth++;
            var node = c == '{' ? Object() : Array();
            _depth--;
            return node;
        }
        if (c == '"') return new JsonString(StringSpan());
        foreach (var (word, kind) in Words)
            if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return new JsonScalar(kind, new SourceSpan(start, _pos));
            }
        if (c == '-' || char.IsAsciiDigit(c))
        {
            _pos++;
            while (_pos < _s.Length && (char.IsAsciiDigit(_s[_pos]) || _s[_pos] is '.' or 'e' or 'E' or '+' or '-')) _pos++;
            return new JsonScalar(LiteralKind.Number, new SourceSpan(start, _pos));
        }
        Error(new SourceSpan(start, start + 1), $"Unexpected character '{c}'");
        _pos++;
        return new JsonError(new SourceSpan(start, start + 1));
    }

    private static readonly (string, LiteralKind)[] Words = [("true", LiteralKind.Bool), ("false", LiteralKind.Bool), ("null", LiteralKind.Null)];

    private SourceSpan StringSpan()
    {
        int start = _pos++;
        while (_pos < _s.Length)
        {
            char c = _s[_pos];
            if (c == '"') { _pos++; return new SourceSpan(start, _pos); }
            if (c is '\n' or '\r') break;
            _pos += c == '\\' ? 2 : 1;
        }
        _pos = Math.Min(_pos, _s.Length);
        Error(new SourceSpan(start, _pos), "Unterminated string");
        return new SourceSpan(start, _pos);
    }

    private JsonNode Object()
    {
        int start = _pos++;
        var members = new List<JsonMember>();
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _s.Length) { Error(new SourceSpan(start, start + 1), "The object is not closed"); break; }
            if (_s[_pos] == '}') { _pos++; break; }
            if (_s[_pos] != '"')
            {
                Error(new SourceSpan(_pos, _pos + 1), "Expected a quoted key");
                if (!SkipToAny(",}")) break;
                if (_s[_pos] == ',') _pos++;
                continue;
            }
            var keySpan = StringSpan();
            var key = keySpan.Length >= 2 ? TemplateEscapes.Decode(_s, keySpan.Start + 1, keySpan.End - 1, true, out _) : "";
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == ':') _pos++;
            else Error(new SourceSpan(_pos, Math.Min(_pos + 1, _s.Length)), "Expected ':' after the key");
            members.Add(new JsonMember(key, keySpan, Value()));
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == ',') { _pos++; continue; }
            if (_pos < _s.Length && _s[_pos] == '}') { _pos++; break; }
            Error(new SourceSpan(_pos, Math.Min(_pos + 1, _s.Length)), "Expected ',' or '}' in the object");
            if (!SkipToAny(",}")) break;
            if (_s[_pos] == ',') _pos++;
        }
        return new JsonObject(members, new SourceSpan(start, _pos));
    }

    private JsonNode Array()
    {
        int start = _pos++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _s.Length) { Error(new SourceSpan(start, start + 1), "The array is not closed"); break; }
            if (_s[_pos] == ']') { _pos++; break; }
            int before = _pos;
            items.Add(Value());
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == ',') { _pos++; continue; }
            if (_pos < _s.Length && _s[_pos] == ']') { _pos++; break; }
            Error(new SourceSpan(_pos, Math.Min(_pos + 1, _s.Length)), "Expected ',' or ']' in the array");
            if (_pos == before) _pos++;
        }
        return new JsonArray(items, new SourceSpan(start, _pos));
    }

    private bool SkipToAny(string chars)
    {
        int i = _s.AsSpan(_pos).IndexOfAny(chars);
        if (i < 0) { _pos = _s.Length; return false; }
        _pos += i;
        return true;
    }
}
