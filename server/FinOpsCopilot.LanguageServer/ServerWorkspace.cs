using System.Collections.Concurrent;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.LanguageServer;

/// <summary>The analysis of one file at one version (null for a file read from disk).</summary>
public sealed record FileAnalysis(string Path, string Uri, int? Version, IacDocument? Document, IReadOnlyList<Finding> Findings, FinOpsPolicy Policy);

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
    public FileAnalysis Analyze(string path, string uri, int? version, string text)
    {
        var policy = PolicyFor(path);
        IacDocument? document;
        List<Finding> findings;
        try
        {
            document = SourceFileReader.Read(path, text);
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
        var analysis = new FileAnalysis(path, uri, version, document, findings, policy);
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

    /// <summary>The candidate files of every workspace folder.</summary>
    public IEnumerable<string> DiscoverFiles() =>
        Roots.Where(Directory.Exists).SelectMany(FileDiscovery.Walk).Distinct(StringComparer.Ordinal);

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
