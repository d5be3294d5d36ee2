using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// The CDK part of a workspace analysis: finds the apps among the discovered files (folders with a <c>cdk.json</c>)
/// and analyses each. Holds no Roslyn type, so calling it for a workspace without CDK apps loads nothing more.
/// </summary>
/// <summary>A CDK app to analyse; <see cref="OnlyFiles"/> limits the findings to the named files of it.</summary>
public sealed record CdkAppTarget(string Directory, IReadOnlySet<string>? OnlyFiles);

public static class CdkWorkspace
{
    /// <summary>
    /// The apps to analyse: the folder of each <c>cdk.json</c> found (file discovery lists it with the JSON files), whole;
    /// and the app a named <c>.cs</c> file belongs to, for that file's findings only.
    /// </summary>
    public static List<CdkAppTarget> AppsAmong(IEnumerable<string> files)
    {
        var whole = new SortedSet<string>(StringComparer.Ordinal);
        var partial = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (CdkAppReader.IsAppManifest(file)) whole.Add(Path.GetDirectoryName(Path.GetFullPath(file))!);
            else if (AppOf(file) is { } app)
            {
                if (!partial.TryGetValue(app, out var only)) partial[app] = only = new HashSet<string>(StringComparer.Ordinal);
                only.Add(Path.GetFullPath(file));
            }
        }
        return whole.Select(d => new CdkAppTarget(d, null))
            .Concat(partial.Where(p => !whole.Contains(p.Key)).Select(p => new CdkAppTarget(p.Key, p.Value)))
            .ToList();
    }

    /// <summary>True for a file the CDK analysis reads when it is named: a <c>cdk.json</c>, or a <c>.cs</c> file of an app.</summary>
    public static bool IsCdkInput(string file) => CdkAppReader.IsAppManifest(file) || AppOf(file) is not null;

    /// <summary>The app folder (nearest with a <c>cdk.json</c>) of a <c>.cs</c> file, or null.</summary>
    public static string? AppOf(string file)
    {
        if (!file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return null;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        for (int up = 0; dir is not null && up < 16; up++, dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, CdkAppReader.AppManifest))) return dir;
        return null;
    }

    public static (List<IacDocument> Documents, List<Finding> Findings) Analyze(
        IReadOnlyList<CdkAppTarget> apps, PolicyResolver policies, List<PathError> errors, List<PolicyException> policyErrors, CdkReadOptions? options = null)
    {
        var documents = new List<IacDocument>();
        var findings = new List<Finding>();
        foreach (var app in apps)
        {
            CdkAppResult result;
            try { result = CdkAppReader.Read(app.Directory, options); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A reader bug must cost one app, never the whole run.
                errors.Add(new PathError(app.Directory, $"internal error while reading this CDK app ({e.GetType().Name}: {e.Message}); please report it"));
                continue;
            }
            errors.AddRange(result.Errors);
            foreach (var document in result.Documents)
            {
                if (app.OnlyFiles is { } only && !only.Contains(document.Path)) continue;
                FinOpsPolicy policy;
                try { policy = policies.For(document.Path); }
                catch (PolicyException e)
                {
                    if (!policyErrors.Any(p => p.Message == e.Message)) policyErrors.Add(e);
                    policy = FinOpsPolicy.Empty;
                }
                documents.Add(document);
                findings.AddRange(DocumentAnalyzer.Analyze(document, policy));
            }
        }
        return (documents, findings);
    }
}
