using System.Globalization;
using System.Text;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Evaluates HCL expressions of one file to <see cref="IacValue"/>s with Terraform's semantics. What cannot be
/// known from the code becomes an <see cref="UnknownValue"/> with the reason; nothing throws and nothing is guessed.
/// </summary>
internal sealed class ExpressionEvaluator(IReferenceResolver references, SourceText text)
{
    private const string SplatItem = "\0splat";
    private const int MaxDepth = 200;

    /// <summary>Evaluation steps one file may take in one module instance: hostile nesting of for expressions ends here.</summary>
    public const int MaxSteps = 2_000_000;

    /// <summary>The longest string a template may build.</summary>
    private const int MaxTemplateLength = 1 << 20;

    private int _depth;
    private int _steps;

    public SourceText Text => text;

    public SourceRange RangeOf(HclNode node) => text.RangeOf(node.Span);

    public SourceRange RangeOf(SourceSpan span) => text.RangeOf(span);

    public IacValue Evaluate(HclExpression e, EvalScope scope)
    {
        if (_depth >= MaxDepth) return Values.Error("the expression nests too deeply", RangeOf(e));
        if (++_steps > MaxSteps) return Values.Error("the configuration takes too long to evaluate", RangeOf(e));
        _depth++;
        try { return EvaluateCore(e, scope); }
        finally { _depth--; }
    }

    private IacValue EvaluateCore(HclExpression e, EvalScope scope)
    {
        var range = RangeOf(e);
        switch (e)
        {
            case LiteralExpression lit:
                return lit.Kind switch
                {
                    LiteralKind.String => new StringValue(lit.Text, range),
                    LiteralKind.Number => double.TryParse(lit.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                        ? new NumberValue(d, lit.Text, range) : Values.Error($"'{lit.Text}' is not a number", range),
                    LiteralKind.Bool => new BoolValue(lit.Text == "true", range),
                    _ => new NullValue(range),
                };
            case TemplateExpression t:
                return t.IsSingleInterpolation ? Evaluate(((InterpolationPart)t.Parts[0]).Expression, scope) : Template(t.Parts, scope, range);
            case VariableExpression v:
                return scope.Find(v.Name) ?? references.Resolve(v.Name, "", range, text.Path);
            case GetAttributeExpression g:
                if (g.Source is VariableExpression root && scope.Find(root.Name) is null)
                    return references.Resolve(root.Name, g.Name, range, text.Path);
                return Values.GetAttribute(Evaluate(g.Source, scope), g.Name, range);
            case IndexExpression ix:
                return Values.Index(Evaluate(ix.Source, scope), Evaluate(ix.Key, scope), range);
            case SplatExpression sp:
                return Splat(sp, scope, range);
            case SplatItemExpression:
                return scope.Find(SplatItem) ?? Values.Error("a splat item outside a splat", range);
            case FunctionCallExpression call:
                return TerraformFunctions.Call(this, call, scope, range);
            case ConditionalExpression c:
            {
                var condition = Evaluate(c.Condition, scope);
                if (condition is UnknownValue u) return Values.Rewrap(u, range);
                return Values.AsBool(condition) switch
                {
                    true => Evaluate(c.WhenTrue, scope),
                    false => Evaluate(c.WhenFalse, scope),
                    null => Values.Error("the condition is not a bool", range),
                };
            }
            case BinaryExpression b:
                return Binary(b, scope, range);
            case UnaryExpression un:
            {
                var operand = Evaluate(un.Operand, scope);
                if (operand is UnknownValue u) return Values.Rewrap(u, range);
                if (un.Operator == TokenKind.Minus)
                    return Values.TryNumber(operand, out var n) ? Values.Number(-n, range) : Values.Error("'-' needs a number", range);
                return Values.AsBool(operand) is { } flag ? new BoolValue(!flag, range) : Values.Error("'!' needs a bool", range);
            }
            case ParenthesesExpression p:
                return Evaluate(p.Inner, scope);
            case TupleExpression tuple:
            {
                var items = new List<IacValue>(tuple.Items.Count);
                foreach (var item in tuple.Items) items.Add(Evaluate(item, scope));
                return new ListValue(items, range);
            }
            case ObjectExpression obj:
                return Object(obj, scope, range);
            case ForExpression f:
                return For(f, scope, range);
            default:
                return Values.Error("the expression has a syntax error", range);
        }
    }

    /// <summary>An object key: a bare name is the key itself; anything else is evaluated.</summary>
    public IacValue Key(HclExpression key, EvalScope scope) =>
        key is VariableExpression v ? new StringValue(v.Name, RangeOf(key)) : Evaluate(key, scope);

    private IacValue Object(ObjectExpression obj, EvalScope scope, SourceRange range)
    {
        var entries = new List<MapEntry>(obj.Items.Count);
        foreach (var item in obj.Items)
        {
            var key = Key(item.Key, scope);
            if (key is UnknownValue u) return new UnknownValue($"an object key is {u.Reason}", range);
            if (Values.AsText(key) is not { } name) return Values.Error("an object key must be a string", range);
            entries.Add(new MapEntry(name, RangeOf(item.Key), Evaluate(item.Value, scope)));
        }
        return Values.MapOf(entries, range);
    }

    private IacValue Splat(SplatExpression sp, EvalScope scope, SourceRange range)
    {
        var source = Evaluate(sp.Source, scope);
        switch (source)
        {
            case UnknownValue u: return Values.Rewrap(u, range);
            case NullValue: return new ListValue([], range);
            case ListValue list:
            {
                var items = new List<IacValue>(list.Items.Count);
                foreach (var item in list.Items) items.Add(Evaluate(sp.Each, scope.With(SplatItem, item)));
                return new ListValue(items, range);
            }
            default:
                // A splat on a single value makes a one-element list of it.
                return new ListValue([Evaluate(sp.Each, scope.With(SplatItem, source))], range);
        }
    }

    private IacValue Binary(BinaryExpression b, EvalScope scope, SourceRange range)
    {
        var left = Evaluate(b.Left, scope);
        var right = Evaluate(b.Right, scope);
        if (b.Operator is TokenKind.EqualEqual or TokenKind.NotEqual)
        {
            if ((Values.FindUnknown(left) ?? Values.FindUnknown(right)) is { } u) return Values.Rewrap(u, range);
            bool equal = Values.DeepEquals(left, right);
            return new BoolValue(b.Operator == TokenKind.EqualEqual ? equal : !equal, range);
        }
        if (b.Operator is TokenKind.And or TokenKind.Or)
        {
            bool? l = Values.AsBool(left), r = Values.AsBool(right);
            // false && unknown is false, true || unknown is true: the known side decides.
            if (b.Operator == TokenKind.And && (l == false || r == false)) return new BoolValue(false, range);
            if (b.Operator == TokenKind.Or && (l == true || r == true)) return new BoolValue(true, range);
            if (left is UnknownValue ul) return Values.Rewrap(ul, range);
            if (right is UnknownValue ur) return Values.Rewrap(ur, range);
            if (l is null || r is null) return Values.Error("'&&' and '||' need bools", range);
            return new BoolValue(b.Operator == TokenKind.And ? l.Value && r.Value : l.Value || r.Value, range);
        }
        if (left is UnknownValue u1) return Values.Rewrap(u1, range);
        if (right is UnknownValue u2) return Values.Rewrap(u2, range);
        if (!Values.TryNumber(left, out var x) || !Values.TryNumber(right, out var y))
            return Values.Error("arithmetic and comparison need numbers", range);
        return b.Operator switch
        {
            TokenKind.Plus => Values.Number(x + y, range),
            TokenKind.Minus => Values.Number(x - y, range),
            TokenKind.Star => Values.Number(x * y, range),
            TokenKind.Slash => y == 0 ? Values.Error("division by zero", range) : Values.Number(x / y, range),
            TokenKind.Percent => y == 0 ? Values.Error("modulo by zero", range) : Values.Number(x % y, range),
            TokenKind.Less => new BoolValue(x < y, range),
            TokenKind.LessEqual => new BoolValue(x <= y, range),
            TokenKind.Greater => new BoolValue(x > y, range),
            TokenKind.GreaterEqual => new BoolValue(x >= y, range),
            _ => Values.Error("unsupported operator", range),
        };
    }

    /// <summary>The elements of a collection as (key, value) pairs in Terraform's order, or the reason it cannot be iterated.</summary>
    public static UnknownValue? Iterate(IacValue collection, SourceRange range, List<(IacValue Key, IacValue Value)> into)
    {
        switch (collection)
        {
            case UnknownValue u: return Values.Rewrap(u, range);
            case NullValue: return Values.Error("cannot iterate over null", range);
            case ListValue list:
                for (int i = 0; i < list.Items.Count; i++) into.Add((Values.Number(i, list.Items[i].Range), list.Items[i]));
                return null;
            case MapValue map:
                foreach (var e in Values.SortedEntries(map)) into.Add((new StringValue(e.Key, e.KeyRange), e.Value));
                return null;
            default:
                return Values.Error($"cannot iterate over a {Values.KindOf(collection)}", range);
        }
    }

    private IacValue For(ForExpression f, EvalScope scope, SourceRange range)
    {
        var elements = new List<(IacValue Key, IacValue Value)>();
        if (Iterate(Evaluate(f.Collection, scope), range, elements) is { } problem) return problem;
        var items = new List<IacValue>();
        var entries = new List<MapEntry>();
        var groups = new Dictionary<string, List<IacValue>>(StringComparer.Ordinal);
        var groupOrder = new List<(string, SourceRange)>();
        foreach (var (key, value) in elements)
        {
            var inner = scope.With(f.ValueName, value);
            if (f.KeyName is { } keyName) inner = inner.With(keyName, key);
            if (f.Condition is { } condition)
            {
                var keep = Evaluate(condition, inner);
                if (keep is UnknownValue u) return Values.Rewrap(u, range);
                if (Values.AsBool(keep) is not { } flag) return Values.Error("a for expression's condition must be a bool", range);
                if (!flag) continue;
            }
            if (f.KeyExpression is null)
            {
                items.Add(Evaluate(f.ValueExpression, inner));
                continue;
            }
            var k = Evaluate(f.KeyExpression, inner);
            if (k is UnknownValue uk) return new UnknownValue($"a key is {uk.Reason}", range);
            if (Values.AsText(k) is not { } name) return Values.Error("a for expression's key must be a string", range);
            var v = Evaluate(f.ValueExpression, inner);
            if (!f.Grouping)
            {
                if (entries.Exists(e => e.Key == name)) return Values.Error($"duplicate key '{name}' in a for expression (use '...' to group)", range);
                entries.Add(new MapEntry(name, k.Range, v));
                continue;
            }
            if (!groups.TryGetValue(name, out var group))
            {
                groups[name] = group = [];
                groupOrder.Add((name, k.Range));
            }
            group.Add(v);
        }
        if (f.KeyExpression is null) return new ListValue(items, range);
        if (f.Grouping)
            foreach (var (name, keyRange) in groupOrder) entries.Add(new MapEntry(name, keyRange, new ListValue(groups[name], range)));
        return new MapValue(entries, range);
    }

    private IacValue Template(IReadOnlyList<TemplatePart> parts, EvalScope scope, SourceRange range)
    {
        var sb = new StringBuilder();
        return (IacValue?)AppendParts(parts, scope, range, sb) ?? new StringValue(sb.ToString(), range);
    }

    /// <summary>Appends the rendered parts; returns an unknown value when the result cannot be known.</summary>
    private UnknownValue? AppendParts(IReadOnlyList<TemplatePart> parts, EvalScope scope, SourceRange range, StringBuilder sb)
    {
        foreach (var part in parts)
        {
            if (sb.Length > MaxTemplateLength) return Values.Error("the template builds too long a string", range);
            switch (part)
            {
                case LiteralPart lit:
                    sb.Append(lit.Text);
                    break;
                case InterpolationPart interp:
                {
                    var v = Evaluate(interp.Expression, scope);
                    if (v is UnknownValue u) return Values.Rewrap(u, range);
                    if (Values.AsText(v) is not { } s) return Values.Error($"cannot put a {Values.KindOf(v)} into a string", range);
                    sb.Append(s);
                    break;
                }
                case IfDirectivePart ifPart:
                {
                    var c = Evaluate(ifPart.Condition, scope);
                    if (c is UnknownValue u) return Values.Rewrap(u, range);
                    if (Values.AsBool(c) is not { } flag) return Values.Error("a template condition must be a bool", range);
                    if (AppendParts(flag ? ifPart.Then : ifPart.Else, scope, range, sb) is { } unknown) return unknown;
                    break;
                }
                case ForDirectivePart forPart:
                {
                    var elements = new List<(IacValue Key, IacValue Value)>();
                    if (Iterate(Evaluate(forPart.Collection, scope), range, elements) is { } problem) return problem;
                    foreach (var (key, value) in elements)
                    {
                        var inner = scope.With(forPart.ValueName, value);
                        if (forPart.KeyName is { } keyName) inner = inner.With(keyName, key);
                        if (AppendParts(forPart.Body, inner, range, sb) is { } unknown) return unknown;
                    }
                    break;
                }
            }
        }
        return null;
    }
}
