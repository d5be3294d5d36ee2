using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// The syntax tree a template is read into, the same for YAML and JSON: scalars, sequences and mappings,
/// each with its exact source span and (YAML only) its tag such as <c>!Ref</c>.
/// YAML aliases share the anchored node, so a tree may be a DAG; <see cref="ExpandedSize"/> bounds its expansion.
/// </summary>
public abstract class TemplateNode
{
    protected TemplateNode(SourceSpan span, string? tag)
    {
        Span = span;
        Tag = tag;
    }

    public SourceSpan Span { get; internal set; }

    /// <summary>A YAML local tag such as <c>!Ref</c>, or null.</summary>
    public string? Tag { get; }

    /// <summary>How many nodes this subtree stands for once every alias is expanded.</summary>
    public long ExpandedSize { get; internal set; } = 1;
}

public enum ScalarStyle
{
    /// <summary>A plain YAML scalar or a JSON number/true/false/null: its type is read from its text.</summary>
    Plain,
    /// <summary>A quoted or block scalar, or a JSON string: always a string.</summary>
    Quoted,
}

public sealed class TemplateScalar(string value, ScalarStyle style, SourceSpan span, string? tag) : TemplateNode(span, tag)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;

    public override string ToString() => Value;
}

public sealed class TemplateSequence(SourceSpan span, string? tag) : TemplateNode(span, tag)
{
    public List<TemplateNode> Items { get; } = [];
}

public sealed record TemplateEntry(TemplateScalar Key, TemplateNode Value);

public sealed class TemplateMapping(SourceSpan span, string? tag) : TemplateNode(span, tag)
{
    public List<TemplateEntry> Entries { get; } = [];

    public TemplateEntry? Find(string key)
    {
        foreach (var e in Entries)
            if (e.Key.Value == key) return e;
        return null;
    }

    public TemplateNode? this[string key] => Find(key)?.Value;
}
