// The engine when its data cannot be saved, and when a command asks for the impossible: a full disk keeps
// the old file, the user is told once, the decision is notified once, and everything reaches the disk later.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardStateOf } from '../../app/dashboard-state';
import { buildTrayMenu, trayIcon, trayTooltip } from '../../shared/tray/tray-model';
import { engineHarness } from '../helpers/engine-harness';
import { failingDisk } from '../helpers/failing-disk';

const DAY = 24 * 3_600_000;

describe('a full disk', () => {
  it('keeps the last good file, tells once, notifies the silent approval once, and saves it all once space returns', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 75 });
    const disk = failingDisk();
    const first = h.start({ storeFileSystem: disk });
    // The story's day 75 begins at 13:00 UTC here; the approval document appears at 15:12.
    await first.runUntil(h.sim.filingDay + 75.55 * DAY);
    const file = join(h.storeDir, 'config.json');
    const beforeFull = readFileSync(file, 'utf8');

    disk.bytesLeft = 0;
    await first.runUntil(h.sim.filingDay + 75.9 * DAY);

    const told = first.events.filter((event) => event.kind === 'error' && event.message.startsWith('Could not save'));
    expect(told).toEqual([{ kind: 'error', message: expect.stringContaining('Could not save: the disk is full.'), saveProblem: 'disk-full' }]);
    expect(first.monitor.saveProblem()?.cause).toBe('disk-full');
    expect(readFileSync(file, 'utf8')).toBe(beforeFull);
    const silent = first.notifications.filter((n) => n.key.endsWith(':silent-approval'));
    expect(silent.length).toBeGreaterThan(0);

    disk.bytesLeft = null;
    await first.runUntil(h.sim.filingDay + 76 * DAY);
    expect(first.monitor.saveProblem()).toBeNull();
    first.monitor.stop();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { history: Array<{ key: string }> };
    expect(saved.history.map((f) => f.key)).toEqual(expect.arrayContaining(silent.map((n) => n.key)));

    // A restart finds the whole history and notifies nothing again.
    const second = h.start();
    await second.runUntil(h.sim.filingDay + 76.2 * DAY);
    expect(second.notifications.filter((n) => first.notifications.some((m) => m.key === n.key))).toEqual([]);
  });

  it('tells a new cause again: a full disk, then a read-only folder', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 75 });
    const disk = failingDisk(0);
    const run = h.start({ storeFileSystem: disk });
    await run.runUntil(h.sim.filingDay + 75.6 * DAY);
    disk.bytesLeft = null;
    disk.failWith = 'EROFS';
    await run.runUntil(h.sim.filingDay + 75.7 * DAY);
    const told = run.events.filter((event) => event.kind === 'error').map((event) => (event.kind === 'error' ? event.message.split('.')[0] : ''));
    expect(told).toEqual(['Could not save: the disk is full', 'Could not save: the folder is read-only']);
  });
});

describe('marking findings as seen', () => {
  it('never marks anything seen past the engine\'s now, so later findings still show as new', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 75 });
    const run = h.start();
    run.monitor.markSeen('9999-12-31T23:59:59.000Z');
    expect(run.monitor.snapshot.lastSeenAt).toBe(new Date(h.sim.clock.now()).toISOString());
    run.monitor.markSeen('not a date');
    expect(run.monitor.snapshot.lastSeenAt).toBe(new Date(h.sim.clock.now()).toISOString());
    await run.runUntil(h.sim.filingDay + 75.9 * DAY);
    const unseen = run.monitor.snapshot.history.filter((finding) => finding.foundAt > run.monitor.snapshot.lastSeenAt!);
    expect(unseen.map((finding) => finding.type)).toContain('silent-approval');
  });
});

describe('where the user is told', () => {
  it('the dashboard state carries the problem, and the tray says it in the tooltip, the menu and the icon, in both languages', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 75 });
    const disk = failingDisk(0);
    const run = h.start({ storeFileSystem: disk });
    await run.runUntil(h.sim.filingDay + 75.6 * DAY);

    const state = dashboardStateOf(run.monitor, false);
    expect(state.saveProblem).toEqual({ cause: 'disk-full', since: expect.any(String) });

    const tray = (language: 'en' | 'es') => ({
      language,
      activity: 'watching' as const,
      unseen: 0,
      approved: false,
      summary: 'I-821D: under review',
      pausedUntil: null,
      startAtLogin: false,
      saveProblem: state.saveProblem?.cause ?? null,
    });
    expect(trayTooltip(tray('en'))).toBe('DACA Watch — I-821D: under review · Could not save: the disk is full');
    expect(trayTooltip(tray('es'))).toContain('No se pudo guardar: el disco está lleno');
    expect(trayIcon(tray('en'))).toBe('attention');
    expect(buildTrayMenu(tray('en'))[1]).toEqual({ kind: 'label', label: 'Could not save: the disk is full' });
    expect(trayIcon({ ...tray('en'), saveProblem: null })).toBe('watching');

    disk.bytesLeft = null;
    await run.runUntil(h.sim.filingDay + 75.7 * DAY);
    expect(dashboardStateOf(run.monitor, false).saveProblem).toBeNull();
  });
});
