// ESLint (flat config): the floors of the house as import rules, and no forgotten promise. Deliberately small:
// style is left to the reviewers. `npm run lint`; part of `npm test`. tests/lint-rules.test.ts shows the rules bite.

import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** An import that climbs out of its own folder into the top-level `folder`: '../engine/x', '../../engine', ... */
const into = (folder) => `^(\\.\\./)+${folder}(/|$)`;

const ELECTRON_ONLY = 'Only electron/ imports Electron: the other floors run without it.';
const NO_NODE = 'This floor runs in the browser too: no Node built-ins.';

/**
 * What each top-level folder may not import. Every floor but electron/ is kept from Electron (and electron-store);
 * nothing outside tests/ imports tests/.
 */
const FLOORS = {
  shared: { forbidden: ['engine', 'app', 'electron', 'renderer', 'simulator', 'scripts', 'bench', 'tests'], noNodeBuiltins: true },
  renderer: { forbidden: ['electron', 'engine', 'app', 'simulator', 'scripts', 'bench', 'tests'], noNodeBuiltins: true },
  engine: { forbidden: ['electron', 'app', 'renderer', 'simulator', 'scripts', 'bench', 'tests'] },
  app: { forbidden: ['electron', 'renderer', 'simulator', 'scripts', 'bench', 'tests'] },
  simulator: { forbidden: ['electron', 'app', 'renderer', 'scripts', 'bench', 'tests'] },
  electron: { forbidden: ['renderer', 'scripts', 'bench', 'tests'], importsElectron: true },
  scripts: { forbidden: ['tests'] },
  bench: { forbidden: ['tests'] },
};

/** The no-restricted-imports options of one floor (the rule takes one option set per file, so each floor gets all of its own). */
function floorImports(floor, { forbidden, noNodeBuiltins = false, importsElectron = false }) {
  return {
    paths: noNodeBuiltins ? builtinModules.map((name) => ({ name, message: NO_NODE })) : [],
    patterns: [
      ...forbidden.map((folder) => ({ regex: into(folder), message: `${floor}/ does not import from ${folder}/: the floors import only downwards.` })),
      ...(noNodeBuiltins ? [{ regex: '^node:', message: NO_NODE }] : []),
      ...(importsElectron ? [] : [{ regex: '^electron(-store)?(/|$)', message: ELECTRON_ONLY }]),
    ],
  };
}

export default defineConfig(
  { ignores: ['**/node_modules/**', 'dist/**', 'release/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.svelte'] },
  {
    files: ['**/*.ts', '**/*.cts', '**/*.mts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  ...Object.entries(FLOORS).map(([floor, rule]) => ({
    files: [`${floor}/**/*.ts`, `${floor}/**/*.cts`, `${floor}/**/*.mts`],
    rules: { 'no-restricted-imports': ['error', floorImports(floor, rule)] },
  })),
  {
    // The configuration files at the top (vitest.config.ts, vite.config.ts).
    files: ['*.ts', '*.cts', '*.mts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\./tests(/|$)', message: 'Nothing outside tests/ imports tests/.' }, { regex: '^electron(-store)?(/|$)', message: ELECTRON_ONLY }] }],
    },
  },
);
