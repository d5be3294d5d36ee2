using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// Turns the constructs of the tree that create CloudFormation resources into <see cref="IacResource"/>s: one per
/// resource part, at the construct's <c>new</c> expression, named by its construct id, addressed by its construct path.
/// </summary>
internal sealed class CdkResourceFactory(ConstructProperties properties)
{
    private readonly Dictionary<string, InlineSuppressions> _suppressions = new(StringComparer.Ordinal);

    public IEnumerable<(ConstructNode Node, IacResource Resource)> Create(ConstructNode root)
    {
        foreach (var node in root.Descendants())
        {
            if (node.CfnType is null || node.Creation is null || node.Source is null) continue;
            var source = node.Source;
            var range = source.Range(node.Creation);
            var nameRange = source.Range(node.IdExpression!);
            var ignored = Suppressions(source).For(node.Statement is { } s ? source.Range(s) : range);
            var (construct, stack) = FixTargets(node);
            foreach (var part in properties.Extract(node))
            {
                var props = new MapValue(part.Properties, range);
                var shape = ConstructCatalog.ShapeOf(part.CfnType, node.IsL2 || props.Entry("Tags") is not null);
                var (tags, unknown) = shape == TagShape.None ? ([], null) : TagEvaluator.Evaluate(node, part.CfnType, node.IsL2 ? null : props["Tags"]);
                var anchor = SourceRange.Empty(construct?.InsertAt ?? range.End);
                yield return (node, new IacResource
                {
                    Type = part.CfnType,
                    Name = node.Id,
                    Address = part.RelativeId is null ? node.Path : node.Path + "/" + part.RelativeId,
                    FilePath = source.Path,
                    Range = range,
                    NameRange = nameRange,
                    Properties = props,
                    Tags = tags,
                    TagShape = shape,
                    TagContainer = shape == TagShape.None ? null
                        : new TagContainer("Tags", shape, null, null, anchor) { Construct = construct, Stack = stack },
                    UnknownTagsReason = unknown,
                    IgnoredRules = ignored,
                    Region = StackRegion.Of(node.Stack),
                });
            }
        }
    }

    /// <summary>
    /// Where <c>Tags.Of(…).Add</c> fixes go: after the construct's declaration statement, naming it by its variable
    /// (or <c>Node.FindChild("id")</c> of its parent when it is not held in one); and for the whole stack, the first
    /// line of the stack's constructor body with <c>this</c>.
    /// </summary>
    internal static (TagStatementTarget? Construct, TagStatementTarget? Stack) FixTargets(ConstructNode node)
    {
        var source = node.Source!;
        TagStatementTarget? construct = null;
        if (node.Statement is { } statement && ScopeExpression(node) is { } expr)
        {
            var end = source.Text.PositionAt(statement.Span.End);
            construct = new TagStatementTarget(source.Path, expr, new SourcePosition(end.Line + 1, 0), source.Text.IndentationOf(source.Text.PositionAt(statement.SpanStart).Line));
        }
        TagStatementTarget? stack = null;
        if (node.Stack is { Body: BlockSyntax block, BodySource: { } stackSource })
        {
            var text = stackSource.Text;
            var open = text.PositionAt(block.OpenBraceToken.Span.End);
            var indent = block.Statements.Count > 0
                ? text.IndentationOf(text.PositionAt(block.Statements[0].SpanStart).Line)
                : text.IndentationOf(open.Line) + "    ";
            stack = new TagStatementTarget(stackSource.Path, "this", new SourcePosition(open.Line + 1, 0), indent);
        }
        return (construct, stack);
    }

    /// <summary>How code after the declaration names the construct: its variable, or a FindChild on a named parent.</summary>
    private static string? ScopeExpression(ConstructNode node)
    {
        if (node.Variable is { } v) return v;
        var literal = System.Text.Json.JsonSerializer.Serialize(node.Id);
        if (IsThisScope(node)) return $"Node.FindChild({literal})";
        return node.Parent?.Variable is { } parent ? $"{parent}.Node.FindChild({literal})" : null;
    }

    private static bool IsThisScope(ConstructNode node) =>
        node.Creation?.ArgumentList?.Arguments[0].Expression is ThisExpressionSyntax;

    private InlineSuppressions Suppressions(CSharpSource source)
    {
        if (!_suppressions.TryGetValue(source.Path, out var s)) _suppressions[source.Path] = s = InlineSuppressions.Scan(source.Text);
        return s;
    }
}
