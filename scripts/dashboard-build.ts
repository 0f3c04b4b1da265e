// Builds the dashboard (renderer/) with the repository's vite config into a folder, for the preview and for tests
// that start several previews on one build. Builds only; it serves nothing.

import { join } from 'node:path';

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
