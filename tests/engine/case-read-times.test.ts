// A case's two times through the real engine and a real simulator: a check that changes nothing moves the case's
// "read from myUSCIS" time to that check, while the snapshot (and the "last change seen" time it keeps) stays as it was.

import { describe, expect, it } from 'vitest';
import { dashboardStateOf } from '../../app/dashboard-state';
import { caseTimes } from '../../shared/knowledge/snapshot-view';
import { AppStateSchema, STATE_VERSION, WatchedCaseSchema } from '../../shared/monitor/state';
import { engineHarness } from '../helpers/engine-harness';

const HOUR = 3_600_000;

describe('read from myUSCIS, apart from the last change', () => {
  it('after a check that changed nothing, the case was read at that check and last changed earlier', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    const receipt = h.sim.receipts.i765;
    const before = structuredClone(run.monitor.snapshot.snapshots[receipt]);
    const firstCheck = run.monitor.snapshot.schedule.cases[receipt]?.lastCheckAt;
    expect(before?.status).not.toBeNull();
    expect(firstCheck).toBeTruthy();

    await run.runUntil(h.sim.clock.now() + 3 * HOUR);
    const state = run.monitor.snapshot;
    const lastCheck = state.schedule.cases[receipt]?.lastCheckAt;
    // Later checks of the case happened, answered, and changed nothing: the stored snapshot is the very same.
    expect(Date.parse(lastCheck!)).toBeGreaterThan(Date.parse(firstCheck!));
    expect(state.schedule.cases[receipt]?.failures).toBe(0);
    expect(state.snapshots[receipt]).toEqual(before);

    const card = dashboardStateOf(run.monitor, false).cases.find((c) => c.receipt === receipt)!;
    expect(card.readAt).toBe(lastCheck);
    const times = caseTimes(state.snapshots[receipt], card.readAt);
    expect(times.readAt).toBe(lastCheck);
    const newestPart = [before!.detail?.at, before!.status?.at, before!.documents?.at].filter((at): at is string => at !== undefined).sort().at(-1);
    expect(times.changedAt).toBe(newestPart);
    expect(Date.parse(times.changedAt!)).toBeLessThan(Date.parse(times.readAt!));
  });

  it('a failed check leaves the read time where the last good one put it', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    const receipt = h.sim.receipts.i765;
    const goodRead = run.monitor.snapshot.cases.find((c) => c.receipt === receipt)?.readAt;
    expect(goodRead).toBe(run.monitor.snapshot.schedule.cases[receipt]?.lastCheckAt);
    h.sim.addFault({ endpoint: 'any-api', kind: 'gateway-page', receipt });
    await run.runUntil(h.sim.clock.now() + 2 * HOUR);
    const state = run.monitor.snapshot;
    expect(state.schedule.cases[receipt]?.failures).toBeGreaterThan(0);
    expect(Date.parse(state.schedule.cases[receipt]!.lastCheckAt!)).toBeGreaterThan(Date.parse(goodRead!));
    expect(state.cases.find((c) => c.receipt === receipt)?.readAt).toBe(goodRead);
  });

  it('a store from before the read time loads, and its cases fall back to the newest reading', () => {
    const old = AppStateSchema.parse({
      version: STATE_VERSION,
      cases: [{ receipt: 'IOE0933012458', formType: 'I-765', addedAt: '2026-05-30T12:00:00.000Z' }],
      snapshots: { IOE0933012458: { status: { at: '2026-06-02T15:00:00Z', history: [] }, documents: { at: '2026-06-01T15:00:00.000Z', items: [] } } },
    });
    expect(old.cases[0]!.readAt).toBeUndefined();
    // Compared as times, not text: a stored instant with no milliseconds is still the newer one here.
    expect(caseTimes(old.snapshots['IOE0933012458'], old.cases[0]!.readAt)).toEqual({ readAt: '2026-06-02T15:00:00Z', changedAt: '2026-06-02T15:00:00Z' });
    expect(WatchedCaseSchema.parse({ receipt: 'IOE0933012458', addedAt: '2026-05-30T12:00:00.000Z', readAt: '2026-06-03T15:00:00.000Z' }).readAt).toBe('2026-06-03T15:00:00.000Z');
  });
});
