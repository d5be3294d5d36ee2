using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Evaluates a block body into a map: each argument by name, each nested block type as a list of maps (one per
/// block, in order), <c>dynamic</c> blocks expanded over their <c>for_each</c> with their iterator bound.
/// Meta-arguments (<c>count</c>, <c>for_each</c>, <c>provider</c>, <c>depends_on</c>, <c>lifecycle</c>…) are left out.
/// </summary>
internal static class BodyProperties
{
    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal) { "count", "for_each", "provider", "depends_on" };
    private static readonly HashSet<string> MetaBlocks = new(StringComparer.Ordinal) { "lifecycle", "provisioner", "connection" };

    public static MapValue Evaluate(HclBody body, ExpressionEvaluator ev, EvalScope scope, bool resourceBody, int depth = 0)
    {
        var entries = new List<MapEntry>(body.Attributes.Count + body.Blocks.Count);
        foreach (var a in body.Attributes)
        {
            if (resourceBody && MetaArguments.Contains(a.Name)) continue;
            entries.Add(new MapEntry(a.Name, ev.Text.RangeOf(a.NameSpan), ev.Evaluate(a.Value, scope)));
        }
        if (depth < 32) AddBlocks(body, ev, scope, resourceBody, depth, entries);
        return new MapValue(entries, ev.Text.RangeOf(body.Span));
    }

    private static void AddBlocks(HclBody body, ExpressionEvaluator ev, EvalScope scope, bool resourceBody, int depth, List<MapEntry> entries)
    {
        Dictionary<string, (MapEntry Entry, List<IacValue> Items)>? groups = null;
        foreach (var block in body.Blocks)
        {
            if (resourceBody && MetaBlocks.Contains(block.Type)) continue;
            bool dynamic = block.Type == "dynamic" && block.Labels.Count == 1;
            var type = dynamic ? block.Labels[0].Value : block.Type;
            groups ??= new Dictionary<string, (MapEntry, List<IacValue>)>(StringComparer.Ordinal);
            if (!groups.TryGetValue(type, out var group))
            {
                var items = new List<IacValue>();
                var entry = new MapEntry(type, ev.Text.RangeOf(dynamic ? block.Labels[0].Span : block.TypeSpan), new ListValue(items, ev.Text.RangeOf(block.Span)));
                groups[type] = group = (entry, items);
                entries.Add(entry);
            }
            if (dynamic) ExpandDynamic(block, type, ev, scope, depth, group.Items);
            else group.Items.Add(Evaluate(block.Body, ev, scope, resourceBody: false, depth + 1));
        }
    }

    private static void ExpandDynamic(HclBlock block, string type, ExpressionEvaluator ev, EvalScope scope, int depth, List<IacValue> into)
    {
        var range = ev.Text.RangeOf(block.Span);
        var content = block.Body.Block("content");
        if (content is null || block.Body.Attribute("for_each") is not { } forEach)
        {
            into.Add(Values.Error("a dynamic block needs for_each and content", range));
            return;
        }
        var iterator = block.Body.Attribute("iterator")?.Value is VariableExpression v ? v.Name : type;
        var elements = new List<(IacValue Key, IacValue Value)>();
        var collection = ev.Evaluate(forEach.Value, scope);
        if (ExpressionEvaluator.Iterate(collection, range, elements) is { } unknown)
        {
            into.Add(new UnknownValue($"the {type} blocks come from {unknown.Reason}", range));
            return;
        }
        foreach (var (key, value) in elements)
        {
            var it = InstanceExpansion.Object(("key", key), ("value", value));
            into.Add(Evaluate(content.Body, ev, scope.With(iterator, it), resourceBody: false, depth + 1));
        }
    }
}
