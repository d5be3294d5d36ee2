// Bundles the extension (Node, CommonJS), the dashboard webview (browser) and, for the unit tests, the pure logic
// as one ES module. Usage: node extension/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'linked' };

const builds = [
  { ...common, entryPoints: [join(here, 'src/extension.ts')], outfile: join(here, 'dist/extension.js'), platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: [join(here, 'src/webview/main.ts')], outfile: join(here, 'dist/webview.js'), platform: 'browser', format: 'iife', target: 'chrome120' },
  { ...common, entryPoints: [join(here, 'src/webview/dashboard.css')], outfile: join(here, 'dist/webview.css') },
  { ...common, minify: false, sourcemap: true, entryPoints: [join(here, 'src/lib/index.ts')], outfile: join(here, 'out/lib.mjs'), platform: 'node', format: 'esm', target: 'node20' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching extension/src…');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`extension built in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
