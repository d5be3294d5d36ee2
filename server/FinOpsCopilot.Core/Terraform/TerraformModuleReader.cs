using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform.Evaluation;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform;

/// <summary>
/// Reads Terraform files as Terraform does: the <c>.tf</c>/<c>.tf.json</c> files of a directory form one module.
/// Directories that another requested directory calls as a local module are evaluated as that module (with its
/// inputs), the others as root modules (with their tfvars and the given var files). Returns one document per
/// requested file, holding the resource instances declared in it.
/// </summary>
public static class TerraformModuleReader
{
    public static bool IsTerraformFile(string path) => ModuleLoader.IsTerraformFile(path);

    /// <summary>Reads the modules the <paramref name="files"/> belong to and returns a document for each of those files.</summary>
    /// <param name="files">Terraform files to report on.</param>
    /// <param name="varFiles">Extra variable files (<c>-var-file</c>) applied to every root module, after its automatic ones.</param>
    /// <param name="buffers">Text already in memory (editor buffers) by path, in place of the files on disk.</param>
    public static List<IacDocument> Read(IReadOnlyCollection<string> files, IReadOnlyList<string>? varFiles = null,
        IReadOnlyDictionary<string, string>? buffers = null)
    {
        var loader = new ModuleLoader();
        if (buffers is not null)
            foreach (var (path, content) in buffers) loader.Provide(Path.GetFullPath(path), content);
        var requested = files.Select(f => (Given: f, Full: Path.GetFullPath(f))).DistinctBy(f => f.Full, StringComparer.Ordinal).ToList();
        var directories = requested.Select(f => Path.GetDirectoryName(f.Full) ?? "/").Distinct(StringComparer.Ordinal).ToList();
        directories.Sort(StringComparer.Ordinal);

        var called = CalledDirectories(loader, directories);
        var roots = directories.Where(d => !called.Contains(d)).ToList();
        var output = EvaluateRoots(loader, roots, varFiles ?? []);
        // Directories only reachable through a cycle of module calls were never visited: read them as roots.
        var missed = directories.Where(d => !output.VisitedDirectories.Contains(d)).ToList();
        if (missed.Count > 0) output.MergeFrom(EvaluateRoots(loader, missed, varFiles ?? []));

        // Findings show paths as the user gave them; full paths are for the files they did not name.
        var displayPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (given, full) in requested) displayPaths[full] = given;
        var documents = new List<IacDocument>(requested.Count);
        foreach (var (given, full) in requested)
        {
            var file = loader.File(full);
            if (file is null) continue;
            var text = file.Text.Path == given ? file.Text : new SourceText(given, file.Text.Content);
            var resources = (output.Resources.GetValueOrDefault(full) ?? []).Select(r => WithDisplayPaths(r, displayPaths)).ToList();
            var diagnostics = new List<SourceDiagnostic>(file.Diagnostics);
            diagnostics.AddRange(output.Diagnostics.GetValueOrDefault(full) ?? []);
            documents.Add(new IacDocument
            {
                Text = text,
                Format = file.IsJson ? IacFormat.TerraformJson : IacFormat.Terraform,
                Resources = resources,
                Diagnostics = diagnostics,
                Region = output.Regions.GetValueOrDefault(full),
            });
        }
        return documents;
    }

    /// <summary>The requested directories some other requested directory calls as a local module.</summary>
    private static HashSet<string> CalledDirectories(ModuleLoader loader, List<string> directories)
    {
        var set = new HashSet<string>(directories, StringComparer.Ordinal);
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in directories)
        {
            if (loader.Module(dir) is not { } module) continue;
            foreach (var call in module.ModuleCalls)
                if (TerraformModule.SourceOf(call.Node) is { } source && TerraformModule.LocalSource(dir, source) is { } child
                    && child != dir && set.Contains(child))
                    called.Add(child);
        }
        return called;
    }

    private static EvaluationOutput EvaluateRoots(ModuleLoader loader, List<string> roots, IReadOnlyList<string> varFiles)
    {
        var outputs = new EvaluationOutput[roots.Count];
        Parallel.For(0, roots.Count, i =>
        {
            var output = new EvaluationOutput();
            outputs[i] = output;
            if (loader.Module(roots[i]) is not { } module) return;
            var variables = new Dictionary<string, Located>(StringComparer.Ordinal);
            VariableFiles.Read(VariableFiles.Automatic(roots[i]), variables);
            VariableFiles.Read(varFiles, variables);
            try
            {
                new ModuleEvaluator(loader, output).EvaluateRoot(module, variables);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An evaluator bug must cost one module, never the run: say so where the user will see it.
                output.Add(module.Files[0].Path, new SourceDiagnostic(RuleCodes.ParseError,
                    $"Internal error while evaluating this module ({e.GetType().Name}: {e.Message}); please report it",
                    SourceRange.Empty(new SourcePosition(0, 0))));
            }
        });
        var merged = new EvaluationOutput();
        foreach (var o in outputs) merged.MergeFrom(o);
        return merged;
    }

    private static IacResource WithDisplayPaths(IacResource r, Dictionary<string, string> displayPaths)
    {
        bool tagsMoved = r.Tags.Any(t => t.DeclaredIn is { } d && displayPaths.TryGetValue(d, out var shown) && shown != d);
        if (displayPaths.GetValueOrDefault(r.FilePath, r.FilePath) == r.FilePath && !tagsMoved) return r;
        return new IacResource
        {
            Type = r.Type,
            Name = r.Name,
            Address = r.Address,
            FilePath = displayPaths.GetValueOrDefault(r.FilePath, r.FilePath),
            Range = r.Range,
            NameRange = r.NameRange,
            Properties = r.Properties,
            Tags = tagsMoved
                ? r.Tags.Select(t => t.DeclaredIn is { } d ? t with { DeclaredIn = displayPaths.GetValueOrDefault(d, d) } : t).ToList()
                : r.Tags,
            TagShape = r.TagShape,
            TagContainer = r.TagContainer,
            UnknownTagsReason = r.UnknownTagsReason,
            IgnoredRules = r.IgnoredRules,
        };
    }
}
