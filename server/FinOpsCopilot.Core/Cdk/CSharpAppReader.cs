using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>What the C# reader found: the constructs' resources (with the node each came from) and diagnostics, per file.</summary>
internal sealed record CSharpApp(
    IReadOnlyList<CSharpSource> Sources,
    IReadOnlyList<(ConstructNode Node, IacResource Resource)> Resources,
    IReadOnlyDictionary<string, List<SourceDiagnostic>> Diagnostics,
    ConstructNode Root,
    bool Semantic);

/// <summary>Reads the C# files of a CDK app into resources: parse, optionally compile, rebuild the construct tree, read props and tags.</summary>
internal static class CSharpAppReader
{
    public static CSharpApp Read(IReadOnlyList<(string Path, string Content)> files, IReadOnlyList<string>? cdkAssemblies, bool compile)
    {
        var sources = files.Select(f => new CSharpSource(f.Path, f.Content)).ToList();
        if (compile) AppCompilation.Attach(sources, cdkAssemblies ?? []);
        var classes = new ClassIndex(sources);
        var evaluator = new ExpressionEvaluator(classes);
        var builder = new ConstructTreeBuilder(sources, classes, evaluator);
        var root = builder.Build();
        var resources = new CdkResourceFactory(new ConstructProperties(evaluator)).Create(root).ToList();
        return new CSharpApp(sources, resources, builder.Diagnostics, root, compile);
    }
}
