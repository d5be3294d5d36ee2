using System.Globalization;
using System.Text;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// Turns a C# expression into an <see cref="IacValue"/> without running it: literals, constants, locals and fields
/// initialised with constants (in the same file, or anywhere in the app by class name), string concatenation and
/// interpolation, arrays, collection and object initialisers. The semantic model, when there is one, folds constants
/// across files first. What cannot be known (parameters, props, method results) is an <see cref="UnknownValue"/>
/// with a reason; values are written where they are used, so their range is the expression at the use site.
/// </summary>
internal sealed class ExpressionEvaluator(ClassIndex classes)
{
    private const int MaxDepth = 24;

    /// <summary>The constructor arguments in force for the code being read (set by the tree builder per instantiation).</summary>
    public Bindings Current { get; set; } = Bindings.None;

    public IacValue Evaluate(ExpressionSyntax expression, CSharpSource source) => Eval(expression, source, expression, 0);

    /// <summary>The object initialiser of a props expression (<c>new XProps { A = 1 }</c>, or a local holding one) by member name.</summary>
    public Dictionary<string, (ExpressionSyntax Value, CSharpSource Source)> Initializer(ExpressionSyntax? props, CSharpSource source)
    {
        var result = new Dictionary<string, (ExpressionSyntax, CSharpSource)>(StringComparer.Ordinal);
        for (int hop = 0; props is not null && hop < 4; hop++)
        {
            switch (props)
            {
                case BaseObjectCreationExpressionSyntax { Initializer: { } init }:
                    foreach (var e in init.Expressions)
                        if (e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } a) result[id.Identifier.ValueText] = (a.Right, source);
                    return result;
                case IdentifierNameSyntax id when FindDefinition(id, source) is { } def:
                    (props, source) = def;
                    continue;
                default:
                    return result;
            }
        }
        return result;
    }

    private IacValue Eval(ExpressionSyntax e, CSharpSource source, ExpressionSyntax useSite, int depth)
    {
        var range = source.Range(useSite);
        if (depth > MaxDepth) return new UnknownValue("nested too deeply to analyse", range);
        if (source.Model is { } model && SafeConstant(model, e) is { HasValue: true } constant)
            return FromConstant(constant.Value, range);

        switch (e)
        {
            case LiteralExpressionSyntax lit:
                return Literal(lit, range);
            case ParenthesizedExpressionSyntax p:
                return Eval(p.Expression, source, useSite == e ? p.Expression : useSite, depth + 1);
            case CastExpressionSyntax c:
                return Eval(c.Expression, source, useSite == e ? c.Expression : useSite, depth + 1);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                return Eval(bang.Operand, source, useSite, depth + 1);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } neg
                when Eval(neg.Operand, source, useSite, depth + 1) is NumberValue n:
                return new NumberValue(-n.Value, "-" + n.Text, range);
            case InterpolatedStringExpressionSyntax interp:
                return Interpolation(interp, source, range, depth);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                return Concat(add, source, range, depth);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return Eval(coalesce.Left, source, useSite, depth + 1) switch
                {
                    NullValue => Eval(coalesce.Right, source, useSite, depth + 1),
                    UnknownValue u => u,
                    var v => v,
                };
            case IdentifierNameSyntax id:
                if (FindDefinition(id, source) is { } def) return ValueRanges.At(Eval(def.Value, def.Source, def.Value, depth + 1), range);
                if (Current.Find(id) is { } arg) return ValueRanges.At(InCaller(arg, () => Eval(arg.Value, arg.Source, arg.Value, depth + 1)), range);
                return Unknown(id, range);
            case MemberAccessExpressionSyntax member when member.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax:
                if (member.Expression is IdentifierNameSyntax owner && classes.Member(owner.Identifier.ValueText, member.Name.Identifier.ValueText) is { } m)
                    return ValueRanges.At(Eval(m.Value, m.Source, m.Value, depth + 1), range);
                if (member.Expression is IdentifierNameSyntax obj && ObjectMember(obj, member.Name.Identifier.ValueText, source) is { } field)
                    return ValueRanges.At(InCaller(field, () => Eval(field.Value, field.Source, field.Value, depth + 1)), range);
                return new UnknownValue($"'{member}' is not a constant the analysis can read", range);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Of", Expression: var t }, ArgumentList.Arguments: [var c, var z] }
                when t.ToString().EndsWith("InstanceType", StringComparison.Ordinal):
                return InstanceTypeOf(c.Expression, z.Expression, range);
            case ObjectCreationExpressionSyntax { Type: var t, ArgumentList.Arguments: [var name] } when ConstructCatalog.SimpleName(t) == "InstanceType":
                return Eval(name.Expression, source, useSite, depth + 1);
            case ArrayCreationExpressionSyntax { Initializer: { } arr }:
                return List(arr, source, range, depth);
            case ImplicitArrayCreationExpressionSyntax arr:
                return List(arr.Initializer, source, range, depth);
            case CollectionExpressionSyntax coll:
                return new ListValue(coll.Elements.OfType<ExpressionElementSyntax>().Select(x => Eval(x.Expression, source, x.Expression, depth + 1)).ToList(), range);
            case BaseObjectCreationExpressionSyntax { Initializer: { } init }:
                return ObjectInitializer(init, source, range, depth);
            case InvocationExpressionSyntax call:
                return new UnknownValue($"the result of '{Shorten(call.Expression.ToString())}(…)'", range);
            case ThisExpressionSyntax:
                return new UnknownValue("a construct reference", range);
        }
        return new UnknownValue($"'{Shorten(e.ToString())}' is computed when the app runs", range);
    }

    /// <summary>
    /// One step from a name to what it stands for: a local or field's initialiser, a bound parameter's argument, or
    /// <c>props.X</c>'s initialiser member. For reading the shape of an expression (enum members, <c>Duration.Days</c>);
    /// values are read with <see cref="Evaluate"/>, which also keeps each argument's bindings.
    /// </summary>
    public (ExpressionSyntax Value, CSharpSource Source)? Step(ExpressionSyntax e, CSharpSource source) => e switch
    {
        IdentifierNameSyntax id when FindDefinition(id, source) is { } def => def,
        IdentifierNameSyntax id when Current.Find(id) is { } arg => (arg.Value, arg.Source),
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: var n }
            when classes.Member(owner.Identifier.ValueText, n.Identifier.ValueText) is null && ObjectMember(owner, n.Identifier.ValueText, source) is { } m
            => (m.Value, m.Source),
        _ => null,
    };

    /// <summary>Reads an argument where it was written: in its caller's bindings.</summary>
    public T InCaller<T>(Argument arg, Func<T> read)
    {
        var saved = Current;
        Current = arg.Caller;
        try { return read(); }
        finally { Current = saved; }
    }

    /// <summary>
    /// <c>props.Size</c>: the <c>Size = …</c> of the object initialiser a local or a bound parameter holds, as an
    /// argument read in the bindings where that initialiser is written.
    /// </summary>
    private Argument? ObjectMember(IdentifierNameSyntax owner, string member, CSharpSource source)
    {
        ExpressionSyntax? e = owner;
        var bindings = Current;
        for (int hop = 0; hop < 6 && e is not null; hop++)
        {
            switch (e)
            {
                case BaseObjectCreationExpressionSyntax { Initializer: { } init }:
                    foreach (var x in init.Expressions)
                        if (x is AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } a && id.Identifier.ValueText == member)
                            return new Argument(a.Right, source, bindings);
                    return null;
                case IdentifierNameSyntax id when FindDefinition(id, source) is { } def:
                    (e, source) = def;
                    break;
                case IdentifierNameSyntax id when bindings.Find(id) is { } arg:
                    (e, source, bindings) = (arg.Value, arg.Source, arg.Caller);
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary><c>InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO)</c> → <c>t3.micro</c>.</summary>
    private static IacValue InstanceTypeOf(ExpressionSyntax cls, ExpressionSyntax size, SourceRange range)
    {
        var family = EnumMember(cls) is { } c ? CdkEnums.InstanceFamily(c) : null;
        var sz = EnumMember(size) is { } z ? CdkEnums.InstanceSize(z) : null;
        return family is not null && sz is not null
            ? new StringValue($"{family}.{sz}", range)
            : new UnknownValue($"'{cls}, {size}' is not an instance class and size the analysis knows", range);
    }

    /// <summary>The member of <c>Type.MEMBER</c> when the receiver is a type-like name (starts with a capital).</summary>
    public static string? EnumMember(ExpressionSyntax e) =>
        e is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax, Name: var n } m
        && m.Expression.ToString().Split('.')[^1] is { Length: > 0 } owner && char.IsUpper(owner[0])
            ? n.Identifier.ValueText
            : null;

    private static IacValue Unknown(IdentifierNameSyntax id, SourceRange range)
    {
        var name = id.Identifier.ValueText;
        bool parameter = id.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()?.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name) == true;
        return new UnknownValue(parameter ? $"the parameter '{name}', known only when the app runs" : $"'{name}' is not a constant the analysis can read", range);
    }

    /// <summary>The expression a name stands for: a local declared before the use in an enclosing block, or a field of the enclosing class.</summary>
    public (ExpressionSyntax Value, CSharpSource Source)? FindDefinition(IdentifierNameSyntax id, CSharpSource source)
    {
        var name = id.Identifier.ValueText;
        for (SyntaxNode? scope = id.Parent; scope is not null; scope = scope.Parent)
        {
            if (scope is BlockSyntax or CompilationUnitSyntax or SwitchSectionSyntax)
            {
                ExpressionSyntax? found = null;
                foreach (var statement in scope.ChildNodes())
                {
                    if (statement.SpanStart >= id.SpanStart) break;
                    var declaration = statement switch
                    {
                        LocalDeclarationStatementSyntax l => l.Declaration,
                        GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax gl } => gl.Declaration,
                        _ => null,
                    };
                    if (declaration is null) continue;
                    foreach (var v in declaration.Variables)
                        if (v.Identifier.ValueText == name && v.Initializer is { } init) found = init.Value;
                }
                if (found is not null) return ReassignedLater(scope, name) ? null : (found, source);
            }
            // A parameter hides the class's members: it is read from the bindings, or is unknown.
            if (scope is BaseMethodDeclarationSyntax method && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name)) return null;
            if (scope is TypeDeclarationSyntax type && classes.Member(type.Identifier.ValueText, name) is { } member) return member;
        }
        return null;
    }

    /// <summary>A local assigned again after its declaration is not a constant: the analysis does not follow control flow.</summary>
    private static bool ReassignedLater(SyntaxNode scope, string name) =>
        scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax l && l.Identifier.ValueText == name);

    private static IacValue Literal(LiteralExpressionSyntax lit, SourceRange range) => lit.Kind() switch
    {
        SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression => new StringValue(lit.Token.ValueText, range),
        SyntaxKind.NumericLiteralExpression => new NumberValue(Convert.ToDouble(lit.Token.Value ?? 0, CultureInfo.InvariantCulture),
            Convert.ToString(lit.Token.Value, CultureInfo.InvariantCulture) ?? lit.Token.Text, range),
        SyntaxKind.TrueLiteralExpression => new BoolValue(true, range),
        SyntaxKind.FalseLiteralExpression => new BoolValue(false, range),
        SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression => new NullValue(range),
        SyntaxKind.CharacterLiteralExpression => new StringValue(lit.Token.ValueText, range),
        _ => new UnknownValue("an unsupported literal", range),
    };

    private IacValue Interpolation(InterpolatedStringExpressionSyntax interp, CSharpSource source, SourceRange range, int depth)
    {
        var sb = new StringBuilder();
        foreach (var part in interp.Contents)
        {
            if (part is InterpolatedStringTextSyntax t) { sb.Append(t.TextToken.ValueText); continue; }
            if (part is not InterpolationSyntax hole) continue;
            if (hole.FormatClause is not null || hole.AlignmentClause is not null)
                return new UnknownValue("a formatted interpolation", range);
            var v = Eval(hole.Expression, source, hole.Expression, depth + 1);
            if (v is UnknownValue u) return new UnknownValue($"built from {u.Reason}", range);
            if (v.AsString() is not { } s) return new UnknownValue("built from a value that is not a scalar", range);
            sb.Append(s);
        }
        return new StringValue(sb.ToString(), range);
    }

    private IacValue Concat(BinaryExpressionSyntax add, CSharpSource source, SourceRange range, int depth)
    {
        var left = Eval(add.Left, source, add.Left, depth + 1);
        var right = Eval(add.Right, source, add.Right, depth + 1);
        if (left is UnknownValue ul) return new UnknownValue($"built from {ul.Reason}", range);
        if (right is UnknownValue ur) return new UnknownValue($"built from {ur.Reason}", range);
        if (left is NumberValue a && right is NumberValue b)
            return new NumberValue(a.Value + b.Value, (a.Value + b.Value).ToString(CultureInfo.InvariantCulture), range);
        return left.AsString() is { } l && right.AsString() is { } r ? new StringValue(l + r, range) : new UnknownValue("a sum of non-scalars", range);
    }

    private ListValue List(InitializerExpressionSyntax init, CSharpSource source, SourceRange range, int depth) =>
        new(init.Expressions.Select(x => Eval(x, source, x, depth + 1)).ToList(), range);

    /// <summary><c>new T { A = 1 }</c> becomes a map by member name; <c>new Dictionary { ["k"] = v }</c> and <c>{ { "k", v } }</c> by key.</summary>
    private IacValue ObjectInitializer(InitializerExpressionSyntax init, CSharpSource source,
        SourceRange range, int depth)
    {
        if (init.IsKind(SyntaxKind.CollectionInitializerExpression) && init.Expressions.All(x => x is not InitializerExpressionSyntax))
            return List(init, source, range, depth);
        var entries = new List<MapEntry>();
        foreach (var e in init.Expressions)
        {
            switch (e)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } a:
                    entries.Add(new MapEntry(id.Identifier.ValueText, source.Range(id), Eval(a.Right, source, a.Right, depth + 1)));
                    break;
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [var key] } k } a:
                    if (Eval(key.Expression, source, key.Expression, depth + 1).AsString() is { } ks)
                        entries.Add(new MapEntry(ks, source.Range(k), Eval(a.Right, source, a.Right, depth + 1)));
                    else return new UnknownValue("a map with a computed key", range);
                    break;
                case InitializerExpressionSyntax { Expressions: [var key, var value] } pair:
                    if (Eval(key, source, key, depth + 1).AsString() is { } ps)
                        entries.Add(new MapEntry(ps, source.Range(key), Eval(value, source, value, depth + 1)));
                    else return new UnknownValue("a map with a computed key", range);
                    break;
            }
        }
        return new MapValue(entries, range);
    }

    private static IacValue FromConstant(object? value, SourceRange range) => value switch
    {
        null => new NullValue(range),
        string s => new StringValue(s, range),
        bool b => new BoolValue(b, range),
        char c => new StringValue(c.ToString(), range),
        IConvertible n => new NumberValue(n.ToDouble(CultureInfo.InvariantCulture), Convert.ToString(n, CultureInfo.InvariantCulture) ?? "", range),
        _ => new UnknownValue("a constant of an unsupported type", range),
    };

    private static Optional<object?> SafeConstant(SemanticModel model, ExpressionSyntax e)
    {
        // A node from another tree (a constant followed into another file) has no value in this file's model.
        if (e.SyntaxTree != model.SyntaxTree) return default;
        try
        {
            // An enum member's constant is its number; CDK enums are read by name (CdkValueReader).
            if (model.GetTypeInfo(e).Type is { TypeKind: TypeKind.Enum }) return default;
            return model.GetConstantValue(e);
        }
        catch (ArgumentException) { return default; }
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..57] + "..." : s;
}
