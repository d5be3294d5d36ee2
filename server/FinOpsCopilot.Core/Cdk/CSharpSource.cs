using FinOpsCopilot.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>One parsed <c>.cs</c> file of a CDK app: its text (for LSP positions), syntax tree and namespace imports.</summary>
internal sealed class CSharpSource
{
    public CSharpSource(string path, string content)
    {
        Text = new SourceText(path, content);
        Tree = CSharpSyntaxTree.ParseText(content, ParseOptions, path);
        Root = (CompilationUnitSyntax)Tree.GetRoot();
        Usings = Root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Where(u => u.Name is not null)
            .Select(u => (Alias: u.Alias?.Name.Identifier.ValueText, Namespace: u.Name!.ToString(), u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
            .ToList();
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public SourceText Text { get; }
    public SyntaxTree Tree { get; }
    public CompilationUnitSyntax Root { get; }
    public string Path => Text.Path;

    /// <summary>The <c>using</c> directives: namespace imports and aliases (<c>using Ec2 = Amazon.CDK.AWS.EC2;</c>).</summary>
    public IReadOnlyList<(string? Alias, string Namespace, bool Global)> Usings { get; }

    /// <summary>Set when the app is compiled: resolves constants across files and the exact type of each construct.</summary>
    public SemanticModel? Model { get; set; }

    public SourceRange Range(SyntaxNode node) => Text.RangeOf(node.SpanStart, node.Span.End);

    public SourceRange Range(SyntaxToken token) => Text.RangeOf(token.SpanStart, token.Span.End);
}
