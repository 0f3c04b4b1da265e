// Every rule a test or the launcher applies per operating system, run for Linux, macOS and Windows from this one
// machine (the platform is a parameter): this is what shows the OS-dependent tests pass or skip, with their reason,
// on the CI's macOS and Windows runners, where nothing here has run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkElectron, electronProgramPath, needsDisplayServer } from '../../scripts/electron-check';
import { checkSandbox, type SandboxFileView } from '../../scripts/electron-sandbox';
import { dbusSkipReason, defaultChromiumPath, expectedSigtermEnd, sigtermRunsHandlers, standInElectronSkipReason } from '../helpers/platform';

const ROOT = join(import.meta.dirname, '..', '..');
const PLATFORMS = ['linux', 'darwin', 'win32'] as const;

/** A Linux machine like Ubuntu 24.04, helper not setuid root: only Linux reads it. */
const restrictedLinux: SandboxFileView = {
  readText: (path) => (path.endsWith('apparmor_restrict_unprivileged_userns') ? '1\n' : null),
  stat: () => ({ uid: 1000, mode: 0o100755 }),
  list: () => [],
};

/** What each rule says per platform. */
const EXPECTED = {
  linux: { display: true, program: 'electron', sandboxStops: true, sigterm: { code: 0, signal: null }, standIn: null, dbus: null, chromium: '/usr/bin/chromium' },
  darwin: {
    display: false,
    program: 'Electron.app/Contents/MacOS/Electron',
    sandboxStops: false,
    sigterm: { code: 0, signal: null },
    standIn: null,
    dbus: 'D-Bus notifications (notify-send, dunst, Xvfb) are Linux’s; macOS and Windows notify otherwise',
    chromium: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  },
  win32: {
    display: false,
    program: 'electron.exe',
    sandboxStops: false,
    sigterm: { code: null, signal: 'SIGTERM' },
    standIn: 'Windows runs electron.exe only as a compiled program; a shell-script stand-in cannot be one',
    dbus: 'D-Bus notifications (notify-send, dunst, Xvfb) are Linux’s; macOS and Windows notify otherwise',
    chromium: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  },
} as const;

describe.each(PLATFORMS)('on %s', (platform) => {
  const expected = EXPECTED[platform];

  it('the launcher: a display server only where one is needed, the program where the electron package puts it', () => {
    expect(needsDisplayServer(platform)).toBe(expected.display);
    expect(electronProgramPath(platform)).toBe(expected.program);
    const noElectron = checkElectron({ packageDir: null, env: {}, platform, install: () => ({ ok: false, detail: '' }) });
    expect(noElectron).toMatchObject({ reason: expected.display ? 'no-display' : 'not-installed' });
  });

  it('the launcher: the sandbox check stops only on Linux', () => {
    expect(checkSandbox('/x/electron', platform, restrictedLinux).ok).toBe(!expected.sandboxStops);
  });

  it('a child stopped with SIGTERM: exit 0 after its handler, or the forced kill on Windows (the simulator CLI, preview and headless tests)', () => {
    expect(expectedSigtermEnd(platform)).toEqual(expected.sigterm);
    expect(sigtermRunsHandlers(platform)).toBe(expected.sigterm.code === 0);
  });

  it('the launcher test’s stand-in Electron, the D-Bus test and the browser tests: run, or skip with the reason', () => {
    expect(standInElectronSkipReason(platform)).toBe(expected.standIn);
    expect(dbusSkipReason(platform, {})).toBe(expected.dbus);
    expect(dbusSkipReason(platform, { DACA_SKIP_DBUS: '1' })).not.toBeNull();
    expect(defaultChromiumPath(platform)).toBe(expected.chromium);
  });
});

describe('the CI matrix', () => {
  it('gives the browser tests on macOS and Windows the browser where the tests look by default', () => {
    const ci = load(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8')) as { jobs: { test: { strategy: { matrix: { include: Array<{ os: string; chromium: string }> } } } } };
    const chromium = Object.fromEntries(ci.jobs.test.strategy.matrix.include.map((entry) => [entry.os, entry.chromium]));
    expect(chromium['macos-latest']).toBe(defaultChromiumPath('darwin'));
    expect(chromium['windows-latest']).toBe(defaultChromiumPath('win32'));
  });
});
