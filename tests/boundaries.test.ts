// Enforces the project's boundaries: shared/ runs on both sides (no Electron, no Node built-ins),
// renderer/ never reaches into electron/ or simulator/, app/ runs without Electron under both shells
// (electron/ and the preview), and only a named few files import electron.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, importSpecifiers, type BoundaryRule } from './helpers/import-scan';

const ROOT = join(import.meta.dirname, '..');

/** The only files that may import 'electron' (the shell's adapters; see electron/). */
const ELECTRON_ADAPTERS: string[] = [
  'electron/main.ts',
  'electron/preload.cts',
  'electron/app-protocol.ts',
  'electron/ipc.ts',
  'electron/secure-window.ts',
  'electron/sign-in-window.ts',
  'electron/tray.ts',
  'electron/dashboard-window.ts',
  'electron/notification-fallback.ts',
  'electron/myuscis-transport.ts',
  'electron/save-file.ts',
  'electron/published-times-transport.ts',
];

const RULES: BoundaryRule[] = [
  { folder: 'shared', forbiddenFolders: ['electron', 'engine', 'renderer', 'simulator', 'tests', 'bench', 'scripts'], noNodeBuiltins: true, electronAllowedIn: [] },
  { folder: 'renderer', forbiddenFolders: ['electron', 'engine', 'simulator', 'tests', 'bench', 'scripts'], noNodeBuiltins: true, electronAllowedIn: [] },
  { folder: 'engine', forbiddenFolders: ['electron', 'renderer', 'simulator', 'tests', 'bench'], noNodeBuiltins: false, electronAllowedIn: [] },
  { folder: 'simulator', forbiddenFolders: ['electron', 'renderer', 'tests', 'bench', 'scripts'], noNodeBuiltins: false, electronAllowedIn: [] },
  { folder: 'app', forbiddenFolders: ['electron', 'renderer', 'simulator', 'scripts', 'tests', 'bench'], noNodeBuiltins: false, electronAllowedIn: [] },
  { folder: 'electron', forbiddenFolders: ['renderer', 'tests', 'bench'], noNodeBuiltins: false, electronAllowedIn: ELECTRON_ADAPTERS },
];

/** The preview's shell and the dashboard build it uses: they run app/ in plain Node, never the Electron shell. */
const PREVIEW_SHELL = ['scripts/preview.ts', 'scripts/dashboard-build.ts'];

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      else if (/\.(ts|cts|mts|js|cjs|mjs|svelte)$/.test(entry.name)) files.push(relative(ROOT, full).split('\\').join('/'));
    }
  };
  walk(join(ROOT, folder));
  return files;
}

describe('boundaries between the parts of the app', () => {
  it.each(RULES)('$folder/ keeps to its rules', (rule) => {
    const files = sourceFiles(rule.folder);
    const problems = files.flatMap((file) => boundaryViolations(file, readFileSync(join(ROOT, file), 'utf8'), rule));
    expect(problems).toEqual([]);
  });

  it('shared/ and app/ have files to check (the rules are not vacuous)', () => {
    expect(sourceFiles('shared').length).toBeGreaterThan(4);
    expect(sourceFiles('app').length).toBeGreaterThan(4);
  });

  it.each(PREVIEW_SHELL)('%s imports nothing from electron/ (app/ serves both shells)', (file) => {
    const rule: BoundaryRule = { folder: 'scripts', forbiddenFolders: ['electron'], noNodeBuiltins: false, electronAllowedIn: [] };
    expect(boundaryViolations(file, readFileSync(join(ROOT, file), 'utf8'), rule)).toEqual([]);
  });
});

describe('the import scanner', () => {
  const shared = RULES[0]!;
  const renderer = RULES[1]!;

  it('finds static, type-only, re-exported, dynamic and require imports, but not commented ones', () => {
    const source = `import a from './a';\nimport type { B } from "../b";\nexport * from './c';\nconst d = await import('./d');\nconst e = require("e");\n// import f from 'f';\n/* import g from 'g'; */`;
    expect(importSpecifiers(source)).toEqual(['./a', '../b', './c', './d', 'e']);
  });

  it('catches Node built-ins and Electron in shared/', () => {
    expect(boundaryViolations('shared/x.ts', "import { readFileSync } from 'node:fs';", shared)).toHaveLength(1);
    expect(boundaryViolations('shared/x.ts', "import path from 'path';", shared)).toHaveLength(1);
    expect(boundaryViolations('shared/x.ts', "import { app } from 'electron';", shared)).toHaveLength(1);
    expect(boundaryViolations('shared/x.ts', "import { z } from 'zod';", shared)).toEqual([]);
  });

  it('catches the renderer reaching into electron/ or the simulator', () => {
    expect(boundaryViolations('renderer/lib/x.ts', "import { main } from '../../electron/main';", renderer)).toHaveLength(1);
    expect(boundaryViolations('renderer/x.ts', "import { s } from '../simulator/server';", renderer)).toHaveLength(1);
    expect(boundaryViolations('renderer/x.ts', "import { parseReceipt } from '../shared/receipt';", renderer)).toEqual([]);
  });

  it('catches app/ reaching into the shell, the simulator or the scripts', () => {
    const app = RULES.find((rule) => rule.folder === 'app')!;
    expect(boundaryViolations('app/x.ts', "import { createTray } from '../electron/tray';", app)).toHaveLength(1);
    expect(boundaryViolations('app/x.ts', "import { startSimulator } from '../simulator/server';", app)).toHaveLength(1);
    expect(boundaryViolations('app/x.ts', "import { app } from 'electron';", app)).toHaveLength(1);
    expect(boundaryViolations('app/x.ts', "import type { Monitor } from '../engine/monitor';", app)).toEqual([]);
  });

  it('lets only the named adapters import electron', () => {
    const rule: BoundaryRule = { folder: 'electron', forbiddenFolders: [], noNodeBuiltins: false, electronAllowedIn: ['electron/tray-adapter.ts'] };
    expect(boundaryViolations('electron/tray-adapter.ts', "import { Tray } from 'electron';", rule)).toEqual([]);
    expect(boundaryViolations('electron/engine-host.ts', "import { net } from 'electron';", rule)).toHaveLength(1);
  });
});
