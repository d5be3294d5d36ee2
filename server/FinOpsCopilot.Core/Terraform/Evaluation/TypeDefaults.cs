using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Fills the attributes a variable's type declares with <c>optional(type, default)</c> when the given value
/// leaves them out, as Terraform does when it converts the value to the type. Other conversions are not modelled.
/// </summary>
internal static class TypeDefaults
{
    public static IacValue Apply(HclExpression type, IacValue value, ExpressionEvaluator ev, int depth = 0)
    {
        if (depth > 32 || type is not FunctionCallExpression { Arguments.Count: 1 } call) return value;
        var inner = call.Arguments[0];
        switch (call.Name)
        {
            case "object" when inner is ObjectExpression attributes && value is MapValue map:
                return Object(attributes, map, ev, depth);
            case "map" when value is MapValue map:
            {
                var entries = new List<MapEntry>(map.Entries.Count);
                foreach (var e in map.Entries) entries.Add(e with { Value = Apply(inner, e.Value, ev, depth + 1) });
                return new MapValue(entries, map.Range);
            }
            case "list" or "set" when value is ListValue list:
            {
                var items = new List<IacValue>(list.Items.Count);
                foreach (var item in list.Items) items.Add(Apply(inner, item, ev, depth + 1));
                return new ListValue(items, list.Range);
            }
            default:
                return value;
        }
    }

    private static IacValue Object(ObjectExpression attributes, MapValue map, ExpressionEvaluator ev, int depth)
    {
        var entries = new List<MapEntry>(map.Entries);
        foreach (var item in attributes.Items)
        {
            if (ev.Key(item.Key, EvalScope.Empty).AsString() is not { } name) continue;
            var optional = item.Value as FunctionCallExpression is { Name: "optional", Arguments.Count: >= 1 } o ? o : null;
            var attributeType = optional?.Arguments[0] ?? item.Value;
            int at = entries.FindIndex(e => e.Key == name);
            if (at >= 0 && entries[at].Value is not NullValue)
            {
                entries[at] = entries[at] with { Value = Apply(attributeType, entries[at].Value, ev, depth + 1) };
                continue;
            }
            if (optional is null) continue;
            IacValue fallback = optional.Arguments.Count > 1 ? ev.Evaluate(optional.Arguments[1], EvalScope.Empty) : new NullValue(map.Range);
            var entry = new MapEntry(name, map.Range, Apply(attributeType, Values.Relocate(fallback, map.Range), ev, depth + 1));
            if (at >= 0) entries[at] = entry;
            else entries.Add(entry);
        }
        return new MapValue(entries, map.Range);
    }
}
