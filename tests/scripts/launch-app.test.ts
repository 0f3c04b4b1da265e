// `npm run demo` where Electron cannot start: the real launcher and the electron package's real installer,
// its download pointed at a local server that has no Electron; and the launcher running a stand-in Electron.

import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkElectron, electronProgramPath, electronUnavailableMessage, failureLine, needsDisplayServer } from '../../scripts/electron-check';
import { checkSandbox, nodeSandboxFiles, SANDBOX_EXIT_CODE } from '../../scripts/electron-sandbox';
import { systemLanguage } from '../../scripts/system-language';
import { tempFolder } from '../helpers/engine-harness';
import { standInElectronSkipReason } from '../helpers/platform';

const LAUNCHER = ['--import', 'tsx', 'scripts/launch-app.ts'];
/**
 * What the environment says about the machine: no Electron download cache, no display, English. On Windows a child
 * also needs SystemRoot, the temporary folder and the profile folders (undefined, so left out, elsewhere).
 */
const BASE_ENV = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LANG: 'en_US.UTF-8',
  ...Object.fromEntries(['SystemRoot', 'TEMP', 'TMP', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA'].map((name) => [name, process.env[name]])),
};
const standInSkip = standInElectronSkipReason(process.platform);

function launch(args: string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...LAUNCHER, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/node_modules[/\\]electron/);
}

describe('npm run demo where Electron cannot start', () => {
  it('runs the electron package installer, whose download fails, and says what to run instead (English)', async () => {
    // A mirror with no Electron on it: the installer's real download request gets a 404, nothing leaves the machine.
    const asked: string[] = [];
    const mirror = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = mirror.address() as AddressInfo;
      const result = await launch(['--demo'], { ...BASE_ENV, DISPLAY: ':99', ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: tempFolder() });
      expect(asked.some((url) => /electron-v[\d.]+-\w+-\w+\.zip$/.test(url))).toBe(true);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain("DACA Watch could not open the desktop app. Electron's one-time download did not work");
      expect(result.stderr).toContain('downloads its program once');
      expect(result.stderr).toMatch(/The dashboard in your browser: +npm run preview\n/);
      expect(result.stderr).toMatch(/The demo in this terminal: +npm run --silent headless -- --demo\n/);
      expectNoStackTrace(result.stderr);
    } finally {
      mirror.close();
    }
  }, 40_000);

  // macOS and Windows always have a display, so there this launch would download Electron for real; the no-display
  // rule itself is checked per platform below and in tests/scripts/os-portability.test.ts.
  it.skipIf(!needsDisplayServer(process.platform))('says it in Spanish when the system language is Spanish (no display here; Linux and the BSDs only)', async () => {
    const result = await launch(['--demo'], { ...BASE_ENV, LANG: 'es_MX.UTF-8', DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DACA Watch no pudo abrir la aplicación de escritorio. Aquí no hay una pantalla');
    expect(result.stderr).toContain('descarga su programa una sola vez');
    expect(result.stderr).toMatch(/El panel en su navegador: +npm run preview\n/);
    expect(result.stderr).toMatch(/La demostración en la terminal: +npm run --silent headless -- --demo --lang es\n/);
    expect(result.stderr).not.toContain('could not');
    expectNoStackTrace(result.stderr);
  });

  // The stand-in is put where this platform's Electron is (dist/electron, dist/Electron.app/Contents/MacOS/Electron).
  it.skipIf(standInSkip !== null)(`builds the app and runs Electron on it as before when Electron is there, passing its exit code on${standInSkip ? ` (skipped: ${standInSkip})` : ''}`, async () => {
    const dist = tempFolder();
    const argsFile = join(dist, 'args.txt');
    const program = join(dist, electronProgramPath(process.platform)!);
    mkdirSync(dirname(program), { recursive: true });
    writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexit 3\n`);
    chmodSync(program, 0o755);
    const result = await launch(['--demo'], { ...BASE_ENV, DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(result.stderr).not.toContain('could not open');
    // Where this machine restricts user namespaces, the stand-in's folder has no setuid helper: the launcher stops
    // before Electron would abort, says how to fix it and exits with its own code (scripts/electron-sandbox.ts).
    const sandbox = checkSandbox(program, process.platform, nodeSandboxFiles);
    if (!sandbox.ok) {
      expect(result.status).toBe(SANDBOX_EXIT_CODE);
      expect(result.stderr).toContain(`sudo chown root:root '${join(dist, 'chrome-sandbox')}' && sudo chmod 4755 '${join(dist, 'chrome-sandbox')}'`);
      return;
    }
    expect(result.status).toBe(3);
    expect(readFileSync(argsFile, 'utf8')).toBe('.\n--demo\n');
    expect(readFileSync('dist/main/main.mjs', 'utf8').length).toBeGreaterThan(1000);
  }, 90_000);
});

describe('checkElectron', () => {
  const env = { DISPLAY: ':0' };
  const noInstall = () => {
    throw new Error('must not download');
  };

  it('finds the program path.txt names under dist/, as the electron package does', () => {
    const pkg = tempFolder();
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(checkElectron({ packageDir: pkg, env, platform: 'linux', install: noInstall })).toEqual({ ok: true, binary: join(pkg, 'dist', 'electron') });
  });

  it('downloads once when the program is missing, and reports a failed download as a reason', () => {
    const pkg = tempFolder();
    const calls: string[] = [];
    const failed = checkElectron({ packageDir: pkg, env, platform: 'linux', install: (dir) => (calls.push(dir), { ok: false, detail: 'HTTPError: 404' }) });
    expect(failed).toEqual({ ok: false, reason: 'download-failed', detail: 'HTTPError: 404' });
    const done = checkElectron({
      packageDir: pkg,
      env,
      platform: 'linux',
      install: (dir) => {
        calls.push(dir);
        mkdirSync(join(dir, 'dist'));
        writeFileSync(join(dir, 'dist', 'electron'), '');
        writeFileSync(join(dir, 'path.txt'), 'electron');
        return { ok: true, detail: '' };
      },
    });
    expect(done).toEqual({ ok: true, binary: join(pkg, 'dist', 'electron') });
    expect(calls).toEqual([pkg, pkg]);
  });

  it('does not download over ELECTRON_OVERRIDE_DIST_PATH, and needs a display on Linux but not on macOS or Windows', () => {
    const pkg = tempFolder();
    expect(checkElectron({ packageDir: pkg, env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, platform: 'linux', install: noInstall })).toEqual({
      ok: false,
      reason: 'no-binary',
      path: join('/nowhere', 'electron'),
    });
    expect(checkElectron({ packageDir: null, env: {}, platform: 'linux', install: noInstall })).toMatchObject({ reason: 'no-display' });
    expect(checkElectron({ packageDir: null, env: {}, platform: 'darwin', install: noInstall })).toMatchObject({ reason: 'not-installed' });
    expect(checkElectron({ packageDir: null, env: {}, platform: 'win32', install: noInstall })).toMatchObject({ reason: 'not-installed' });
  });

  it.each([
    ['linux', 'electron'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
    ['win32', 'electron.exe'],
  ] as const)('finds the %s program where the electron package puts it (%s), with or without path.txt', (platform, program) => {
    expect(electronProgramPath(platform)).toBe(program);
    const override = tempFolder();
    mkdirSync(dirname(join(override, program)), { recursive: true });
    writeFileSync(join(override, program), '');
    expect(checkElectron({ packageDir: tempFolder(), env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: override }, platform, install: noInstall })).toEqual({ ok: true, binary: join(override, program) });
    const pkg = tempFolder();
    mkdirSync(dirname(join(pkg, 'dist', program)), { recursive: true });
    writeFileSync(join(pkg, 'dist', program), '');
    writeFileSync(join(pkg, 'path.txt'), program);
    expect(checkElectron({ packageDir: pkg, env, platform, install: noInstall })).toEqual({ ok: true, binary: join(pkg, 'dist', program) });
  });

  it('keeps one line of an installer failure, never its stack', () => {
    expect(failureLine('Downloading\nRequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (x.js:1:1)\n')).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(electronUnavailableMessage({ reason: 'cannot-start', detail: 'EACCES' }, 'en')).toContain('Electron did not start (EACCES).');
  });
});

describe('systemLanguage', () => {
  it.each([
    [{ LANG: 'es_MX.UTF-8' }, 'es'],
    [{ LANG: 'es' }, 'es'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'es_ES.UTF-8' }, 'es'],
    [{ LC_ALL: 'C', LANG: 'es_ES.UTF-8' }, 'en'],
    [{ LANG: 'estonian' }, 'en'],
    [{ LANG: '' }, 'es'],
  ] as const)('%j -> %s', (env, expected) => {
    expect(systemLanguage(env, () => 'es-419')).toBe(expected);
  });
});
