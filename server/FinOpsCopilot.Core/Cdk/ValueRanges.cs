using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>Moves values to another place in the source: a constant to where it is used, a template value to its construct.</summary>
internal static class ValueRanges
{
    /// <summary>A scalar at <paramref name="range"/>; lists and maps keep their own ranges.</summary>
    public static IacValue At(IacValue value, SourceRange range) => Move(value, range, deep: false);

    /// <summary>The value and everything in it at <paramref name="range"/>: template ranges mean nothing in a source file.</summary>
    public static IacValue Everywhere(IacValue value, SourceRange range) => Move(value, range, deep: true);

    private static IacValue Move(IacValue value, SourceRange range, bool deep) => value switch
    {
        StringValue s => new StringValue(s.Value, range),
        NumberValue n => new NumberValue(n.Value, n.Text, range),
        BoolValue b => new BoolValue(b.Value, range),
        NullValue => new NullValue(range),
        UnknownValue u => new UnknownValue(u.Reason, range),
        ListValue l when deep => new ListValue(l.Items.Select(i => Move(i, range, deep)).ToList(), range),
        MapValue m when deep => new MapValue(m.Entries.Select(e => new MapEntry(e.Key, range, Move(e.Value, range, deep))).ToList(), range),
        _ => value,
    };
}
