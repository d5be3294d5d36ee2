using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>
/// A property value as the analysis knows it: a known literal, list or map, or an unknown value with the reason
/// it is unknown. Nothing is guessed: rules must treat <see cref="UnknownValue"/> as "cannot judge", never as wrong.
/// </summary>
public abstract class IacValue
{
    protected IacValue(SourceRange range) => Range = range;

    /// <summary>Where the value is written (for values that come from elsewhere, where they are used).</summary>
    public SourceRange Range { get; }

    public virtual bool IsKnown => true;

    /// <summary>The value as a string when it is a known scalar (numbers and bools in their source form).</summary>
    public virtual string? AsString() => null;
}

public sealed class StringValue(string value, SourceRange range) : IacValue(range)
{
    public string Value { get; } = value;
    public override string? AsString() => Value;
    public override string ToString() => Value;
}

public sealed class NumberValue(double value, string text, SourceRange range) : IacValue(range)
{
    public double Value { get; } = value;
    public string Text { get; } = text;
    public override string? AsString() => Text;
    public override string ToString() => Text;
}

public sealed class BoolValue(bool value, SourceRange range) : IacValue(range)
{
    public bool Value { get; } = value;
    public override string? AsString() => Value ? "true" : "false";
    public override string ToString() => AsString()!;
}

public sealed class NullValue(SourceRange range) : IacValue(range)
{
    public override string ToString() => "null";
}

public sealed class ListValue(IReadOnlyList<IacValue> items, SourceRange range) : IacValue(range)
{
    public IReadOnlyList<IacValue> Items { get; } = items;
}

/// <summary>One entry of a map, with the range of its key so findings and fixes can point at it.</summary>
public sealed record MapEntry(string Key, SourceRange KeyRange, IacValue Value);

public sealed class MapValue(IReadOnlyList<MapEntry> entries, SourceRange range) : IacValue(range)
{
    public IReadOnlyList<MapEntry> Entries { get; } = entries;

    public MapEntry? Entry(string key)
    {
        foreach (var e in Entries)
            if (e.Key == key) return e;
        return null;
    }

    public IacValue? this[string key] => Entry(key)?.Value;
}

/// <summary>A value that cannot be known from the code alone, e.g. a reference to another resource's attribute.</summary>
public sealed class UnknownValue(string reason, SourceRange range) : IacValue(range)
{
    public string Reason { get; } = reason;
    public override bool IsKnown => false;
    public override string ToString() => $"(unknown: {Reason})";
}
