using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// One construct of the app's construct tree as the source declares it: the app, a stack, a construct of the app's
/// own classes, or a CDK construct (L1 or L2) that creates CloudFormation resources.
/// </summary>
internal sealed class ConstructNode
{
    /// <summary>A construct with id <paramref name="id"/> under <paramref name="parent"/> (added to its children).</summary>
    public ConstructNode(ConstructNode parent, string id) : this(id, parent) { }

    private ConstructNode(string id, ConstructNode? parent)
    {
        Id = id;
        Parent = parent;
        Path = parent is null ? "" : parent.Path.Length == 0 ? id : parent.Path + "/" + id;
        parent?.Children.Add(this);
    }

    public static ConstructNode App() => new("", null) { IsApp = true };

    public string Id { get; }

    /// <summary>The construct path as <c>aws:cdk:path</c> writes it, e.g. <c>MyStack/WebServer</c>.</summary>
    public string Path { get; }

    public ConstructNode? Parent { get; }
    public List<ConstructNode> Children { get; } = [];
    public bool IsApp { get; private init; }
    public bool IsStack { get; init; }

    /// <summary>The class the source instantiates (simple name).</summary>
    public string ClassName { get; init; } = "";

    /// <summary>The CloudFormation type created, for L1 and known L2 constructs; null for the app's own constructs.</summary>
    public string? CfnType { get; init; }

    public PropsKind Kind { get; init; }
    public bool IsL2 { get; init; }

    public BaseObjectCreationExpressionSyntax? Creation { get; init; }
    public ExpressionSyntax? IdExpression { get; init; }
    public ExpressionSyntax? Props { get; init; }
    public CSharpSource? Source { get; init; }

    /// <summary>The statement that declares the construct (the fix goes on the line after it).</summary>
    public StatementSyntax? Statement { get; init; }

    /// <summary>The local, field or property the construct is assigned to, if any.</summary>
    public string? Variable { get; set; }

    /// <summary>For a stack or app construct: the constructor (or top-level code) whose <c>this</c> it is.</summary>
    public CSharpSource? BodySource { get; set; }
    public Microsoft.CodeAnalysis.SyntaxNode? Body { get; set; }

    public List<TagOperation> TagOperations { get; } = [];

    /// <summary>The constructor arguments in force where the construct is created (its props are read in them).</summary>
    public Bindings Bindings { get; init; } = Bindings.None;

    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    public ConstructNode? Stack
    {
        get
        {
            for (var n = this; n is not null; n = n.Parent) if (n.IsStack) return n;
            return null;
        }
    }

    public IEnumerable<ConstructNode> Ancestors()
    {
        for (var n = Parent; n is not null; n = n.Parent) yield return n;
    }

    public IEnumerable<ConstructNode> Descendants()
    {
        foreach (var c in Children)
        {
            yield return c;
            foreach (var d in c.Descendants()) yield return d;
        }
    }
}
