using System.Collections.Concurrent;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Cdk;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform;

namespace FinOpsCopilot.LanguageServer;

/// <summary>The analysis of one file at one version (null for a file read from disk).</summary>
public sealed record FileAnalysis(string Path, string Uri, int? Version, IacDocument? Document, IReadOnlyList<Finding> Findings, FinOpsPolicy Policy)
{
    /// <summary>The monthly cost estimate of the document's resources (null when it holds no infrastructure code).</summary>
    public DocumentCost? Cost { get; init; }

    public CostEstimate? CostOf(string address) => Cost?.Resources.FirstOrDefault(e => e.ResourceAddress == address);
}

/// <summary>
/// What the server knows of the workspace: its folders, the settings, the policies, and the latest analysis of every
/// file. All analysis goes through Core; this class only decides what to read (buffer or disk) and keeps results.
/// </summary>
public sealed class ServerWorkspace
{
    private readonly ConcurrentDictionary<string, FileAnalysis> _analyses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PolicyException> _policyErrors = new(StringComparer.Ordinal);
    private volatile PolicyResolver _resolver = new();

    public IReadOnlyList<string> Roots { get; set; } = [];
    public ServerSettings Settings { get; private set; } = ServerSettings.Default;

    public void Configure(ServerSettings settings)
    {
        Settings = settings;
        ResetPolicies();
    }

    /// <summary>Forget every policy read, so the next analysis reads policy files again.</summary>
    public void ResetPolicies()
    {
        _resolver = new PolicyResolver(Settings.PolicyPath is { } p ? ResolvePolicyPath(p) : null);
        _policyErrors.Clear();
    }

    public IReadOnlyDictionary<string, PolicyException> PolicyErrors => _policyErrors;

    public FileAnalysis? Get(string path) => _analyses.GetValueOrDefault(path);

    public IReadOnlyCollection<FileAnalysis> All => _analyses.Values.ToList();

    public void Forget(string path) => _analyses.TryRemove(path, out _);

    /// <summary>Analyses text (an editor buffer or a file's content) and keeps the result.</summary>
    public FileAnalysis Analyze(string path, string uri, int? version, string text) =>
        Guarded(path, uri, version, () => SourceFileReader.Read(path, text));

    /// <summary>
    /// Analyses every Terraform file of the workspace together, as Terraform reads them (a directory is a module; a
    /// called directory is evaluated as a child with its inputs), open buffers standing in for their files.
    /// </summary>
    public IReadOnlyList<FileAnalysis> AnalyzeTerraform(IReadOnlyCollection<OpenDocument> openTerraform)
    {
        var files = _terraformFiles.Keys.Concat(openTerraform.Select(d => d.Path)).Where(Path.IsPathRooted).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count == 0) return [];
        var open = openTerraform.ToDictionary(d => d.Path, StringComparer.Ordinal);
        List<IacDocument> documents;
        try
        {
            documents = TerraformModuleReader.Read(files, buffers: open.ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"[finops] Terraform analysis failed: {e}");
            return [];
        }
        return Keep(documents, open);
    }

    /// <summary>
    /// Analyses the CDK apps of the workspace (folders with a <c>cdk.json</c>) and of the open C# files, syntax only so
    /// typing stays fast; open buffers stand in for their files and cdk.out is mapped back to them.
    /// </summary>
    public IReadOnlyList<FileAnalysis> AnalyzeCdk(IReadOnlyCollection<OpenDocument> openCSharp)
    {
        var apps = _cdkApps.Keys.Concat(openCSharp.Select(d => CdkWorkspace.AppOf(d.Path)).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        if (apps.Count == 0) return [];
        var open = openCSharp.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var buffers = open.ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal);
        var documents = new List<IacDocument>();
        foreach (var app in apps)
        {
            try { documents.AddRange(CdkAppReader.Read(app, new CdkReadOptions { Semantic = SemanticMode.Never }, buffers).Documents); }
            catch (Exception e) when (e is not OutOfMemoryException) { Console.Error.WriteLine($"[finops] CDK analysis of {app} failed: {e}"); }
        }
        return Keep(documents, open);
    }

    private readonly ConcurrentDictionary<string, byte> _cdkApps = new(StringComparer.Ordinal);

    /// <summary>
    /// Analyses documents read together (a Terraform workspace, a CDK app) and keeps them. A finding belongs to the
    /// file it points into: a default tag's problem is shown at the provider block or the Tags.Of call.
    /// </summary>
    private List<FileAnalysis> Keep(List<IacDocument> documents, Dictionary<string, OpenDocument> open)
    {
        var analyses = documents.Select(d => open.TryGetValue(d.Path, out var o)
            ? Guarded(d.Path, o.Uri, o.Version, () => d)
            : Guarded(d.Path, DocumentUris.FromPath(d.Path), null, () => d)).ToList();
        var byFile = analyses.SelectMany(a => a.Findings).ToLookup(f => f.FilePath, StringComparer.Ordinal);
        var regrouped = analyses.Select(a => a with { Findings = byFile[a.Path].OrderBy(f => f, Comparer<Finding>.Create(FindingOrder.Compare)).ToList() }).ToList();
        foreach (var a in regrouped) _analyses[a.Path] = a;
        return regrouped;
    }

    /// <summary>The document that declares a resource, wherever its finding is shown.</summary>
    public IacDocument? DocumentDeclaring(string address) =>
        _analyses.Values.Select(a => a.Document).FirstOrDefault(d => d is not null && d.Resources.Any(r => r.Address == address));

    /// <summary>Terraform files of the workspace on disk, kept as the file watcher reports creations and deletions.</summary>
    private readonly ConcurrentDictionary<string, byte> _terraformFiles = new(StringComparer.Ordinal);

    public void TrackTerraformFile(string path, bool exists)
    {
        if (!TerraformModuleReader.IsTerraformFile(path)) return;
        if (exists) _terraformFiles[path] = 0; else _terraformFiles.TryRemove(path, out _);
    }

    private FileAnalysis Guarded(string path, string uri, int? version, Func<IacDocument?> read)
    {
        var policy = PolicyFor(path);
        IacDocument? document;
        List<Finding> findings;
        try
        {
            document = read();
            if (document is not null && !Settings.Analyses(document.Format)) document = null;
            findings = document is null ? [] : DocumentAnalyzer.Analyze(document, policy);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One file's failure is one diagnostic, never a dead server.
            Console.Error.WriteLine($"[finops] analysis of {path} failed: {e}");
            document = null;
            findings = [new Finding(RuleCodes.ParseError, Severity.Error, $"Internal error while analysing this file ({e.GetType().Name}: {e.Message}); please report it", path, default, null)];
        }
        var analysis = new FileAnalysis(path, uri, version, document, findings, policy) { Cost = Estimate(document, policy) };
        _analyses[path] = analysis;
        return analysis;
    }

    /// <summary>Analyses a file from disk; null when it cannot be read or is not infrastructure code.</summary>
    public FileAnalysis? AnalyzeFromDisk(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > SourceFileReader.MaxBytes) { Forget(path); return null; }
            return Analyze(path, DocumentUris.FromPath(path), null, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"[finops] cannot read {path}: {e.Message}");
            Forget(path);
            return null;
        }
    }

    /// <summary>The candidate files of every workspace folder; Terraform files are remembered for module reads.</summary>
    public List<string> DiscoverFiles()
    {
        var files = Roots.Where(Directory.Exists).SelectMany(FileDiscovery.Walk).Distinct(StringComparer.Ordinal).ToList();
        _terraformFiles.Clear();
        _cdkApps.Clear();
        foreach (var f in files)
        {
            TrackTerraformFile(f, exists: true);
            if (CdkAppReader.IsAppManifest(f)) _cdkApps[Path.GetDirectoryName(f)!] = 0;
        }
        return files;
    }

    private DocumentCost? Estimate(IacDocument? document, FinOpsPolicy policy)
    {
        if (document is null) return null;
        try { return CostEstimator.Default.EstimateDocument(document, policy, Settings.Region); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"[finops] cost estimate of {document.Path} failed: {e}");
            return null;
        }
    }

    private FinOpsPolicy PolicyFor(string path)
    {
        FinOpsPolicy policy;
        try
        {
            policy = Path.IsPathRooted(path) ? _resolver.For(path) : FinOpsPolicy.Empty;
        }
        catch (PolicyException e)
        {
            _policyErrors[e.PolicyPath] = e;
            policy = FinOpsPolicy.Empty;
        }
        if (Settings.Severities.Count == 0 && Settings.Region is null) return policy;
        var levels = new Dictionary<string, Severity?>(policy.RuleLevels);
        foreach (var (code, level) in Settings.Severities) levels[code] = level;
        return new FinOpsPolicy { SourcePath = policy.SourcePath, Tags = policy.Tags, RuleLevels = levels, Region = policy.Region ?? Settings.Region };
    }

    private string ResolvePolicyPath(string path) =>
        Path.IsPathRooted(path) || Roots.Count == 0 ? path : Path.GetFullPath(Path.Combine(Roots[0], path));
}
