// The GitHub Actions workflows against GitHub's workflow schema (action-validator, offline), and what CI
// promises: tests and the Electron smoke test on three systems, with a working sandbox on Ubuntu; installers on a
// version tag, signed only where the secrets allow, on one draft release. Nothing here runs CI; the signing script is
// run here with bash and a stand-in npm that prints what electron-builder would see.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { artefacts } from '../helpers/artefacts';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | boolean>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  'runs-on': string;
  env?: Record<string, string>;
  strategy?: { matrix: { os?: string[]; include?: Array<{ os: string; artefacts?: string }> } };
  steps: Step[];
}
const ci = load(readFileSync(join(WORKFLOWS, 'ci.yml'), 'utf8')) as { on: Record<string, unknown>; env?: Record<string, string>; jobs: Record<string, Job> };
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
    const upload = ci.jobs['draft-release']!.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'));
    expect(lines(upload?.with?.files).map((glob) => glob.replace(/^.*\.(\w+)$/, '$1')).sort()).toEqual(['AppImage', 'deb', 'dmg', 'dmg', 'exe']);
    expect((ci.on.push as { tags: string[] }).tags).toEqual(['v*']);
  });
});

/** The lines of a multi-line workflow value. */
const lines = (value: unknown): string[] => String(value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
/** A file glob of the workflow (`release/DACA-Watch-*-x64.dmg`) as a regular expression for one file name. */
const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/^release\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const stepIndex = (job: Job, test: (step: Step) => boolean) => job.steps.findIndex(test);

/** Every name electron-builder reads a signing or notarization secret from (app-builder-lib, codeSign and MacTargetHelper). */
const SIGNING_VARIABLES = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_NAME', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];

describe('the workflow’s rules (issue: installs and starts on Ubuntu 24.04, an unsigned Mac, Windows)', () => {
  it('lifts Ubuntu’s user-namespace restriction on Linux runners before the Electron smoke test (and before the tests)', () => {
    const test = ci.jobs.test!;
    const sandbox = stepIndex(test, (step) => /sudo sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0/.test(step.run ?? ''));
    expect(sandbox).toBeGreaterThanOrEqual(0);
    expect(test.steps[sandbox]!.if).toBe("runner.os == 'Linux'");
    const smoke = test.steps.flatMap((step, index) => (/vitest run tests\/smoke/.test(step.run ?? '') ? [index] : []));
    expect(smoke).toHaveLength(2);
    for (const index of smoke) expect(sandbox).toBeLessThan(index);
    expect(sandbox).toBeLessThan(stepIndex(test, (step) => /npm test/.test(step.run ?? '')));
  });

  it('never hands electron-builder a signing variable straight from a secret: secrets arrive under other names', () => {
    const envs = [ci.env ?? {}, ...Object.values(ci.jobs).flatMap((job) => [job.env ?? {}, ...job.steps.map((step) => step.env ?? {})])];
    for (const env of envs) {
      for (const name of SIGNING_VARIABLES) expect(env, name).not.toHaveProperty(name);
      for (const [name, value] of Object.entries(env)) if (/secrets\./.test(value)) expect(name, value).toMatch(/^SECRET_/);
    }
    expect(JSON.stringify(ci)).not.toMatch(/CSC_LINK: \$\{\{ *secrets\./);
  });

  it('the release job needs the whole test matrix; one job puts every installer on one draft release', () => {
    expect(ci.jobs.release!.needs).toBe('test');
    expect(oses(ci.jobs.test!).sort()).toEqual(oses(ci.jobs.release!).sort());
    const draft = ci.jobs['draft-release']!;
    expect(draft.needs).toBe('release');
    const upload = draft.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'))!;
    expect(upload.with).toMatchObject({ draft: true, fail_on_unmatched_files: true, body_path: 'release-notes.md' });
    expect(runs(draft)).toContain('.github/release-notes.md');
  });

  it('uploads exactly the deb, the AppImage, both dmgs and the NSIS installer, each built on its own system', () => {
    const names = artefacts('1.2.3');
    const published = lines(ci.jobs['draft-release']!.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'))!.with?.files).map(globToRegExp);
    for (const { file } of names) expect(published.filter((pattern) => pattern.test(file)), file).toHaveLength(1);
    expect(published).toHaveLength(names.length);
    const runner = { linux: 'ubuntu-latest', mac: 'macos-latest', win: 'windows-latest' } as const;
    const legs = ci.jobs.release!.strategy!.matrix.include!;
    for (const { os, file } of names) {
      const leg = legs.find((entry) => entry.os === runner[os])!;
      expect(lines(leg.artefacts).map(globToRegExp).some((pattern) => pattern.test(file)), `${file} on ${leg.os}`).toBe(true);
    }
    expect(legs.flatMap((leg) => lines(leg.artefacts)).sort()).toEqual(lines(ci.jobs['draft-release']!.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'))!.with?.files).sort());
  });
});

/** The release job's build script, run by bash with a stand-in npm that prints the signing variables it would see. */
function signingSeen(runnerOs: string, secrets: Record<string, string>): Record<string, string> {
  const build = ci.jobs.release!.steps.find((step) => /npm run dist/.test(step.run ?? ''))!;
  expect(build.shell).toBe('bash');
  // GitHub gives an unset secret as "": every SECRET_ name is set, most of them empty.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', RUNNER_OS: runnerOs, CSC_LINK: 'left over from the runner' };
  for (const name of Object.keys(build.env ?? {})) env[name] = secrets[name] ?? '';
  const names = [...SIGNING_VARIABLES, 'CSC_IDENTITY_AUTO_DISCOVERY'].join('|');
  const stand = `npm() { env | grep -E '^(${names})=' || true; }\n`;
  const result = spawnSync('bash', ['-c', stand + build.run!], { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return Object.fromEntries(result.stdout.split('\n').filter((line) => /^[A-Z_]+=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

// Windows' bash may be WSL's, which does not pass this environment through; the script itself runs in Git Bash there.
describe.skipIf(process.platform === 'win32')('the release build’s signing, per secret set (bash, stand-in npm)', () => {
  const MAC = { SECRET_MAC_CERTIFICATE: 'base64-p12', SECRET_MAC_CERTIFICATE_PASSWORD: 'p12-password' };
  const APPLE = { SECRET_APPLE_ID: 'dev@example.org', SECRET_APPLE_APP_SPECIFIC_PASSWORD: 'app-password', SECRET_APPLE_TEAM_ID: 'TEAM123456' };
  const WIN = { SECRET_WIN_CERTIFICATE: 'base64-pfx', SECRET_WIN_CERTIFICATE_PASSWORD: 'pfx-password' };

  it('macOS without a certificate: no CSC_LINK at all (an empty one fails), no identity discovery: the ad-hoc signed build', () => {
    expect(signingSeen('macOS', {})).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(signingSeen('macOS', APPLE)).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
  });

  it('macOS with a certificate: signed; notarized only when all three Apple secrets are set (electron-builder throws on a partial set)', () => {
    expect(signingSeen('macOS', MAC)).toEqual({ CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'p12-password' });
    expect(signingSeen('macOS', { ...MAC, ...APPLE })).toEqual({ CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'p12-password', APPLE_ID: 'dev@example.org', APPLE_APP_SPECIFIC_PASSWORD: 'app-password', APPLE_TEAM_ID: 'TEAM123456' });
    expect(signingSeen('macOS', { ...MAC, SECRET_APPLE_ID: 'dev@example.org' })).toEqual({ CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'p12-password' });
  });

  it('Windows signs only with its own certificate (WIN_CSC_LINK), never falling back to the Mac one; Linux signs nothing', () => {
    expect(signingSeen('Windows', MAC)).toEqual({});
    expect(signingSeen('Windows', { ...MAC, ...WIN })).toEqual({ WIN_CSC_LINK: 'base64-pfx', WIN_CSC_KEY_PASSWORD: 'pfx-password' });
    expect(signingSeen('Linux', { ...MAC, ...APPLE, ...WIN })).toEqual({});
  });
});
