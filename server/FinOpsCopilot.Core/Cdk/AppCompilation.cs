using System.Collections.Concurrent;
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

    /// <summary>
    /// The CDK assemblies for an app: its build output (<c>bin/</c>) first, else the newest of each package in the
    /// NuGet cache; empty when the app was never built or restored. A null directory looks in the cache only.
    /// </summary>
    public static List<string> FindCdkAssemblies(string? appDirectory)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (appDirectory is not null)
        {
            try
            {
                foreach (var bin in Directory.EnumerateDirectories(appDirectory, "bin", SearchOption.AllDirectories).Take(8))
                    foreach (var dll in Directory.EnumerateFiles(bin, "*.dll", SearchOption.AllDirectories))
                        if (IsCdkAssembly(Path.GetFileName(dll))) found.TryAdd(Path.GetFileName(dll), dll);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "amazon.cdk.lib", "constructs", "amazon.jsii.runtime" })
        {
            try
            {
                var dir = Path.Combine(cache, package);
                if (!Directory.Exists(dir)) continue;
                var newest = Directory.EnumerateDirectories(dir)
                    .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
                    .MaxBy(d => d.Version).Dir;
                if (newest is null) continue;
                foreach (var dll in Directory.EnumerateFiles(newest, "*.dll", SearchOption.AllDirectories))
                    found.TryAdd(Path.GetFileName(dll), dll);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found.Values.Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsCdkAssembly(string name) =>
        name.StartsWith("Amazon.CDK", StringComparison.Ordinal) || name is "Constructs.dll" or "Amazon.JSII.Runtime.dll";

    /// <summary>Reading Amazon.CDK.Lib's metadata is the expensive part of a compilation: once per process per file.</summary>
    private static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);

    /// <summary>Compiles the sources and gives each its semantic model.</summary>
    public static void Attach(IReadOnlyList<CSharpSource> sources, IEnumerable<string> cdkAssemblies)
    {
        var references = Runtime.Value.Concat(cdkAssemblies.Select(p => References.GetOrAdd(p, static path => MetadataReference.CreateFromFile(path))));
        var compilation = CSharpCompilation.Create("CdkApp", sources.Select(s => s.Tree), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        foreach (var source in sources) source.Model = compilation.GetSemanticModel(source.Tree, ignoreAccessibility: true);
    }
}
