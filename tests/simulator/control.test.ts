// The simulator's HTTP control interface (/__sim/* on the data host), used when the simulator runs in
// another process: it needs the per-run token, and it moves the clock, sets faults, WAF and sessions.

import { describe, expect, it } from 'vitest';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { SimBrowser } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';
import type { Simulator } from '../../simulator/server';

async function control(sim: Simulator, method: 'GET' | 'POST', path: string, body?: unknown, token = sim.controlToken) {
  const response = await fetch(`${sim.dataOrigin}/__sim/${path}`, {
    method,
    headers: { 'x-sim-control': token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('the control interface', () => {
  it('refuses requests without the run token', async () => {
    const sim = await frozenSimulator();
    expect((await control(sim, 'GET', 'state', undefined, 'guess')).status).toBe(403);
    expect((await control(sim, 'POST', 'advance', { ms: 1000 }, '')).status).toBe(403);
    expect((await control(sim, 'POST', 'rotate-content-ids', { enabled: true }, 'guess')).status).toBe(403);
    expect((await control(sim, 'POST', 'wrong-receipt', { rules: [{ case: 'i765', answersAs: 'companion' }] }, 'guess')).status).toBe(403);
    expect((await control(sim, 'GET', 'state')).json).toMatchObject({ rotateContentIds: false, wrongReceipt: [] });
    expect(sim.storyDay()).toBeCloseTo(13 / 24, 5);
  });

  it('reports a scenario\'s own switches in the state', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-wrong-receipt' });
    const { json } = await control(sim, 'GET', 'state');
    expect(json.rotateContentIds).toBe(false);
    expect(json.wrongReceipt).toEqual(sim.scenario.wrongReceipt);
    expect((json.wrongReceipt as unknown[]).length).toBe(2);
    const rotating = await frozenSimulator({ scenario: 'daca-rotating-content-ids' });
    expect((await control(rotating, 'GET', 'state')).json).toMatchObject({ rotateContentIds: true, wrongReceipt: [] });
  });

  it('reports the state and moves the story by time or to a phase', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal' });
    const state = await control(sim, 'GET', 'state');
    expect(state.json).toMatchObject({ scenario: 'daca-renewal', speed: 0, waf: false, cases: { i765: { receipt: sim.receipts.i765, status: null } } });
    expect((state.json.phases as Array<{ phase: string }>).map((p) => p.phase)).toContain('silent-approval');

    const advanced = await control(sim, 'POST', 'advance', { ms: 2 * 86_400_000 });
    expect(advanced.json.storyDay).toBeCloseTo(2 + 13 / 24, 5);
    await control(sim, 'POST', 'advance', { phase: 'review' });
    const after = await control(sim, 'GET', 'state');
    expect(after.json.cases).toMatchObject({ i821d: { status: 'Case Is Being Actively Reviewed By USCIS' } });
    const unknownPhase = await control(sim, 'POST', 'advance', { phase: 'nope' });
    expect(unknownPhase.status).toBe(400);
  });

  it('hands out sessions, sets faults and the WAF, expires sessions and returns the log', async () => {
    const sim = await frozenSimulator({ signedOutStyle: '401' });
    const { json } = await control(sim, 'POST', 'session', {});
    const [name, value] = String(json.cookie).split('=') as [string, string];
    const browser = new SimBrowser();
    browser.cookies('127.0.0.1').set(name, value);
    const probe = `${sim.dataOrigin}${endpointPath.casesProbe()}`;
    expect((await browser.fetch(probe)).status).toBe(200);

    await control(sim, 'POST', 'faults', { rules: [{ endpoint: 'cases-probe', kind: 'rate-limit', retryAfterSeconds: 60, times: 1 }] });
    const limited = await browser.fetch(probe);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await browser.fetch(probe)).status).toBe(200);
    expect((await control(sim, 'POST', 'faults', { rules: [{ endpoint: 'documents', kind: 'explode' }] })).status).toBe(400);

    await control(sim, 'POST', 'waf', { enabled: true });
    expect((await browser.fetch(probe, { solveChallenges: false })).status).toBe(202);
    await control(sim, 'POST', 'waf', { enabled: false });

    await control(sim, 'POST', 'expire-sessions');
    expect((await browser.fetch(probe)).status).toBe(401);

    const log = await control(sim, 'GET', 'log');
    const outcomes = (log.json.requests as Array<{ outcome: string }>).map((entry) => entry.outcome);
    expect(outcomes).toEqual(['ok', 'fault:rate-limit', 'ok', 'challenge', 'signed-out:401']);
  });
});
