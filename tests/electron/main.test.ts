// The composition root (electron/main.ts, from source) on the Electron double, in demo mode: a second launch
// and a damaged store during start-up. The monitor's notes about the store and the second launch are held
// until everything exists, then handled: the app starts without an error and the dashboard opens. Electron is not run.

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ElectronDouble, FakeBrowserWindow } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const SOON = { timeout: 15_000, interval: 50 };
const profile = mkdtempSync(join(tmpdir(), 'daca-watch-main-'));

afterAll(() => {
  electron.app.quit();
  rmSync(profile, { recursive: true, force: true });
});

describe('start-up with a damaged store and a second launch meanwhile', () => {
  it('holds both until the app is composed, then opens the dashboard, without an error', async () => {
    electron.app.pathRoot = profile;
    // The demo's store, damaged (not JSON): opening it moves it aside and the monitor notes it as it is built.
    const storeDir = join(profile, 'userData-demo', 'demo');
    mkdirSync(storeDir, { recursive: true });
    writeFileSync(join(storeDir, 'config.json'), '{"version": 1, "cases": [');
    const argv = process.argv;
    // Started at login (hidden): only the second launch opens the dashboard.
    process.argv = [...argv, '--demo', '--hidden'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await import('../../electron/main');
      // start() is still on its way (awaiting ready, the simulator): this launch comes before any window exists.
      expect(electron.BrowserWindow.all).toHaveLength(0);
      electron.app.emit('second-instance', {}, ['DACA Watch'], profile);
    } finally {
      process.argv = argv;
    }

    const dashboard = () => (electron.BrowserWindow.all as FakeBrowserWindow[]).find((w) => w.loaded.some((url) => url.startsWith('app://dashboard')));
    await expect.poll(() => dashboard()?.isVisible() ?? false, SOON).toBe(true);
    expect(electron.dialog.errors).toEqual([]);
    expect(electron.Tray.all).toHaveLength(1);
    // One dashboard window, though the second launch and the start both asked for it.
    expect((electron.BrowserWindow.all as FakeBrowserWindow[]).filter((w) => w.loaded.some((url) => url.startsWith('app://dashboard')))).toHaveLength(1);
    // The store really was damaged: its file was kept aside as it opened (the monitor then noted it, during start-up).
    expect(readdirSync(storeDir).some((name) => name.startsWith('config.corrupt-'))).toBe(true);
    expect(electron.Tray.all[0]!.tooltip).toMatch(/^DACA Watch — /m);
    // The shell's notices reach the dashboard with its state (nothing to say yet: no notification has failed).
    const answer = (await electron.ipcMain.invokeFrom('app://dashboard/index.html', 'state:get')) as { ok: boolean; value?: { shell?: unknown } };
    expect(answer.ok).toBe(true);
    expect(answer.value?.shell).toEqual({ platform: process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux', notifications: null, loginItem: null });
    warn.mockRestore();
  }, 60_000);
});
