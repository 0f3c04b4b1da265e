// The watcher watches itself: the stall rules (pure) and, over HTTP against the simulator, a case that cannot be read
// for hours is told once, with the reason, in both languages, and cleared by the next good read.

import { describe, expect, it } from 'vitest';
import { lastGoodReadAt, stalledSince, stallLimitMs, stallMessage, stallReason } from '../../engine/watchdog';
import { emptyState } from '../../shared/monitor/state';
import { engineHarness } from '../helpers/engine-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 6, 20, 14);

describe('the stall rules', () => {
  it('a stall is three times the longest wait the plan allows any case (twice the longer interval)', () => {
    expect(stallLimitMs({ workHoursIntervalMinutes: 18, offHoursIntervalMinutes: 120 })).toBe(12 * HOUR);
    expect(stallLimitMs({ workHoursIntervalMinutes: 180, offHoursIntervalMinutes: 60 })).toBe(18 * HOUR);
  });

  it('counts from the last good read or from when the engine could read, whichever is later; never while it cannot', () => {
    const limit = 6 * HOUR;
    expect(stalledSince(T0, T0 - HOUR, T0 + 6 * HOUR, limit)).toBeNull();
    expect(stalledSince(T0, T0 - HOUR, T0 + 6 * HOUR + 1, limit)).toBe(T0);
    // Signed in after a week away: no stall until the limit has passed since then.
    expect(stalledSince(T0 - 7 * 24 * HOUR, T0, T0 + HOUR, limit)).toBeNull();
    expect(stalledSince(null, T0, T0 + 7 * HOUR, limit)).toBe(T0);
    expect(stalledSince(T0 - 24 * HOUR, null, T0, limit)).toBeNull();
  });

  it('the last good read is the newest of the documents, status and detail reads', () => {
    const state = emptyState();
    expect(lastGoodReadAt(state, 'IOE0933012457')).toBeNull();
    state.schedule = { ...state.schedule, cases: { IOE0933012457: { lastCheckAt: new Date(T0 + 5 * HOUR).toISOString(), lastDocumentsAt: new Date(T0).toISOString(), lastStatusAt: new Date(T0 + HOUR).toISOString(), lastDetailAt: null, soonAt: null, retryAt: null, failures: 3, refusals: 0, pace: 1 } } };
    expect(lastGoodReadAt(state, 'IOE0933012457')).toBe(T0 + HOUR);
  });

  it('the reason: a block, the whole engine\'s backoff, the case\'s own failures, or nothing known; in both languages', () => {
    const state = emptyState();
    expect(stallReason(state, 'IOE0933012457').en).toBe('no request for it has been answered');
    state.schedule = { ...state.schedule, cases: { IOE0933012457: { lastCheckAt: null, lastDocumentsAt: null, lastStatusAt: null, lastDetailAt: null, soonAt: null, retryAt: null, failures: 4, refusals: 0, pace: 1 } } };
    expect(stallReason(state, 'IOE0933012457')).toEqual({ en: 'its last 4 requests failed', es: 'sus últimas 4 solicitudes fallaron' });
    state.schedule = { ...state.schedule, backoff: { until: new Date(T0).toISOString(), reason: 'rate-limited', failures: 2 } };
    expect(stallReason(state, 'IOE0933012457').en).toBe('USCIS asked DACA Watch to slow down');
    state.schedule = { ...state.schedule, blockedSince: new Date(T0).toISOString() };
    expect(stallReason(state, 'IOE0933012457').es).toBe('USCIS está bloqueando las solicitudes desde esta computadora');
    const said = stallMessage('I-765', 'IOE•••••2458', 7, { en: 'x', es: 'y' });
    expect(said.en).toBe('DACA Watch has not been able to read your I-765 (IOE•••••2458) for 7 hours (x). It keeps trying; you can also check the case on my.uscis.gov.');
    expect(said.es).toBe('DACA Watch no ha podido consultar su I-765 (IOE•••••2458) en 7 horas (y). Lo sigue intentando; también puede revisar el caso en my.uscis.gov.');
  });
});

describe('over HTTP: a case that cannot be read', () => {
  it('is told once (an error event and one notification) with its reason, and cleared by the next good read', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start({ systemLanguage: 'es' });
    await run.runUntil(h.sim.clock.now() + HOUR);
    const i765 = h.sim.receipts.i765;
    // Every request for the I-765 answers a gateway page from now on; the I-821D is read as usual.
    h.sim.addFault({ endpoint: 'any-api', kind: 'gateway-page', receipt: i765 });
    await run.runUntil(h.sim.clock.now() + 16 * HOUR);
    const said = run.events.flatMap((event) => (event.kind === 'error' && event.message.startsWith('DACA Watch has not been able to read') ? [event] : []));
    expect(said).toHaveLength(1);
    expect(said[0]!.message).toMatch(/your I-765 \(IOE•+\d{4}\) for 1[2-5] hours \(its last \d+ requests failed\)/);
    expect(said[0]!.text?.es).toMatch(/^DACA Watch no ha podido consultar su I-765/);
    const told = run.notifications.filter((n) => n.key.startsWith(`stalled:${i765}:`));
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toBe('DACA Watch no puede consultar su caso');
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === i765)?.stalledSince).toBeTruthy();
    // The other case was never stalled.
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === h.sim.receipts.i821d)?.stalledSince ?? null).toBeNull();
    // Answered again: cleared, and nothing more is told.
    h.sim.clearFaults();
    await run.runUntil(h.sim.clock.now() + 4 * HOUR);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === i765)?.stalledSince ?? null).toBeNull();
    expect(run.notifications.filter((n) => n.key.startsWith('stalled:'))).toHaveLength(1);
  });

  it('nothing is told while the engine cannot read (signed out), however long', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    await run.monitor.signedOut({ byUser: true });
    h.sim.clock.setTime(h.sim.clock.now() + 48 * HOUR);
    await run.monitor.wake();
    run.monitor.signedIn();
    await run.runUntil(h.sim.clock.now() + 2 * HOUR);
    expect(run.notifications.filter((n) => n.key.startsWith('stalled:'))).toEqual([]);
  });
});
