using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Terraform's built-in functions that matter for tags and sizes. A call to any other function, or to a
/// provider function, is an unknown value naming the function: the analysis never guesses a result.
/// </summary>
internal static partial class TerraformFunctions
{
    private delegate IacValue Function(List<IacValue> args, SourceRange range);

    private static readonly Dictionary<string, Function> Table = new(StringComparer.Ordinal)
    {
        ["merge"] = Merge,
        ["lookup"] = Lookup,
        ["concat"] = Concat,
        ["tomap"] = ToMap,
        ["tolist"] = ToList,
        ["toset"] = ToSet,
        ["tostring"] = ToStringValue,
        ["tonumber"] = ToNumber,
        ["tobool"] = ToBool,
        ["format"] = Format,
        ["lower"] = (a, r) => StringFunction(a, r, s => s.ToLowerInvariant()),
        ["upper"] = (a, r) => StringFunction(a, r, s => s.ToUpperInvariant()),
        ["trimspace"] = (a, r) => StringFunction(a, r, s => s.Trim()),
        ["title"] = (a, r) => StringFunction(a, r, Title),
        ["join"] = Join,
        ["split"] = Split,
        ["replace"] = Replace,
        ["substr"] = Substr,
        ["trimprefix"] = (a, r) => StringPair(a, r, (s, p) => s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s),
        ["trimsuffix"] = (a, r) => StringPair(a, r, (s, p) => s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s),
        ["startswith"] = (a, r) => StringTest(a, r, (s, p) => s.StartsWith(p, StringComparison.Ordinal)),
        ["endswith"] = (a, r) => StringTest(a, r, (s, p) => s.EndsWith(p, StringComparison.Ordinal)),
        ["strcontains"] = (a, r) => StringTest(a, r, (s, p) => s.Contains(p, StringComparison.Ordinal)),
        ["coalesce"] = Coalesce,
        ["coalescelist"] = CoalesceList,
        ["length"] = Length,
        ["keys"] = Keys,
        ["values"] = ValuesOf,
        ["element"] = Element,
        ["contains"] = Contains,
        ["jsonencode"] = JsonEncode,
        ["min"] = (a, r) => NumberFold(a, r, Math.Min),
        ["max"] = (a, r) => NumberFold(a, r, Math.Max),
        ["ceil"] = (a, r) => NumberFunction(a, r, Math.Ceiling),
        ["floor"] = (a, r) => NumberFunction(a, r, Math.Floor),
        ["abs"] = (a, r) => NumberFunction(a, r, Math.Abs),
        ["flatten"] = Flatten,
        ["distinct"] = Distinct,
        ["compact"] = Compact,
        ["zipmap"] = ZipMap,
        ["range"] = RangeFunction,
        ["one"] = One,
    };

    /// <summary>The most elements a function may build: doubling a list in a chain of locals must not exhaust memory.</summary>
    private const int MaxElements = 100_000;

    public static IacValue Call(ExpressionEvaluator ev, FunctionCallExpression call, EvalScope scope, SourceRange range)
    {
        switch (call.Name)
        {
            case "try":
                foreach (var arg in call.Arguments)
                {
                    var v = ev.Evaluate(arg, scope);
                    if (!Values.HasError(v)) return v;
                }
                return Values.Error("no argument of try() could be evaluated", range);
            case "can":
            {
                if (call.Arguments.Count != 1) return Values.Error("can() takes one argument", range);
                var v = ev.Evaluate(call.Arguments[0], scope);
                if (Values.HasError(v)) return new BoolValue(false, range);
                return v is UnknownValue u ? Values.Rewrap(u, range) : new BoolValue(true, range);
            }
        }
        if (!Table.TryGetValue(call.Name, out var function))
            return new UnknownValue(call.Name.Contains("::", StringComparison.Ordinal)
                ? $"the result of the provider function {call.Name}(), which is not evaluated"
                : $"the result of {call.Name}(), which is not evaluated", range);
        var args = new List<IacValue>(call.Arguments.Count);
        foreach (var arg in call.Arguments) args.Add(ev.Evaluate(arg, scope));
        if (call.ExpandFinal && args.Count > 0)
        {
            var last = args[^1];
            args.RemoveAt(args.Count - 1);
            switch (last)
            {
                case ListValue list: args.AddRange(list.Items); break;
                case UnknownValue u: return Values.Rewrap(u, range);
                default: return Values.Error("only a list can be expanded with '...'", range);
            }
        }
        foreach (var a in args)
            if (a is UnknownValue u) return Values.Rewrap(u, range);
        return function(args, range);
    }

    private static IacValue ArgumentCount(string name, SourceRange range) => Values.Error($"wrong number of arguments to {name}()", range);

    // ---- collections ----

    private static IacValue Merge(List<IacValue> args, SourceRange range)
    {
        var entries = new List<MapEntry>();
        foreach (var a in args)
        {
            if (a is NullValue) continue;
            if (a is not MapValue m) return Values.Error($"merge() takes maps, not a {Values.KindOf(a)}", range);
            entries.AddRange(m.Entries);
        }
        return Values.MapOf(entries, range);
    }

    private static IacValue Lookup(List<IacValue> args, SourceRange range)
    {
        if (args.Count is < 2 or > 3) return ArgumentCount("lookup", range);
        if (args[0] is not MapValue m) return Values.Error("lookup() takes a map", range);
        if (Values.AsText(args[1]) is not { } key) return Values.Error("lookup() takes a string key", range);
        if (m.Entry(key) is { } e) return e.Value;
        return args.Count == 3 ? args[2] : Values.Error($"lookup() found no key '{key}' and has no default", range);
    }

    private static IacValue Concat(List<IacValue> args, SourceRange range)
    {
        var items = new List<IacValue>();
        foreach (var a in args)
        {
            if (a is not ListValue l) return Values.Error("concat() takes lists", range);
            if (items.Count + l.Items.Count > MaxElements) return Values.Error("concat() would build too long a list", range);
            items.AddRange(l.Items);
        }
        return new ListValue(items, range);
    }

    private static IacValue ToMap(List<IacValue> args, SourceRange range) =>
        args is [MapValue m] ? m : args is [NullValue n] ? n : Values.Error("tomap() takes one map", range);

    private static IacValue ToList(List<IacValue> args, SourceRange range) =>
        args is [ListValue l] ? l : args is [NullValue n] ? n : Values.Error("tolist() takes one list or set", range);

    private static IacValue ToSet(List<IacValue> args, SourceRange range)
    {
        if (args is [NullValue n]) return n;
        if (args is not [ListValue l]) return Values.Error("toset() takes one list", range);
        return SetOf(l.Items, range);
    }

    /// <summary>A set: distinct elements; strings in lexical order, as Terraform iterates sets of strings.</summary>
    public static ListValue SetOf(IReadOnlyList<IacValue> items, SourceRange range)
    {
        var distinct = DistinctItems(items);
        bool allStrings = true;
        foreach (var item in distinct)
            if (item is not StringValue) { allStrings = false; break; }
        if (allStrings) distinct.Sort(static (a, b) => string.CompareOrdinal(((StringValue)a).Value, ((StringValue)b).Value));
        return new ListValue(distinct, range);
    }

    private static List<IacValue> DistinctItems(IReadOnlyList<IacValue> items)
    {
        var result = new List<IacValue>(items.Count);
        foreach (var item in items)
            if (!result.Exists(x => Values.DeepEquals(x, item))) result.Add(item);
        return result;
    }

    private static IacValue Distinct(List<IacValue> args, SourceRange range) =>
        args is [ListValue l] ? new ListValue(DistinctItems(l.Items), range) : Values.Error("distinct() takes one list", range);

    private static IacValue Coalesce(List<IacValue> args, SourceRange range)
    {
        foreach (var a in args)
            if (a is not NullValue && !(a is StringValue { Value: "" })) return a;
        return Values.Error("coalesce() found no non-null, non-empty argument", range);
    }

    private static IacValue CoalesceList(List<IacValue> args, SourceRange range)
    {
        foreach (var a in args)
            if (a is ListValue { Items.Count: > 0 }) return a;
        return new ListValue([], range);
    }

    private static IacValue Length(List<IacValue> args, SourceRange range) => args switch
    {
        [StringValue s] => Values.Number(new System.Globalization.StringInfo(s.Value).LengthInTextElements, range),
        [ListValue l] => Values.Number(l.Items.Count, range),
        [MapValue m] => Values.Number(m.Entries.Count, range),
        _ => Values.Error("length() takes a string, list or map", range),
    };

    private static IacValue Keys(List<IacValue> args, SourceRange range)
    {
        if (args is not [MapValue m]) return Values.Error("keys() takes a map", range);
        var items = new List<IacValue>(m.Entries.Count);
        foreach (var e in Values.SortedEntries(m)) items.Add(new StringValue(e.Key, e.KeyRange));
        return new ListValue(items, range);
    }

    private static IacValue ValuesOf(List<IacValue> args, SourceRange range)
    {
        if (args is not [MapValue m]) return Values.Error("values() takes a map", range);
        var items = new List<IacValue>(m.Entries.Count);
        foreach (var e in Values.SortedEntries(m)) items.Add(e.Value);
        return new ListValue(items, range);
    }

    private static IacValue Element(List<IacValue> args, SourceRange range)
    {
        if (args is not [ListValue l, var index] || !Values.TryNumber(index, out var d)) return Values.Error("element() takes a list and an index", range);
        if (l.Items.Count == 0) return Values.Error("element() cannot use an empty list", range);
        if (d < 0) return Values.Error("element() takes a non-negative index", range);
        return l.Items[(int)(Math.Floor(d) % l.Items.Count)];
    }

    private static IacValue Contains(List<IacValue> args, SourceRange range)
    {
        if (args is not [ListValue l, var value]) return Values.Error("contains() takes a list and a value", range);
        foreach (var item in l.Items)
            if (Values.DeepEquals(item, value)) return new BoolValue(true, range);
        if ((Values.FindUnknown(l) ?? Values.FindUnknown(value)) is { } u) return Values.Rewrap(u, range);
        return new BoolValue(false, range);
    }

    private static IacValue Flatten(List<IacValue> args, SourceRange range)
    {
        if (args is not [ListValue l]) return Values.Error("flatten() takes a list", range);
        var items = new List<IacValue>();
        void Add(IacValue v, int depth)
        {
            if (items.Count > MaxElements) return;
            if (v is ListValue inner && depth < 64) foreach (var i in inner.Items) Add(i, depth + 1);
            else items.Add(v);
        }
        foreach (var item in l.Items) Add(item, 0);
        return items.Count > MaxElements ? Values.Error("flatten() would build too long a list", range) : new ListValue(items, range);
    }

    private static IacValue Compact(List<IacValue> args, SourceRange range)
    {
        if (args is not [ListValue l]) return Values.Error("compact() takes a list", range);
        var items = new List<IacValue>();
        foreach (var item in l.Items)
        {
            if (item is UnknownValue u) return Values.Rewrap(u, range);
            if (item is not NullValue && !(item is StringValue { Value: "" })) items.Add(item);
        }
        return new ListValue(items, range);
    }

    private static IacValue ZipMap(List<IacValue> args, SourceRange range)
    {
        if (args is not [ListValue keys, ListValue values] || keys.Items.Count != values.Items.Count)
            return Values.Error("zipmap() takes two lists of the same length", range);
        var entries = new List<MapEntry>(keys.Items.Count);
        for (int i = 0; i < keys.Items.Count; i++)
        {
            if (keys.Items[i] is UnknownValue u) return Values.Rewrap(u, range);
            if (Values.AsText(keys.Items[i]) is not { } k) return Values.Error("zipmap() keys must be strings", range);
            entries.Add(new MapEntry(k, keys.Items[i].Range, values.Items[i]));
        }
        return Values.MapOf(entries, range);
    }

    private static IacValue RangeFunction(List<IacValue> args, SourceRange range)
    {
        double start = 0, step = 1, limit;
        var numbers = new double[args.Count];
        for (int i = 0; i < args.Count; i++)
            if (!Values.TryNumber(args[i], out numbers[i])) return Values.Error("range() takes numbers", range);
        switch (numbers.Length)
        {
            case 1: limit = numbers[0]; break;
            case 2: start = numbers[0]; limit = numbers[1]; break;
            case 3: start = numbers[0]; limit = numbers[1]; step = numbers[2]; break;
            default: return ArgumentCount("range", range);
        }
        if (step == 0 || (limit - start) / step > 1024) return Values.Error("range() would make too many elements", range);
        var items = new List<IacValue>();
        for (double x = start; step > 0 ? x < limit : x > limit; x += step) items.Add(Values.Number(x, range));
        return new ListValue(items, range);
    }

    private static IacValue One(List<IacValue> args, SourceRange range) => args switch
    {
        [ListValue { Items.Count: 0 }] => new NullValue(range),
        [ListValue { Items: [var only] }] => only,
        _ => Values.Error("one() takes a list of zero or one element", range),
    };
}
