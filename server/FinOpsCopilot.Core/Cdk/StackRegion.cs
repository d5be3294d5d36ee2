using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// The region a stack deploys to when its props say so literally: <c>Env = new Environment { Region = "eu-west-1" }</c>.
/// A region read from the environment (<c>CDK_DEFAULT_REGION</c>) or a variable is not known, and is not guessed.
/// </summary>
internal static class StackRegion
{
    public static string? Of(ConstructNode? stack)
    {
        if (stack?.Props is not { } props) return null;
        foreach (var env in props.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
        {
            if (env.Left is not IdentifierNameSyntax { Identifier.ValueText: "Env" } || env.Right is not BaseObjectCreationExpressionSyntax creation) continue;
            foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? [])
                if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "Region" }
                    && assignment.Right is LiteralExpressionSyntax literal && literal.Kind() == SyntaxKind.StringLiteralExpression)
                    return literal.Token.ValueText;
        }
        return null;
    }
}
