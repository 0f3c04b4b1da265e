// Runs the real monitor engine against a real simulator over HTTP on one shared fake clock, with a
// real state folder. Test support only: it steps the engine event by event instead of sleeping.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { SaveFileSystem } from '../../engine/store/atomic-file';
import type { StateStore } from '../../engine/store/file-state-store';
import type { Monitor, MonitorEvent } from '../../engine/monitor';
import { createNodeMonitor } from '../../engine/node-monitor';
import { seededRandom } from '../../engine/seeded-random';
import type { DesktopNotification } from '../../engine/ports';
import type { Settings } from '../../shared/monitor/state';
import type { Language } from '../../shared/localized';
import type { ReceiptNumber } from '../../shared/receipt';
import type { Simulator, SimulatorOptions } from '../../simulator/server';
import { frozenSimulator } from './sim-fixture';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'daca-watch-test-'));
  folders.push(dir);
  return dir;
}

/**
 * A temporary folder in memory where the machine has one (Linux's /dev/shm): real files, written and renamed as
 * on disk, but an fsync costs nothing, so a simulated month of checks does not wait on a busy disk.
 */
export function memoryFolder(): string {
  if (!existsSync('/dev/shm')) return tempFolder();
  const dir = mkdtempSync(join('/dev/shm', 'daca-watch-test-'));
  folders.push(dir);
  return dir;
}

export interface EngineRun {
  monitor: Monitor;
  store: StateStore;
  events: MonitorEvent[];
  notifications: DesktopNotification[];
  /** Steps the engine on the fake clock until `until` (epoch ms), returning how many wakes it took. */
  runUntil(until: number): Promise<number>;
}

export interface Harness {
  sim: Simulator;
  storeDir: string;
  cookie: string;
  /** A monitor as the app would start it: same store folder, same session cookie. */
  /** `relaxedFloorMs`: the per-case floor relaxed explicitly, as the demo runners relax it for a story on a fast clock. */
  start(options?: { receipts?: readonly string[]; signIn?: boolean; seed?: number; settings?: Partial<Settings>; storeFileSystem?: SaveFileSystem; systemLanguage?: Language; relaxedFloorMs?: number }): EngineRun;
  /** Requests the simulator saw on its data host (pages excluded). */
  apiRequests(): ReturnType<Simulator['requestLog']>;
}

export async function engineHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const forever = 1000 * 24 * 3_600_000;
  const sim = await frozenSimulator({ idleTimeoutMs: 20 * 60_000, sessionLifetimeMs: forever, ...options });
  const storeDir = memoryFolder();
  const cookie = sim.createSession();
  const clock = { now: () => sim.clock.now() };
  return {
    sim,
    storeDir,
    cookie,
    apiRequests: () => sim.requestLog().filter((entry) => entry.endpoint !== null),
    start({ receipts = [sim.receipts.i821d, sim.receipts.i765], signIn = true, seed = 1, settings, storeFileSystem, systemLanguage, relaxedFloorMs } = {}) {
      const events: MonitorEvent[] = [];
      const notifications: DesktopNotification[] = [];
      const { monitor, store } = createNodeMonitor({
        origin: sim.dataOrigin,
        cookie,
        clock,
        storeDir,
        notifier: { notify: async (n) => void notifications.push(n) },
        random: seededRandom(seed),
        timeZone: 'UTC',
        onEvent: (event) => events.push(event),
        ...(storeFileSystem ? { storeFileSystem } : {}),
        ...(systemLanguage ? { systemLanguage } : {}),
        ...(relaxedFloorMs === undefined ? {} : { relaxedFloorMs }),
      });
      monitor.setCases(receipts as ReceiptNumber[]);
      if (settings) monitor.updateSettings(settings);
      if (signIn) monitor.signedIn();
      return {
        monitor,
        store,
        events,
        notifications,
        async runUntil(until: number) {
          let wakes = 0;
          for (;;) {
            const at = monitor.nextWakeAt();
            if (at === null || at > until) break;
            if (at > sim.clock.now()) sim.clock.setTime(at);
            await monitor.wake();
            wakes += 1;
            if (wakes > 200_000) throw new Error('the engine did not settle');
          }
          if (until > sim.clock.now()) sim.clock.setTime(until);
          return wakes;
        },
      };
    },
  };
}
