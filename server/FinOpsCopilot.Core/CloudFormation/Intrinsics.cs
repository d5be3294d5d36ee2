namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>CloudFormation intrinsic functions in their YAML short form and JSON long form.</summary>
public static class Intrinsics
{
    /// <summary>Short-form YAML tags mapped to the long-form key they stand for.</summary>
    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!Sub"] = "Fn::Sub",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!If"] = "Fn::If",
        ["!Equals"] = "Fn::Equals",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!Not"] = "Fn::Not",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Base64"] = "Fn::Base64",
        ["!Cidr"] = "Fn::Cidr",
        ["!Transform"] = "Fn::Transform",
        ["!ToJsonString"] = "Fn::ToJsonString",
        ["!Length"] = "Fn::Length",
    };

    public static string? LongFormOfTag(string tag) => ShortForms.GetValueOrDefault(tag);

    public static bool IsIntrinsicKey(string key) =>
        key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal);

    /// <summary>The function name and argument when <paramref name="node"/> is an intrinsic call in either form.</summary>
    public static bool TryGet(TemplateNode node, out string name, out TemplateNode argument, out bool shortForm)
    {
        if (node.Tag is { } tag && LongFormOfTag(tag) is { } longName)
        {
            name = longName;
            argument = node;
            shortForm = true;
            return true;
        }
        shortForm = false;
        return TryGetLongForm(node, out name, out argument);
    }

    /// <summary>The function name and argument when <paramref name="node"/> is <c>{"Fn::X": argument}</c>.</summary>
    public static bool TryGetLongForm(TemplateNode node, out string name, out TemplateNode argument)
    {
        // A lone "Condition" key is a resource attribute or condition reference, not a value-producing call.
        if (node is TemplateMapping { Entries.Count: 1 } m && IsIntrinsicKey(m.Entries[0].Key.Value) && m.Entries[0].Key.Value != "Condition")
        {
            name = m.Entries[0].Key.Value;
            argument = m.Entries[0].Value;
            return true;
        }
        name = "";
        argument = node;
        return false;
    }
}
