// Boots the built app (`npm run build` output: dist/main/main.mjs) under Node with the shared Electron
// double as `electron`, in demo mode, and checks the composition for real: start-up order, IPC, app://,
// then the served dashboard in Debian's Chromium with the built preload bridged to main. Electron is not run.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE } from '../../shared/ipc/contract';
import { DEMO_ACCOUNT } from '../../simulator/scenarios';
import { launchChromium } from '../../scripts/chromium';
import type { ElectronDouble, FakeBrowserWindow } from '../helpers/electron-double';
import { SimBrowser, signInThroughPages } from '../helpers/sim-browser';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const ROOT = join(import.meta.dirname, '..', '..');
const DASHBOARD_URL = 'app://dashboard/index.html';
/** Where the built dashboard is served to Chromium (routed, never on the network). */
const SERVED_ORIGIN = 'http://dashboard.test';
/** Generous for a busy 2-core machine; the test itself takes a few seconds. */
const SOON = { timeout: 10_000, interval: 50 };
/**
 * Importing the bundle has vitest transform ~2 MB of built code (about 12 s on a quiet 2-core machine, most
 * of the first test); the explicit timeout keeps a 2x margin over a loaded machine's time.
 */
const BOOT_TIMEOUT_MS = 60_000;

// Inside the repository (not /tmp), so the bundle's require('node-notifier') finds node_modules.
mkdirSync(join(ROOT, '.test-builds'), { recursive: true });
const out = mkdtempSync(join(ROOT, '.test-builds', 'boot-'));
const profile = mkdtempSync(join(ROOT, '.test-builds', 'profile-'));
let browser: Browser | undefined;

beforeAll(async () => {
  const [built, launched] = await Promise.allSettled([
    new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['scripts/build.mjs', out], { cwd: ROOT, timeout: 150_000 }, (error) => (error ? reject(error) : resolve())),
    ),
    launchChromium(),
  ]);
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [built, launched]) if (result.status === 'rejected') throw result.reason;
}, 180_000);

afterAll(async () => {
  electron.app.quit();
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const windows = () => electron.BrowserWindow.all as FakeBrowserWindow[];
const dashboardWindow = () => windows().find((w) => w.loaded.includes(DASHBOARD_URL));

describe('the built app, booted on the Electron double in demo mode', () => {
  // Requests to myUSCIS (the simulator) wait behind this gate until the test opens it.
  let openGate: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const seenAtFirstRequest: Array<{ trays: number; dashboard: boolean }> = [];

  it('puts the tray and the dashboard up before any request, says "Connecting", and a second launch meanwhile opens the window', async () => {
    const request = electron.net.request;
    electron.net.request = (options) => {
      seenAtFirstRequest.push({ trays: electron.Tray.all.length, dashboard: dashboardWindow() !== undefined });
      const outgoing = request(options);
      const end = outgoing.end.bind(outgoing);
      outgoing.end = () => void gate.then(end);
      return outgoing;
    };
    electron.app.pathRoot = profile;
    const argv = process.argv;
    // Started at login (hidden) in demo mode: only the second launch below opens the dashboard.
    process.argv = [...argv, '--demo', '--hidden'];
    try {
      await import(join(out, 'main', 'main.mjs'));
    } finally {
      process.argv = argv;
    }
    electron.app.emit('second-instance', {}, ['DACA Watch'], ROOT);

    await expect.poll(() => electron.Tray.all.length, SOON).toBe(1);
    await expect.poll(() => dashboardWindow()?.isVisible() ?? false, SOON).toBe(true);
    // The work answer's line comes first; the app's own line last.
    await expect.poll(() => electron.Tray.all[0]!.tooltip.split('\n').at(-1), SOON).toBe('DACA Watch — Connecting to myUSCIS…');
    expect(electron.dialog.errors).toEqual([]);
    // The demo keeps its own profile and lock: userData was moved before the lock was asked for.
    expect(electron.app.lockedUserData).toBe(`${profile}/userData-demo`);
    expect(electron.app.userDataChangedAfterLock).toBe(false);
    expect(electron.app.sandboxed).toBe(true);
  }, BOOT_TIMEOUT_MS);

  it('answers every IPC channel of the contract, and serves the built dashboard over app:// with its CSP', async () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(INVOKE).sort());
    const serve = electron.protocol.handlers.get('app')!;
    const index = (await serve(new Request(DASHBOARD_URL))) as Response;
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await index.text();
    // Main drew the first frame into the page from its own state (the demo pair, not signed in yet): the status line
    // and the not-watching notice with its sign-in, in the application locale's language, before any script.
    const app = html.slice(html.indexOf('<div id="app">'), html.indexOf('</main>'));
    expect(app).toContain('class="status-bar"');
    expect(app).toContain('data-testid="not-watching"');
    expect(html).toContain('<html lang="en">');
    const script = /src="([^"]+\.js)"/.exec(html)![1]!;
    expect(((await serve(new Request(new URL(script, DASHBOARD_URL).href))) as Response).status).toBe(200);
    expect(((await serve(new Request('app://dashboard/../../package.json'))) as Response).status).toBe(404);
  });

  it('shows the demo pair in Chromium through the built preload, after a sign-in on the simulator that the app notices by itself', async () => {
    openGate();
    // The first request came after the tray and the dashboard existed.
    expect(seenAtFirstRequest[0]).toEqual({ trays: 1, dashboard: true });

    // The built preload, run as Electron runs it (CommonJS, only `electron` to require), on the double.
    const preload = readFileSync(join(out, 'preload', 'preload.cjs'), 'utf8');
    const module = { exports: {} };
    runInNewContext(preload, { require: (id: string) => (id === 'electron' ? electron : undefined), module, exports: module.exports, console });
    const api = electron.contextBridge.exposed.get('dacaWatch') as Record<string, (request?: unknown) => unknown>;
    const methods = Object.keys(api).filter((name) => name !== 'onStateChanged');
    expect(methods.length).toBe(Object.keys(INVOKE).length);

    const page = await browser!.newPage();
    const serve = electron.protocol.handlers.get('app')!;
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== SERVED_ORIGIN) return route.abort();
      const response = (await serve(new Request(`app://dashboard${url.pathname}`))) as Response;
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    });
    await page.exposeBinding('__dacaWatchCall', (_source, method: string, request: unknown) => api[method]!(request));
    await page.addInitScript((names: string[]) => {
      const listeners = new Set<(state: unknown) => void>();
      const bridge = window as unknown as { __dacaWatchCall: (method: string, request: unknown) => Promise<unknown>; __dacaWatchPush: (state: unknown) => void };
      bridge.__dacaWatchPush = (state) => listeners.forEach((listener) => listener(state));
      const dacaWatch: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, (request: unknown) => bridge.__dacaWatchCall(name, request)]));
      dacaWatch.onStateChanged = (listener: (state: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      };
      (window as unknown as { dacaWatch: unknown }).dacaWatch = Object.freeze(dacaWatch);
    }, methods);
    // What main sends the dashboard's web contents reaches the preload's listeners, then the page.
    dashboardWindow()!.webContents.on('sent', (channel: string, ...args: unknown[]) => electron.ipcRenderer.emitFromMain(channel, ...args));
    (api.onStateChanged as unknown as (listener: (state: unknown) => void) => void)((state) => void page.evaluate((s) => (window as unknown as { __dacaWatchPush: (s: unknown) => void }).__dacaWatchPush(s), state).catch(() => undefined));

    await page.goto(`${SERVED_ORIGIN}/index.html`);
    await expect.poll(() => page.getByRole('main').isVisible(), SOON).toBe(true);

    // Sign in as a person would, on the simulator's pages; the cookies land in the app's partition and
    // the sign-in window's cookie watch notices the session on its own.
    expect(await page.evaluate(() => (window as unknown as { dacaWatch: { signIn: () => Promise<unknown> } }).dacaWatch.signIn())).toMatchObject({ ok: true });
    const signInWindow = windows().find((w) => w.options.webPreferences?.partition === 'persist:myuscis-demo' && !w.isDestroyed())!;
    const applicantUrl = signInWindow.loaded[0]!;
    const person = new SimBrowser();
    await signInThroughPages(person, { applicantUrl, scenario: { account: DEMO_ACCOUNT } });
    const jar = signInWindow.webContents.session.cookies;
    for (const [host, cookies] of person.jar) for (const [name, value] of cookies) jar.put(host, name, value);

    await expect.poll(() => signInWindow.isDestroyed(), SOON).toBe(true);
    await expect.poll(() => page.getByTestId('pair-verdict').count(), SOON).toBe(1);
    // Both cases of the pair, each read from the simulator through the app's own transport.
    await expect.poll(() => page.getByRole('main').innerText(), SOON).toMatch(/\(Form I-821D\)[\s\S]*\(Form I-765\)|\(Form I-765\)[\s\S]*\(Form I-821D\)/);
    expect(await page.getByRole('main').innerText()).toMatch(/Case Is Being Actively Reviewed By USCIS/);
    await page.close();
  }, 30_000);

  it('keeps the dashboard reachable without a tray: close keeps it on Linux, activate (Dock) and the app menu bring it back, Quit quits', async () => {
    const first = dashboardWindow()!;
    first.close();
    if (process.platform === 'linux') {
      expect(first.isDestroyed()).toBe(false);
      expect(first.isMinimized()).toBe(true);
    } else expect(first.isDestroyed()).toBe(true);
    electron.app.emit('activate');
    const shown = windows().filter((w) => w.loaded.includes(DASHBOARD_URL) && !w.isDestroyed());
    expect(shown).toHaveLength(1);
    await expect.poll(() => shown[0]!.isVisible() && !shown[0]!.isMinimized(), SOON).toBe(true);

    const menu = electron.app.applicationMenu as { items: Array<{ submenu?: Array<{ label?: string; click?: () => void }> }> };
    const items = menu.items.flatMap((entry) => entry.submenu ?? []);
    shown[0]!.minimize();
    items.find((item) => item.label === 'Open dashboard')!.click!();
    expect(shown[0]!.isMinimized()).toBe(false);
    const quits = electron.app.quitCalls;
    items.find((item) => item.label === 'Quit DACA Watch')!.click!();
    await expect.poll(() => electron.app.quitCalls, SOON).toBe(quits + 1);
  });
});
