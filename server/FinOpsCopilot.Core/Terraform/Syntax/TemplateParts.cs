using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>A piece of a template: literal text, an interpolation or a directive.</summary>
public abstract class TemplatePart(SourceSpan span) : HclNode(span);

/// <summary>Literal text, escapes decoded and strip markers (<c>~</c>) already applied.</summary>
public sealed class LiteralPart(string text, SourceSpan span) : TemplatePart(span)
{
    public string Text { get; internal set; } = text;
}

/// <summary><c>${ expression }</c>.</summary>
public sealed class InterpolationPart(HclExpression expression, SourceSpan span) : TemplatePart(span)
{
    public HclExpression Expression { get; } = expression;
}

/// <summary><c>%{ if cond }…%{ else }…%{ endif }</c>.</summary>
public sealed class IfDirectivePart(HclExpression condition, IReadOnlyList<TemplatePart> then, IReadOnlyList<TemplatePart> otherwise, SourceSpan span)
    : TemplatePart(span)
{
    public HclExpression Condition { get; } = condition;
    public IReadOnlyList<TemplatePart> Then { get; } = then;
    public IReadOnlyList<TemplatePart> Else { get; } = otherwise;
}

/// <summary><c>%{ for k, v in coll }…%{ endfor }</c>.</summary>
public sealed class ForDirectivePart(string? keyName, string valueName, HclExpression collection, IReadOnlyList<TemplatePart> body, SourceSpan span)
    : TemplatePart(span)
{
    public string? KeyName { get; } = keyName;
    public string ValueName { get; } = valueName;
    public HclExpression Collection { get; } = collection;
    public IReadOnlyList<TemplatePart> Body { get; } = body;
}
