// The composition root (electron/main.ts, from source) on the Electron double, in demo mode: the published-times
// reader is created with the Electron transport against the demo simulator's egov host, started with the app, its
// read kept in the demo's store, and stopped on quit. Electron is not run; the double's net.request speaks real HTTP
// to the loopback simulator.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ElectronDouble } from '../helpers/electron-double';
import { PublishedTimesReader } from '../../engine/processing-times';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const SOON = { timeout: 15_000, interval: 100 };
const profile = mkdtempSync(join(tmpdir(), 'daca-watch-main-times-'));

afterAll(() => rmSync(profile, { recursive: true, force: true }));

/** The demo store's published times, as the monitor saved them (null before the file exists). */
function storedTimes(): { byForm: Record<string, { status: string | null }>; fetchedAt: string | null } | null {
  try {
    return (JSON.parse(readFileSync(join(profile, 'userData-demo', 'demo', 'config.json'), 'utf8')) as { processingTimes?: never }).processingTimes ?? null;
  } catch {
    return null;
  }
}

describe('the published-times reader in the composition root', () => {
  it('is started with the app, reads the demo simulator\'s egov into the store, and is stopped on quit', async () => {
    const start = vi.spyOn(PublishedTimesReader.prototype, 'start');
    const stop = vi.spyOn(PublishedTimesReader.prototype, 'stop');
    electron.app.pathRoot = profile;
    const argv = process.argv;
    process.argv = [...argv, '--demo', '--hidden'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await import('../../electron/main');
    } finally {
      process.argv = argv;
    }
    await expect.poll(() => start.mock.calls.length, SOON).toBe(1);
    // Both forms read from the simulator's egov host and kept with the rest of the state.
    await expect.poll(() => storedTimes()?.fetchedAt ?? null, SOON).not.toBeNull();
    expect(storedTimes()!.byForm).toEqual({ 'I-821D': expect.objectContaining({ status: 'published' }), 'I-765': expect.objectContaining({ status: 'published' }) });
    expect(electron.dialog.errors).toEqual([]);
    expect(stop).not.toHaveBeenCalled();

    electron.app.quit();
    expect(stop).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  }, 30_000);
});
