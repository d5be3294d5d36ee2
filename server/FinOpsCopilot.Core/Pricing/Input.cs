using System.Globalization;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Pricing;

/// <summary>One input of an estimate as the code gives it: absent, known, or unknown with a reason.</summary>
public readonly record struct Input(string Name, IacValue? Value)
{
    public bool IsAbsent => Value is null or NullValue;
    public bool IsUnknown => Value is UnknownValue;
    public string Reason => (Value as UnknownValue)?.Reason ?? "not set";

    public string? Text => Value is StringValue or NumberValue or BoolValue ? Value.AsString() : null;

    public decimal? Number => Value switch
    {
        NumberValue n => (decimal)n.Value,
        StringValue s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public bool? Bool => Value switch
    {
        BoolValue b => b.Value,
        StringValue { Value: "true" or "True" } => true,
        StringValue { Value: "false" or "False" } => false,
        _ => null,
    };
}

/// <summary>
/// Properties read by any of their names: estimators serve CloudFormation (<c>InstanceType</c>) and Terraform
/// (<c>instance_type</c>) with one code path. Terraform nested blocks may be a map or a list of maps; both work.
/// </summary>
public class PropertyBag(MapValue properties)
{
    public MapValue Properties { get; } = properties;

    public Input Get(string cfnName, string? tfName = null)
    {
        if (Properties.Entry(cfnName) is { } e) return new Input(cfnName, e.Value);
        if (tfName is not null && Properties.Entry(tfName) is { } t) return new Input(tfName, t.Value);
        return new Input(cfnName, null);
    }

    /// <summary>The nested maps under a name (a map, a list of maps, or nothing).</summary>
    public IEnumerable<PropertyBag> Blocks(string cfnName, string? tfName = null)
    {
        var value = Get(cfnName, tfName).Value;
        if (value is MapValue map) yield return new PropertyBag(map);
        else if (value is ListValue list)
            foreach (var item in list.Items)
                if (item is MapValue m) yield return new PropertyBag(m);
    }

    public PropertyBag? Block(string cfnName, string? tfName = null) => Blocks(cfnName, tfName).FirstOrDefault();
}

/// <summary>A resource with its document, so an estimator can follow a reference to another resource.</summary>
public sealed class ResourceView(IacResource resource, IacDocument? document) : PropertyBag(resource.Properties)
{
    public IacResource Resource { get; } = resource;
    public IacDocument? Document { get; } = document;

    /// <summary>
    /// The resource a value refers to: a CloudFormation <c>!Ref</c> (read as "Ref to resource X"), a logical ID or
    /// Terraform name, or a Terraform reference such as <c>aws_launch_template.web.id</c> when the reader kept its text.
    /// </summary>
    public ResourceView? Referenced(Input input)
    {
        if (Document is null) return null;
        string? name = input.Value switch
        {
            UnknownValue u when u.Reason.StartsWith("Ref to resource ", StringComparison.Ordinal) => u.Reason["Ref to resource ".Length..],
            UnknownValue u => TerraformName(u.Reason),
            _ => input.Text,
        };
        if (name is null) return null;
        var target = Document.Resources.FirstOrDefault(r => r.Name == name || r.Address == name || $"{r.Type}.{r.Name}" == name);
        return target is null ? null : new ResourceView(target, Document);
    }

    /// <summary>
    /// The resource a Terraform reference names, from the reader's reason text:
    /// "an attribute of aws_launch_template.web, known after apply" or "aws_launch_template.web.id" → "aws_launch_template.web".
    /// </summary>
    public static string? TerraformName(string reason)
    {
        var start = reason.IndexOf("aws_", StringComparison.Ordinal);
        if (start < 0) return null;
        var parts = reason[start..].Split('.', ' ', ',', ')', '}', '[');
        return parts.Length >= 2 && parts[1].Length > 0 ? $"{parts[0]}.{parts[1]}" : null;
    }
}
