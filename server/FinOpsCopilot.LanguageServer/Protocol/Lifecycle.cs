using System.Text.Json;

namespace FinOpsCopilot.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams(
    int? ProcessId,
    string? RootUri,
    string? RootPath,
    WorkspaceFolder[]? WorkspaceFolders,
    JsonElement? Capabilities,
    JsonElement? InitializationOptions);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

public sealed record SaveOptions(bool IncludeText);

public sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record ExecuteCommandOptions(string[] Commands);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

/// <summary>Exactly what this server implements: nothing is advertised that it does not answer.</summary>
public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    CodeActionOptions CodeActionProvider,
    CodeLensOptions? CodeLensProvider,
    bool HoverProvider,
    bool DocumentSymbolProvider,
    WorkspaceServerCapabilities Workspace);

public static class TextDocumentSyncKind
{
    public const int Incremental = 2;
}

public sealed record SetTraceParams(string Value);

public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record FileSystemWatcher(string GlobPattern, int? Kind = null);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

public sealed record DidChangeConfigurationParams(JsonElement? Settings);

public sealed record WorkDoneProgressCreateParams(string Token);

public sealed record ProgressParams(string Token, WorkDoneProgressValue Value);

public sealed record WorkDoneProgressValue(string Kind, string? Title = null, string? Message = null, int? Percentage = null, bool? Cancellable = null);

public sealed record LogMessageParams(int Type, string Message);
