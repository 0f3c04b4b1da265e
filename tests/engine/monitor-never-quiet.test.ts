// The engine over HTTP against the simulator when myUSCIS answers with something other than data or a sign-out
// (MYUSCIS.md "Seen since"): a site-wide 404 is an outage (both cases read again after the backoff, neither judged
// another account's), a gateway page on one case is that case's server error (no sign-out, the other case read in
// the same run, no finding), a block page is told once and never asks to sign in, a case judged another account's is
// read again a day later and at once when its receipt is entered again.

import { describe, expect, it } from 'vitest';
import { FOREIGN_RECHECK_MS } from '../../engine/watched-cases';
import type { FaultRule } from '../../simulator/scenario-schema';
import type { ReceiptNumber } from '../../shared/receipt';
import { engineHarness, type EngineRun } from '../helpers/engine-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const errors = (run: EngineRun) => run.events.flatMap((event) => (event.kind === 'error' ? [event] : []));
const signedOut = (run: EngineRun) => run.events.some((event) => event.kind === 'session' && event.state === 'signed-out');

describe('a 404 for every path is an outage, not a foreign receipt', () => {
  it.each(['not-found', 'not-found-page'] as const)('%s on every API path for one check: both cases read again after the backoff', async (kind) => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + HOUR);
    h.sim.addFault({ endpoint: 'any-api', kind, times: 3 } satisfies FaultRule);
    await run.runUntil(h.sim.clock.now() + 8 * HOUR);
    const log = h.apiRequests();
    const lastFault = log.findLastIndex((entry) => entry.outcome === `fault:${kind}`);
    expect(log.filter((entry) => entry.outcome === `fault:${kind}`)).toHaveLength(3);
    // The witness was the other case, refused at the same moment.
    expect(new Set(log.filter((entry) => entry.outcome === `fault:${kind}`).map((entry) => entry.receipt))).toEqual(new Set([h.sim.receipts.i821d, h.sim.receipts.i765]));
    expect(run.monitor.snapshot.cases.map((c) => c.problem)).toEqual([null, null]);
    for (const receipt of [h.sim.receipts.i821d, h.sim.receipts.i765]) {
      expect(log.slice(lastFault + 1).some((entry) => entry.receipt === receipt && entry.status === 200), receipt).toBe(true);
    }
    const outage = errors(run).find((event) => event.message.includes('for both of your cases at once'));
    expect(outage?.text?.es).toContain('para sus dos casos a la vez');
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'backoff', reason: 'outage' }));
    expect(errors(run).some((event) => event.message.includes('is not a case of this myUSCIS account'))).toBe(false);
  });

  it('a receipt judged another account\'s is read again a day later, and at once when it is entered again', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const foreign = h.sim.scenario.otherAccountReceipts[0]!;
    const run = h.start({ receipts: [h.sim.receipts.i765, foreign] });
    await run.runUntil(h.sim.clock.now() + 2 * HOUR);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === foreign)?.problem).toBe('not-this-account');
    const judgedAt = h.sim.clock.now();
    const asked = () => h.apiRequests().filter((entry) => entry.receipt === foreign).length;
    const afterJudgement = asked();
    await run.runUntil(judgedAt + FOREIGN_RECHECK_MS - 3 * HOUR);
    expect(asked()).toBe(afterJudgement);
    await run.runUntil(judgedAt + FOREIGN_RECHECK_MS + 3 * HOUR);
    expect(asked()).toBeGreaterThan(afterJudgement);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === foreign)?.problem).toBe('not-this-account');
    // Entered again: read at once (its next check is the engine's next one), and not judged until it is refused again.
    run.monitor.setCases([h.sim.receipts.i765, foreign] as ReceiptNumber[]);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === foreign)?.problem).toBeNull();
    expect(run.monitor.receipts).toContain(foreign);
  });

  it('a receipt judged another account\'s that is served later is watched again', async () => {
    // The applicant page does not answer, so only the witness can say whose receipt it is.
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30, faults: [{ endpoint: 'applicant-page', kind: 'server-error', status: 503 }] });
    const run = h.start();
    const [i821d, i765] = [h.sim.receipts.i821d, h.sim.receipts.i765];
    await run.runUntil(h.sim.clock.now() + HOUR);
    // Only the I-821D refused (404) while the I-765 answers: judged another account's.
    h.sim.addFault({ endpoint: 'any-api', kind: 'not-found', receipt: i821d, times: 2 });
    await run.runUntil(h.sim.clock.now() + 4 * HOUR);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === i821d)?.problem).toBe('not-this-account');
    expect(run.monitor.receipts).toEqual([i765]);
    // A day later it is read again and served: the judgement is dropped.
    await run.runUntil(h.sim.clock.now() + FOREIGN_RECHECK_MS + 2 * HOUR);
    expect(run.monitor.snapshot.cases.find((c) => c.receipt === i821d)?.problem).toBeNull();
    expect(run.monitor.receipts).toEqual([i821d, i765]);
    // The applicant page failed three times, then was left until the next sign-in: it never held the cases up.
    expect(h.sim.requestLog().filter((entry) => entry.path === '/account/applicant')).toHaveLength(3);
  });
});

describe('web pages that are no sign-out', () => {
  it('a gateway page on one case: no sign-out, the other case read in the same run, no finding', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start({ signIn: true });
    await run.monitor.runOnce(async () => undefined);
    run.events.length = 0;
    // Past the per-case floor, which holds on the simulator's origin as on USCIS's.
    h.sim.clock.setTime(h.sim.clock.now() + 11 * MINUTE);
    h.sim.addFault({ endpoint: 'documents', kind: 'gateway-page', receipt: h.sim.receipts.i821d, times: 1 });
    await run.monitor.runOnce(async () => undefined);
    expect(signedOut(run)).toBe(false);
    expect(run.notifications.filter((n) => /sign in/i.test(n.title))).toEqual([]);
    const checks = run.events.flatMap((event) => (event.kind === 'check' ? [event] : []));
    expect(checks.map((check) => [check.receipt, check.outcome])).toEqual([
      [h.sim.receipts.i821d, 'server-error'],
      [h.sim.receipts.i765, 'ok'],
    ]);
    expect(run.events.filter((event) => event.kind === 'finding')).toEqual([]);
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'backoff', receipt: h.sim.receipts.i821d }));
  });

  it('an empty body and a text 503 on one case are that case\'s failures too', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    h.sim.addFault({ endpoint: 'documents', kind: 'empty-body', receipt: h.sim.receipts.i765, times: 1 });
    await run.monitor.runOnce(async () => undefined);
    h.sim.addFault({ endpoint: 'documents', kind: 'text-error', receipt: h.sim.receipts.i821d, times: 1 });
    expect(signedOut(run)).toBe(false);
    const outcomes = run.events.flatMap((event) => (event.kind === 'check' ? [[event.receipt, event.outcome]] : []));
    expect(outcomes).toEqual([
      [h.sim.receipts.i821d, 'ok'],
      [h.sim.receipts.i765, 'server-error'],
    ]);
  });

  it('a block page on every path: never a sign-in prompt, one "blocking" message, everything waits, then reads again', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start({ systemLanguage: 'es' });
    await run.runUntil(h.sim.clock.now() + HOUR);
    h.sim.addFault({ endpoint: 'any-api', kind: 'block-page', times: 2 });
    await run.runUntil(h.sim.clock.now() + 2 * HOUR);
    expect(h.apiRequests().filter((entry) => entry.outcome === 'fault:block-page')).toHaveLength(2);
    expect(signedOut(run)).toBe(false);
    expect(run.notifications.filter((n) => /sesión|sign in/i.test(n.title))).toEqual([]);
    const blocking = errors(run).filter((event) => event.message.startsWith('USCIS is blocking requests from this computer'));
    expect(blocking).toHaveLength(1);
    expect(blocking[0]!.text?.es).toMatch(/^Por ahora USCIS está bloqueando las solicitudes desde esta computadora/);
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'backoff', reason: 'blocked' }));
    // Answered again afterwards, and the block is over.
    const lastBlock = h.apiRequests().findLastIndex((entry) => entry.outcome === 'fault:block-page');
    expect(h.apiRequests().slice(lastBlock + 1).some((entry) => entry.status === 200)).toBe(true);
    expect(run.monitor.snapshot.schedule.blockedSince ?? null).toBeNull();
  });

  it('a real sign-in redirect still reads as signed out', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 30 });
    const run = h.start();
    h.sim.setSignedOutStyle('redirect');
    h.sim.expireSessions();
    await run.monitor.runOnce(async () => undefined);
    expect(signedOut(run)).toBe(true);
  });
});
