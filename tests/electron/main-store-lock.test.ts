// The composition root (electron/main.ts, from source) on the Electron double, with its store folder in use by
// another DACA Watch process (a headless runner, say): the start-up's error dialog says so and the app quits
// without reading or writing the store. Electron is not run.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE_NAME } from '../../engine/store/store-lock';
import type { ElectronDouble } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const profile = mkdtempSync(join(tmpdir(), 'daca-watch-main-lock-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

describe('start-up on a store folder another process holds', () => {
  it('shows the error dialog naming the folder in use, quits, and leaves the store untouched', async () => {
    electron.app.pathRoot = profile;
    const storeDir = join(profile, 'userData-demo', 'demo');
    mkdirSync(storeDir, { recursive: true });
    // A live process on this host holds the folder: this test's parent (the test runner).
    const holder = { pid: process.ppid, hostname: hostname(), startedAt: '2026-12-07T20:00:00.000Z', token: 'runner' };
    writeFileSync(join(storeDir, LOCK_FILE_NAME), JSON.stringify(holder));
    const argv = process.argv;
    process.argv = [...argv, '--demo', '--hidden'];
    try {
      await import('../../electron/main');
    } finally {
      process.argv = argv;
    }
    await expect.poll(() => electron.dialog.errors.length, { timeout: 10_000, interval: 20 }).toBe(1);
    expect(electron.dialog.errors[0]!.title).toBe('DACA Watch could not start');
    expect(electron.dialog.errors[0]!.content).toContain(`Another DACA Watch is using this folder (process ${process.ppid} on ${hostname()}`);
    expect(electron.app.quitCalls).toBeGreaterThan(0);
    expect(electron.BrowserWindow.all).toHaveLength(0);
    expect(readdirSync(storeDir)).toEqual([LOCK_FILE_NAME]);
    expect(existsSync(join(storeDir, 'config.json'))).toBe(false);
  });
});
