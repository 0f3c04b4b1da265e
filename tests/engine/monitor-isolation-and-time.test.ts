// The engine over HTTP with a fake clock: a case failing for two days while the other is read on
// time, and a machine clock that moves back (a day, a year) while the engine runs or between runs.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeMonitor } from '../../engine/node-monitor';
import type { MonitorEvent } from '../../engine/monitor';
import { SCHEDULE_RULES } from '../../engine/schedule';
import { seededRandom } from '../../engine/seeded-random';
import type { ReceiptNumber } from '../../shared/receipt';
import { engineHarness, memoryFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const gapsOf = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('one failing case never stops the other', () => {
  it('reads the healthy case on time for 48 hours while the other answers 503 to every request', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const failing = h.sim.receipts.i821d;
    const healthy = h.sim.receipts.i765;
    h.sim.addFault({ endpoint: 'any-api', receipt: failing, kind: 'server-error', status: 503 });
    const run = h.start();
    const from = h.sim.clock.now();
    await run.runUntil(from + 48 * HOUR);
    const healthyReads = h.apiRequests().filter((r) => r.receipt === healthy && r.endpoint === 'documents').map((r) => Date.parse(r.at));
    // About 48 hours of its own pace: every 20 minutes or so by day, a share of the keep-alive turns by night.
    expect(healthyReads.length).toBeGreaterThan(90);
    expect(Math.max(...gapsOf(healthyReads))).toBeLessThanOrEqual(60 * MINUTE);
    // Every backoff was the failing case's own; nothing waited as a whole.
    const backoffs = run.events.filter((e): e is Extract<MonitorEvent, { kind: 'backoff' }> => e.kind === 'backoff');
    expect(backoffs.length).toBeGreaterThan(10);
    expect(backoffs.every((e) => e.receipt === failing)).toBe(true);
    expect(run.monitor.snapshot.schedule.backoff).toBeNull();
    // The failing case is still tried, never more often than its backoff allows, never left for more than the ceiling.
    const tries = h.apiRequests().filter((r) => r.receipt === failing && r.endpoint === 'documents').map((r) => Date.parse(r.at));
    expect(tries.length).toBeGreaterThan(20);
    expect(Math.max(...gapsOf(tries))).toBeLessThanOrEqual(SCHEDULE_RULES.backoffMaxMs * 1.15 + SCHEDULE_RULES.keepAliveEveryMs);
    // The session stayed alive all along (the healthy case's answers kept it).
    expect(run.events.some((e) => e.kind === 'session' && e.state === 'signed-out')).toBe(false);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === failing)?.problem).toBeNull();
  });
});

/** The engine on a machine clock `offset` ms from the simulator's (the story's) time; the offset can change. */
async function skewedEngine(offset: number) {
  const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 30, idleTimeoutMs: 20 * MINUTE, sessionLifetimeMs: 1000 * DAY });
  const cookie = sim.createSession();
  const storeDir = memoryFolder();
  const skew = { offset };
  const events: MonitorEvent[] = [];
  const start = () => {
    const { monitor } = createNodeMonitor({
      origin: sim.dataOrigin,
      cookie,
      clock: { now: () => sim.clock.now() + skew.offset },
      storeDir,
      random: seededRandom(4),
      timeZone: 'UTC',
      onEvent: (event) => events.push(event),
    });
    monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);
    monitor.signedIn();
    return monitor;
  };
  /** Steps the engine until the story's time `until`; returns how many times it woke. */
  const runUntil = async (monitor: ReturnType<typeof start>, until: number) => {
    for (let wakes = 0; wakes < 100_000; wakes += 1) {
      const at = monitor.nextWakeAt();
      if (at === null || at - skew.offset > until) break;
      if (at - skew.offset > sim.clock.now()) sim.clock.setTime(at - skew.offset);
      await monitor.wake();
    }
    if (until > sim.clock.now()) sim.clock.setTime(until);
  };
  const requests = () => sim.requestLog().filter((entry) => entry.endpoint !== null).map((entry) => Date.parse(entry.at));
  return { sim, skew, events, storeDir, start, runUntil, requests };
}

describe('a clock that moves back', () => {
  it.each([
    ['a day', DAY],
    ['a year', 365 * DAY],
  ])('while running: moved back %s, checks resume within one interval and never stop', async (_label, ahead) => {
    const e = await skewedEngine(ahead);
    const monitor = e.start();
    await e.runUntil(monitor, e.sim.clock.now() + 2 * HOUR);
    const before = e.requests().length;
    expect(before).toBeGreaterThan(5);
    // The machine's clock is put right: it jumps back.
    const movedAt = e.sim.clock.now();
    e.skew.offset = 0;
    await e.runUntil(monitor, movedAt + 3 * HOUR);
    const after = e.requests().filter((at) => at > movedAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after[0]! - movedAt).toBeLessThanOrEqual(SCHEDULE_RULES.keepAliveEveryMs + 10_000);
    expect(Math.max(...gapsOf(after))).toBeLessThanOrEqual(SCHEDULE_RULES.keepAliveEveryMs + 10_000);
    // Nothing stored lies in the future any more.
    const stored = monitor.snapshot.schedule;
    for (const time of [stored.lastRequestAt, stored.lastAnsweredAt, ...Object.values(stored.cases).flatMap((c) => [c.lastCheckAt, c.lastDocumentsAt])]) {
      expect(Date.parse(time!)).toBeLessThanOrEqual(movedAt + 3 * HOUR);
    }
    monitor.stop();
  });

  it('between runs: a store written a year ahead, read by an engine on the right time, checks at once', async () => {
    const e = await skewedEngine(0);
    const first = e.start();
    await e.runUntil(first, e.sim.clock.now() + HOUR);
    first.stop();
    const file = join(e.storeDir, 'config.json');
    const text = readFileSync(file, 'utf8').replace(/"(\d{4})-(\d\d-\d\dT[^"]+Z)"/g, (_m, year: string, rest: string) => `"${Number(year) + 1}-${rest}"`);
    writeFileSync(file, text);
    const restartAt = e.sim.clock.now();
    const second = e.start();
    expect(second.nextWakeAt()! - restartAt).toBeLessThan(10_000);
    await e.runUntil(second, restartAt + HOUR);
    expect(e.requests().filter((at) => at > restartAt).length).toBeGreaterThan(3);
    second.stop();
  });
});
