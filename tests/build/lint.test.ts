// eslint.config.js bites: the floors' import rules and no-floating-promises report what they are for, on source
// text that only exists here (ESLint's Node API, nothing written to disk), and leave the allowed imports alone.

import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The repository's config with the type-aware rule off: the import rules need no type checker (and start fast). */
const importsOnly = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
});

/** The rules that fire on `source` as if it were the file at `path` (repository-relative). */
async function ruleHits(eslint: ESLint, path: string, source: string): Promise<Array<{ rule: string | null; line: number; message: string }>> {
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((message) => ({ rule: message.ruleId, line: message.line, message: message.message }));
}

const restricted = async (path: string, specifier: string) => (await ruleHits(importsOnly, path, `import '${specifier}';\n`)).map((hit) => hit.rule);

describe('the floors', () => {
  it.each([
    ['shared/x.ts', '../engine/monitor'],
    ['shared/knowledge/x.ts', '../../engine/monitor'],
    ['shared/x.ts', '../app/app-controller'],
    ['shared/x.ts', '../simulator/server'],
    ['shared/x.ts', 'node:fs'],
    ['shared/x.ts', 'fs/promises'],
    ['shared/x.ts', 'path'],
    ['shared/x.ts', 'electron'],
    ['renderer/lib/x.ts', '../../electron/ipc'],
    ['renderer/lib/x.ts', '../../engine/monitor'],
    ['renderer/lib/x.ts', 'node:path'],
    ['engine/x.ts', '../app/app-controller'],
    ['engine/x.ts', '../simulator/server'],
    ['engine/x.ts', 'electron'],
    ['engine/x.ts', 'electron-store'],
    ['app/x.ts', '../electron/tray'],
    ['app/x.ts', '../renderer/lib/api'],
    ['app/x.ts', 'electron'],
    ['simulator/x.ts', '../scripts/command-line'],
    ['simulator/x.ts', '../app/ipc-answer'],
    ['electron/x.ts', '../renderer/lib/api'],
    ['scripts/x.ts', '../tests/helpers/engine-harness'],
    ['bench/x.ts', '../tests/helpers/engine-harness'],
    ['scripts/x.ts', 'electron'],
    ['vitest.config.ts', './tests/helpers/engine-harness'],
  ])('%s may not import %s', async (path, specifier) => {
    expect(await restricted(path, specifier)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['shared/knowledge/x.ts', '../receipt'],
    ['shared/x.ts', 'zod'],
    ['engine/x.ts', '../shared/receipt'],
    ['engine/x.ts', 'node:fs'],
    ['app/x.ts', '../engine/monitor'],
    ['electron/x.ts', 'electron'],
    ['electron/x.ts', 'electron-store'],
    ['electron/x.ts', '../engine/monitor'],
    ['simulator/x.ts', '../shared/myuscis/schemas'],
    ['scripts/x.ts', '../simulator/server'],
    ['tests/engine/x.test.ts', '../../engine/monitor'],
    ['tests/electron/x.test.ts', 'electron'],
    ['tests/x.test.ts', './helpers/engine-harness'],
  ])('%s may import %s', async (path, specifier) => {
    expect(await restricted(path, specifier)).toEqual([]);
  });

  it('says which floor and why', async () => {
    const [hit] = await ruleHits(importsOnly, 'shared/x.ts', "import { Monitor } from '../engine/monitor';\n");
    expect(hit?.message).toContain('shared/ does not import from engine/');
  });
});

describe('floating promises', () => {
  // The type checker decides what is a promise: one project opened for a file that exists only here.
  const typed = new ESLint({ cwd: ROOT, overrideConfig: { languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['engine/lint-probe.ts'] } } } } });

  it('are reported unless awaited, caught or voided on purpose', async () => {
    const source = [
      'async function later(): Promise<void> {}',
      'later();',
      'export async function awaited(): Promise<void> {',
      '  await later();',
      '  later().catch(() => undefined);',
      '  void later();',
      '  later().then(() => undefined);',
      '}',
      '',
    ].join('\n');
    expect(await ruleHits(typed, 'engine/lint-probe.ts', source)).toEqual([
      expect.objectContaining({ rule: '@typescript-eslint/no-floating-promises', line: 2 }),
      expect.objectContaining({ rule: '@typescript-eslint/no-floating-promises', line: 7 }),
    ]);
  }, 120_000);
});
