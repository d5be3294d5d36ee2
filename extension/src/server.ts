// Finds a server and a .NET runtime to run it: the `finopsCopilot.server.path` setting, the server bundled in the
// .vsix, or a locally built one; `dotnet` from DOTNET_ROOT/PATH, else the .NET Install Tool extension.
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { dotnetCandidates, hasRuntime, locateServer, type ServerLaunch } from './lib/serverLocation';

export const RUNTIME_EXTENSION = 'ms-dotnettools.vscode-dotnet-runtime';
export const RUNTIME_MAJOR = 10;

export class MissingServerError extends Error {}
export class MissingRuntimeError extends Error {}

function runtimeOf(dotnet: string): Promise<boolean> {
  return new Promise((resolve) => {
    cp.execFile(dotnet, ['--list-runtimes'], { timeout: 15000 }, (err, stdout) => resolve(!err && hasRuntime(stdout, RUNTIME_MAJOR)));
  });
}

async function findDotnet(log: vscode.LogOutputChannel, acquire: boolean): Promise<string | undefined> {
  for (const candidate of dotnetCandidates(process.env)) {
    if (!fs.existsSync(candidate)) continue;
    if (await runtimeOf(candidate)) { log.appendLine(`[client] .NET ${RUNTIME_MAJOR} runtime found: ${candidate}`); return candidate; }
    log.appendLine(`[client] ${candidate} has no .NET ${RUNTIME_MAJOR} runtime`);
  }
  if (!acquire) return undefined;
  const runtimeExtension = vscode.extensions.getExtension(RUNTIME_EXTENSION);
  if (!runtimeExtension) { log.appendLine(`[client] the ${RUNTIME_EXTENSION} extension is not installed`); return undefined; }
  try {
    await runtimeExtension.activate();
    log.appendLine(`[client] asking ${RUNTIME_EXTENSION} for the .NET ${RUNTIME_MAJOR} runtime`);
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `FinOps Copilot: acquiring the .NET ${RUNTIME_MAJOR} runtime…` },
      () => vscode.commands.executeCommand<{ dotnetPath?: string } | undefined>('dotnet.acquire', { version: `${RUNTIME_MAJOR}.0`, requestingExtensionId: 'finops-copilot.finops-copilot' }));
    if (result?.dotnetPath && fs.existsSync(result.dotnetPath)) { log.appendLine(`[client] acquired: ${result.dotnetPath}`); return result.dotnetPath; }
  } catch (e) {
    log.appendLine(`[client] runtime acquisition failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return undefined;
}

/** The server path from settings; in an untrusted workspace only the user's own (global) value counts. */
export function configuredServerPath(): string | undefined {
  const inspect = vscode.workspace.getConfiguration('finopsCopilot').inspect<string>('server.path');
  if (!vscode.workspace.isTrusted) return inspect?.globalValue || undefined;
  return inspect?.workspaceFolderValue || inspect?.workspaceValue || inspect?.globalValue || undefined;
}

export async function resolveServer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<ServerLaunch> {
  const located = locateServer({ settingPath: configuredServerPath(), extensionPath: context.extensionPath, exists: fs.existsSync });
  if (!located) throw new MissingServerError('The FinOps Copilot language server was not found in the extension. Reinstall the extension or set finopsCopilot.server.path.');
  if (located.source === 'setting' && !fs.existsSync(located.serverPath)) throw new MissingServerError(`finopsCopilot.server.path points at ${located.serverPath}, which does not exist.`);
  log.appendLine(`[client] server (${located.source}): ${located.serverPath}`);
  if (!located.needsRuntime) return located;
  const dotnet = await findDotnet(log, true);
  if (!dotnet) throw new MissingRuntimeError(`FinOps Copilot needs the .NET ${RUNTIME_MAJOR} runtime to run its language server, and none was found.`);
  return { ...located, command: dotnet };
}
