// Serves the built dashboard (extension/dist) the way VS Code does: the same HTML shell and Content-Security-Policy
// (extension/src/lib/dashboardHtml.ts), theme variables on the root element, a stub of acquireVsCodeApi that records
// posted messages and state. Used by the webview tests and the render benchmark.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { themes } from './themes.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Builds the extension once per process (esbuild, about a second). */
export function buildExtension() {
  if (buildExtension.done) return;
  const r = spawnSync(process.execPath, [join(repo, 'extension/build.mjs')], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`extension build failed:\n${r.stdout}\n${r.stderr}`);
  buildExtension.done = true;
}

export async function loadLib() {
  buildExtension();
  return import(pathToFileURL(join(repo, 'extension/out/lib.mjs')).href);
}

export async function startServer() {
  const lib = await loadLib();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/') {
      const origin = `http://${req.headers.host}`;
      const nonce = lib.makeNonce((n) => randomBytes(n));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(lib.dashboardHtml({ cspSource: origin, nonce, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/dist/webview.css` }));
      return;
    }
    const file = join(repo, 'extension', url.pathname);
    if (!url.pathname.startsWith('/dist/') || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Opens the dashboard in a new page with a theme; `state` is what VS Code would restore (serializer). */
export async function openDashboard(context, url, { theme = 'light', width = 1200, height = 900, state } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const t = themes[theme];
  await page.addInitScript(({ vars, bodyClass, state }) => {
    window.__posted = [];
    window.__csp = [];
    window.__state = state;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`));
    // Like VS Code: theme variables on <html>, the theme kind as a class of <body>, both before the page's script runs.
    const apply = () => {
      const html = document.documentElement;
      if (html && !html.dataset.themed) { for (const [k, v] of Object.entries(vars)) html.style.setProperty(k, v); html.dataset.themed = '1'; }
      if (document.body && !document.body.classList.contains(bodyClass)) document.body.classList.add(bodyClass);
      return !!document.body;
    };
    if (!apply()) { const obs = new MutationObserver(() => { if (apply()) obs.disconnect(); }); obs.observe(document, { childList: true, subtree: true }); }
  }, { vars: t.vars, bodyClass: t.bodyClass, state });
  await page.goto(url);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  return page;
}

/** Sends the extension's `summary` message and waits for the render to finish. */
export async function sendSummary(page, summary, context = {}) {
  const before = await page.evaluate(() => document.body.dataset.rendered ?? '');
  await page.evaluate(({ summary, context }) => window.postMessage({ type: 'summary', summary, context: { trusted: true, workspaceName: 'samples', updatedAt: '2026-11-25T21:00:00Z', ...context } }, '*'), { summary, context });
  await page.waitForFunction((b) => (document.body.dataset.rendered ?? '') !== b, before);
}
