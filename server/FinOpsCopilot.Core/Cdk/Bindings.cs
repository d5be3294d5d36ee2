using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>An argument passed to a constructor parameter, and the bindings in force where it was written.</summary>
internal sealed record Argument(ExpressionSyntax Value, CSharpSource Source, Bindings Caller);

/// <summary>
/// The arguments one instantiation of an app's construct class passed to its constructor (<c>new WebTier(this, "Web",
/// new WebTierProps { Size = "m5.large" })</c>), so that <c>id</c>, <c>props.Size</c> and plain parameters can be read
/// inside it. Each instantiation has its own; arguments are read in their caller's bindings.
/// </summary>
internal sealed class Bindings
{
    public static readonly Bindings None = new(null, []);

    private readonly BaseMethodDeclarationSyntax? _method;
    private readonly Dictionary<string, Argument> _arguments;

    private Bindings(BaseMethodDeclarationSyntax? method, Dictionary<string, Argument> arguments)
    {
        _method = method;
        _arguments = arguments;
    }

    /// <summary>
    /// The parameters of <paramref name="method"/> (declared in <paramref name="declaredIn"/>) bound to
    /// <paramref name="arguments"/> by position or name; those not passed, to their default value.
    /// </summary>
    public static Bindings For(BaseMethodDeclarationSyntax method, CSharpSource declaredIn, ArgumentListSyntax? arguments, CSharpSource source, Bindings caller)
    {
        var bound = new Dictionary<string, Argument>(StringComparer.Ordinal);
        var parameters = method.ParameterList.Parameters;
        if (arguments is not null)
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                var arg = arguments.Arguments[i];
                var name = arg.NameColon?.Name.Identifier.ValueText ?? (i < parameters.Count ? parameters[i].Identifier.ValueText : null);
                if (name is not null) bound[name] = new Argument(arg.Expression, source, caller);
            }
        foreach (var p in parameters)
            if (p.Default is { } d && !bound.ContainsKey(p.Identifier.ValueText)) bound[p.Identifier.ValueText] = new Argument(d.Value, declaredIn, None);
        return new Bindings(method, bound);
    }

    /// <summary>The argument a parameter name stands for, when the name is a parameter of the bound constructor.</summary>
    public Argument? Find(IdentifierNameSyntax id) =>
        _method is not null && id.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() == _method
        && _arguments.TryGetValue(id.Identifier.ValueText, out var arg) ? arg : null;
}
