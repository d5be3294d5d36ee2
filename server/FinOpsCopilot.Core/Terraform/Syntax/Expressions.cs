using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>An HCL expression. The evaluator gives it a value; the syntax tree only records its shape.</summary>
public abstract class HclExpression(SourceSpan span) : HclNode(span);

public enum LiteralKind : byte { String, Number, Bool, Null }

/// <summary>A number, <c>true</c>/<c>false</c>, <c>null</c>, or a string with no template sequences (escapes decoded).</summary>
public sealed class LiteralExpression(LiteralKind kind, string text, SourceSpan span) : HclExpression(span)
{
    public LiteralKind Kind { get; } = kind;

    /// <summary>The decoded string, the number as written, or "true"/"false"/"null".</summary>
    public string Text { get; } = text;
}

/// <summary>A quoted or heredoc string with interpolations or directives.</summary>
public sealed class TemplateExpression(IReadOnlyList<TemplatePart> parts, SourceSpan span) : HclExpression(span)
{
    public IReadOnlyList<TemplatePart> Parts { get; } = parts;

    /// <summary>A template that is one <c>${…}</c> and nothing else yields the value itself, not a string.</summary>
    public bool IsSingleInterpolation => Parts is [InterpolationPart];
}

/// <summary>A name in scope: <c>var</c>, <c>local</c>, <c>each</c>, a for-expression symbol…</summary>
public sealed class VariableExpression(string name, SourceSpan span) : HclExpression(span)
{
    public string Name { get; } = name;
}

/// <summary><c>source.name</c>.</summary>
public sealed class GetAttributeExpression(HclExpression source, string name, SourceSpan nameSpan, SourceSpan span) : HclExpression(span)
{
    public HclExpression Source { get; } = source;
    public string Name { get; } = name;
    public SourceSpan NameSpan { get; } = nameSpan;
}

/// <summary><c>source[key]</c> (also the legacy <c>source.0</c>).</summary>
public sealed class IndexExpression(HclExpression source, HclExpression key, SourceSpan span) : HclExpression(span)
{
    public HclExpression Source { get; } = source;
    public HclExpression Key { get; } = key;
}

/// <summary><c>source[*].each</c> or <c>source.*.each</c>: <see cref="Each"/> is applied to every element through <see cref="SplatItemExpression"/>.</summary>
public sealed class SplatExpression(HclExpression source, HclExpression each, SourceSpan span) : HclExpression(span)
{
    public HclExpression Source { get; } = source;
    public HclExpression Each { get; } = each;
}

/// <summary>The current element inside a splat's <see cref="SplatExpression.Each"/>.</summary>
public sealed class SplatItemExpression(SourceSpan span) : HclExpression(span);

/// <summary><c>name(args)</c>, <c>name(args...)</c> or <c>provider::ns::name(args)</c>.</summary>
public sealed class FunctionCallExpression(string name, SourceSpan nameSpan, IReadOnlyList<HclExpression> arguments, bool expandFinal, SourceSpan span)
    : HclExpression(span)
{
    public string Name { get; } = name;
    public SourceSpan NameSpan { get; } = nameSpan;
    public IReadOnlyList<HclExpression> Arguments { get; } = arguments;
    public bool ExpandFinal { get; } = expandFinal;
}

public sealed class ConditionalExpression(HclExpression condition, HclExpression whenTrue, HclExpression whenFalse, SourceSpan span) : HclExpression(span)
{
    public HclExpression Condition { get; } = condition;
    public HclExpression WhenTrue { get; } = whenTrue;
    public HclExpression WhenFalse { get; } = whenFalse;
}

public sealed class BinaryExpression(TokenKind op, HclExpression left, HclExpression right, SourceSpan span) : HclExpression(span)
{
    public TokenKind Operator { get; } = op;
    public HclExpression Left { get; } = left;
    public HclExpression Right { get; } = right;
}

/// <summary><c>-x</c> or <c>!x</c>.</summary>
public sealed class UnaryExpression(TokenKind op, HclExpression operand, SourceSpan span) : HclExpression(span)
{
    public TokenKind Operator { get; } = op;
    public HclExpression Operand { get; } = operand;
}

public sealed class ParenthesesExpression(HclExpression inner, SourceSpan span) : HclExpression(span)
{
    public HclExpression Inner { get; } = inner;
}

public sealed class TupleExpression(IReadOnlyList<HclExpression> items, SourceSpan span) : HclExpression(span)
{
    public IReadOnlyList<HclExpression> Items { get; } = items;
}

/// <summary>One <c>key = value</c> of an object; a bare identifier key is a literal string, <c>(expr)</c> is evaluated.</summary>
public sealed record ObjectItem(HclExpression Key, HclExpression Value);

public sealed class ObjectExpression(IReadOnlyList<ObjectItem> items, SourceSpan span) : HclExpression(span)
{
    public IReadOnlyList<ObjectItem> Items { get; } = items;
}

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key => value... if cond}</c>.</summary>
public sealed class ForExpression(
    string? keyName, string valueName, HclExpression collection, HclExpression? keyExpr, HclExpression valueExpr,
    HclExpression? condition, bool grouping, SourceSpan span) : HclExpression(span)
{
    public string? KeyName { get; } = keyName;
    public string ValueName { get; } = valueName;
    public HclExpression Collection { get; } = collection;

    /// <summary>Set for the object form.</summary>
    public HclExpression? KeyExpression { get; } = keyExpr;
    public HclExpression ValueExpression { get; } = valueExpr;
    public HclExpression? Condition { get; } = condition;
    public bool Grouping { get; } = grouping;
    public bool IsObject => KeyExpression is not null;
}

/// <summary>What stands where the parser found no valid expression; evaluates to an unknown value.</summary>
public sealed class ErrorExpression(SourceSpan span) : HclExpression(span);
