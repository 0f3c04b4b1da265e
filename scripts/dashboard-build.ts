// Builds the dashboard (renderer/) with the repository's vite config: the page into a folder, and its first frame's
// renderer for Node (renderer/first-paint.ts, see app/first-paint.ts) into another, for the preview, the
// benchmark and tests. scripts/build.mjs builds the same two for the app. Builds only; it serves nothing.

import { join } from 'node:path';
import { FIRST_PAINT_FILE } from '../app/first-paint';

const repoRoot = join(import.meta.dirname, '..');

export async function buildDashboard(outDir: string): Promise<void> {
  // Loaded here, not at the top: vite takes most of a second, and callers answer bad arguments first.
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: join(repoRoot, 'renderer'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** Builds renderer/first-paint.ts for Node, every dependency inside, as `outDir`/first-paint.mjs; resolves to that file. */
export async function buildFirstPaint(outDir: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: join(repoRoot, 'renderer'),
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: { ssr: 'first-paint.ts', outDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: FIRST_PAINT_FILE } } },
  });
  return join(outDir, FIRST_PAINT_FILE);
}
