// `npm run build`: bundles the app into dist/: the dashboard (vite) and its first frame's renderer for main, the
// main process (one ESM bundle) and the sandboxed preload (CommonJS). Builds;
// never runs Electron.

import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = process.argv[2] ?? 'dist';
rmSync(outDir, { recursive: true, force: true });

await vite({ logLevel: 'warn', build: { outDir: resolve(outDir, 'renderer'), emptyOutDir: true } });
// The dashboard's first frame, rendered by main into the page before its script runs (app/first-paint.ts):
// built for Node with every dependency inside (svelte is not shipped in node_modules), never served to the page.
await vite({
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: { ssr: 'first-paint.ts', outDir: resolve(outDir, 'first-paint'), emptyOutDir: true, rollupOptions: { output: { entryFileNames: 'first-paint.mjs' } } },
});

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, legalComments: 'none', logLevel: 'warning' };
await esbuild({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: `${outDir}/main/main.mjs`,
  format: 'esm',
  // node-notifier runs helper binaries from its own folder (unpacked from the asar), so it stays a module.
  external: ['electron', 'node-notifier'],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await esbuild({
  ...common,
  entryPoints: ['electron/preload.cts'],
  outfile: `${outDir}/preload/preload.cjs`,
  format: 'cjs',
  external: ['electron'],
});
process.stdout.write(`Built ${outDir}/renderer, ${outDir}/first-paint/first-paint.mjs, ${outDir}/main/main.mjs and ${outDir}/preload/preload.cjs\n`);
