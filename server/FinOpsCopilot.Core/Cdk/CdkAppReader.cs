using System.Text.Json;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>What reading a CDK app gave: a document per file with findings to show, and the files that could not be read.</summary>
public sealed record CdkAppResult(IReadOnlyList<IacDocument> Documents, IReadOnlyList<PathError> Errors, bool UsedSemanticModel);

/// <summary>
/// Reads a CDK app directory (one with a <c>cdk.json</c>): its C# source with Roslyn, and its synthesized cloud
/// assembly mapped back to the source (<see cref="AssemblyMapper"/>). The only entry point that touches Roslyn, so a
/// run over folders without a CDK app never loads it.
/// </summary>
public static class CdkAppReader
{
    public const string AppManifest = "cdk.json";

    public static bool IsAppManifest(string path) => Path.GetFileName(path) == AppManifest;

    /// <summary>The region of a file's resources when they all deploy to one (a file may hold several stacks).</summary>
    private static string? CommonRegion(IReadOnlyCollection<IacResource> resources) =>
        resources.Select(r => r.Region).Distinct().ToList() is [{ } only] ? only : null;

    /// <param name="buffers">Editor buffers by full path, read in place of those files on disk.</param>
    public static CdkAppResult Read(string appDirectory, CdkReadOptions? options = null, IReadOnlyDictionary<string, string>? buffers = null)
    {
        options ??= CdkReadOptions.Default;
        var errors = new List<PathError>();
        var csharp = new List<(string, string)>();
        var others = new List<string>();
        foreach (var file in SourceFiles(appDirectory))
        {
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                if ((buffers?.GetValueOrDefault(file) ?? ReadText(file, errors)) is { } content) csharp.Add((file, content));
            }
            else if (SourceIdLocator.IsSource(file)) others.Add(file);
        }
        var assemblyDir = Path.Combine(appDirectory, OutputDirectory(appDirectory));
        return Read(csharp, Directory.Exists(assemblyDir) && options.ReadCloudAssembly ? assemblyDir : null,
            () => others.Select(f => ReadText(f, errors) is { } c ? new SourceText(f, c) : null).OfType<SourceText>().ToList(),
            options, () => AppCompilation.FindCdkAssemblies(appDirectory), errors);
    }

    /// <summary>
    /// Reads C# source held in memory (an editor's buffers, tests, benchmarks), with an optional cloud assembly folder;
    /// the semantic model, when asked for, uses the CDK assemblies of the NuGet cache.
    /// </summary>
    public static CdkAppResult ReadSources(IReadOnlyList<(string Path, string Content)> csharpFiles, string? cloudAssembly = null, CdkReadOptions? options = null) =>
        Read(csharpFiles, cloudAssembly, () => [], options ?? CdkReadOptions.Default, () => AppCompilation.FindCdkAssemblies(null), []);

    private static CdkAppResult Read(IReadOnlyList<(string Path, string Content)> csharpFiles, string? cloudAssembly,
        Func<List<SourceText>> otherSources, CdkReadOptions options, Func<List<string>> cdkAssemblies, List<PathError> errors)
    {
        CSharpApp? app = null;
        bool semantic = false;
        if (csharpFiles.Count > 0)
        {
            var references = options.Semantic == SemanticMode.Never ? [] : cdkAssemblies();
            semantic = options.Semantic == SemanticMode.Always || (options.Semantic == SemanticMode.Auto && references.Count > 0);
            app = CSharpAppReader.Read(csharpFiles, references, semantic);
        }
        var documents = new List<IacDocument>();
        var relocated = new Dictionary<string, List<IacResource>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        Func<IacResource, IacResource> final = r => r;
        if (cloudAssembly is not null)
        {
            var problems = new List<SourceDiagnostic>();
            var templates = CloudAssembly.Read(cloudAssembly, problems);
            foreach (var p in problems) errors.Add(new PathError(cloudAssembly, p.Message));
            var mapper = new AssemblyMapper(app, app is null ? new SourceIdLocator(otherSources()) : null);
            foreach (var template in templates)
                if (mapper.Map(template) is { } doc) documents.Add(doc);
            foreach (var (path, list) in mapper.Relocated) relocated[path] = list;
            foreach (var (path, text) in mapper.RelocatedTexts) texts[path] = text;
            final = mapper.Final;
        }
        if (app is not null)
            foreach (var source in app.Sources)
            {
                var resources = app.Resources.Where(r => r.Node.Source == source).Select(r => final(r.Resource))
                    .Concat(relocated.GetValueOrDefault(source.Path) ?? []).ToList();
                var diagnostics = app.Diagnostics.GetValueOrDefault(source.Path) ?? [];
                relocated.Remove(source.Path);
                if (resources.Count == 0 && diagnostics.Count == 0) continue;
                documents.Add(new IacDocument { Text = source.Text, Format = IacFormat.CdkCSharp, Resources = resources, Diagnostics = diagnostics, Region = CommonRegion(resources) });
            }
        foreach (var (path, resources) in relocated)
            documents.Add(new IacDocument { Text = texts[path], Format = IacFormat.CdkAssembly, Resources = resources, Region = CommonRegion(resources) });
        documents.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new CdkAppResult(documents, errors, semantic);
    }

    /// <summary>The cloud assembly folder: <c>cdk.json</c>'s <c>output</c>, else <c>cdk.out</c>.</summary>
    private static string OutputDirectory(string appDirectory)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, AppManifest)),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("output", out var o)
                && o.GetString() is { Length: > 0 } output && !Path.IsPathRooted(output) && !output.Contains("..", StringComparison.Ordinal))
                return output;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException) { }
        return CloudAssembly.DirectoryName;
    }

    /// <summary>The app's source files, skipping build output, dependencies and the cloud assembly.</summary>
    private static List<string> SourceFiles(string directory)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var sub in Directory.EnumerateDirectories(dir))
                    if (!FileDiscovery.SkippedDirectories.Contains(Path.GetFileName(sub)) && new DirectoryInfo(sub).LinkTarget is null
                        && !File.Exists(Path.Combine(sub, AppManifest))) // another app, analysed on its own
                        pending.Push(sub);
                files.AddRange(Directory.EnumerateFiles(dir));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string? ReadText(string path, List<PathError> errors)
    {
        try
        {
            if (new FileInfo(path).Length > SourceFileReader.MaxBytes) { errors.Add(new PathError(path, "file too large to analyse")); return null; }
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new PathError(path, e.Message));
            return null;
        }
    }
}
