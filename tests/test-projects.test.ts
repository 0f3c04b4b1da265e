// The suite's three parts (vitest.config.ts): every test file belongs to exactly one project, so a new file cannot
// fall through (run by none) or run twice, and every file the config names one by one exists.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_PROJECTS } from '../vitest.config';

const ROOT = join(import.meta.dirname, '..');

/** The config's glob shapes as a regular expression: `**` and a slash for any folders (or none), `*` within one name. */
function globPattern(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function testFiles(dir = join(ROOT, 'tests')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, full).split('\\').join('/')] : [];
  });
}

const matches = (file: string, globs: readonly string[]) => globs.some((glob) => globPattern(glob).test(file));
const projectsOf = (file: string) =>
  Object.entries(TEST_PROJECTS)
    .filter(([, project]) => matches(file, project.include) && !matches(file, project.exclude))
    .map(([name]) => name);

describe('the test projects', () => {
  const files = testFiles();

  it('hold every test file exactly once', () => {
    const wrong = files.map((file) => ({ file, projects: projectsOf(file) })).filter((entry) => entry.projects.length !== 1);
    expect(wrong).toEqual([]);
  });

  it('name only files that exist', () => {
    const named = Object.values(TEST_PROJECTS).flatMap((project) => [...project.include, ...project.exclude]).filter((glob) => !glob.includes('*'));
    expect(named.filter((file) => !files.includes(file))).toEqual([]);
  });

  it('are unit, integration and browser, and unit holds most files', () => {
    expect(Object.keys(TEST_PROJECTS)).toEqual(['unit', 'integration', 'browser']);
    const unit = files.filter((file) => projectsOf(file).includes('unit'));
    expect(unit.length).toBeGreaterThan(files.length / 2);
    expect(projectsOf('tests/e2e/accessibility.test.ts')).toEqual(['browser']);
    expect(projectsOf('tests/shared/receipt.test.ts')).toEqual(['unit']);
  });
});

describe('the glob shapes the check reads', () => {
  it('match as vitest does for the shapes the config uses', () => {
    expect(globPattern('tests/*.test.ts').test('tests/boundaries.test.ts')).toBe(true);
    expect(globPattern('tests/*.test.ts').test('tests/shared/receipt.test.ts')).toBe(false);
    expect(globPattern('tests/shared/**/*.test.ts').test('tests/shared/receipt.test.ts')).toBe(true);
    expect(globPattern('tests/shared/**/*.test.ts').test('tests/shared/ipc/contract.test.ts')).toBe(true);
    expect(globPattern('tests/shared/**/*.test.ts').test('tests/sharedx/receipt.test.ts')).toBe(false);
    expect(globPattern('tests/app/**/*.test.ts').test('tests/app/first-paint.test.ts')).toBe(true);
    expect(globPattern('tests/e2e/a.test.ts').test('tests/e2e/aXtest.ts')).toBe(false);
  });
});
