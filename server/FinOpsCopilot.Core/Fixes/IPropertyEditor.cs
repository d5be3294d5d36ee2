using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>A typed property value a fix writes, which each syntax spells its own way (YAML, JSON, HCL).</summary>
public abstract record PropertyValue
{
    public sealed record Text(string Value) : PropertyValue;
    public sealed record Number(string Value) : PropertyValue;
    public sealed record TextList(IReadOnlyList<string> Values) : PropertyValue;

    /// <summary>Reads a cost rule's value: <c>[a, b]</c> is a list, digits a number, anything else text.</summary>
    public static PropertyValue Parse(string value)
    {
        if (value.StartsWith('[') && value.EndsWith(']'))
            return new TextList(value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return value.Length > 0 && value.All(char.IsAsciiDigit) ? new Number(value) : new Text(value);
    }
}

/// <summary>Adds a property to a resource in the file's own syntax, where the resource declares its properties.</summary>
public interface IPropertyEditor
{
    IReadOnlyList<TextEdit> InsertProperty(IacDocument document, IacResource resource, string name, PropertyValue value);
}
