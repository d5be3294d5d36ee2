// A real LSP client (vscode-languageserver-protocol over stdio) driving the real `finops-copilot lsp` process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, ConfigurationRequest, RegistrationRequest, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const uriOf = (path) => pathToFileURL(resolve(repoRoot, path)).href;

/** The CLI built by `dotnet test`/`dotnet build`; built here if missing so the suite can run alone. */
export function serverDll() {
  const dll = join(repoRoot, 'server/FinOpsCopilot.Cli/bin/Debug/net10.0/finops-copilot.dll');
  if (!existsSync(dll)) {
    const build = spawnSync('dotnet', ['build', join(repoRoot, 'server/FinOpsCopilot.Cli'), '--nologo', '-v', 'q'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('dotnet build of the CLI failed');
  }
  return dll;
}

export class LspClient {
  constructor({ settings = {}, workspace = null } = {}) {
    this.settings = settings;
    this.workspace = workspace;
    this.diagnostics = new Map();      // uri -> latest PublishDiagnosticsParams
    this.waiters = [];                 // { predicate, resolve }
    this.requests = [];                // server-to-client request methods seen
    this.stderr = '';
    this.process = spawn('dotnet', [serverDll(), 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr.on('data', (d) => { this.stderr += d; });
    this.exited = new Promise((res) => this.process.on('exit', (code) => res(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.listeners = [];               // extra observers of every publishDiagnostics
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.listeners.forEach((l) => l(p));
      this.waiters = this.waiters.filter((w) => !(w.predicate(p) && (w.resolve(p), true)));
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => { this.requests.push('workspace/configuration'); return p.items.map(() => this.settings); });
    this.connection.onRequest(RegistrationRequest.type, () => { this.requests.push('client/registerCapability'); return null; });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => { this.requests.push('window/workDoneProgress/create'); return null; });
    this.progress = [];
    this.progressWaiters = [];
    this.connection.onNotification('$/progress', (p) => {
      this.progress.push(p.value.kind);
      this.progressWaiters = this.progressWaiters.filter((w) => !(w.kind === p.value.kind && (w.resolve(), true)));
    });
    this.connection.listen();
    this.versions = new Map();
  }

  async initialize(capabilities = defaultCapabilities) {
    const folders = this.workspace ? [{ uri: pathToFileURL(this.workspace).href, name: 'ws' }] : null;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: folders?.[0].uri ?? null, workspaceFolders: folders, capabilities,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate` (or the latest, if it already does). */
  waitForDiagnostics(uri, predicate = () => true, timeoutMs = 20000) {
    const latest = this.diagnostics.get(uri);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr:\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ predicate: (p) => p.uri === uri && predicate(p), resolve: (p) => { clearTimeout(timer); resolvePromise(p); } });
    });
  }

  /** Resolves when a work-done progress of this kind ("begin", "report", "end") has been reported. */
  waitForProgress(kind) {
    if (this.progress.includes(kind)) return Promise.resolve();
    return new Promise((resolvePromise) => this.progressWaiters.push({ kind, resolve: resolvePromise }));
  }

  open(path, text = readFileSync(resolve(repoRoot, path), 'utf8'), languageId = 'yaml') {
    const uri = path.startsWith('file:') || path.startsWith('untitled:') ? path : uriOf(path);
    this.versions.set(uri, 1);
    this.texts ??= new Map();
    this.texts.set(uri, text);
    this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri, contentChanges, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    if (text !== undefined) this.texts.set(uri, text);
    this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  close(uri) { this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }); }

  request(method, params, token) { return token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params); }

  async shutdownAndExit() {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  kill() { this.process.kill(); }
}

export const defaultCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
};

/** Applies LSP TextEdits to a string (last first, so earlier offsets stay valid). */
export function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') { lineStarts.push(i + 2); i++; } else if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  const offset = (p) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
