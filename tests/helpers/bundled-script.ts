// A command-line script bundled once per test file (esbuild, packages left to node_modules), so each child process
// a test starts runs the same source under plain Node, without compiling TypeScript again. Test support only.

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
/** Inside the repository, so the bundle's imports of packages resolve to its node_modules. */
const OUT_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'daca-watch-tests');

/**
 * Bundles `script` (a path from the repository root, e.g. `scripts/headless.ts`) and resolves with the node
 * arguments that run it; the bundle is removed after the test file.
 */
export async function bundledScript(script: string): Promise<string[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = join(OUT_DIR, `${script.replace(/[/\\.]/g, '-')}-${process.pid}.mjs`);
  await build({ entryPoints: [join(REPO_ROOT, script)], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' });
  afterAll(() => rmSync(outfile, { force: true }));
  return [outfile];
}
