using System.Collections.Concurrent;
using System.Text.Json;
using FinOpsCopilot.Core;
using FinOpsCopilot.Core.Cdk;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Terraform;
using FinOpsCopilot.LanguageServer.Features;
using FinOpsCopilot.LanguageServer.Protocol;
using StreamJsonRpc;
using FileSystemWatcher = FinOpsCopilot.LanguageServer.Protocol.FileSystemWatcher;

namespace FinOpsCopilot.LanguageServer;

/// <summary>
/// The LSP request and notification handlers. They stay thin: the document store, the workspace and the builders in
/// Features do the work, and everything they compute comes from FinOpsCopilot.Core.
/// </summary>
public sealed class FinOpsLanguageServer(JsonRpc rpc, Action<int> exit)
{
    private const string ConfigurationSection = "finopsCopilot";
    private readonly DocumentStore _documents = new();
    private readonly ServerWorkspace _workspace = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _published = [];
    private JsonElement _clientCapabilities;
    private bool _shutdown;

    public DocumentStore Documents => _documents;

    // ---- lifecycle -------------------------------------------------------------------------------------------

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams request)
    {
        _clientCapabilities = request.Capabilities ?? default;
        var roots = request.WorkspaceFolders?.Select(f => DocumentUris.ToPath(f.Uri)).ToList()
            ?? (request.RootUri is { } root ? [DocumentUris.ToPath(root)] : request.RootPath is { } path ? [path] : []);
        _workspace.Roots = roots;
        if (request.InitializationOptions is { ValueKind: JsonValueKind.Object } options)
            _workspace.Configure(ServerSettings.From(SettingsSection(options)));
        return new InitializeResult(
            new ServerCapabilities(
                new TextDocumentSyncOptions(OpenClose: true, TextDocumentSyncKind.Incremental, new SaveOptions(IncludeText: false)),
                new CodeActionOptions([CodeActionKind.QuickFix], ResolveProvider: false),
                new CodeLensOptions(ResolveProvider: false),
                HoverProvider: true,
                DocumentSymbolProvider: true,
                new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: false, ChangeNotifications: false))),
            new ServerInfo(ProductInfo.ToolName, ProductInfo.Version));
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? ignored)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await RegisterFileWatchersAsync();
                if (await PullConfigurationAsync())
                    foreach (var doc in _documents.All) Schedule(doc.Uri, immediate: true);
                await AnalyzeWorkspaceAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log($"workspace analysis failed: {e}");
            }
        });
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        foreach (var cts in _pending.Values) cts.Cancel();
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => exit(_shutdown ? 0 : 1);

    public bool ShutdownRequested => _shutdown;

    [JsonRpcMethod("$/setTrace", UseSingleObjectParameterDeserialization = true)]
    public void SetTrace(JsonElement? ignored) { }

    // ---- text synchronisation ----------------------------------------------------------------------------------

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request)
    {
        var doc = _documents.Open(request.TextDocument.Uri, request.TextDocument.Version, request.TextDocument.Text);
        Schedule(doc.Uri, immediate: true);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request)
    {
        if (_documents.Change(request.TextDocument.Uri, request.TextDocument.Version, request.ContentChanges) is not null)
            Schedule(request.TextDocument.Uri, immediate: false);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request)
    {
        if (IsPolicyFile(DocumentUris.ToPath(request.TextDocument.Uri))) _ = ReanalyzeAllAsync();
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request)
    {
        var uri = request.TextDocument.Uri;
        if (_pending.TryRemove(uri, out var cts)) cts.Cancel();
        _documents.Close(uri);
        // The file on disk is still part of the workspace: show what it holds there.
        var path = DocumentUris.ToPath(uri);
        if (ReadTogether(path) is { } readTogether)
        {
            if (!IsInWorkspace(path)) Forget(path, uri);
            _ = Task.Run(() => { foreach (var result in readTogether()) PublishIfCurrent(result); });
            return;
        }
        _ = Task.Run(() => Publish(Path.IsPathRooted(path) && File.Exists(path) && IsInWorkspace(path) ? _workspace.AnalyzeFromDisk(path) : Forget(path, uri)));
    }

    // ---- language features -------------------------------------------------------------------------------------

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public CodeAction[] CodeAction(CodeActionParams request, CancellationToken cancellation) =>
        Current(request.TextDocument.Uri, cancellation) is { } analysis ? CodeActionBuilder.Build(analysis, request, _workspace) : [];

    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    public CodeLens[] CodeLens(CodeLensParams request, CancellationToken cancellation) =>
        Current(request.TextDocument.Uri, cancellation) is { } analysis ? CodeLensBuilder.Build(analysis) : [];

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(TextDocumentPositionParams request, CancellationToken cancellation) =>
        Current(request.TextDocument.Uri, cancellation) is { } analysis ? HoverBuilder.Build(analysis, request.Position) : null;

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[] DocumentSymbol(DocumentSymbolParams request, CancellationToken cancellation) =>
        Current(request.TextDocument.Uri, cancellation) is { } analysis ? SymbolBuilder.Build(analysis) : [];

    [JsonRpcMethod("finops/workspaceSummary", UseSingleObjectParameterDeserialization = true)]
    public WorkspaceSummary WorkspaceSummary(JsonElement? ignored, CancellationToken cancellation)
    {
        foreach (var doc in _documents.All) Current(doc.Uri, cancellation);
        return WorkspaceSummaryBuilder.Build(_workspace.All);
    }

    [JsonRpcMethod("finops/resourceDetails", UseSingleObjectParameterDeserialization = true)]
    public ResourceDetails? ResourceDetails(ResourceDetailsParams request, CancellationToken cancellation) =>
        Current(request.Uri, cancellation) is { } analysis ? WorkspaceSummaryBuilder.Details(analysis, request.Address) : null;

    // ---- workspace ---------------------------------------------------------------------------------------------

    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(DidChangeConfigurationParams request)
    {
        _ = Task.Run(async () =>
        {
            if (request.Settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(ConfigurationSection, out var section))
                _workspace.Configure(ServerSettings.From(section));
            else if (request.Settings is { ValueKind: JsonValueKind.Object } flat && ServerSettings.LooksLikeSection(flat))
                _workspace.Configure(ServerSettings.From(flat));
            else
                await PullConfigurationAsync();
            await ReanalyzeAllAsync();
        });
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request)
    {
        var paths = request.Changes.Select(c => (Path: DocumentUris.ToPath(c.Uri), c.Type)).ToList();
        _ = Task.Run(async () =>
        {
            if (paths.Any(p => IsPolicyFile(p.Path) || p.Path.EndsWith(".json", StringComparison.Ordinal) && _workspace.PolicyErrors.Count > 0))
            {
                await ReanalyzeAllAsync();
                return;
            }
            bool terraform = false, cdk = false;
            foreach (var (path, type) in paths)
            {
                if (path.Contains("/cdk.out/", StringComparison.Ordinal) || CdkWorkspace.AppOf(path) is not null || CdkAppReader.IsAppManifest(path))
                {
                    cdk = true;
                    continue;
                }
                _workspace.TrackTerraformFile(path, exists: type != 3);
                if (TerraformModuleReader.IsTerraformFile(path) || path.EndsWith(".tfvars", StringComparison.Ordinal) || path.EndsWith(".tfvars.json", StringComparison.Ordinal))
                {
                    terraform = true;
                    if (type == 3) Forget(path, DocumentUris.FromPath(path));
                    continue;
                }
                if (_documents.FindByPath(path) is not null) continue; // the editor buffer is the truth for open files
                if (type == 3) Publish(Forget(path, DocumentUris.FromPath(path)));
                else Publish(_workspace.AnalyzeFromDisk(path));
            }
            if (terraform) foreach (var result in AnalyzeTerraform()) PublishIfCurrent(result);
            if (cdk) foreach (var result in AnalyzeCdk()) PublishIfCurrent(result);
        });
    }

    // ---- analysis scheduling -----------------------------------------------------------------------------------

    /// <summary>
    /// Analyses a document after a short pause in typing; a newer change cancels the older run, and a result is
    /// published only if the document is still at the version it was computed for.
    /// </summary>
    private void Schedule(string uri, bool immediate)
    {
        var cts = new CancellationTokenSource();
        if (_pending.TryGetValue(uri, out var previous)) previous.Cancel();
        _pending[uri] = cts;
        var delay = immediate ? 0 : _workspace.Settings.DebounceMilliseconds;
        _ = Task.Run(async () =>
        {
            try
            {
                if (delay > 0) await Task.Delay(delay, cts.Token);
                if (_documents.Get(uri) is not { } doc) return;
                if (ReadTogether(doc.Path) is { } readTogether)
                {
                    // A change in one file of a module or app can change the resources of every file that uses it.
                    var results = readTogether();
                    cts.Token.ThrowIfCancellationRequested();
                    foreach (var result in results) PublishIfCurrent(result);
                }
                else
                {
                    var analysis = _workspace.Analyze(doc.Path, doc.Uri, doc.Version, doc.Text);
                    cts.Token.ThrowIfCancellationRequested();
                    PublishIfCurrent(analysis);
                }
                PublishPolicyErrors();
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { Log($"analysis of {uri} failed: {e}"); }
            finally { _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(uri, cts)); }
        });
    }

    private IReadOnlyList<FileAnalysis> AnalyzeTerraform() =>
        _workspace.AnalyzeTerraform(_documents.All.Where(d => TerraformModuleReader.IsTerraformFile(d.Path)).ToList());

    private IReadOnlyList<FileAnalysis> AnalyzeCdk() =>
        _workspace.AnalyzeCdk(_documents.All.Where(d => d.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList());

    /// <summary>How a file is analysed when it is read with others (a Terraform module, a CDK app), or null.</summary>
    private Func<IReadOnlyList<FileAnalysis>>? ReadTogether(string path) =>
        TerraformModuleReader.IsTerraformFile(path) ? AnalyzeTerraform
        : CdkWorkspace.AppOf(path) is not null ? AnalyzeCdk
        : null;

    /// <summary>Publishes a result unless its document has changed since: a newer run will publish that one.</summary>
    private void PublishIfCurrent(FileAnalysis analysis)
    {
        var open = _documents.Get(analysis.Uri);
        if (open is not null && open.Version != analysis.Version) return;
        if (open is null && analysis.Version is not null) return;
        Publish(analysis);
    }

    /// <summary>The analysis of an open document at its current version, computed now if the last one is older.</summary>
    private FileAnalysis? Current(string uri, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var path = DocumentUris.ToPath(uri);
        if (_documents.Get(uri) is { } doc)
        {
            var known = _workspace.Get(doc.Path);
            if (known is not null && known.Version == doc.Version) return known;
            if (ReadTogether(doc.Path) is { } readTogether)
                return readTogether().FirstOrDefault(a => a.Path == doc.Path) ?? _workspace.Analyze(doc.Path, doc.Uri, doc.Version, doc.Text);
            return _workspace.Analyze(doc.Path, doc.Uri, doc.Version, doc.Text);
        }
        return _workspace.Get(path) ?? (File.Exists(path) ? _workspace.AnalyzeFromDisk(path) : null);
    }

    private async Task AnalyzeWorkspaceAsync()
    {
        var files = _workspace.DiscoverFiles().ToList();
        var token = Guid.NewGuid().ToString("N");
        bool progress = Supports("window", "workDoneProgress") && await TryCreateProgressAsync(token);
        if (progress) await NotifyAsync("$/progress", new ProgressParams(token, new WorkDoneProgressValue("begin", "FinOps Copilot", $"Analysing {files.Count} files", 0, false)));
        int done = 0;
        foreach (var result in AnalyzeTerraform().Concat(AnalyzeCdk())) PublishIfCurrent(result);
        foreach (var path in files)
        {
            if (_shutdown) return;
            if (!TerraformModuleReader.IsTerraformFile(path) && !CdkAppReader.IsAppManifest(path) && _documents.FindByPath(path) is null)
                Publish(_workspace.AnalyzeFromDisk(path));
            done++;
            if (progress && (done % 25 == 0 || done == files.Count))
                await NotifyAsync("$/progress", new ProgressParams(token, new WorkDoneProgressValue("report", Message: $"{done}/{files.Count} files", Percentage: files.Count == 0 ? 100 : 100 * done / files.Count)));
        }
        PublishPolicyErrors();
        if (progress) await NotifyAsync("$/progress", new ProgressParams(token, new WorkDoneProgressValue("end", Message: $"Analysed {files.Count} files")));
    }

    private async Task ReanalyzeAllAsync()
    {
        _workspace.ResetPolicies();
        foreach (var doc in _documents.All) Schedule(doc.Uri, immediate: true);
        await AnalyzeWorkspaceAsync();
    }

    private FileAnalysis? Forget(string path, string uri)
    {
        _workspace.Forget(path);
        lock (_published)
            if (_published.Remove(uri)) _ = NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, []));
        return null;
    }

    private void Publish(FileAnalysis? analysis)
    {
        if (analysis is null) return;
        lock (_published)
        {
            // Publish empty lists only to clear what was published before: no noise for thousands of clean files.
            if (analysis.Findings.Count == 0 && !_published.Remove(analysis.Uri)) return;
            if (analysis.Findings.Count > 0) _published.Add(analysis.Uri);
        }
        var diagnostics = analysis.Findings.Select(DiagnosticMapper.ToDiagnostic).ToArray();
        _ = NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(analysis.Uri, analysis.Version, diagnostics));
    }

    private void PublishPolicyErrors()
    {
        foreach (var (path, error) in _workspace.PolicyErrors)
        {
            var at = new Position(Math.Max(0, error.Line - 1), Math.Max(0, error.Column - 1));
            var diagnostic = new Diagnostic(new Protocol.Range(at, at with { Character = at.Character + 1 }), DiagnosticSeverity.Error,
                "policy-invalid", new CodeDescription($"{ProductInfo.RepositoryUrl}/blob/main/docs/policy.md"), DiagnosticMapper.Source,
                $"Invalid policy: {error.Reason}. Files under it are checked without a tag policy until it is fixed.");
            var uri = DocumentUris.FromPath(path);
            lock (_published) _published.Add(uri);
            _ = NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, [diagnostic]));
        }
    }

    /// <summary>
    /// The settings in initialization options, in any of the shapes clients send: the section itself,
    /// <c>{settings: section}</c> or <c>{settings: {finopsCopilot: section}}</c>.
    /// </summary>
    private static JsonElement SettingsSection(JsonElement options)
    {
        if (!options.TryGetProperty("settings", out var settings) || settings.ValueKind != JsonValueKind.Object) return options;
        return settings.TryGetProperty(ConfigurationSection, out var section) ? section : settings;
    }

    // ---- client requests ---------------------------------------------------------------------------------------

    private async Task RegisterFileWatchersAsync()
    {
        if (!Supports("workspace", "didChangeWatchedFiles", "dynamicRegistration")) return;
        var options = JsonSerializer.SerializeToElement(new DidChangeWatchedFilesRegistrationOptions(
        [
            new FileSystemWatcher("**/.finops.{yml,yaml}"),
            new FileSystemWatcher("**/*.{yaml,yml,json,template}"),
            new FileSystemWatcher("**/*.{tf,tfvars}"),
            new FileSystemWatcher("**/cdk.out/**"),
            new FileSystemWatcher("**/{cdk.json,*.cs}"),
        ]), JsonOptions.Default);
        try
        {
            await rpc.InvokeWithParameterObjectAsync("client/registerCapability",
                new RegistrationParams([new Registration("finops-watched-files", "workspace/didChangeWatchedFiles", options)]));
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException) { Log($"file watcher registration failed: {e.Message}"); }
    }

    /// <summary>Asks the client for the settings; true when they arrived (documents analysed before must be redone).</summary>
    private async Task<bool> PullConfigurationAsync()
    {
        if (!Supports("workspace", "configuration")) return false;
        try
        {
            var result = await rpc.InvokeWithParameterObjectAsync<JsonElement[]>("workspace/configuration",
                new ConfigurationParams([new ConfigurationItem(null, ConfigurationSection)]));
            if (result is not { Length: > 0 }) return false;
            _workspace.Configure(ServerSettings.From(result[0]));
            return true;
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException)
        {
            Log($"configuration request failed: {e.Message}");
            return false;
        }
    }

    private async Task<bool> TryCreateProgressAsync(string token)
    {
        try
        {
            await rpc.InvokeWithParameterObjectAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token));
            return true;
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException) { return false; }
    }

    private async Task NotifyAsync(string method, object payload)
    {
        try { await rpc.NotifyWithParameterObjectAsync(method, payload); }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException) { }
    }

    private bool Supports(params string[] path)
    {
        if (_clientCapabilities.ValueKind != JsonValueKind.Object) return false;
        var node = _clientCapabilities;
        foreach (var name in path)
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node)) return false;
        return node.ValueKind != JsonValueKind.False && node.ValueKind != JsonValueKind.Null;
    }

    private bool IsInWorkspace(string path) => _workspace.Roots.Any(r => path.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal));

    private static bool IsPolicyFile(string path) => PolicyLoader.FileNames.Contains(Path.GetFileName(path));

    private static void Log(string message) => Console.Error.WriteLine($"[finops] {message}");
}
