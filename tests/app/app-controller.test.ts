// The app controller with the real engine (over HTTP to the simulator) and the tray adapter through the
// shared Electron double: icon and menu for each app state, tray commands, power and network events.

import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppController, tomorrowMorning, type ControllerPorts } from '../../app/app-controller';
import type { TrayCommand, TrayMenuItem } from '../../shared/tray/tray-model';
import type { ElectronDouble, FakeTray } from '../helpers/electron-double';
import { engineHarness } from '../helpers/engine-harness';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function setup(options: { startDay?: number; idleTimeoutMs?: number; systemLanguage?: 'en' | 'es' } = {}) {
  const h = await engineHarness({ scenario: 'daca-renewal', startDay: options.startDay ?? 30, ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}) });
  const run = h.start(options.systemLanguage ? { systemLanguage: options.systemLanguage } : {});
  const views: Array<Parameters<ControllerPorts['renderTray']>[0]> = [];
  const calls: string[] = [];
  const controller = new AppController({
    monitor: run.monitor,
    clock: { now: () => h.sim.clock.now() },
    renderTray: (view) => views.push(view),
    openDashboard: () => calls.push('open-dashboard'),
    startSignIn: () => calls.push('start-sign-in'),
    clearSession: async () => void calls.push('clear-session'),
    setStartAtLogin: (enabled) => calls.push(`start-at-login:${enabled}`),
    quit: () => calls.push('quit'),
  });
  return { h, run, controller, views, calls, last: () => views.at(-1)! };
}

const labels = (menu: TrayMenuItem[]) => menu.map((item) => (item.kind === 'separator' ? '—' : item.label));

describe('the tray for each app state', () => {
  it('watching, with a summary of the pair in the tooltip and the status line', async () => {
    const { run, controller, last } = await setup();
    await run.runUntil(Date.parse(run.monitor.snapshot.schedule.lastRequestAt ?? '1970-01-01T00:00:00Z') + MINUTE);
    controller.refresh();
    expect(last().icon).toBe('watching');
    expect(labels(last().menu)).toContain('Sign out');
    expect(labels(last().menu)).toContain('Pause for an hour');
  });

  it('needs attention when signed out, with a Sign in item', async () => {
    const { h, run, controller, last } = await setup();
    h.sim.expireSessions();
    await run.runUntil(h.sim.clock.now() + HOUR);
    controller.refresh();
    expect(last().icon).toBe('attention');
    expect(last().tooltip).toContain('Signed out');
    expect(labels(last().menu)).toContain('Sign in to myUSCIS…');
    expect(labels(last().menu)).not.toContain('Sign out');
  });

  it('a case not read for hours, and one judged another account\'s, say so in the tooltip (Spanish) and the dashboard state, with the attention icon', async () => {
    const { h, run, controller, last } = await setup({ systemLanguage: 'es' });
    await run.runUntil(h.sim.clock.now() + HOUR);
    h.sim.addFault({ endpoint: 'any-api', kind: 'gateway-page', receipt: h.sim.receipts.i765 });
    await run.runUntil(h.sim.clock.now() + 14 * HOUR);
    controller.refresh();
    expect(last().icon).toBe('attention');
    expect(last().tooltip).toContain('I-765: sin consultar desde hace horas; se sigue intentando');
    const { dashboardStateOf } = await import('../../app/dashboard-state');
    const card = dashboardStateOf(run.monitor, false).cases.find((c) => c.receipt === h.sim.receipts.i765)!;
    expect(card.stalled?.reason.en).toMatch(/^its last \d+ requests failed$/);
    expect(Date.parse(card.stalled!.since)).toBeLessThan(h.sim.clock.now() - 12 * HOUR);
    h.sim.clearFaults();
    await run.runUntil(h.sim.clock.now() + 3 * HOUR);
    controller.refresh();
    expect(last().icon).not.toBe('attention');
    expect(dashboardStateOf(run.monitor, false).cases.every((c) => c.stalled === null)).toBe(true);
  });

  it('needs attention while backing off, says why', async () => {
    const { h, run, controller, last } = await setup();
    // Both cases fail: the site, not one case, is failing, so everything waits.
    h.sim.addFault({ endpoint: 'documents', kind: 'server-error', status: 503, times: 2 });
    await run.runUntil(h.sim.clock.now() + 10 * 1000);
    controller.refresh();
    expect(run.monitor.activity()).toBe('backing-off');
    expect(last().icon).toBe('attention');
    expect(last().tooltip).toContain('USCIS is not answering');
  });

  it('shows news when a finding is unseen, then approved once the user has looked', async () => {
    // USCIS keeps the session over the jump to the silent approval here.
    const { h, run, controller, last } = await setup({ startDay: 74, idleTimeoutMs: 30 * 24 * HOUR });
    h.sim.advanceToPhase('silent-approval');
    run.monitor.checkNow();
    await run.runUntil(h.sim.clock.now() + HOUR);
    controller.refresh();
    expect(last().icon).toBe('news');
    expect(last().tooltip).toMatch(/\d+ new/);
    run.monitor.markSeen(new Date(h.sim.clock.now()).toISOString());
    controller.refresh();
    expect(last().icon).toBe('approved');
  });

  it('speaks the system’s Spanish until the user picks English', async () => {
    const { run, controller, last } = await setup({ systemLanguage: 'es' });
    controller.refresh();
    expect(labels(last().menu)).toEqual(expect.arrayContaining(['Abrir el panel', 'Revisar ahora']));
    run.monitor.updateSettings({ language: 'en', languageChosen: true });
    controller.refresh();
    expect(labels(last().menu)).toEqual(expect.arrayContaining(['Open dashboard', 'Check now']));
    expect(labels(last().menu)).not.toContain('Abrir el panel');
  });

  it('speaks Spanish when the user chose Spanish', async () => {
    const { run, controller, last } = await setup();
    run.monitor.updateSettings({ language: 'es' });
    controller.refresh();
    expect(labels(last().menu)).toEqual(expect.arrayContaining(['Abrir el panel', 'Revisar ahora', 'Pausar una hora', 'Salir de DACA Watch']));
    // The work answer first (no expiry entered: the way to enter it), then the app's own line.
    expect(last().tooltip.split('\n')).toEqual(['¿Puede trabajar? Escriba la fecha de vencimiento de su permiso', expect.stringMatching(/^DACA Watch — /)]);
  });
});

describe('tray commands', () => {
  it('pauses for an hour or until tomorrow, resumes, checks now, opens the dashboard, quits', async () => {
    const { h, run, controller, last, calls } = await setup();
    await controller.command('pause-hour');
    expect(run.monitor.activity()).toBe('paused');
    expect(Date.parse(run.monitor.snapshot.schedule.pausedUntil!)).toBe(h.sim.clock.now() + HOUR);
    expect(labels(last().menu)).toContain('Resume');
    await controller.command('resume');
    expect(run.monitor.activity()).not.toBe('paused');
    await controller.command('pause-until-tomorrow');
    expect(Date.parse(run.monitor.snapshot.schedule.pausedUntil!)).toBe(tomorrowMorning(h.sim.clock.now()));
    await controller.command('resume');
    const before = h.apiRequests().length;
    await controller.command('check-now');
    await run.runUntil(h.sim.clock.now() + 30 * 1000);
    expect(h.apiRequests().length).toBeGreaterThan(before);
    await controller.command('open-dashboard');
    await controller.command('quit');
    expect(calls).toEqual(['open-dashboard', 'quit']);
  });

  it('signs out by clearing the session and stopping all requests; sign in opens the sign-in window', async () => {
    const { h, run, controller, calls } = await setup();
    await run.runUntil(h.sim.clock.now() + MINUTE);
    await controller.command('sign-out');
    expect(calls).toEqual(['clear-session']);
    const before = h.apiRequests().length;
    await run.runUntil(h.sim.clock.now() + 6 * HOUR);
    expect(h.apiRequests().length).toBe(before);
    await controller.command('sign-in');
    expect(calls).toEqual(['clear-session', 'start-sign-in']);
  });

  it('turns start at login on and off, remembering the choice', async () => {
    const { run, controller, calls, last } = await setup();
    expect(run.monitor.snapshot.settings.startAtLogin).toBe(false);
    await controller.command('toggle-start-at-login');
    expect(run.monitor.snapshot.settings.startAtLogin).toBe(true);
    expect(last().menu.find((i) => i.kind === 'checkbox')).toMatchObject({ checked: true });
    await controller.command('toggle-start-at-login');
    expect(calls).toEqual(['start-at-login:true', 'start-at-login:false']);
  });
});

describe('power and network events', () => {
  it('makes no request while suspended or offline and checks soon after resume', async () => {
    const { h, run, controller } = await setup({ idleTimeoutMs: 30 * 24 * HOUR });
    await run.runUntil(h.sim.clock.now() + MINUTE);
    for (const [stop, resume] of [
      [() => controller.onPower('suspend'), () => controller.onPower('resume')],
      [() => controller.onOnline(false), () => controller.onOnline(true)],
    ] as const) {
      stop();
      const before = h.apiRequests().length;
      await run.runUntil(h.sim.clock.now() + 3 * HOUR);
      expect(h.apiRequests().length).toBe(before);
      resume();
      // Resuming after hours away: the floor allows a check at once.
      await run.runUntil(h.sim.clock.now() + 30 * 1000);
      expect(h.apiRequests().length).toBeGreaterThan(before);
    }
    controller.onPower('lock-screen');
    expect(run.monitor.activity()).not.toBe('asleep');
  });
});

describe('the Electron tray adapter', () => {
  it('sets icon, tooltip and a menu (popped up on a right click on macOS); clicks reach the commands', async () => {
    const electron = (await import('electron')) as unknown as ElectronDouble;
    const { createTray, trayImagePath } = await import('../../electron/tray');
    const commands: TrayCommand[] = [];
    const iconDir = join(import.meta.dirname, '..', '..', 'build', 'tray');
    const tray = createTray({ iconDir, platform: 'darwin', onCommand: (c) => commands.push(c) });
    tray.render({ icon: 'news', tooltip: 'DACA Watch — 1 new', menu: [{ kind: 'label', label: 'x' }, { kind: 'separator' }, { kind: 'item', command: 'check-now', label: 'Check now', enabled: true }] });
    const fake = electron.Tray.all.at(-1) as FakeTray;
    expect(fake.tooltip).toBe('DACA Watch — 1 new');
    expect(fake.image).toMatchObject({ path: join(iconDir, 'newsTemplate.png'), template: true });
    fake.emit('right-click');
    const items = (fake.poppedUp[0] as { items: unknown[] }).items as Array<{ label?: string; click?: () => void; enabled?: boolean; type?: string }>;
    expect(items.map((i) => i.type ?? i.label)).toEqual(['x', 'separator', 'Check now']);
    expect(items[0]!.enabled).toBe(false);
    items[2]!.click!();
    fake.emit('click');
    expect(commands).toEqual(['check-now', 'open-dashboard']);
    expect(trayImagePath('/res/tray', 'attention', 'linux')).toBe('/res/tray/attention.png');
  });
});
