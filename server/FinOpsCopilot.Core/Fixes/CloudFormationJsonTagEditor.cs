using System.Text.Encodings.Web;
using System.Text.Json;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// Tag edits for CloudFormation JSON that keep the file valid JSON and its formatting: a multi-line array or object
/// gets a new line at the indentation of its last element; a one-line one stays on one line.
/// </summary>
public sealed class CloudFormationJsonTagEditor : ITagEditor, IPropertyEditor
{
    public static readonly CloudFormationJsonTagEditor Instance = new();

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IEnumerable<string> ParameterNames(IacDocument document) => CloudFormationSyntax.ParameterNames(document);

    public IReadOnlyList<TextEdit> InsertTags(IacDocument document, IacResource resource, IReadOnlyList<TagValueSuggestion> tags)
    {
        if (tags.Count == 0 || resource.TagContainer is not { } container) return [];
        if (CloudFormationSyntax.ResourceBody(document, resource) is not { } body) return [];
        var text = document.Text;
        bool list = container.Shape != TagShape.Map;
        bool asg = container.Shape == TagShape.AutoScalingList;
        var items = tags.Select(t => list ? Item(t, asg) : $"{Str(t.Key)}: {Value(t)}").ToList();
        var properties = body.Find("Properties");

        if (properties?.Value is TemplateMapping props)
        {
            if (props.Find(container.PropertyName)?.Value is { } tagsNode)
            {
                return tagsNode switch
                {
                    TemplateSequence seq when list => [Append(text, seq, seq.Items.Select(i => i.Span).ToList(), items)],
                    TemplateMapping map when !list => [Append(text, map, map.Entries.Select(e => new SourceSpan(e.Key.Span.Start, e.Value.Span.End)).ToList(), items)],
                    _ => [],
                };
            }
            var entries = props.Entries.Select(e => new SourceSpan(e.Key.Span.Start, e.Value.Span.End)).ToList();
            return [Append(text, props, entries, [$"{Str(container.PropertyName)}: {Wrap(items, list)}"])];
        }
        if (properties is not null) return [];
        var bodyEntries = body.Entries.Select(e => new SourceSpan(e.Key.Span.Start, e.Value.Span.End)).ToList();
        return [Append(text, body, bodyEntries, [$"\"Properties\": {{ {Str(container.PropertyName)}: {Wrap(items, list)} }}"])];
    }

    public IReadOnlyList<TextEdit> InsertProperty(IacDocument document, IacResource resource, string name, PropertyValue value)
    {
        if (CloudFormationSyntax.ResourceBody(document, resource) is not { } body) return [];
        var json = value switch
        {
            PropertyValue.TextList l => $"[ {string.Join(", ", l.Values.Select(Str))} ]",
            PropertyValue.Number n => n.Value,
            PropertyValue.Text t => Str(t.Value),
            _ => "null",
        };
        static List<SourceSpan> Members(TemplateMapping m) => m.Entries.Select(e => new SourceSpan(e.Key.Span.Start, e.Value.Span.End)).ToList();
        return body.Find("Properties")?.Value switch
        {
            TemplateMapping props => [Append(document.Text, props, Members(props), [$"{Str(name)}: {json}"])],
            null => [Append(document.Text, body, Members(body), [$"\"Properties\": {{ {Str(name)}: {json} }}"])],
            _ => [],
        };
    }

    public TextEdit? ReplaceValue(IacDocument document, SourceRange valueRange, string value) => new(valueRange, Str(value));

    public TextEdit? RenameKey(IacDocument document, SourceRange keyRange, string key) => new(keyRange, Str(key));

    /// <summary>JSON has no comments: the rule goes into the resource's <c>Metadata.finops.ignore</c> list.</summary>
    public TextEdit? IgnoreRule(IacDocument document, IacResource resource, string ruleId)
    {
        if (CloudFormationSyntax.ResourceBody(document, resource) is not { } body) return null;
        var text = document.Text;
        static List<SourceSpan> Members(TemplateMapping m) => m.Entries.Select(e => new SourceSpan(e.Key.Span.Start, e.Value.Span.End)).ToList();
        var metadata = body["Metadata"];
        if (metadata is null)
            return Append(text, body, Members(body), [$"\"Metadata\": {{ \"finops\": {{ \"ignore\": [ {Str(ruleId)} ] }} }}"]);
        if (metadata is not TemplateMapping metadataMap) return null;
        var finops = metadataMap["finops"];
        if (finops is null)
            return Append(text, metadataMap, Members(metadataMap), [$"\"finops\": {{ \"ignore\": [ {Str(ruleId)} ] }}"]);
        if (finops is TemplateMapping finopsMap && finopsMap["ignore"] is TemplateSequence list)
            return Append(text, list, list.Items.Select(i => i.Span).ToList(), [Str(ruleId)]);
        return null;
    }

    /// <summary>Adds members after the last one of an array or object, matching its layout.</summary>
    private static TextEdit Append(SourceText text, TemplateNode container, IReadOnlyList<SourceSpan> members, IReadOnlyList<string> added)
    {
        var open = text.PositionAt(container.Span.Start);
        if (members.Count == 0)
            return TextEdit.Insert(text.PositionAt(container.Span.Start + 1), " " + string.Join(", ", added) + " ");
        var last = members[^1];
        var lastStart = text.PositionAt(last.Start);
        if (lastStart.Line == open.Line)
            return TextEdit.Insert(text.PositionAt(last.End), ", " + string.Join(", ", added));
        var indent = text.IndentationOf(lastStart.Line);
        var nl = text.NewLine;
        return TextEdit.Insert(text.PositionAt(last.End), string.Concat(added.Select(a => "," + nl + indent + a)));
    }

    private static string Wrap(IReadOnlyList<string> items, bool list) =>
        list ? $"[ {string.Join(", ", items)} ]" : $"{{ {string.Join(", ", items)} }}";

    private static string Item(TagValueSuggestion t, bool asg) =>
        $"{{ \"Key\": {Str(t.Key)}, \"Value\": {Value(t)}{(asg ? ", \"PropagateAtLaunch\": true" : "")} }}";

    private static string Value(TagValueSuggestion t) => t.Reference is { } r ? $"{{ \"Ref\": {Str(r)} }}" : Str(t.Literal);

    private static string Str(string s) => JsonSerializer.Serialize(s, Options);
}
