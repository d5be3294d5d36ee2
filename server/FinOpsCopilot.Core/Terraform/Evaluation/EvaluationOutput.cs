using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>What evaluating module trees produced, by the file each resource or diagnostic belongs to.</summary>
internal sealed class EvaluationOutput
{
    private readonly HashSet<(string, SourceDiagnostic)> _seen = [];

    public Dictionary<string, List<IacResource>> Resources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<SourceDiagnostic>> Diagnostics { get; } = new(StringComparer.Ordinal);

    /// <summary>The region of the root module whose evaluation reached each file first.</summary>
    public Dictionary<string, string?> Regions { get; } = new(StringComparer.Ordinal);

    /// <summary>Module directories evaluated (as root or child).</summary>
    public HashSet<string> VisitedDirectories { get; } = new(StringComparer.Ordinal);

    public void Add(IacResource resource)
    {
        if (!Resources.TryGetValue(resource.FilePath, out var list)) Resources[resource.FilePath] = list = [];
        list.Add(resource);
    }

    /// <summary>Adds a diagnostic once, however many module instances report it.</summary>
    public void Add(string file, SourceDiagnostic diagnostic)
    {
        if (!_seen.Add((file, diagnostic))) return;
        if (!Diagnostics.TryGetValue(file, out var list)) Diagnostics[file] = list = [];
        list.Add(diagnostic);
    }

    public void MergeFrom(EvaluationOutput other)
    {
        foreach (var (_, list) in other.Resources)
            foreach (var r in list) Add(r);
        foreach (var (file, list) in other.Diagnostics)
            foreach (var d in list) Add(file, d);
        foreach (var (file, region) in other.Regions) Regions.TryAdd(file, region);
        VisitedDirectories.UnionWith(other.VisitedDirectories);
    }
}
