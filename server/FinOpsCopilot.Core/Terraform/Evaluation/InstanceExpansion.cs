using System.Text;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>One instance of a resource or module block: its address key (<c>""</c>, <c>[0]</c>, <c>["a"]</c>) and the scope binding count or each.</summary>
internal readonly record struct BlockInstance(string Key, EvalScope Scope);

/// <summary>
/// Expands <c>count</c> and <c>for_each</c> into instances, as Terraform does. When the count or the collection
/// is unknown, one representative instance with the key <c>[*]</c> stands for all of them, its
/// <c>count.index</c>/<c>each</c> unknown: the block is still checked, nothing is guessed about how many there are.
/// </summary>
internal static class InstanceExpansion
{
    public const string UnknownKey = "[*]";

    /// <summary>Instances beyond this many are not analysed (a count of a million is a typo or an attack).</summary>
    public const int MaxInstances = 10_000;

    public static List<BlockInstance> Expand(HclBody body, ExpressionEvaluator ev, EvalScope scope)
    {
        if (body.Attribute("count") is { } countAttr)
        {
            var count = ev.Evaluate(countAttr.Value, scope);
            if (count is NullValue) return [new BlockInstance("", scope)];
            if (!Values.TryNumber(count, out var n) || n < 0 || n != Math.Floor(n))
            {
                var reason = count is UnknownValue u ? u.Reason : "count is not a whole number";
                return [new BlockInstance(UnknownKey, scope.With("count", Object(("index", new UnknownValue(reason, count.Range)))))];
            }
            var result = new List<BlockInstance>((int)Math.Min(n, MaxInstances));
            for (int i = 0; i < n && i < MaxInstances; i++)
                result.Add(new BlockInstance($"[{i}]", scope.With("count", Object(("index", Values.Number(i, count.Range))))));
            return result;
        }
        if (body.Attribute("for_each") is { } forEachAttr)
        {
            var collection = ev.Evaluate(forEachAttr.Value, scope);
            var result = new List<BlockInstance>();
            switch (collection)
            {
                case MapValue map:
                    foreach (var e in Values.SortedEntries(map))
                    {
                        if (result.Count >= MaxInstances) break;
                        result.Add(new BlockInstance(KeyOf(e.Key), scope.With("each", Object(("key", new StringValue(e.Key, e.KeyRange)), ("value", e.Value)))));
                    }
                    return result;
                case ListValue set when AllKnownStrings(set):
                    foreach (var item in TerraformFunctions.SetOf(set.Items, set.Range).Items)
                    {
                        if (result.Count >= MaxInstances) break;
                        result.Add(new BlockInstance(KeyOf(item.AsString()!), scope.With("each", Object(("key", item), ("value", item)))));
                    }
                    return result;
                case NullValue:
                    return result;
                default:
                {
                    var reason = collection is UnknownValue u ? u.Reason
                        : Values.FindUnknown(collection)?.Reason ?? "for_each is not a map or a set of strings";
                    var unknown = new UnknownValue(reason, collection.Range);
                    return [new BlockInstance(UnknownKey, scope.With("each", Object(("key", unknown), ("value", unknown))))];
                }
            }
        }
        return [new BlockInstance("", scope)];
    }

    private static bool AllKnownStrings(ListValue list)
    {
        foreach (var item in list.Items)
            if (item is not (StringValue or NumberValue)) return false;
        return true;
    }

    public static MapValue Object(params (string Key, IacValue Value)[] entries)
    {
        var list = new List<MapEntry>(entries.Length);
        foreach (var (k, v) in entries) list.Add(new MapEntry(k, v.Range, v));
        return new MapValue(list, entries.Length > 0 ? entries[0].Value.Range : default);
    }

    /// <summary>The address key of a for_each instance: <c>["name"]</c>, quoted as Terraform quotes it.</summary>
    public static string KeyOf(string key)
    {
        var sb = new StringBuilder(key.Length + 4).Append("[\"");
        foreach (char c in key)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append("\"]").ToString();
    }
}
