// Language server figures (issue targets): `node tests/lsp/bench.mjs [path/to/finops-copilot(.dll)]`
//   - initialize answered after process start (cold), median of 10
//   - didChange on a 5,000-line template -> publishDiagnostics, p50/p95 with the debounce set to 0
//   - textDocument/codeAction latency, p50/p95
//   - resident memory with a 10,000-resource workspace analysed
// Not a test: it prints figures and asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { serverDll } from './client.mjs';

const target = process.argv[2] ? resolve(process.argv[2]) : serverDll();
const command = target.endsWith('.dll') ? ['dotnet', [target, 'lsp']] : [target, ['lsp']];
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const ms = (x) => `${x.toFixed(1)} ms`;

function start() {
  const t0 = performance.now();
  const proc = spawn(command[0], command[1], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => published.forEach((f) => f(p)));
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  return { t0, proc, conn, published };
}

async function stop({ conn, proc }) {
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  await new Promise((r) => proc.on('exit', r));
}

function template(lines) {
  let s = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env: { Type: String, Default: prod }\nResources:\n';
  for (let i = 0; s.split('\n').length < lines; i++) {
    s += `  Instance${i}:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: m5.large\n      Tags:\n        - Key: CostCenter\n          Value: CC-${String(i % 10000).padStart(4, '0')}\n        - Key: Environment\n          Value: !Ref Env\n`;
    s += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Owner, Value: team-${i}}]\n`;
  }
  return s;
}

// 1. initialize after process start
const inits = [];
for (let i = 0; i < 10; i++) {
  const s = start();
  await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  inits.push(performance.now() - s.t0);
  await stop(s);
}
console.log(`initialize after process start: median ${ms(pct(inits, 50))}, min ${ms(Math.min(...inits))} (${command.join(' ')})`);

// 2 + 3. didChange -> diagnostics, code actions on a 5,000-line template
const dir = mkdtempSync(join(tmpdir(), 'finops-bench-'));
writeFileSync(join(dir, '.finops.yml'), 'tags:\n  required: [CostCenter, Environment, Owner]\n');
const file = join(dir, 'big.yaml');
const text = template(5000);
writeFileSync(file, text);
const uri = pathToFileURL(file).href;
{
  const s = start();
  await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMilliseconds: 0 } });
  s.conn.sendNotification('initialized', {});
  const next = (version) => new Promise((r) => s.published.push(function f(p) { if (p.uri === uri && p.version === version) { s.published.splice(s.published.indexOf(f), 1); r(p); } }));
  let wait = next(1);
  s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const first = await wait;
  const changes = [];
  for (let v = 2; v < 62; v++) {
    wait = next(v);
    const t = performance.now();
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: v % 2 ? '#\n' : '' }] });
    await wait;
    if (v > 11) changes.push(performance.now() - t); // the first 10 warm up the JIT
  }
  console.log(`didChange -> publishDiagnostics (5,000 lines, ${first.diagnostics.length} diagnostics, debounce 0): p50 ${ms(pct(changes, 50))}, p95 ${ms(pct(changes, 95))}`);
  const actions = [];
  const d = first.diagnostics[0];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    if (i >= 10) actions.push(performance.now() - t);
  }
  console.log(`codeAction (5,000 lines): p50 ${ms(pct(actions, 50))}, p95 ${ms(pct(actions, 95))}`);
  await stop(s);
}

// 3b. 2,000 open documents: the server stays responsive
{
  const s = start();
  await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  s.conn.sendNotification('initialized', {});
  const small = template(40);
  let last;
  const all = new Promise((r) => { let n = 0; s.published.push((p) => { if (++n === 2000) r(); }); });
  const t = performance.now();
  for (let i = 0; i < 2000; i++) {
    last = pathToFileURL(join(dir, `open${i}.yaml`)).href;
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: last, languageId: 'yaml', version: 1, text: small } });
  }
  await all;
  const opened = performance.now() - t;
  const hovers = [];
  for (let i = 0; i < 30; i++) {
    const h = performance.now();
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: last }, position: { line: 4, character: 4 } });
    hovers.push(performance.now() - h);
  }
  console.log(`2,000 open documents: all diagnosed in ${ms(opened)}; hover then p50 ${ms(pct(hovers, 50))}, p95 ${ms(pct(hovers, 95))}`);
  await stop(s);
}

// 4. memory with a 10,000-resource workspace
{
  for (let f = 0; f < 130; f++) writeFileSync(join(dir, `stack${f}.yaml`), template(450));
  const s = start();
  const done = new Promise((r) => s.conn.onNotification('$/progress', (p) => { if (p.value.kind === 'end') r(); }));
  await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: { window: { workDoneProgress: true } } });
  const t = performance.now();
  s.conn.sendNotification('initialized', {});
  await done;
  const elapsed = performance.now() - t;
  const summary = await s.conn.sendRequest('finops/workspaceSummary', {});
  const rss = Number(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  const hwm = Number(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]) / 1024;
  console.log(`workspace of ${summary.totals.files} files / ${summary.totals.resources} resources analysed in ${ms(elapsed)}; RSS ${rss.toFixed(0)} MB (peak ${hwm.toFixed(0)} MB)`);
  await stop(s);
}
rmSync(dir, { recursive: true, force: true });
