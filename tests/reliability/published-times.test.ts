// USCIS's published processing times over HTTP: the real engine (createNodeMonitor and its times reader) against the
// simulator's egov host on 127.0.0.1, on the simulator's frozen clock. Discovery, the daily cache across a restart, a
// 204 for one form, a 403 block page and a hanging egov that change nothing about the myUSCIS checks, and no Cookie
// header ever reaching egov.

import { describe, expect, it } from 'vitest';
import { createNodeMonitor } from '../../engine/node-monitor';
import type { MonitorEvent } from '../../engine/monitor';
import type { TimesEvent } from '../../engine/processing-times';
import { seededRandom } from '../../engine/seeded-random';
import type { ReceiptNumber } from '../../shared/receipt';
import type { Simulator, SimulatorOptions } from '../../simulator/server';
import { TIMES_CATALOGUE } from '../../simulator/times-host';
import { memoryFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const HOUR = 3_600_000;

/** The simulator's own catalogue, looked up by words (the engine had to find the same by asking egov). */
function catalogued(form: string, words: RegExp) {
  const subtype = TIMES_CATALOGUE.find((f) => f.form_name === form)!.subtypes.find((s) => words.test(s.en))!;
  return { code: subtype.form_type, offices: subtype.offices.map((o) => o.office_code), published: Object.keys(subtype.ranges) };
}
const RENEWAL = catalogued('I-821D', /renewal/i);
const C33 = catalogued('I-765', /\(c\)\(33\)/);

async function world(options: SimulatorOptions = {}) {
  // Day 20: both cases are filed and myUSCIS names their office.
  return frozenSimulator({ startDay: 20, ...options });
}

function engine(sim: Simulator, storeDir: string, options: { times?: boolean; timeoutMs?: number; spacingMs?: number } = {}) {
  const events: MonitorEvent[] = [];
  const timesEvents: TimesEvent[] = [];
  const created = createNodeMonitor({
    origin: sim.dataOrigin,
    cookie: sim.createSession(),
    clock: { now: () => sim.clock.now() },
    storeDir,
    random: seededRandom(7),
    onEvent: (event) => void events.push(event),
    ...(options.times === false ? {} : { timesOrigin: sim.timesOrigin, times: { spacingMs: options.spacingMs ?? 5, onEvent: (event) => void timesEvents.push(event), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) } }),
  });
  created.monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);
  created.monitor.signedIn();
  return { ...created, events, timesEvents, times: created.times };
}

/** `--once`: every case checked now; its waits move the frozen story clock instead of the wall clock. */
const checkOnce = (sim: Simulator, monitor: ReturnType<typeof engine>['monitor']) => monitor.runOnce(async (ms) => sim.advance(ms));

function noCookieReachedEgov(sim: Simulator): void {
  const log = sim.timesRequestLog();
  expect(log.length).toBeGreaterThan(0);
  for (const entry of log) expect(Object.keys(entry.headers)).not.toContain('cookie');
}

describe('published processing times over HTTP', () => {
  it('finds both forms\' subtypes and offices by asking egov, then reads the case\'s own office only', async () => {
    const sim = await world();
    const run = engine(sim, memoryFolder());
    await checkOnce(sim, run.monitor);
    expect(run.monitor.snapshot.snapshots[sim.receipts.i821d]?.status?.office).toBe(sim.scenario.jurisdiction.description);

    const event = await run.times!.refreshIfDue();
    expect(event).toMatchObject({ outcome: 'read', forms: { 'I-821D': 'published', 'I-765': 'published' } });
    const { byForm, fetchedAt } = run.monitor.snapshot.processingTimes;
    expect(fetchedAt).toBe(new Date(sim.clock.now()).toISOString());
    expect(byForm['I-821D'].subtype?.code).toBe(RENEWAL.code);
    expect(byForm['I-765'].subtype?.code).toBe(C33.code);
    expect(byForm['I-765'].offices.map((o) => o.code)).toEqual(C33.offices);
    // myUSCIS says NEBRASKA SERVICE CENTER; egov lists "Nebraska Service Center" under a code of its own.
    for (const form of ['I-821D', 'I-765'] as const) {
      expect(byForm[form].basis).toBe('case-office');
      expect(byForm[form].answers.map((a) => a.office.description.toUpperCase())).toEqual([sim.scenario.jurisdiction.description]);
    }
    // What is stored is egov's answer as sent, for the forecast's parser.
    const payload = byForm['I-765'].answers[0]!.payload as { data: { processing_time: { subtypes: { form_type: string; publication_date: string }[] } } };
    expect(payload.data.processing_time.subtypes.map((s) => s.form_type)).toEqual([C33.code]);
    expect(payload.data.processing_time.subtypes[0]!.publication_date).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);

    const log = sim.timesRequestLog();
    expect(log.map((e) => e.endpoint)).toEqual(['formtypes', 'formoffices', 'processingtime', 'formtypes', 'formoffices', 'processingtime']);
    expect(event.requests).toBe(log.length);
    for (const entry of log) expect(entry.headers.referer).toBe(`${sim.timesOrigin}/processing-times/`);
    noCookieReachedEgov(sim);
    // The myUSCIS host never saw a processing-times request, and egov never saw a myUSCIS one.
    expect(sim.requestLog().some((e) => e.path.includes('processing-times'))).toBe(false);
    expect(sim.requestLog().every((e) => e.sessionCookie)).toBe(true);
  });

  it('without an office named by myUSCIS, asks every listed office and keeps each answer (a 204 office adds none)', async () => {
    const sim = await world();
    const run = engine(sim, memoryFolder(), { spacingMs: 40 });
    // Asked twice at once: one refresh, one request in flight at a time, spaced.
    const [event, again] = await Promise.all([run.times!.refreshIfDue(), run.times!.refreshIfDue()]);
    expect(again).toBe(event);
    expect(event.outcome).toBe('read');
    const log = sim.timesRequestLog();
    expect(event.requests).toBe(log.length);
    for (let i = 1; i < log.length; i += 1) expect(log[i]!.realAt - log[i - 1]!.realAt).toBeGreaterThanOrEqual(35);
    const i765 = run.monitor.snapshot.processingTimes.byForm['I-765'];
    expect(i765.basis).toBe('all-offices');
    expect(i765.answers.map((a) => a.office.code)).toEqual(C33.published);
    // Every listed office was asked once, the silent one (204) included.
    const asked = sim.timesRequestLog().filter((e) => e.endpoint === 'processingtime' && e.path.includes('/I-765/'));
    expect(asked.map((e) => e.status)).toEqual(C33.offices.map((office) => (C33.published.includes(office) ? 200 : 204)));
    noCookieReachedEgov(sim);
  });

  it('asks egov nothing again the same day, even after a restart, and sees a changed publication the next day', async () => {
    const sim = await world();
    const storeDir = memoryFolder();
    const first = engine(sim, storeDir);
    await checkOnce(sim, first.monitor);
    await first.times!.refreshIfDue();
    const before = first.monitor.snapshot.processingTimes.byForm['I-821D'].answers[0]!.payload;
    first.monitor.stop();
    const asked = sim.timesRequestLog().length;

    sim.advance(5 * HOUR);
    const restarted = engine(sim, storeDir);
    expect(await restarted.times!.refreshIfDue()).toMatchObject({ outcome: 'fresh', requests: 0 });
    expect(sim.timesRequestLog()).toHaveLength(asked);
    restarted.monitor.stop();

    sim.advance(20 * HOUR);
    const published = sim.bumpPublication();
    const nextDay = engine(sim, storeDir);
    const event = await nextDay.times!.refreshIfDue();
    expect(event.outcome).toBe('read');
    // The lists are kept for a week: only the two offices' times are asked.
    expect(sim.timesRequestLog().slice(asked).map((e) => e.endpoint)).toEqual(['processingtime', 'processingtime']);
    const after = nextDay.monitor.snapshot.processingTimes.byForm['I-821D'].answers[0]!.payload as { data: { processing_time: { subtypes: { publication_date: string }[] } } };
    expect(after).not.toEqual(before);
    expect(after.data.processing_time.subtypes[0]!.publication_date).toBe(published.publicationDate);
    noCookieReachedEgov(sim);
  });

  it('lists subtypes and offices again when egov no longer knows the stored ones (404), not before a week otherwise', async () => {
    const sim = await world();
    const run = engine(sim, memoryFolder());
    await run.times!.refreshIfDue();
    const firstListing = sim.timesRequestLog().filter((e) => e.endpoint === 'formtypes').length;
    sim.advance(24 * HOUR);
    sim.addFault({ endpoint: 'egov-processingtime', kind: 'not-found' });
    expect(await run.times!.refreshIfDue()).toMatchObject({ outcome: 'read', forms: { 'I-821D': 'not-published', 'I-765': 'not-published' } });
    expect(run.monitor.snapshot.processingTimes.byForm['I-821D'].discoveredAt).toBeNull();
    sim.clearFaults();
    sim.advance(24 * HOUR);
    expect(await run.times!.refreshIfDue()).toMatchObject({ outcome: 'read', forms: { 'I-821D': 'published', 'I-765': 'published' } });
    expect(sim.timesRequestLog().filter((e) => e.endpoint === 'formtypes')).toHaveLength(firstListing * 2);
  });

  it('a 204 for one form says "not published" for it and leaves the other form\'s times as read', async () => {
    const sim = await world();
    const run = engine(sim, memoryFolder());
    await run.times!.refreshIfDue();
    sim.advance(24 * HOUR);
    sim.bumpPublication();
    sim.setUnpublishedForms(['I-765']);
    const event = await run.times!.refreshIfDue();
    expect(event).toMatchObject({ outcome: 'read', forms: { 'I-821D': 'published', 'I-765': 'not-published' } });
    const { byForm } = run.monitor.snapshot.processingTimes;
    expect(byForm['I-765'].answers).toEqual([]);
    expect(byForm['I-765'].readAt).toBe(new Date(sim.clock.now()).toISOString());
    expect(byForm['I-821D'].answers.length).toBeGreaterThan(0);
    expect(byForm['I-821D'].readAt).toBe(new Date(sim.clock.now()).toISOString());
  });

  it('a 403 block page from egov changes nothing about the myUSCIS checks, and egov is left alone for a day', async () => {
    // The same story twice: once with no times reader at all, once with egov answering every request with a block page.
    const plain = await world();
    const without = engine(plain, memoryFolder(), { times: false });
    await checkOnce(plain, without.monitor);

    const sim = await world({ faults: [{ endpoint: 'any-egov', kind: 'block-page' }] });
    const run = engine(sim, memoryFolder());
    const [blocked] = await Promise.all([run.times!.refreshIfDue(), checkOnce(sim, run.monitor)]);
    expect(blocked.outcome).toBe('blocked');
    expect(sim.timesRequestLog().map((e) => e.status)).toEqual([403]);

    const checks = (events: MonitorEvent[]) => events.filter((e) => e.kind === 'check' || e.kind === 'finding' || e.kind === 'backoff' || e.kind === 'error');
    expect(checks(run.events)).toEqual(checks(without.events));
    expect(sim.requestLog().map((e) => [e.path.replace(sim.receipts.i821d, 'A').replace(sim.receipts.i765, 'B'), e.status])).toEqual(
      plain.requestLog().map((e) => [e.path.replace(plain.receipts.i821d, 'A').replace(plain.receipts.i765, 'B'), e.status]),
    );
    expect(run.monitor.snapshot.snapshots).toEqual(without.monitor.snapshot.snapshots);
    expect(run.monitor.snapshot.schedule.backoff).toBeNull();
    expect(run.monitor.snapshot.schedule.blockedSince ?? null).toBeNull();

    const { processingTimes } = run.monitor.snapshot;
    const rest = Date.parse(processingTimes.blockedUntil!) - Date.parse(processingTimes.attemptedAt!);
    expect(rest).toBeGreaterThanOrEqual(24 * HOUR);
    expect(rest).toBeLessThan(25 * HOUR);
    expect(processingTimes.fetchedAt).toBeNull();
    sim.advance(12 * HOUR);
    expect(await run.times!.refreshIfDue()).toMatchObject({ outcome: 'waiting', requests: 0 });
    expect(sim.timesRequestLog()).toHaveLength(1);
    noCookieReachedEgov(sim);
  });

  it('waits out a 429\'s Retry-After when it is longer than the first backoff, the stored times untouched', async () => {
    const sim = await world({ faults: [{ endpoint: 'egov-formtypes', kind: 'rate-limit', retryAfterSeconds: 3 * 3600 }] });
    const run = engine(sim, memoryFolder());
    const event = await run.times!.refreshIfDue();
    expect(event).toMatchObject({ outcome: 'failed', reason: 'HTTP 429', requests: 1 });
    expect(Date.parse(event.until!) - sim.clock.now()).toBe(3 * HOUR);
    expect(run.monitor.snapshot.processingTimes.byForm['I-821D'].status).toBeNull();
    sim.advance(2 * HOUR);
    expect(await run.times!.refreshIfDue()).toMatchObject({ outcome: 'waiting', requests: 0 });
  });

  it('on its own timer, reads once at start and asks nothing more while the read is fresh', async () => {
    const sim = await world();
    const run = engine(sim, memoryFolder());
    run.times!.start(3_600_000);
    await expect.poll(() => run.timesEvents.length, { timeout: 5_000 }).toBeGreaterThan(0);
    const asked = sim.timesRequestLog().length;
    // At this speed an hour of the engine's clock is a millisecond: the timer looks again every real second.
    await expect.poll(() => run.timesEvents.length, { timeout: 5_000 }).toBeGreaterThan(1);
    run.times!.stop();
    expect(run.timesEvents.map((e) => e.outcome).slice(0, 2)).toEqual(['read', 'fresh']);
    expect(sim.timesRequestLog()).toHaveLength(asked);
  });

  it('a hanging egov never delays a myUSCIS check: the refresh times out on its own and waits before asking again', async () => {
    const sim = await world({ faults: [{ endpoint: 'any-egov', kind: 'slow', delayMs: 20_000 }] });
    const run = engine(sim, memoryFolder(), { timeoutMs: 1_500 });
    const refresh = run.times!.refreshIfDue();
    const started = performance.now();
    await checkOnce(sim, run.monitor);
    const checkMs = performance.now() - started;
    expect(run.events.filter((e) => e.kind === 'check').map((e) => (e as { outcome: string }).outcome)).toEqual(['ok', 'ok']);
    // Both checks were done while egov's first answer was still outstanding.
    expect(checkMs).toBeLessThan(1_000);
    expect(await Promise.race([refresh.then(() => 'settled'), Promise.resolve('pending')])).toBe('pending');

    const event = await refresh;
    expect(event.outcome).toBe('failed');
    expect(event.reason).toMatch(/^timeout/);
    expect(Date.parse(event.until!)).toBeGreaterThan(sim.clock.now());
    expect(await run.times!.refreshIfDue()).toMatchObject({ outcome: 'waiting', requests: 0 });
    expect(sim.timesRequestLog()).toHaveLength(1);
  });
});
