// The engine applies the same rules to every origin (issue 26, item 5): a monitor told its origin is 127.0.0.1 and
// one told it is USCIS's, both reading the same simulator through the same kind of client, keep the same per-case
// floor; only an explicit `relaxedFloorMs` (what the demo runners pass) relaxes it.

import { describe, expect, it } from 'vitest';
import { MyUscisClient } from '../../engine/client';
import { Monitor, type MonitorEvent } from '../../engine/monitor';
import { createNodeHttpPort } from '../../engine/node-http-port';
import { seededRandom } from '../../engine/seeded-random';
import { openStateStore } from '../../engine/store/file-state-store';
import type { ReceiptNumber } from '../../shared/receipt';
import { memoryFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A monitor over the simulator, told `origin` (what it once sniffed) and perhaps a relaxed floor. */
async function monitorTold(origin: string, relaxedFloorMs?: number) {
  const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 30, idleTimeoutMs: DAY, sessionLifetimeMs: 1000 * DAY });
  const clock = { now: () => sim.clock.now() };
  const events: MonitorEvent[] = [];
  const monitor = new Monitor({
    client: new MyUscisClient({ http: createNodeHttpPort({ cookie: sim.createSession() }), origin: sim.dataOrigin, clock }),
    origin,
    clock,
    store: openStateStore({ dir: memoryFolder(), now: clock.now }),
    notifier: { notify: async () => {} },
    random: seededRandom(3),
    timeZone: 'UTC',
    onEvent: (event) => events.push(event),
    ...(relaxedFloorMs === undefined ? {} : { relaxedFloorMs }),
  });
  monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);
  monitor.signedIn();
  return { sim, monitor, events };
}

/** `--once`, then "Check now" five minutes later: how long after the first read it may read a case again, and `--once` again. */
async function recheckAfterFiveMinutes(origin: string, relaxedFloorMs?: number) {
  const { sim, monitor, events } = await monitorTold(origin, relaxedFloorMs);
  await monitor.runOnce(async () => undefined);
  const firstRead = sim.clock.now();
  sim.clock.setTime(firstRead + 5 * MINUTE);
  monitor.checkNow();
  // When "Check now" may read each case again.
  const soonAt = Object.values(monitor.snapshot.schedule.cases).map((entry) => Date.parse(entry.soonAt!));
  // `--once` again at five minutes: each case is skipped, or read.
  events.length = 0;
  await monitor.runOnce(async () => undefined);
  const skipped = events.filter((e) => e.kind === 'error' && /less than 10 minutes/.test(e.message)).length;
  monitor.stop();
  await sim.close();
  return { waitsMinutes: Math.min(...soonAt.map((at) => (at - firstRead) / MINUTE)), skipped };
}

describe('the same per-case floor on every origin', () => {
  it('on 127.0.0.1 as on my.uscis.gov: "Check now" waits for the floor, `--once` skips a case read 5 minutes ago', async () => {
    const loopback = await recheckAfterFiveMinutes('http://127.0.0.1:41001');
    const uscis = await recheckAfterFiveMinutes('https://my.uscis.gov');
    expect(loopback).toEqual(uscis);
    expect(loopback.waitsMinutes).toBeGreaterThanOrEqual(10);
    expect(loopback.skipped).toBe(2);
  });

  it('relaxes it only when the runner says so (the demo runners pass relaxedFloorMs: 0)', async () => {
    const relaxed = await recheckAfterFiveMinutes('https://my.uscis.gov', 0);
    expect(relaxed.waitsMinutes).toBeLessThan(10);
    expect(relaxed.skipped).toBe(0);
  });
});
