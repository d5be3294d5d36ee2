using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// The optional semantic model: a compilation of the app's files against the .NET runtime and, when found, the CDK
/// assemblies (the app's build output or the NuGet cache). It resolves constants across files and the exact
/// namespace of each construct class; without the CDK assemblies only the former.
/// </summary>
internal static class AppCompilation
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Runtime = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList());

    /// <summary>The CDK assemblies for an app, or an empty list when it was never built or restored.</summary>
    public static List<string> FindCdkAssemblies(string appDirectory)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var bin in Directory.EnumerateDirectories(appDirectory, "bin", SearchOption.AllDirectories).Take(8))
                foreach (var dll in Directory.EnumerateFiles(bin, "Amazon.*.dll", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(bin, "Constructs.dll", SearchOption.AllDirectories)))
                    found.TryAdd(Path.GetFileName(dll), dll);
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var package in new[] { "amazon.cdk.lib", "constructs", "amazon.jsii.runtime" })
            {
                var dir = Path.Combine(cache, package);
                if (!Directory.Exists(dir)) continue;
                var newest = Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).LastOrDefault();
                if (newest is null) continue;
                foreach (var dll in Directory.EnumerateFiles(newest, "*.dll", SearchOption.AllDirectories))
                    found.TryAdd(Path.GetFileName(dll), dll);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return found.Values.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Compiles the sources and gives each its semantic model.</summary>
    public static void Attach(IReadOnlyList<CSharpSource> sources, IEnumerable<string> cdkAssemblies)
    {
        var references = Runtime.Value.Concat(cdkAssemblies.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        var compilation = CSharpCompilation.Create("CdkApp", sources.Select(s => s.Tree), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        foreach (var source in sources) source.Model = compilation.GetSemanticModel(source.Tree, ignoreAccessibility: true);
    }
}
