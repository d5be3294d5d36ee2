// `npm run package`: publishes the language server framework-dependent and ReadyToRun into extension/server,
// builds the extension for production and packs everything into finops-copilot-<version>.vsix with vsce.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverOut = join(root, 'extension', 'server');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `finops-copilot-${version}.vsix`);

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
  if (r.status !== 0) { console.error(`package: ${command} failed (${r.status ?? r.signal})`); process.exit(1); }
}

rmSync(serverOut, { recursive: true, force: true });
// ReadyToRun needs a runtime identifier; the IL stays in the assemblies, so the .dll still runs on every platform
// with `dotnet` (the precompiled code is used on linux-x64 and ignored elsewhere). No apphost: we run `dotnet <dll>`.
const rid = process.env.FINOPS_SERVER_RID ?? 'linux-x64';
run('dotnet', ['publish', 'server/FinOpsCopilot.Cli', '-c', 'Release', '-r', rid, '--self-contained', 'false',
  '-p:PublishReadyToRun=true', '-p:UseAppHost=false', '-p:DebugType=none', '-p:SatelliteResourceLanguages=en',
  '-o', serverOut, '--nologo', '-v', 'q']);
if (!existsSync(join(serverOut, 'finops-copilot.dll'))) { console.error('package: the server was not published'); process.exit(1); }
run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix]);
const size = statSync(vsix).size;
console.log(`package: ${relative(root, vsix)} ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)`);
