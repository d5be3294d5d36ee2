using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// Rebuilds the construct tree from C# source: starts at <c>new App()</c>, follows each <c>new X(scope, "id", props)</c>
/// whose scope is <c>this</c> or a variable holding a construct, walks the constructors of the app's own stack and
/// construct classes (and the methods they call) once per instantiation, and records <c>Tags.Of(scope)</c> calls on
/// the scope they name. Stack classes that no <c>App</c> instantiates are analysed as stacks named after the class.
/// </summary>
internal sealed class ConstructTreeBuilder(IReadOnlyList<CSharpSource> sources, ClassIndex classes, ExpressionEvaluator evaluator)
{
    private const int MaxNesting = 12;

    private readonly HashSet<string> _instantiated = new(StringComparer.Ordinal);
    private readonly Stack<string> _walking = new();
    private readonly Dictionary<string, List<SourceDiagnostic>> _diagnostics = new(StringComparer.Ordinal);
    private readonly HashSet<(string, SourceDiagnostic)> _seen = [];
    private readonly Lazy<List<string>> _globalUsings = new(() =>
        sources.SelectMany(s => s.Usings).Where(u => u.Global && u.Alias is null).Select(u => u.Namespace).Distinct().ToList());
    private int _sequence;

    public ConstructNode Root { get; } = ConstructNode.App();

    public IReadOnlyDictionary<string, List<SourceDiagnostic>> Diagnostics => _diagnostics;

    public ConstructNode Build()
    {
        foreach (var source in sources)
            foreach (var app in source.Root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Where(c => TypeName(c) == "App"))
            {
                var body = (SyntaxNode?)app.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() ?? source.Root;
                if (Root.Body is not null && Root.Body == body) continue;
                Root.Body ??= body;
                Root.BodySource ??= source;
                var names = new Dictionary<string, ConstructNode>(StringComparer.Ordinal);
                if (Bound(app) is { } appName) names[appName] = Root;
                // Top-level statements: only the statements, never the classes declared after them.
                var statements = body is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().Cast<SyntaxNode>() : [body];
                foreach (var statement in statements) Walk(statement, source, thisNode: null, names, Bindings.None);
            }
        // Stacks and constructs nothing instantiates (a library, or an app whose Program.cs is elsewhere).
        foreach (var cls in classes.All)
        {
            if (_instantiated.Contains(cls.Name) || !classes.IsConstructClass(cls.Name) || IsAbstract(cls)) continue;
            if (classes.All.Any(c => c.BaseName == cls.Name)) continue;
            var node = new ConstructNode(Root, cls.Name) { ClassName = cls.Name, IsStack = classes.IsStackClass(cls.Name) };
            WalkClass(cls, node);
        }
        return Root;
    }

    /// <summary>
    /// Walks the constructor an instantiation calls (all of them for a class nothing instantiates), with its parameters
    /// bound to the arguments, and its first parameter (the scope) naming the parent construct.
    /// </summary>
    private void WalkClass(AppClass cls, ConstructNode node, ArgumentListSyntax? args = null, CSharpSource? argSource = null, Bindings? caller = null)
    {
        _instantiated.Add(cls.Name);
        if (_walking.Contains(cls.Name) || _walking.Count >= MaxNesting) return;
        _walking.Push(cls.Name);
        try
        {
            var ctors = args is null ? cls.Constructors.ToList() : Chosen(cls, args.Arguments.Count);
            foreach (var ctor in ctors)
            {
                var bindings = args is null ? Bindings.None : Bindings.For(ctor, cls.Source, args, argSource!, caller ?? Bindings.None);
                // Base classes of the app run their constructors first, on the same construct, with what this one passes them.
                if (cls.BaseName is { } b && classes.Find(b) is { } baseClass && classes.IsConstructClass(b) && !_walking.Contains(b))
                    WalkClass(baseClass, node, ctor.Initializer?.ArgumentList, cls.Source, bindings);
                var names = new Dictionary<string, ConstructNode>(StringComparer.Ordinal);
                if (node.Parent is { } parent && ctor.ParameterList.Parameters.FirstOrDefault() is { } scope) names[scope.Identifier.ValueText] = parent;
                node.Body ??= ctor.Body;
                node.BodySource ??= cls.Source;
                if (((SyntaxNode?)ctor.Body ?? ctor.ExpressionBody) is { } body) Walk(body, cls.Source, node, names, bindings);
            }
        }
        finally { _walking.Pop(); }
    }

    /// <summary>The constructor a call with <paramref name="count"/> arguments runs: the first that accepts that many.</summary>
    private static List<ConstructorDeclarationSyntax> Chosen(AppClass cls, int count)
    {
        var all = cls.Constructors.Where(c => !c.Modifiers.Any(m => m.ValueText == "static")).ToList();
        var fits = all.FirstOrDefault(c => c.ParameterList.Parameters.Count >= count
            && c.ParameterList.Parameters.Count(p => p.Default is null && !p.Modifiers.Any(m => m.ValueText == "params")) <= count);
        return fits is not null ? [fits] : all.Take(1).ToList();
    }

    private void Walk(SyntaxNode body, CSharpSource source, ConstructNode? thisNode, Dictionary<string, ConstructNode> names, Bindings bindings)
    {
        var saved = evaluator.Current;
        evaluator.Current = bindings;
        try { WalkNodes(body, source, thisNode, names, bindings); }
        finally { evaluator.Current = saved; }
    }

    private void WalkNodes(SyntaxNode body, CSharpSource source, ConstructNode? thisNode, Dictionary<string, ConstructNode> names, Bindings bindings)
    {
        foreach (var n in body.DescendantNodes(d => d is not LocalFunctionStatementSyntax || d == body))
        {
            switch (n)
            {
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { Arguments.Count: >= 2 }:
                    Construct(creation, source, thisNode, names);
                    break;
                case InvocationExpressionSyntax call when TagCall(call) is var (kind, scopeExpr, args):
                    Tag(call, kind, scopeExpr, args, source, thisNode, names);
                    break;
                case InvocationExpressionSyntax call when thisNode is not null && LocalMethod(call) is { } method:
                    if (_walking.Count < MaxNesting && !_walking.Contains("method:" + method.Identifier.ValueText))
                    {
                        _walking.Push("method:" + method.Identifier.ValueText);
                        try { Walk((SyntaxNode?)method.Body ?? method.ExpressionBody!, source, thisNode, names, bindings); }
                        finally { _walking.Pop(); }
                    }
                    break;
            }
        }
    }

    private void Construct(BaseObjectCreationExpressionSyntax creation, CSharpSource source, ConstructNode? thisNode, Dictionary<string, ConstructNode> names)
    {
        var args = creation.ArgumentList!.Arguments;
        if (ResolveScope(args[0].Expression, thisNode, names) is not { } parent) return;
        // The compiled type's name when there is one: it sees through aliases and implicit `new(...)`.
        var typeName = source.Model?.GetTypeInfo(creation).Type is { TypeKind: not TypeKind.Error } compiled ? compiled.Name : TypeName(creation);
        if (typeName is null or "App") return;
        var id = evaluator.Evaluate(args[1].Expression, source).AsString() ?? args[1].Expression.ToString();
        var statement = DeclaringStatement(creation);
        var props = args.Count >= 3 ? args[2].Expression : null;
        ConstructNode node;
        if (classes.IsConstructClass(typeName) && classes.Find(typeName) is { } cls)
        {
            node = new ConstructNode(parent, id)
            {
                ClassName = typeName, IsStack = classes.IsStackClass(typeName), Creation = creation, IdExpression = args[1].Expression,
                Source = source, Statement = statement, Props = props, Bindings = evaluator.Current,
            };
            Bind(creation, node, names);
            WalkClass(cls, node, creation.ArgumentList, source, evaluator.Current);
            return;
        }
        var (mapping, cfnType, problem) = Resolve(creation, typeName, source);
        if (problem is not null) Report(source, new SourceDiagnostic(RuleCodes.NotAnalysed, problem, source.Range(TypeSyntaxOf(creation) ?? (SyntaxNode)creation)));
        node = new ConstructNode(parent, id)
        {
            ClassName = typeName,
            IsStack = typeName is "Stack" or "NestedStack",
            CfnType = mapping?.CfnType ?? cfnType,
            Kind = mapping?.Kind ?? (cfnType is null ? PropsKind.None : PropsKind.L1),
            IsL2 = mapping is not null,
            Creation = creation,
            IdExpression = args[1].Expression,
            Props = props,
            Source = source,
            Statement = statement,
            Bindings = evaluator.Current,
        };
        Bind(creation, node, names);
    }

    /// <summary>The L2 mapping or L1 type of a class name, using the written qualifier, the semantic model or the file's usings.</summary>
    private (ConstructMapping? Mapping, string? CfnType, string? Problem) Resolve(BaseObjectCreationExpressionSyntax creation, string typeName, CSharpSource source)
    {
        var namespaces = CandidateNamespaces(creation, source);
        if (typeName == "CfnResource") return (null, GenericResourceType(creation, source), null);
        if (ConstructCatalog.CoreElements.Contains(typeName)) return (null, null, null);
        if (typeName.StartsWith("Cfn", StringComparison.Ordinal))
        {
            var types = namespaces.Select(ns => ConstructCatalog.L1Type(typeName, ns)).OfType<string>().Distinct().ToList();
            var known = types.Where(ConstructCatalog.IsKnownType).ToList();
            if (known.Count == 1) return (null, known[0], null);
            if (types.Count == 1) return (null, types[0], null);
            return types.Count == 0 ? (null, null, $"'{typeName}' is not analysed: no 'using Amazon.CDK.AWS.<Service>;' says which service it belongs to")
                : known.Count > 1 ? (null, null, $"'{typeName}' is not analysed: it is ambiguous between {string.Join(" and ", known)}")
                : (null, null, $"'{typeName}' is not analysed: none of {string.Join(", ", types)} is a resource type the catalog knows");
        }
        var candidates = ConstructCatalog.Candidates(typeName).ToList();
        if (candidates.Count == 0) return (null, null, null);
        var imported = candidates.Where(c => namespaces.Contains(c.Namespace)).ToList();
        if (imported.Count == 1) return (imported[0], null, null);
        if (imported.Count == 0 && candidates.Count == 1 && namespaces.Count == 0) return (candidates[0], null, null);
        if (imported.Count > 1)
            return (null, null, $"'{typeName}' is not analysed: it is ambiguous between {string.Join(" and ", imported.Select(c => c.CfnType))}");
        return (null, null, null);
    }

    /// <summary><c>new CfnResource(this, "Id", new CfnResourceProps { Type = "AWS::…" })</c>: the type it names, when constant.</summary>
    private string? GenericResourceType(BaseObjectCreationExpressionSyntax creation, CSharpSource source)
    {
        var args = creation.ArgumentList!.Arguments;
        if (args.Count < 3 || !evaluator.Initializer(args[2].Expression, source).TryGetValue("Type", out var type)) return null;
        return evaluator.Evaluate(type.Value, type.Source).AsString() is { } t && t.Contains("::", StringComparison.Ordinal) ? t : null;
    }

    /// <summary>The namespaces a type name may come from: exact when compiled, else the written qualifier or the usings.</summary>
    private List<string> CandidateNamespaces(BaseObjectCreationExpressionSyntax creation, CSharpSource source)
    {
        if (source.Model?.GetTypeInfo(creation).Type is { TypeKind: not TypeKind.Error } type)
            return [type.ContainingNamespace.ToDisplayString()];
        if (TypeSyntaxOf(creation) is { } t && ConstructCatalog.Qualifier(t) is { } q)
        {
            var alias = source.Usings.FirstOrDefault(u => u.Alias == q);
            if (alias.Namespace is not null) return [alias.Namespace];
            if (q.StartsWith(ConstructCatalog.AwsNamespacePrefix, StringComparison.Ordinal)) return [q];
            // "EC2.Instance" under "using Amazon.CDK.AWS;"
            return [ConstructCatalog.AwsNamespacePrefix + q.Split('.')[^1]];
        }
        return source.Usings.Where(u => u.Alias is null).Select(u => u.Namespace).Concat(_globalUsings.Value).Distinct().ToList();
    }

    private void Tag(InvocationExpressionSyntax call, bool remove, ExpressionSyntax scopeExpr, SeparatedSyntaxList<ArgumentSyntax> args,
        CSharpSource source, ConstructNode? thisNode, Dictionary<string, ConstructNode> names)
    {
        if (ResolveScope(scopeExpr, thisNode, names) is not { } scope)
        {
            Report(source, new SourceDiagnostic(RuleCodes.NotAnalysed,
                $"Tags.Of({scopeExpr}): the analysis cannot tell which construct '{scopeExpr}' is, so these tags are not applied", source.Range(call)));
            return;
        }
        int needed = remove ? 1 : 2;
        if (args.Count < needed) return;
        var key = evaluator.Evaluate(args[0].Expression, source);
        var value = remove ? null : evaluator.Evaluate(args[1].Expression, source);
        var propsExpr = args.Count > needed ? args[needed].Expression : null;
        int priority = remove ? TagOperation.RemovePriority : TagOperation.AddPriority;
        IReadOnlyList<string>? include = null, exclude = null;
        string? unknownProps = null;
        if (propsExpr is not null)
        {
            var props = evaluator.Initializer(propsExpr, source);
            if (props.Count == 0 && propsExpr is not BaseObjectCreationExpressionSyntax) unknownProps = $"its TagProps '{propsExpr}' cannot be read";
            if (props.TryGetValue("Priority", out var p))
            {
                if (evaluator.Evaluate(p.Value, p.Source) is NumberValue n) priority = (int)n.Value;
                else unknownProps = "its priority is computed";
            }
            include = StringList(props, "IncludeResourceTypes", ref unknownProps);
            exclude = StringList(props, "ExcludeResourceTypes", ref unknownProps);
        }
        scope.TagOperations.Add(new TagOperation(remove, key, value, priority, include, exclude, source.Path, _sequence++, unknownProps));
    }

    private IReadOnlyList<string>? StringList(Dictionary<string, (ExpressionSyntax Value, CSharpSource Source)> props, string name, ref string? unknown)
    {
        if (!props.TryGetValue(name, out var e)) return null;
        if (evaluator.Evaluate(e.Value, e.Source) is ListValue list && list.Items.All(i => i.AsString() is not null))
            return list.Items.Select(i => i.AsString()!).ToList();
        unknown ??= $"its {name} are computed";
        return null;
    }

    /// <summary>
    /// The construct an expression names: <c>this</c>, a variable or field bound to a construct, <c>x.Prop</c> where
    /// a construct class assigned a child to <c>Prop</c>, <c>Stack.Of(x)</c>, or <c>x.Node.FindChild("id")</c>.
    /// </summary>
    private static ConstructNode? ResolveScope(ExpressionSyntax e, ConstructNode? thisNode, Dictionary<string, ConstructNode> names)
    {
        switch (e)
        {
            case ThisExpressionSyntax:
                return thisNode;
            case ParenthesizedExpressionSyntax p:
                return ResolveScope(p.Expression, thisNode, names);
            case CastExpressionSyntax c:
                return ResolveScope(c.Expression, thisNode, names);
            case IdentifierNameSyntax id:
                return names.GetValueOrDefault(id.Identifier.ValueText);
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } m:
                return names.GetValueOrDefault(m.Name.Identifier.ValueText);
            case MemberAccessExpressionSyntax m when ResolveScope(m.Expression, thisNode, names) is { } owner:
                return owner.Descendants().FirstOrDefault(d => d.Variable == m.Name.Identifier.ValueText);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Of", Expression: var t }, ArgumentList.Arguments: [var a] }
                when t.ToString().EndsWith("Stack", StringComparison.Ordinal):
                return ResolveScope(a.Expression, thisNode, names)?.Stack;
            case InvocationExpressionSyntax { Expression: var callee, ArgumentList.Arguments: [var child] } when FindChildReceiver(callee) is var (receiver, ok) && ok:
                var parent = receiver is null ? thisNode : ResolveScope(receiver, thisNode, names);
                return child.Expression is LiteralExpressionSyntax lit ? parent?.Children.FirstOrDefault(c => c.Id == lit.Token.ValueText) : null;
        }
        return null;
    }

    /// <summary><c>Node.FindChild</c> (receiver <c>this</c>) or <c>x.Node.FindChild</c> (receiver <c>x</c>).</summary>
    private static (ExpressionSyntax? Receiver, bool Ok) FindChildReceiver(ExpressionSyntax callee) => callee switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FindChild" or "TryFindChild", Expression: IdentifierNameSyntax { Identifier.ValueText: "Node" } } => (null, true),
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FindChild" or "TryFindChild", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Node", Expression: var r } } => (r, true),
        _ => (null, false),
    };

    /// <summary><c>Tags.Of(scope).Add(...)</c> / <c>.Remove(...)</c>: whether it removes, the scope, the arguments.</summary>
    private static (bool Remove, ExpressionSyntax Scope, SeparatedSyntaxList<ArgumentSyntax> Args)? TagCall(InvocationExpressionSyntax call)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var verb and ("Add" or "Remove") } m) return null;
        if (m.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Of" } of, ArgumentList.Arguments: [var scope] }) return null;
        var owner = of.Expression.ToString();
        if (owner != "Tags" && !owner.EndsWith(".Tags", StringComparison.Ordinal)) return null;
        return (verb == "Remove", scope.Expression, call.ArgumentList.Arguments);
    }

    private static MethodDeclarationSyntax? LocalMethod(InvocationExpressionSyntax call)
    {
        var name = call.Expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var n } => n.Identifier.ValueText,
            _ => null,
        };
        if (name is null || ClassIndex.EnclosingType(call) is not { } type) return null;
        return type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == name && (m.Body ?? (SyntaxNode?)m.ExpressionBody) is not null);
    }

    private static void Bind(BaseObjectCreationExpressionSyntax creation, ConstructNode node, Dictionary<string, ConstructNode> names)
    {
        if (Bound(creation) is { } name)
        {
            names[name] = node;
            node.Variable = name;
        }
    }

    /// <summary>The local, field or property an expression is assigned to (<c>var x = new …</c>, <c>X = new …</c>, <c>this.X = new …</c>).</summary>
    private static string? Bound(ExpressionSyntax e)
    {
        var parent = e.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax) parent = parent.Parent;
        return parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } => v.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } => id.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var n } } => n.Identifier.ValueText,
            _ => null,
        };
    }

    private static StatementSyntax? DeclaringStatement(SyntaxNode node) =>
        node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax);

    private static TypeSyntax? TypeSyntaxOf(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax o => o.Type,
        ImplicitObjectCreationExpressionSyntax i => i.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: { IsVar: false } t } } } => t,
            _ => null,
        },
        _ => null,
    };

    private static string? TypeName(BaseObjectCreationExpressionSyntax creation) =>
        TypeSyntaxOf(creation) is { } t ? ConstructCatalog.SimpleName(t) : null;

    private static bool IsAbstract(AppClass cls) => cls.Syntax.Modifiers.Any(m => m.ValueText == "abstract");

    private void Report(CSharpSource source, SourceDiagnostic diagnostic)
    {
        if (!_seen.Add((source.Path, diagnostic))) return;
        if (!_diagnostics.TryGetValue(source.Path, out var list)) _diagnostics[source.Path] = list = [];
        list.Add(diagnostic);
    }
}
