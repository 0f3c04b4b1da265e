// The monitor engine for real: its requests go over HTTP to the simulator, its state to real files,
// its clock is the simulator's fake clock. Politeness limits, outcomes, sessions, restarts, recovery.

import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_RULES } from '../../engine/schedule';
import { signInAgainNotification } from '../../engine/notification-policy';
import { engineHarness } from '../helpers/engine-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('politeness', () => {
  it('keeps at least two seconds between requests, one case no more often than every 10 minutes, and checks both cases', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 2 * DAY);
    const requests = h.apiRequests();
    expect(requests.length).toBeGreaterThan(50);
    const times = requests.map((r) => Date.parse(r.at));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SCHEDULE_RULES.minGapMs);
    // Check starts per case: a documents read begins every check.
    for (const receipt of [h.sim.receipts.i821d, h.sim.receipts.i765]) {
      const starts = requests.filter((r) => r.receipt === receipt && r.endpoint === 'documents').map((r) => Date.parse(r.at));
      const checkGaps = starts.slice(1).map((t, i) => t - starts[i]!);
      expect(starts.length, receipt).toBeGreaterThan(10);
      expect(Math.min(...checkGaps), receipt).toBeGreaterThanOrEqual(SCHEDULE_RULES.perCaseFloorMs);
    }
    // Well under the 150-a-day budget for the pair, keep-alive included.
    expect(requests.length / 2).toBeLessThanOrEqual(150);
    // Every request came with the session and a Referer, as a page would send it.
    expect(requests.every((r) => r.sessionCookie && r.sessionLive && r.referer)).toBe(true);
  });

  it('keeps the session alive with light requests, so USCIS does not end it overnight', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, idleTimeoutMs: 15 * MINUTE });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 3 * DAY);
    expect(run.events.filter((e) => e.kind === 'session' && e.state === 'signed-out')).toEqual([]);
    const times = h.apiRequests().map((r) => Date.parse(r.at));
    const longest = Math.max(...times.slice(1).map((t, i) => t - times[i]!));
    expect(longest).toBeLessThan(15 * MINUTE);
  });

  it('makes zero requests while signed out, offline, asleep or paused, and checks soon after coming back', async () => {
    // USCIS keeps this session for days here: the test is about the engine staying silent, not about expiry.
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, idleTimeoutMs: 30 * DAY });
    const run = h.start({ signIn: false });
    await run.runUntil(h.sim.clock.now() + DAY);
    expect(h.apiRequests()).toHaveLength(0);
    expect(run.monitor.nextWakeAt()).toBeNull();

    run.monitor.signedIn();
    await run.runUntil(h.sim.clock.now() + MINUTE);
    const afterSignIn = h.apiRequests().length;
    expect(afterSignIn).toBeGreaterThanOrEqual(6); // both cases, fully

    for (const [stop, resume] of [
      [() => run.monitor.setOnline(false), () => run.monitor.setOnline(true)],
      [() => run.monitor.setAwake(false), () => run.monitor.setAwake(true)],
      [() => run.monitor.pause(h.sim.clock.now() + DAY), () => run.monitor.pause(null)],
    ] as const) {
      const before = h.apiRequests().length;
      stop();
      await run.runUntil(h.sim.clock.now() + 12 * HOUR);
      expect(h.apiRequests().length).toBe(before);
      resume();
      await run.runUntil(h.sim.clock.now() + 30 * 1000);
      expect(h.apiRequests().length).toBeGreaterThan(before);
    }
  });
});

describe('sessions', () => {
  it('asks to sign in again in the system’s language when the user never picked one', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, signedOutStyle: 'rotate' });
    const run = h.start({ systemLanguage: 'es' });
    await run.runUntil(h.sim.clock.now() + HOUR);
    h.sim.expireSessions();
    await run.runUntil(h.sim.clock.now() + DAY);
    expect(run.notifications.filter((n) => n.key.startsWith('session-expired')).map((n) => n.title)).toEqual([signInAgainNotification('es', '').title]);
    expect(signInAgainNotification('es', '').title).not.toBe(signInAgainNotification('en', '').title);
    run.monitor.stop();
  });

  it('notices the end of the session, asks once to sign in again, and sends nothing more, even after a restart', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, signedOutStyle: 'rotate' });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    h.sim.expireSessions();
    await run.runUntil(h.sim.clock.now() + DAY);
    const signedOutAt = h.apiRequests().findIndex((r) => r.outcome.startsWith('signed-out'));
    expect(signedOutAt).toBeGreaterThan(0);
    expect(h.apiRequests().length).toBe(signedOutAt + 1);
    expect(run.notifications.filter((n) => n.key.startsWith('session-expired'))).toHaveLength(1);
    expect(run.notifications.at(-1)?.title).toBe('Sign in to myUSCIS again');
    run.monitor.stop();

    // A restart with the session still gone: no second notification, no requests.
    const again = h.start({ signIn: false });
    await again.monitor.signedOut();
    await again.runUntil(h.sim.clock.now() + DAY);
    expect(again.notifications).toEqual([]);
    expect(h.apiRequests().length).toBe(signedOutAt + 1);
  });

  it('treats every way of saying "signed out" as signed out', async () => {
    for (const style of ['401', 'redirect', 'html', 'data-null-error'] as const) {
      const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, signedOutStyle: style });
      const run = h.start();
      h.sim.expireSessions();
      await run.runUntil(h.sim.clock.now() + HOUR);
      expect(run.events.filter((e) => e.kind === 'session').map((e) => e.kind === 'session' && e.state), style).toEqual(['signed-in', 'signed-out']);
      // One request (the applicant page a sign-in reads first), then none.
      expect(h.sim.requestLog().filter((entry) => entry.host === 'data'), style).toHaveLength(1);
    }
  });
});

describe('failures and backoff', () => {
  it.each([
    ['server-error', { kind: 'server-error', status: 503 }],
    ['network-error', { kind: 'drop' }],
    ['malformed', { kind: 'truncated-json' }],
  ] as const)('backs off the case that fails with %s alone, exponentially, while the other goes on, and recovers', async (_name, fault) => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const failing = h.sim.receipts.i821d;
    h.sim.addFault({ endpoint: 'documents', receipt: failing, ...fault, times: 3 } as never);
    // Backoffs of 1, 2, 4 minutes lie under the per-case floor: relaxed explicitly (as a demo runner does) to see them.
    const run = h.start({ relaxedFloorMs: 0 });
    await run.runUntil(h.sim.clock.now() + 3 * HOUR);
    const backoffs = run.events.filter((e) => e.kind === 'backoff');
    expect(backoffs).toHaveLength(3);
    expect(backoffs.every((e) => e.kind === 'backoff' && e.receipt === failing)).toBe(true);
    const failed = h.apiRequests().filter((r) => r.outcome.startsWith('fault:'));
    expect(failed).toHaveLength(3);
    const waits = failed.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(failed[i]!.at));
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    // The healthy case was read between the failures, and nothing backed off as a whole.
    const between = h.apiRequests().filter((r) => r.receipt === h.sim.receipts.i765 && r.at > failed[0]!.at && r.at < failed[2]!.at);
    expect(between.length).toBeGreaterThan(0);
    expect(run.monitor.snapshot.schedule.backoff).toBeNull();
    // After the faults, the failing case is read again with success and its failures are forgotten.
    const lastOfFailing = run.events.filter((e) => e.kind === 'check' && e.receipt === failing).at(-1);
    expect(lastOfFailing).toMatchObject({ outcome: 'ok' });
    expect(run.monitor.snapshot.schedule.cases[failing]).toMatchObject({ failures: 0, retryAt: null });
  });

  it('backs off everything after a 429 (the whole account is asked to slow down), and recovers', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    h.sim.addFault({ endpoint: 'documents', kind: 'rate-limit', retryAfterSeconds: 60, times: 3 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 3 * HOUR);
    const backoffs = run.events.filter((e) => e.kind === 'backoff');
    expect(backoffs.map((e) => e.kind === 'backoff' && [e.reason, e.receipt])).toEqual(Array.from({ length: 3 }, () => ['rate-limited', undefined]));
    const failed = h.apiRequests().filter((r) => r.outcome.startsWith('fault:'));
    const waits = failed.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(failed[i]!.at));
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    // No request of either case went out during a backoff.
    for (const [i, at] of failed.slice(0, -1).map((r) => Date.parse(r.at)).entries()) {
      const until = Date.parse((backoffs[i] as { until: string }).until);
      expect(h.apiRequests().filter((r) => Date.parse(r.at) > at && Date.parse(r.at) < until)).toEqual([]);
    }
    expect(run.events.at(-1)).toMatchObject({ kind: 'check', outcome: 'ok' });
    expect(run.monitor.snapshot.schedule.backoff).toBeNull();
  });

  it('backs off everything when every case fails (the site, not a case, is failing)', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    h.sim.addFault({ endpoint: 'documents', kind: 'server-error', status: 503, times: 2 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    const backoffs = run.events.filter((e) => e.kind === 'backoff');
    // One case fails: it alone waits; the other fails too: everything waits.
    expect(backoffs.map((e) => e.kind === 'backoff' && e.receipt !== undefined)).toEqual([true, true, false]);
    expect(run.monitor.snapshot.schedule.backoff).toBeNull();
    expect(run.events.filter((e) => e.kind === 'check' && e.outcome === 'ok').length).toBeGreaterThanOrEqual(2);
  });

  it('backs off while challenged by the WAF (the desktop shell refreshes the token; headless cannot)', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    h.sim.setWaf(true);
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 10 * MINUTE);
    expect(run.events.filter((e) => e.kind === 'backoff').map((e) => e.kind === 'backoff' && e.reason)).toEqual(['challenged', 'challenged', 'challenged', 'challenged']); // at about 0, 1, 3 and 7 minutes
    h.sim.setWaf(false);
    await run.runUntil(h.sim.clock.now() + HOUR);
    expect(run.monitor.snapshot.schedule.backoff).toBeNull();
  });

  it('honours Retry-After and keeps the backoff across a restart', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    h.sim.addFault({ endpoint: 'documents', kind: 'rate-limit', retryAfterSeconds: 3600, times: 1 });
    const first = h.start();
    await first.runUntil(h.sim.clock.now() + MINUTE);
    const limitedAt = Date.parse(h.apiRequests().at(-1)!.at);
    expect(first.events).toContainEqual(expect.objectContaining({ kind: 'backoff', reason: 'rate-limited' }));
    first.monitor.stop();

    // The app restarts ten minutes later: the stored backoff still holds.
    h.sim.advance(10 * MINUTE);
    const second = h.start();
    expect(second.monitor.nextWakeAt()).toBeGreaterThanOrEqual(limitedAt + HOUR);
    await second.runUntil(limitedAt + HOUR - 1000);
    expect(Date.parse(h.apiRequests().at(-1)!.at)).toBe(limitedAt);
    await second.runUntil(limitedAt + HOUR + 10 * MINUTE);
    // The next request (the applicant page, read first after a sign-in) waits for the backoff.
    expect(Date.parse(h.sim.requestLog().filter((entry) => entry.host === 'data').at(-1)!.at)).toBeGreaterThanOrEqual(limitedAt + HOUR);
  });

  it('stops checking a receipt of another account and says so, while the others go on', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const foreign = h.sim.scenario.otherAccountReceipts[0]!;
    const run = h.start({ receipts: [h.sim.receipts.i765, foreign] });
    await run.runUntil(h.sim.clock.now() + 6 * HOUR);
    // The documents refused (404), then the detail, asked to tell a failing endpoint from another account's receipt.
    const toForeign = h.apiRequests().filter((r) => r.receipt === foreign);
    expect(toForeign.map((r) => r.endpoint)).toEqual(['documents', 'case-detail']);
    // Then the companion's status, at the same moment, as a witness that the account works (MYUSCIS.md "Seen since").
    const api = h.apiRequests();
    const detailAt = api.findIndex((r) => r.receipt === foreign && r.endpoint === 'case-detail');
    expect(api[detailAt + 1]).toMatchObject({ receipt: h.sim.receipts.i765, endpoint: 'case-status' });
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'error', message: expect.stringContaining('is not a case of this myUSCIS account') }));
    // Said to a person in both languages, the receipt masked in each.
    const said = run.events.find((event) => event.kind === 'error' && event.message.includes('is not a case'));
    expect(said?.kind === 'error' && said.text).toEqual({ en: said?.kind === 'error' ? said.message : '', es: expect.stringMatching(/^IOE•+\d{4} no es un caso de esta cuenta de myUSCIS \(USCIS respondió 404 mientras su otro caso sí se mostraba\)/) });
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === foreign)?.problem).toBe('not-this-account');
    expect(h.apiRequests().filter((r) => r.receipt === h.sim.receipts.i765).length).toBeGreaterThan(10);
  });
});

describe('refusals', () => {
  it('judges a receipt answered 500 again and again, while the account works, "not this account" within three checks', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, foreignReceiptStatus: 500 });
    const foreign = h.sim.scenario.otherAccountReceipts[0]!;
    const run = h.start({ receipts: [h.sim.receipts.i765, foreign] });
    await run.runUntil(h.sim.clock.now() + 6 * HOUR);
    const checksOfForeign = run.events.filter((e) => e.kind === 'check' && e.receipt === foreign);
    expect(checksOfForeign.length).toBeGreaterThanOrEqual(1);
    expect(checksOfForeign.length).toBeLessThanOrEqual(3);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === foreign)?.problem).toBe('not-this-account');
    expect(h.apiRequests().filter((r) => r.receipt === foreign).length).toBeLessThanOrEqual(6);
  });

  it('does not take a documents endpoint answering 500 for a receipt of another account: the detail answers for it', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const failing = h.sim.receipts.i821d;
    h.sim.addFault({ endpoint: 'documents', receipt: failing, kind: 'server-error', status: 500 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 12 * HOUR);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === failing)?.problem).toBeNull();
    expect(run.events.filter((e) => e.kind === 'check' && e.receipt === failing).length).toBeGreaterThan(3);
  });
});

describe('the store', () => {
  it('writes on change, not on every poll', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    const afterFirstChecks = run.store.writes;
    await run.runUntil(h.sim.clock.now() + 12 * HOUR);
    const checks = run.events.filter((e) => e.kind === 'check').length;
    expect(checks).toBeGreaterThan(40);
    // Quiet checks write at most the schedule now and then (every 15 minutes at most).
    expect(run.store.writes - afterFirstChecks).toBeLessThanOrEqual(12 * 4 + 1);
    expect(run.store.writes - afterFirstChecks).toBeLessThan(checks);
  });

  it('erases everything on request: files gone, nothing watched, no more requests', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 2 * HOUR);
    expect(run.monitor.snapshot.history.length + Object.keys(run.monitor.snapshot.snapshots).length).toBeGreaterThan(0);
    run.monitor.eraseEverything();
    expect(existsSync(h.storeDir) ? readdirSync(h.storeDir) : []).toEqual([]);
    expect(run.monitor.snapshot.cases).toEqual([]);
    expect(run.monitor.snapshot.history).toEqual([]);
    const before = h.apiRequests().length;
    await run.runUntil(h.sim.clock.now() + DAY);
    expect(h.apiRequests().length).toBe(before);
    // A restart finds nothing either.
    expect(h.start({ receipts: [] }).monitor.snapshot.snapshots).toEqual({});
  });

  it('recovers from a corrupt store file, says so, keeps the damaged file aside and goes on watching', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const first = h.start();
    await first.runUntil(h.sim.clock.now() + HOUR);
    first.monitor.stop();
    writeFileSync(join(h.storeDir, 'config.json'), '{"version":1,"cases":[{"receipt":"IOE09330');
    const second = h.start();
    expect(second.monitor.recovered.length).toBeGreaterThan(0);
    expect(readdirSync(h.storeDir).some((name) => name.startsWith('config.corrupt-'))).toBe(true);
    const before = h.apiRequests().length;
    await second.runUntil(h.sim.clock.now() + HOUR);
    expect(h.apiRequests().length).toBeGreaterThan(before);
  });
});
