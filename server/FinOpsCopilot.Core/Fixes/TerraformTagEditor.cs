using System.Text;
using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Tag edits for Terraform (HCL native syntax): into the resource's <c>tags = { … }</c> (or the last object of a
/// <c>merge(…)</c>), a new <c>tags</c> argument, <c>tag { … }</c> blocks for Auto Scaling groups, or the AWS
/// provider's <c>default_tags</c>. New lines take the indentation of their neighbours.
/// </summary>
public sealed partial class TerraformTagEditor : ITagEditor, IPropertyEditor
{
    public static readonly TerraformTagEditor Instance = new();

    /// <summary>The module's variables, from this document and its sibling files (a module is a directory).</summary>
    public IEnumerable<string> ParameterNames(IacDocument document)
    {
        var files = new List<HclFile> { Parse(document) };
        if (Path.GetDirectoryName(document.Path) is { Length: > 0 } dir && Directory.Exists(dir))
            foreach (var sibling in Directory.EnumerateFiles(dir, "*.tf").Where(p => p != document.Path).Order(StringComparer.Ordinal))
            {
                try { files.Add(HclParser.Parse(new SourceText(sibling, File.ReadAllText(sibling)))); }
                catch (IOException) { }
            }
        return files.SelectMany(f => f.Body.Blocks).Where(b => b.Type == "variable" && b.Labels.Count == 1).Select(b => "var." + b.Labels[0].Value).Distinct();
    }

    public IReadOnlyList<TextEdit> InsertTags(IacDocument document, IacResource resource, IReadOnlyList<TagValueSuggestion> tags)
    {
        if (tags.Count == 0 || resource.TagContainer is not { } container) return [];
        var file = Parse(document);
        var text = document.Text;
        var block = file.Body.Blocks.FirstOrDefault(b => b.Type == "resource" && text.RangeOf(b.Span).Start == resource.Range.Start);
        if (block is null) return [];
        var nl = text.NewLine;
        var inner = InnerIndent(text, block);
        if (container.Shape == TagShape.AutoScalingList)
        {
            var sb = new StringBuilder();
            foreach (var t in tags)
                sb.Append(nl).Append(inner).Append("tag {").Append(nl)
                  .Append(inner).Append("  key                 = ").Append(Quote(t.Key)).Append(nl)
                  .Append(inner).Append("  value               = ").Append(Value(t)).Append(nl)
                  .Append(inner).Append("  propagate_at_launch = true").Append(nl)
                  .Append(inner).Append('}');
            return [TextEdit.Insert(BeforeClosingLine(text, block), sb.ToString())];
        }
        if (block.Body.Attribute(container.PropertyName) is { } attribute)
            return IntoExpression(text, attribute.Value, tags, IndentOf(text, attribute.Span.Start)) is { } edit ? [edit] : [];
        var entries = string.Concat(tags.Select(t => $"{nl}{inner}  {Key(t.Key)} = {Value(t)}"));
        return [TextEdit.Insert(BeforeClosingLine(text, block), $"{nl}{inner}{container.PropertyName} = {{{entries}{nl}{inner}}}")];
    }

    /// <summary>Adds the tags to the AWS provider's <c>default_tags</c> in <paramref name="providerDocument"/>.</summary>
    public IReadOnlyList<TextEdit> InsertDefaultTags(IacDocument providerDocument, IReadOnlyList<TagValueSuggestion> tags)
    {
        var file = Parse(providerDocument);
        var text = providerDocument.Text;
        var provider = file.Body.Blocks.FirstOrDefault(b => b.Type == "provider" && b.Label(0) == "aws" && b.Body.Attribute("alias") is null);
        if (provider is null) return [];
        var nl = text.NewLine;
        var inner = InnerIndent(text, provider);
        if (provider.Body.Block("default_tags") is { } defaults)
        {
            if (defaults.Body.Attribute("tags") is { } attribute)
                return IntoExpression(text, attribute.Value, tags, IndentOf(text, attribute.Span.Start)) is { } edit ? [edit] : [];
            var deeper = InnerIndent(text, defaults);
            return [TextEdit.Insert(BeforeClosingLine(text, defaults),
                $"{nl}{deeper}tags = {{{string.Concat(tags.Select(t => $"{nl}{deeper}  {Key(t.Key)} = {Value(t)}"))}{nl}{deeper}}}")];
        }
        var entries = string.Concat(tags.Select(t => $"{nl}{inner}    {Key(t.Key)} = {Value(t)}"));
        return [TextEdit.Insert(BeforeClosingLine(text, provider), $"{nl}{nl}{inner}default_tags {{{nl}{inner}  tags = {{{entries}{nl}{inner}  }}{nl}{inner}}}")];
    }

    public IReadOnlyList<TextEdit> InsertProperty(IacDocument document, IacResource resource, string name, PropertyValue value)
    {
        var text = document.Text;
        var block = Parse(document).Body.Blocks.FirstOrDefault(b => b.Type == "resource" && text.RangeOf(b.Span).Start == resource.Range.Start);
        if (block is null) return [];
        var hcl = value switch
        {
            PropertyValue.TextList l => $"[{string.Join(", ", l.Values.Select(Quote))}]",
            PropertyValue.Number n => n.Value,
            PropertyValue.Text t => Quote(t.Value),
            _ => "null",
        };
        return [TextEdit.Insert(BeforeClosingLine(text, block), $"{text.NewLine}{InnerIndent(text, block)}{name} = {hcl}")];
    }

    public TextEdit? ReplaceValue(IacDocument document, SourceRange valueRange, string value) => new(valueRange, Quote(value));

    public TextEdit? RenameKey(IacDocument document, SourceRange keyRange, string key)
    {
        var old = document.Text.Content[document.Text.OffsetAt(keyRange.Start)..document.Text.OffsetAt(keyRange.End)];
        return new TextEdit(keyRange, old.StartsWith('"') ? Quote(key) : Key(key));
    }

    public TextEdit? IgnoreRule(IacDocument document, IacResource resource, string ruleId)
    {
        int line = resource.Range.Start.Line;
        return TextEdit.Insert(new SourcePosition(line, 0), $"{document.Text.IndentationOf(line)}# finops:ignore {ruleId}{document.Text.NewLine}");
    }

    /// <summary>Adds entries to an object literal, to the last object of <c>merge(…)</c>, or wraps the expression in a merge.</summary>
    private static TextEdit? IntoExpression(SourceText text, HclExpression value, IReadOnlyList<TagValueSuggestion> tags, string attributeIndent)
    {
        var nl = text.NewLine;
        switch (value)
        {
            case ObjectExpression obj:
            {
                var open = text.PositionAt(obj.Span.Start);
                var close = text.PositionAt(obj.Span.End - 1);
                if (obj.Items.Count == 0)
                    return new TextEdit(text.RangeOf(obj.Span), "{ " + string.Join(", ", tags.Select(t => $"{Key(t.Key)} = {Value(t)}")) + " }");
                if (open.Line == close.Line)
                    return TextEdit.Insert(text.PositionAt(obj.Items[^1].Value.Span.End), string.Concat(tags.Select(t => $", {Key(t.Key)} = {Value(t)}")));
                var itemIndent = IndentOf(text, obj.Items[^1].Key.Span.Start);
                var end = text.PositionAt(obj.Items[^1].Value.Span.End);
                var lineEnd = new SourcePosition(end.Line, text.LineText(end.Line).Length);
                return TextEdit.Insert(lineEnd, string.Concat(tags.Select(t => $"{nl}{itemIndent}{Key(t.Key)} = {Value(t)}")));
            }
            case FunctionCallExpression { Name: "merge", Arguments.Count: > 0 } merge when merge.Arguments[^1] is ObjectExpression last:
                return IntoExpression(text, last, tags, attributeIndent);
            case FunctionCallExpression { Name: "merge", Arguments.Count: > 0 } merge:
                return TextEdit.Insert(text.PositionAt(merge.Arguments[^1].Span.End), $", {{ {string.Join(", ", tags.Select(t => $"{Key(t.Key)} = {Value(t)}"))} }}");
            default:
            {
                var original = text.Content[value.Span.Start..value.Span.End];
                return new TextEdit(text.RangeOf(value.Span), $"merge({original}, {{ {string.Join(", ", tags.Select(t => $"{Key(t.Key)} = {Value(t)}"))} }})");
            }
        }
    }

    private static HclFile Parse(IacDocument document) =>
        document.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? HclJsonParser.Parse(document.Text) : HclParser.Parse(document.Text);

    /// <summary>The indentation of a block's contents: its first attribute's, else the block's own plus two spaces.</summary>
    private static string InnerIndent(SourceText text, HclBlock block)
    {
        var first = block.Body.Attributes.Select(a => a.Span.Start).Concat(block.Body.Blocks.Select(b => b.Span.Start)).DefaultIfEmpty(-1).Min();
        return first >= 0 && text.PositionAt(first).Line != text.PositionAt(block.Span.Start).Line
            ? IndentOf(text, first)
            : IndentOf(text, block.Span.Start) + "  ";
    }

    private static string IndentOf(SourceText text, int offset) => text.IndentationOf(text.PositionAt(offset).Line);

    /// <summary>Where a new last line of a block goes: the end of the line before its closing brace.</summary>
    private static SourcePosition BeforeClosingLine(SourceText text, HclBlock block)
    {
        var close = text.PositionAt(block.Span.End - 1);
        var open = text.PositionAt(block.Span.Start);
        if (close.Line == open.Line) return close; // one-line block: insert before "}"
        var line = close.Line - 1;
        return new SourcePosition(line, text.LineText(line).Length);
    }

    private static string Value(TagValueSuggestion t) => t.Reference ?? Quote(t.Literal);

    /// <summary>A key as HCL writes it: bare when it is an identifier, quoted otherwise.</summary>
    private static string Key(string key) => Identifier().IsMatch(key) ? key : Quote(key);

    public static string Quote(string value) => QuotedString.Of(value, escapeTemplates: true);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Identifier();
}
