// The GitHub Actions workflows against GitHub's workflow schema (action-validator, offline), and what CI
// promises: tests and the Electron smoke test on three systems, installers on a version tag. Nothing here runs CI.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  'runs-on': string;
  strategy?: { matrix: { os?: string[]; include?: Array<{ os: string }> } };
  steps: Step[];
}
const ci = load(readFileSync(join(WORKFLOWS, 'ci.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const oses = (job: Job) => job.strategy?.matrix.os ?? job.strategy?.matrix.include?.map((entry) => entry.os) ?? [];
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

describe('the workflow files', () => {
  it.each(files)('%s is valid against GitHub’s workflow schema', (file) => {
    expect(validateWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8')).errors).toEqual([]);
  });

  it('the validator does reject a broken workflow (a misspelt key, a job without runs-on)', () => {
    expect(validateWorkflow('name: broken\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors).not.toEqual([]);
    expect(validateWorkflow('name: broken\non: push\njobs:\n  test:\n    steps:\n      - run: npm test\n').errors).not.toEqual([]);
  });
});

describe('CI', () => {
  it('runs the tests, then the Electron smoke test (under xvfb on Linux), on Linux, macOS and Windows', () => {
    const test = ci.jobs.test!;
    expect(oses(test).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const commands = runs(test);
    expect(commands.indexOf('npm test')).toBeGreaterThan(commands.indexOf('npm ci'));
    expect(commands.indexOf('node node_modules/electron/install.js')).toBeGreaterThan(commands.indexOf('npm test'));
    expect(commands).toContain('xvfb-run -a npx vitest run tests/smoke');
    expect(existsSync(join(ROOT, 'tests', 'smoke', 'electron-smoke.test.ts'))).toBe(true);
    expect(ci.on).toHaveProperty('pull_request');
  });

  it('builds the installers on each system for a version tag only, after the tests, and uploads AppImage, deb, dmg and NSIS', () => {
    const release = ci.jobs.release!;
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.needs).toBe('test');
    expect(oses(release).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(runs(release)).toContain('npm run dist');
    const upload = release.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'));
    expect(upload?.with?.files?.split('\n').filter(Boolean).sort()).toEqual(['release/*.AppImage', 'release/*.deb', 'release/*.dmg', 'release/*.exe']);
    expect((ci.on.push as { tags: string[] }).tags).toEqual(['v*']);
  });
});
