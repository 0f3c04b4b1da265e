// What main answers on each dashboard channel, with the real engine over HTTP to the simulator and
// recording ports for the sign-in window, the save dialog and the login item.

import { describe, expect, it } from 'vitest';
import { createIpcHandlers, pushingStateAfterChanges } from '../../app/ipc-handlers';
import { DashboardStateSchema } from '../../shared/ipc/contract';
import { CHECK_PRESETS } from '../../shared/monitor/settings-limits';
import { answerRequest } from '../../app/ipc-answer';
import { createNodeMonitor } from '../../engine/node-monitor';
import { engineHarness, tempFolder } from '../helpers/engine-harness';
import { NOW } from '../helpers/stored-state';

const HOUR = 3_600_000;

async function setup() {
  const h = await engineHarness({ scenario: 'daca-renewal', startDay: 74, idleTimeoutMs: 30 * 24 * HOUR });
  const run = h.start();
  const calls: string[] = [];
  const saved: Array<{ name: string; contents: string }> = [];
  const handlers = createIpcHandlers({
    monitor: run.monitor,
    clock: { now: () => h.sim.clock.now() },
    demo: true,
    signIn: { open: () => (calls.push('open'), true), signOut: async () => void calls.push('sign-out') },
    setStartAtLogin: (enabled) => calls.push(`login:${enabled}`),
    openExternal: async (url) => url.startsWith('https://'),
    saveFile: async (name, contents) => (saved.push({ name, contents }), `/home/user/${name}`),
  });
  return { h, run, handlers, calls, saved };
}

describe('dashboard requests', () => {
  it('sends a state that matches the contract', async () => {
    const { h, run, handlers } = await setup();
    await run.runUntil(h.sim.clock.now() + HOUR);
    const state = await handlers['state:get']();
    expect(DashboardStateSchema.safeParse(state).success).toBe(true);
    expect(state).toMatchObject({ demo: true, session: { state: 'signed-in' } });
    // The engine's (simulator's) clock, not the wall clock: the dashboard counts days on it.
    expect(state.now).toBe(new Date(h.sim.clock.now()).toISOString());
    expect(Object.keys(state.snapshots)).toHaveLength(2);
  });

  it('sets receipts only when every one is valid, and says what is wrong in both languages', async () => {
    const { run, handlers, h } = await setup();
    const bad = await handlers['cases:set']({ receipts: ['ioe 093-301-2457', 'EAC1234567890'] });
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual([expect.objectContaining({ input: 'EAC1234567890', message: { en: expect.stringContaining('IOE'), es: expect.any(String) } })]);
    expect(run.monitor.snapshot.cases.map((c) => c.receipt)).toEqual([h.sim.receipts.i821d, h.sim.receipts.i765]);
    const good = await handlers['cases:set']({ receipts: ['ioe 093-301-2458'] });
    expect(good).toEqual({ ok: true, errors: [] });
    expect(run.monitor.snapshot.cases.map((c) => c.receipt)).toEqual(['IOE0933012458']);
  });

  it('refuses the same receipt given twice (once its case and spaces are normalised) and changes nothing', async () => {
    const { run, handlers, h } = await setup();
    const twice = await handlers['cases:set']({ receipts: ['ioe 093-301-2458', 'IOE0933012458'] });
    expect(twice.ok).toBe(false);
    expect(twice.errors).toEqual([
      { input: 'IOE0933012458', code: 'duplicate', message: { en: expect.stringContaining('IOE0933012458 is entered twice'), es: expect.stringContaining('IOE0933012458 está escrito dos veces') } },
    ]);
    expect(run.monitor.snapshot.cases.map((c) => c.receipt)).toEqual([h.sim.receipts.i821d, h.sim.receipts.i765]);
  });

  it('signs out without a "sign in again" notification, and opens the sign-in window on request', async () => {
    const { run, handlers, calls } = await setup();
    expect(await handlers['session:sign-in']()).toEqual({ started: true });
    expect(await handlers['session:sign-out']()).toEqual({ ok: true });
    expect(calls).toEqual(['open', 'sign-out']);
    expect(run.monitor.activity()).toBe('signed-out');
    expect(run.notifications).toEqual([]);
  });

  it('pauses, resumes, changes settings (telling the OS about start at login) and marks findings seen', async () => {
    const { h, run, handlers, calls } = await setup();
    expect(Date.parse((await handlers['schedule:pause']({ until: 'hour' })).pausedUntil!)).toBe(h.sim.clock.now() + HOUR);
    expect(await handlers['schedule:pause']({ until: null })).toEqual({ pausedUntil: null });
    const settings = await handlers['settings:update']({ language: 'es', startAtLogin: true });
    expect(settings).toMatchObject({ language: 'es', startAtLogin: true, workHoursIntervalMinutes: CHECK_PRESETS.recommended.workHoursIntervalMinutes });
    expect(calls).toEqual(['login:true']);
    const anHourAgo = new Date(h.sim.clock.now() - HOUR).toISOString();
    await handlers['findings:mark-seen']({ upTo: anHourAgo });
    expect(run.monitor.snapshot.lastSeenAt).toBe(anHourAgo);
  });

  it('exports the timeline as JSON and as a printable record in the asked language', async () => {
    const { h, run, handlers, saved } = await setup();
    h.sim.advanceToPhase('silent-approval');
    run.monitor.checkNow();
    await run.runUntil(h.sim.clock.now() + HOUR);
    expect((await handlers['data:export']({ format: 'json' })).path).toMatch(/daca-watch-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(saved[0]!.contents) as { history: Array<{ type: string }> };
    expect(json.history.map((f) => f.type)).toContain('silent-approval');
    await handlers['data:export']({ format: 'print', language: 'es' });
    expect(saved[1]!.contents).toContain('<table>');
    expect(saved[1]!.contents).toContain('Aprobación antes del cambio de estatus');
    expect(saved[1]!.contents).not.toContain('silent-approval');
    expect(saved[1]!.contents).not.toMatch(/<script/i);
  });

  it('erases everything and the sign-in partition', async () => {
    const { h, run, handlers, calls } = await setup();
    await run.runUntil(h.sim.clock.now() + HOUR);
    expect(await handlers['data:erase']({ confirm: true })).toEqual({ ok: true });
    expect(calls).toEqual(['sign-out']);
    expect(run.monitor.snapshot.cases).toEqual([]);
    expect(await handlers['external:open']({ url: 'javascript:alert(1)' })).toEqual({ opened: false });
  });

  it('opens only the hosts the app needs, whatever the shell would open', async () => {
    const { handlers } = await setup();
    expect(await handlers['external:open']({ url: 'https://www.uscis.gov/DACA' })).toEqual({ opened: true });
    expect(await handlers['external:open']({ url: 'https://egov.uscis.gov/processing-times/' })).toEqual({ opened: true });
    for (const url of ['https://example.org/', 'https://www.uscis.gov.evil.example/', 'https://www.usps.com/']) {
      expect(await handlers['external:open']({ url }), url).toEqual({ opened: false });
    }
  });
});

describe('state pushes', () => {
  it('pushes the state after every change, not after a read', async () => {
    const { handlers } = await setup();
    let pushes = 0;
    const pushing = pushingStateAfterChanges(handlers, () => (pushes += 1));
    await pushing['state:get']();
    expect(pushes).toBe(0);
    await pushing['check:now']();
    await pushing['schedule:pause']({ until: 'hour' });
    expect(pushes).toBe(2);
  });
});

describe('a shell with no sign-in window (the browser preview)', () => {
  it('answers a sign-in with the page to open, within the contract; the app answers as before', async () => {
    const { monitor } = createNodeMonitor({ origin: 'http://127.0.0.1:9', clock: { now: () => NOW }, storeDir: tempFolder() });
    const ports = { monitor, clock: { now: () => NOW }, demo: true, setStartAtLogin: () => {}, openExternal: async () => false, saveFile: async () => null };
    const preview = createIpcHandlers({ ...ports, signIn: { open: () => ({ page: 'http://127.0.0.1:41002/account/applicant' }), signOut: async () => {} } });
    expect(await answerRequest('session:sign-in', undefined, preview)).toEqual({ ok: true, value: { started: false, page: 'http://127.0.0.1:41002/account/applicant' } });
    // The contract itself refuses any other page: main cannot name one by mistake.
    const astray = createIpcHandlers({ ...ports, signIn: { open: () => ({ page: 'https://evil.example/' }), signOut: async () => {} } });
    expect(await answerRequest('session:sign-in', undefined, astray)).toMatchObject({ ok: false, failure: { code: 'failed' } });
    const app = createIpcHandlers({ ...ports, signIn: { open: () => true, signOut: async () => {} } });
    expect(await answerRequest('session:sign-in', undefined, app)).toEqual({ ok: true, value: { started: true } });
    monitor.stop();
  });
});
