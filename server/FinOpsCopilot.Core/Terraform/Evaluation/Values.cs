using System.Globalization;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Operations on evaluated values. Evaluation errors (a missing attribute, a wrong type) are unknown values
/// whose reason starts with <see cref="ErrorPrefix"/>, so they never escape as exceptions, count as "cannot
/// judge" for rules, and still let <c>try()</c> and <c>can()</c> tell an error from a value known only at apply time.
/// </summary>
internal static class Values
{
    public const string ErrorPrefix = "invalid: ";

    public static UnknownValue Error(string message, SourceRange range) => new(ErrorPrefix + message, range);

    public static bool IsError(IacValue v) => v is UnknownValue u && u.Reason.StartsWith(ErrorPrefix, StringComparison.Ordinal);

    /// <summary>Whether evaluating the value failed anywhere inside it, as <c>try()</c> and <c>can()</c> see it.</summary>
    public static bool HasError(IacValue v)
    {
        int budget = MaxVisits;
        return HasError(v, ref budget);
    }

    private static bool HasError(IacValue v, ref int budget)
    {
        if (--budget < 0) return false;
        switch (v)
        {
            case UnknownValue: return IsError(v);
            case ListValue l:
                foreach (var item in l.Items)
                    if (HasError(item, ref budget)) return true;
                return false;
            case MapValue m:
                foreach (var e in m.Entries)
                    if (HasError(e.Value, ref budget)) return true;
                return false;
            default: return false;
        }
    }

    public static StringValue String(string s, SourceRange range) => new(s, range);

    public static NumberValue Number(double d, SourceRange range) => new(d, FormatNumber(d), range);

    public static string FormatNumber(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    public static bool TryNumber(IacValue v, out double d)
    {
        switch (v)
        {
            case NumberValue n: d = n.Value; return true;
            case StringValue s: return double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
            default: d = 0; return false;
        }
    }

    /// <summary>The value as a template or string argument: strings, numbers and bools convert; null and collections do not.</summary>
    public static string? AsText(IacValue v) => v switch
    {
        StringValue s => s.Value,
        NumberValue n => n.Text,
        BoolValue b => b.Value ? "true" : "false",
        _ => null,
    };

    public static bool? AsBool(IacValue v) => v switch
    {
        BoolValue b => b.Value,
        StringValue { Value: "true" } => true,
        StringValue { Value: "false" } => false,
        _ => null,
    };

    /// <summary>The first unknown value found in <paramref name="v"/> or its elements, if any.</summary>
    public static UnknownValue? FindUnknown(IacValue v)
    {
        int budget = MaxVisits;
        return FindUnknown(v, ref budget);
    }

    /// <summary>Values visited by one walk: shared sub-values can make a small configuration a huge tree.</summary>
    private const int MaxVisits = 100_000;

    private static UnknownValue? FindUnknown(IacValue v, ref int budget)
    {
        if (--budget < 0) return new UnknownValue("a value too large to inspect", v.Range);
        switch (v)
        {
            case UnknownValue u: return u;
            case ListValue l:
                foreach (var item in l.Items)
                    if (FindUnknown(item, ref budget) is { } u1) return u1;
                return null;
            case MapValue m:
                foreach (var e in m.Entries)
                    if (FindUnknown(e.Value, ref budget) is { } u2) return u2;
                return null;
            default: return null;
        }
    }

    /// <summary>Propagates an unknown value to a new place, keeping its reason.</summary>
    public static UnknownValue Rewrap(UnknownValue u, SourceRange range) => u.Range == range ? u : new UnknownValue(u.Reason, range);

    public static IacValue GetAttribute(IacValue source, string name, SourceRange range) => source switch
    {
        UnknownValue u => Rewrap(u, range),
        MapValue m => m.Entry(name)?.Value ?? Error($"there is no attribute '{name}'", range),
        NullValue => Error($"cannot read '{name}' of null", range),
        ListValue => Error($"cannot read attribute '{name}' of a list; use an index or a splat", range),
        _ => Error($"cannot read attribute '{name}' of a {KindOf(source)}", range),
    };

    public static IacValue Index(IacValue source, IacValue key, SourceRange range)
    {
        if (source is UnknownValue u) return Rewrap(u, range);
        if (key is UnknownValue k) return Rewrap(k, range);
        switch (source)
        {
            case ListValue list:
                if (!TryNumber(key, out var d) || d != Math.Floor(d)) return Error("a list index must be a whole number", range);
                return d >= 0 && d < list.Items.Count ? list.Items[(int)d] : Error($"index {FormatNumber(d)} is out of range", range);
            case MapValue map:
                if (AsText(key) is not { } name) return Error("a map key must be a string", range);
                return map.Entry(name)?.Value ?? Error($"there is no key '{name}'", range);
            case NullValue:
                return Error("cannot index null", range);
            default:
                return Error($"cannot index a {KindOf(source)}", range);
        }
    }

    public static string KindOf(IacValue v) => v switch
    {
        StringValue => "string",
        NumberValue => "number",
        BoolValue => "bool",
        NullValue => "null",
        ListValue => "list",
        MapValue => "map",
        _ => "unknown value",
    };

    public static bool DeepEquals(IacValue a, IacValue b)
    {
        int budget = MaxVisits;
        return DeepEquals(a, b, ref budget);
    }

    private static bool DeepEquals(IacValue a, IacValue b, ref int budget)
    {
        if (--budget < 0) return false;
        switch (a)
        {
            case StringValue sa: return b is StringValue sb && sa.Value == sb.Value;
            case NumberValue na: return b is NumberValue nb && na.Value == nb.Value;
            case BoolValue ba: return b is BoolValue bb && ba.Value == bb.Value;
            case NullValue: return b is NullValue;
            case ListValue la:
                if (b is not ListValue lb || la.Items.Count != lb.Items.Count) return false;
                for (int i = 0; i < la.Items.Count; i++)
                    if (!DeepEquals(la.Items[i], lb.Items[i], ref budget)) return false;
                return true;
            case MapValue ma:
                if (b is not MapValue mb || ma.Entries.Count != mb.Entries.Count) return false;
                foreach (var e in ma.Entries)
                    if (mb.Entry(e.Key) is not { } other || !DeepEquals(e.Value, other.Value, ref budget)) return false;
                return true;
            default: return false;
        }
    }

    /// <summary>
    /// A copy of <paramref name="v"/> placed at <paramref name="range"/>: used when a value defined in another
    /// file (a variable, a local) is used here, because a value's range must lie in the file that reports it.
    /// </summary>
    public static IacValue Relocate(IacValue v, SourceRange range)
    {
        int budget = MaxVisits;
        return Relocate(v, range, ref budget);
    }

    private static IacValue Relocate(IacValue v, SourceRange range, ref int budget)
    {
        if (--budget < 0) return new UnknownValue("a value too large to copy", range);
        switch (v)
        {
            case StringValue s: return new StringValue(s.Value, range);
            case NumberValue n: return new NumberValue(n.Value, n.Text, range);
            case BoolValue b: return new BoolValue(b.Value, range);
            case NullValue: return new NullValue(range);
            case UnknownValue u: return new UnknownValue(u.Reason, range);
            case ListValue l:
            {
                var items = new List<IacValue>(l.Items.Count);
                foreach (var item in l.Items) items.Add(Relocate(item, range, ref budget));
                return new ListValue(items, range);
            }
            case MapValue m:
            {
                var entries = new List<MapEntry>(m.Entries.Count);
                foreach (var e in m.Entries) entries.Add(new MapEntry(e.Key, range, Relocate(e.Value, range, ref budget)));
                return new MapValue(entries, range);
            }
            default: return new UnknownValue("an unsupported value", range);
        }
    }

    /// <summary>Entries in Terraform's iteration order for maps and objects: by key, ordinally.</summary>
    public static List<MapEntry> SortedEntries(MapValue m)
    {
        var list = new List<MapEntry>(m.Entries);
        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>Builds a map in which a later key replaces an earlier one, keeping the first position.</summary>
    public static MapValue MapOf(List<MapEntry> entries, SourceRange range)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<MapEntry>(entries.Count);
        foreach (var e in entries)
        {
            if (seen.TryGetValue(e.Key, out int at)) result[at] = e;
            else
            {
                seen[e.Key] = result.Count;
                result.Add(e);
            }
        }
        return new MapValue(result, range);
    }
}
