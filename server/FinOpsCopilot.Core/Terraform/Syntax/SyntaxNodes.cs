using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>A node of the HCL syntax tree; <see cref="Span"/> is exactly the source it was read from.</summary>
public abstract class HclNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;
}

/// <summary>One parsed file: its text, its top-level body and what the parser reported.</summary>
public sealed class HclFile(SourceText text, HclBody body, IReadOnlyList<SourceDiagnostic> diagnostics, bool isJson)
{
    public SourceText Text { get; } = text;
    public HclBody Body { get; } = body;
    public IReadOnlyList<SourceDiagnostic> Diagnostics { get; } = diagnostics;
    public bool IsJson { get; } = isJson;
    public string Path => Text.Path;
}

/// <summary>The attributes and blocks between a block's braces (or of a whole file), in source order.</summary>
public sealed class HclBody(IReadOnlyList<HclAttribute> attributes, IReadOnlyList<HclBlock> blocks, SourceSpan span) : HclNode(span)
{
    public IReadOnlyList<HclAttribute> Attributes { get; } = attributes;
    public IReadOnlyList<HclBlock> Blocks { get; } = blocks;

    public HclAttribute? Attribute(string name)
    {
        foreach (var a in Attributes)
            if (a.Name == name) return a;
        return null;
    }

    public HclBlock? Block(string type)
    {
        foreach (var b in Blocks)
            if (b.Type == type) return b;
        return null;
    }
}

/// <summary><c>name = expression</c>.</summary>
public sealed class HclAttribute(string name, SourceSpan nameSpan, HclExpression value, SourceSpan span) : HclNode(span)
{
    public string Name { get; } = name;
    public SourceSpan NameSpan { get; } = nameSpan;
    public HclExpression Value { get; } = value;
}

/// <summary>A block label, quoted or bare.</summary>
public readonly record struct HclLabel(string Value, SourceSpan Span);

/// <summary><c>type "label" … { body }</c>; <see cref="HclNode.Span"/> runs from the type keyword to the closing brace.</summary>
public sealed class HclBlock(string type, SourceSpan typeSpan, IReadOnlyList<HclLabel> labels, HclBody body, SourceSpan span) : HclNode(span)
{
    public string Type { get; } = type;
    public SourceSpan TypeSpan { get; } = typeSpan;
    public IReadOnlyList<HclLabel> Labels { get; } = labels;
    public HclBody Body { get; } = body;

    public string? Label(int index) => index < Labels.Count ? Labels[index].Value : null;
}
