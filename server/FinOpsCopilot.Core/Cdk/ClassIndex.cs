using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>A class of the app, where it is written.</summary>
internal sealed record AppClass(string Name, TypeDeclarationSyntax Syntax, CSharpSource Source)
{
    public string? BaseName => Syntax.BaseList?.Types.FirstOrDefault()?.Type is { } t ? ConstructCatalog.SimpleName(t) : null;

    public IEnumerable<ConstructorDeclarationSyntax> Constructors => Syntax.Members.OfType<ConstructorDeclarationSyntax>();
}

/// <summary>
/// The classes of an app and their constant-like fields (<c>const</c>, <c>static readonly</c>, initialised fields and
/// properties), so values written elsewhere in the app can be followed without a compilation.
/// </summary>
internal sealed class ClassIndex
{
    private static readonly HashSet<string> FrameworkBases = new(StringComparer.Ordinal) { "Stack", "Construct", "NestedStack", "Stage" };

    private readonly Dictionary<string, List<AppClass>> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Class, string Member), (ExpressionSyntax Value, CSharpSource Source)> _members = [];
    private readonly HashSet<string> _constructClasses = new(StringComparer.Ordinal);

    public ClassIndex(IEnumerable<CSharpSource> sources)
    {
        foreach (var source in sources)
            foreach (var type in source.Root.DescendantNodes(n => n is not BlockSyntax).OfType<TypeDeclarationSyntax>())
            {
                var cls = new AppClass(type.Identifier.ValueText, type, source);
                if (!_classes.TryGetValue(cls.Name, out var list)) _classes[cls.Name] = list = [];
                list.Add(cls);
                IndexMembers(type, source);
            }
        // A class is a construct when its base is a CDK construct class or, transitively, one of the app's.
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var cls in _classes.Values.SelectMany(l => l))
                if (cls.BaseName is { } b && (FrameworkBases.Contains(b) || _constructClasses.Contains(b)) && _constructClasses.Add(cls.Name))
                    changed = true;
        }
    }

    public IEnumerable<AppClass> All => _classes.Values.SelectMany(l => l);

    public AppClass? Find(string name) => _classes.TryGetValue(name, out var l) ? l[0] : null;

    public bool IsConstructClass(string name) => _constructClasses.Contains(name);

    /// <summary>True when the class is (or derives, within the app, from) a CDK <c>Stack</c>.</summary>
    public bool IsStackClass(string name)
    {
        for (int depth = 0; depth < 16 && Find(name) is { } cls; depth++)
        {
            if (cls.BaseName is "Stack" or "NestedStack") return true;
            if (cls.BaseName is not { } b) return false;
            name = b;
        }
        return false;
    }

    public (ExpressionSyntax Value, CSharpSource Source)? Member(string className, string member) =>
        _members.TryGetValue((className, member), out var m) ? m : null;

    private void IndexMembers(TypeDeclarationSyntax type, CSharpSource source)
    {
        var name = type.Identifier.ValueText;
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var v in field.Declaration.Variables)
                        if (v.Initializer is { } init) _members[(name, v.Identifier.ValueText)] = (init.Value, source);
                    break;
                case PropertyDeclarationSyntax { Initializer: { } init } p:
                    _members[(name, p.Identifier.ValueText)] = (init.Value, source);
                    break;
                case PropertyDeclarationSyntax { ExpressionBody: { } body } p:
                    _members[(name, p.Identifier.ValueText)] = (body.Expression, source);
                    break;
                case EnumDeclarationSyntax:
                    break;
            }
        }
    }

    public static TypeDeclarationSyntax? EnclosingType(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
}
