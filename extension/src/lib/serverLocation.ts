// Where the language server comes from, decided without touching VS Code so it can be unit tested.
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'development';

export interface ServerLaunch {
  /** The program to run: `dotnet` (or a full path to it) for a .dll, else the server executable itself. */
  command: string;
  args: string[];
  source: ServerSource;
  /** Whether a .NET runtime is needed to run it. */
  needsRuntime: boolean;
  serverPath: string;
}

export interface LocateInput {
  /** `finopsCopilot.server.path` (only from user/machine settings in an untrusted workspace). */
  settingPath?: string;
  extensionPath: string;
  exists: (p: string) => boolean;
  /** The dotnet host to use for a .dll, when known. */
  dotnet?: string;
  platform?: NodeJS.Platform;
}

export const BUNDLED_DLL = path.join('extension', 'server', 'finops-copilot.dll');
const DEV_DLLS = ['Debug', 'Release'].map((c) => path.join('server', 'FinOpsCopilot.Cli', 'bin', c, 'net10.0', 'finops-copilot.dll'));

/**
 * The setting wins (an explicit user choice), then the server bundled in the .vsix, then a locally built server when
 * the extension runs from the repository (extension development). Undefined when there is none.
 */
export function locateServer(input: LocateInput): ServerLaunch | undefined {
  const dotnet = input.dotnet ?? 'dotnet';
  const launchOf = (serverPath: string, source: ServerSource): ServerLaunch =>
    serverPath.toLowerCase().endsWith('.dll')
      ? { command: dotnet, args: [serverPath, 'lsp'], source, needsRuntime: true, serverPath }
      : { command: serverPath, args: ['lsp'], source, needsRuntime: false, serverPath };
  const setting = input.settingPath?.trim();
  if (setting) return launchOf(path.resolve(input.extensionPath, expandHome(setting)), 'setting');
  const bundled = path.join(input.extensionPath, BUNDLED_DLL);
  if (input.exists(bundled)) return launchOf(bundled, 'bundled');
  for (const dev of DEV_DLLS) {
    const p = path.join(input.extensionPath, dev);
    if (input.exists(p)) return launchOf(p, 'development');
  }
  return undefined;
}

function expandHome(p: string): string {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return home && (p === '~' || p.startsWith('~/')) ? path.join(home, p.slice(1)) : p;
}

/** Candidate dotnet hosts: DOTNET_ROOT, then every PATH entry, then the usual install folders. */
export function dotnetCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  const exe = platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const sep = platform === 'win32' ? ';' : ':';
  const dirs = [
    env.DOTNET_ROOT,
    ...(env.PATH ?? env.Path ?? '').split(sep),
    ...(platform === 'win32' ? ['C:\\Program Files\\dotnet'] : platform === 'darwin' ? ['/usr/local/share/dotnet'] : ['/usr/share/dotnet', '/usr/lib/dotnet', `${env.HOME}/.dotnet`]),
  ].filter((d): d is string => !!d && d.trim().length > 0);
  return [...new Set(dirs.map((d) => path.join(d, exe)))];
}

/** Whether `dotnet --list-runtimes` output has the shared runtime the server targets (Microsoft.NETCore.App major). */
export function hasRuntime(listRuntimesOutput: string, major = 10): boolean {
  return listRuntimesOutput.split(/\r?\n/).some((line) => new RegExp(`^Microsoft\\.NETCore\\.App ${major}\\.`).test(line.trim()));
}
