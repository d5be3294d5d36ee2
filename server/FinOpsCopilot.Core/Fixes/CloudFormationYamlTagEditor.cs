using System.Text;
using System.Text.RegularExpressions;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Tag edits for CloudFormation YAML. New tags follow the style already there: block or flow lists and maps, the
/// indentation of existing items, <c>!Ref</c> to a parameter named like the key. Insertions go after the end of a
/// line, so trailing comments stay with the line they explain.
/// </summary>
public sealed partial class CloudFormationYamlTagEditor : ITagEditor, IPropertyEditor
{
    public static readonly CloudFormationYamlTagEditor Instance = new();

    public IEnumerable<string> ParameterNames(IacDocument document) => CloudFormationSyntax.ParameterNames(document);

    public IReadOnlyList<TextEdit> InsertTags(IacDocument document, IacResource resource, IReadOnlyList<TagValueSuggestion> tags)
    {
        if (tags.Count == 0 || resource.TagContainer is not { } container) return [];
        if (CloudFormationSyntax.ResourceBody(document, resource) is not { } body) return [];
        var text = document.Text;
        bool list = container.Shape != TagShape.Map;
        bool asg = container.Shape == TagShape.AutoScalingList;
        var nl = text.NewLine;
        var properties = body.Find("Properties");

        if (properties?.Value is TemplateMapping props && props.Find(container.PropertyName) is { } tagsEntry)
        {
            var node = tagsEntry.Value;
            if (!Inside(node, body)) return []; // an alias: editing it would change every user of the anchor
            if (IsFlow(text, node))
                return [FlowInsert(text, node, tags.Select(t => list ? FlowItem(t, asg) : $"{Key(t.Key)}: {Value(t)}"))];
            if (node is TemplateSequence { Items.Count: > 0 } seq && list)
            {
                var first = seq.Items[0];
                int dash = DashColumn(text, first);
                int keyCol = text.PositionAt(first.Span.Start).Character;
                bool flowItems = IsFlow(text, first);
                var sb = new StringBuilder();
                foreach (var t in tags)
                    sb.Append(nl).Append(' ', dash).Append("- ").Append(flowItems ? FlowItem(t, asg) : BlockItem(t, asg, nl, keyCol));
                return [TextEdit.Insert(EndOfLine(text, seq.Span.End), sb.ToString())];
            }
            if (node is TemplateMapping { Entries.Count: > 0 } map && !list)
            {
                int col = text.PositionAt(map.Entries[0].Key.Span.Start).Character;
                var sb = new StringBuilder();
                foreach (var t in tags) sb.Append(nl).Append(' ', col).Append(Key(t.Key)).Append(": ").Append(Value(t));
                return [TextEdit.Insert(EndOfLine(text, map.Span.End), sb.ToString())];
            }
            // "Tags:" with an empty value: put the new tags under the key.
            int tagsCol = text.PositionAt(tagsEntry.Key.Span.Start).Character;
            return [new TextEdit(text.RangeOf(tagsEntry.Key.Span.End, Math.Max(tagsEntry.Key.Span.End, node.Span.End)),
                ":" + BlockItems(tags, list, asg, nl, tagsCol + 2))];
        }

        if (properties?.Value is TemplateMapping propsMap)
        {
            if (!Inside(propsMap, body)) return [];
            if (IsFlow(text, propsMap))
                return [FlowInsert(text, propsMap, [$"{container.PropertyName}: {FlowTags(tags, list, asg)}"])];
            if (propsMap.Entries.Count > 0)
            {
                int col = text.PositionAt(propsMap.Entries[0].Key.Span.Start).Character;
                return [TextEdit.Insert(EndOfLine(text, propsMap.Span.End), nl + BlockTags(tags, list, asg, nl, col, container.PropertyName))];
            }
        }

        int typeCol = text.PositionAt(body.Entries[0].Key.Span.Start).Character;
        if (IsFlow(text, body))
            return [FlowInsert(text, body, [$"Properties: {{{container.PropertyName}: {FlowTags(tags, list, asg)}}}"])];
        if (properties is not null)
        {
            // "Properties:" with an empty value.
            return [new TextEdit(text.RangeOf(properties.Key.Span.End, Math.Max(properties.Key.Span.End, properties.Value.Span.End)),
                ":" + nl + BlockTags(tags, list, asg, nl, typeCol + 2, container.PropertyName))];
        }
        return [TextEdit.Insert(EndOfLine(text, body.Span.End),
            nl + new string(' ', typeCol) + "Properties:" + nl + BlockTags(tags, list, asg, nl, typeCol + 2, container.PropertyName))];
    }

    public IReadOnlyList<TextEdit> InsertProperty(IacDocument document, IacResource resource, string name, PropertyValue value)
    {
        if (CloudFormationSyntax.ResourceBody(document, resource) is not { } body) return [];
        var text = document.Text;
        var nl = text.NewLine;
        var yaml = value switch
        {
            PropertyValue.TextList l => $"[{string.Join(", ", l.Values.Select(Scalar))}]",
            PropertyValue.Number n => n.Value,
            PropertyValue.Text t => Scalar(t.Value),
            _ => "",
        };
        var properties = body.Find("Properties");
        if (properties?.Value is TemplateMapping props && Inside(props, body))
        {
            if (IsFlow(text, props)) return [FlowInsert(text, props, [$"{name}: {yaml}"])];
            if (props.Entries.Count > 0)
            {
                int col = text.PositionAt(props.Entries[0].Key.Span.Start).Character;
                return [TextEdit.Insert(EndOfLine(text, props.Span.End), $"{nl}{new string(' ', col)}{name}: {yaml}")];
            }
        }
        if (properties is not null || body.Entries.Count == 0 || IsFlow(text, body)) return [];
        int typeCol = text.PositionAt(body.Entries[0].Key.Span.Start).Character;
        return [TextEdit.Insert(EndOfLine(text, body.Span.End), $"{nl}{new string(' ', typeCol)}Properties:{nl}{new string(' ', typeCol + 2)}{name}: {yaml}")];
    }

    public TextEdit? ReplaceValue(IacDocument document, SourceRange valueRange, string value) => new(valueRange, Scalar(value));

    public TextEdit? RenameKey(IacDocument document, SourceRange keyRange, string key) => new(keyRange, Scalar(key));

    public TextEdit? IgnoreRule(IacDocument document, IacResource resource, string ruleId)
    {
        int line = resource.NameRange.Start.Line;
        var indent = document.Text.IndentationOf(line);
        return TextEdit.Insert(new SourcePosition(line, 0), $"{indent}# finops:ignore {ruleId}{document.Text.NewLine}");
    }

    /// <summary>The tags as a block: "Tags:" then list items or map entries, each line indented from <paramref name="col"/>.</summary>
    private static string BlockTags(IReadOnlyList<TagValueSuggestion> tags, bool list, bool asg, string nl, int col, string property) =>
        new string(' ', col) + property + ":" + BlockItems(tags, list, asg, nl, col + 2);

    /// <summary>One line per tag (each starting with a line break) at column <paramref name="col"/>.</summary>
    private static string BlockItems(IReadOnlyList<TagValueSuggestion> tags, bool list, bool asg, string nl, int col)
    {
        var sb = new StringBuilder();
        foreach (var t in tags)
        {
            sb.Append(nl).Append(' ', col);
            if (list) sb.Append("- ").Append(BlockItem(t, asg, nl, col + 2));
            else sb.Append(Key(t.Key)).Append(": ").Append(Value(t));
        }
        return sb.ToString();
    }

    private static string FlowTags(IReadOnlyList<TagValueSuggestion> tags, bool list, bool asg) => list
        ? $"[{string.Join(", ", tags.Select(t => FlowItem(t, asg)))}]"
        : $"{{{string.Join(", ", tags.Select(t => $"{Key(t.Key)}: {Value(t)}"))}}}";

    private static string BlockItem(TagValueSuggestion t, bool asg, string nl, int keyCol)
    {
        var pad = new string(' ', keyCol);
        var item = $"Key: {Scalar(t.Key)}{nl}{pad}Value: {Value(t)}";
        return asg ? item + $"{nl}{pad}PropagateAtLaunch: true" : item;
    }

    private static string FlowItem(TagValueSuggestion t, bool asg) =>
        $"{{Key: {Scalar(t.Key)}, Value: {Value(t)}{(asg ? ", PropagateAtLaunch: true" : "")}}}";

    private static string Value(TagValueSuggestion t) => t.Reference is { } r ? $"!Ref {r}" : Scalar(t.Literal);

    private static string Key(string key) => Scalar(key);

    /// <summary>A YAML scalar: plain when that reads back as the same string, otherwise double-quoted.</summary>
    public static string Scalar(string value)
    {
        if (value.Length > 0 && PlainSafe().IsMatch(value) && !Special().IsMatch(value)) return value;
        return QuotedString.Of(value);
    }

    private static TextEdit FlowInsert(SourceText text, TemplateNode collection, IEnumerable<string> items)
    {
        var joined = string.Join(", ", items);
        int count = collection switch { TemplateSequence s => s.Items.Count, TemplateMapping m => m.Entries.Count, _ => 0 };
        if (count == 0) return TextEdit.Insert(text.PositionAt(collection.Span.Start + 1), joined);
        int lastEnd = collection switch
        {
            TemplateSequence s => s.Items[^1].Span.End,
            TemplateMapping m => m.Entries[^1].Value.Span.End,
            _ => collection.Span.End - 1,
        };
        return TextEdit.Insert(text.PositionAt(lastEnd), ", " + joined);
    }

    private static bool IsFlow(SourceText text, TemplateNode node) =>
        node.Span.Start < text.Length && text.Content[node.Span.Start] is '[' or '{';

    private static bool Inside(TemplateNode node, TemplateNode container) =>
        node.Span.Start >= container.Span.Start && node.Span.End <= container.Span.End;

    private static int DashColumn(SourceText text, TemplateNode item)
    {
        var pos = text.PositionAt(item.Span.Start);
        var line = text.LineText(pos.Line);
        int dash = line.LastIndexOf('-', Math.Max(0, Math.Min(pos.Character, line.Length) - 1));
        return dash >= 0 ? dash : Math.Max(0, pos.Character - 2);
    }

    /// <summary>The end of the line holding <paramref name="offset"/> (before its line break), past any comment.</summary>
    private static SourcePosition EndOfLine(SourceText text, int offset)
    {
        var pos = text.PositionAt(Math.Max(0, offset - (offset > 0 && offset <= text.Length && text.Content[offset - 1] == '\n' ? 1 : 0)));
        return new SourcePosition(pos.Line, text.LineText(pos.Line).Length);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./@][A-Za-z0-9_./@ +=-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|~|y|n|[-+]?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F]+|\.inf|\.nan)$|\s$|:", RegexOptions.IgnoreCase)]
    private static partial Regex Special();
}
