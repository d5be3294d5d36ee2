// The language client: starts `finops-copilot lsp` over stdio, forwards settings, restarts after crashes with a
// capped backoff, and reports its state to the rest of the extension.
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, State, Trace, type CloseHandlerResult, type DocumentSelector, type ErrorHandlerResult,
  type LanguageClientOptions, type Message, type ServerOptions,
} from 'vscode-languageclient/node';
import { Backoff } from './lib/backoff';
import { MissingRuntimeError, MissingServerError, RUNTIME_EXTENSION, RUNTIME_MAJOR, resolveServer } from './server';

export const DOCUMENT_SELECTOR: DocumentSelector = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'cloudformation' },
  { language: 'terraform' },
  { language: 'terraform-vars' },
  { language: 'csharp' },
  // By pattern as well, so that files claimed by other extensions' languages still reach the server.
  { scheme: 'file', pattern: '**/*.{tf,tf.json,tfvars,template}' },
  { scheme: 'file', pattern: '**/.finops.{yml,yaml}' },
];

export type ClientState = 'starting' | 'running' | 'stopped' | 'failed';

export class FinOpsClient implements vscode.Disposable {
  client: LanguageClient | undefined;
  private readonly backoff = new Backoff();
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly stateEmitter = new vscode.EventEmitter<ClientState>();
  readonly onDidChangeState = this.stateEmitter.event;
  state: ClientState = 'stopped';
  /** Time from start() to the client being ready, for the output channel. */
  lastStartMs = 0;

  constructor(private readonly context: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {}

  private setState(s: ClientState): void { this.state = s; this.stateEmitter.fire(s); }

  async start(): Promise<void> {
    if (this.disposed) return;
    clearTimeout(this.restartTimer);
    this.setState('starting');
    const began = Date.now();
    let launch;
    try {
      launch = await resolveServer(this.context, this.log);
    } catch (e) {
      this.setState('failed');
      await this.reportStartFailure(e);
      return;
    }
    const serverOptions: ServerOptions = { command: launch.command, args: launch.args, options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.log,
      traceOutputChannel: this.log,
      synchronize: { configurationSection: 'finopsCopilot' },
      // The server reads the `finopsCopilot` settings straight from initializationOptions (docs/protocol.md).
      initializationOptions: { ...JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('finopsCopilot'))), workspaceTrusted: vscode.workspace.isTrusted },
      errorHandler: {
        error: (_e: Error, _m: Message | undefined, count: number | undefined): ErrorHandlerResult => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: (): CloseHandlerResult => { this.scheduleRestart(); return { action: CloseAction.DoNotRestart, handled: true }; },
      },
    };
    const client = new LanguageClient('finopsCopilot', 'FinOps Copilot', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState('running');
    });
    try {
      await client.start();
      await this.applyTrace();
      this.backoff.started(Date.now());
      this.lastStartMs = Date.now() - began;
      this.log.appendLine(`[client] language server ready in ${this.lastStartMs} ms (${launch.command} ${launch.args.join(' ')})`);
      this.setState('running');
    } catch (e) {
      this.log.appendLine(`[client] the language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
      if (this.client === client) this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    if (this.disposed) return;
    const delay = this.backoff.next(Date.now());
    if (delay === undefined) {
      this.setState('failed');
      this.log.appendLine(`[client] the language server crashed ${this.backoff.crashes} times in a row; not restarting`);
      void vscode.window.showErrorMessage('The FinOps Copilot language server keeps crashing and was stopped.', 'Show Log', 'Restart Server').then((choice) => {
        if (choice === 'Show Log') this.log.show();
        if (choice === 'Restart Server') void vscode.commands.executeCommand('finopsCopilot.restartServer');
      });
      return;
    }
    this.setState('starting');
    this.log.appendLine(`[client] the language server stopped; restarting in ${delay} ms (attempt ${this.backoff.crashes})`);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      const old = this.client;
      this.client = undefined;
      void (async () => {
        try { await old?.dispose(2000); } catch { /* already dead */ }
        await this.start();
      })();
    }, delay);
  }

  private async reportStartFailure(e: unknown): Promise<void> {
    const message = e instanceof Error ? e.message : String(e);
    this.log.appendLine(`[client] ${message}`);
    if (e instanceof MissingRuntimeError) {
      const hasInstaller = vscode.extensions.getExtension(RUNTIME_EXTENSION) !== undefined;
      const choice = await vscode.window.showErrorMessage(message, ...(hasInstaller ? ['Install .NET Runtime'] : []), 'Download .NET', 'Set Server Path', 'Show Log');
      if (choice === 'Install .NET Runtime') await this.restart();
      else if (choice === 'Download .NET') await vscode.env.openExternal(vscode.Uri.parse(`https://dotnet.microsoft.com/download/dotnet/${RUNTIME_MAJOR}.0`));
      else if (choice === 'Set Server Path') await vscode.commands.executeCommand('workbench.action.openSettings', 'finopsCopilot.server.path');
      else if (choice === 'Show Log') this.log.show();
    } else if (e instanceof MissingServerError) {
      const choice = await vscode.window.showErrorMessage(message, 'Set Server Path', 'Show Log');
      if (choice === 'Set Server Path') await vscode.commands.executeCommand('workbench.action.openSettings', 'finopsCopilot.server.path');
      else if (choice === 'Show Log') this.log.show();
    } else {
      void vscode.window.showErrorMessage(`FinOps Copilot could not start its language server: ${message}`, 'Show Log').then((c) => c && this.log.show());
    }
  }

  async applyTrace(): Promise<void> {
    const level = vscode.workspace.getConfiguration('finopsCopilot').get<string>('trace.server', 'off');
    await this.client?.setTrace(level === 'verbose' ? Trace.Verbose : level === 'messages' ? Trace.Messages : Trace.Off);
  }

  async restart(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.backoff.reset();
    const old = this.client;
    this.client = undefined;
    if (old) {
      try { await old.stop(3000); } catch { /* a dead server cannot stop */ }
      try { await old.dispose(1000); } catch { /* ignore */ }
    }
    await this.start();
  }

  async request<R>(method: string, params: unknown): Promise<R | undefined> {
    const c = this.client;
    if (!c || this.state !== 'running') return undefined;
    return c.sendRequest<R>(method, params);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.restartTimer);
    const c = this.client;
    this.client = undefined;
    try { await c?.stop(2000); } catch { /* ignore */ }
  }
}
