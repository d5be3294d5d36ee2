// Dashboard first render time for a large summary, in headless Chromium (not a test: prints figures).
// Usage: node tests/extension/bench-dashboard.mjs [resources=10000] [runs=5]
// Measures, in the page, from posting the `summary` message to the end of the render (DOM, every chart drawn),
// and the size of the message. Each run uses a fresh page, as a newly opened panel would.
import { launchChromium } from './support/chromium.mjs';
import { largeSummary } from './support/summaries.mjs';
import { openDashboard, startServer } from './support/webview-harness.mjs';

const resources = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 5);
const summary = largeSummary(resources);
const server = await startServer();
const browser = await launchChromium();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await openDashboard(browser.context, server.url, { theme: i % 2 ? 'dark' : 'light' });
    const ms = await page.evaluate((summary) => new Promise((resolve) => {
      const started = performance.now();
      new MutationObserver((_, obs) => {
        if (document.body.dataset.rendered) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - started)); }
      }).observe(document.body, { attributes: true, attributeFilter: ['data-rendered'] });
      window.postMessage({ type: 'summary', summary, context: { trusted: true, workspaceName: 'bench', updatedAt: new Date().toISOString() } }, '*');
    }), summary);
    times.push(ms);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const bytes = Buffer.byteLength(JSON.stringify(summary));
console.log(`dashboard first render, ${summary.totals.resources} resources in ${summary.totals.files} files (summary ${(bytes / 1024).toFixed(0)} KiB), ${runs} runs:`);
console.log(`  median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (to the next frame after the render)`);
