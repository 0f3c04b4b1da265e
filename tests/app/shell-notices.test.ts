// The shell's notices: notifications the system did not show (Electron's Notification `failed` through the double),
// a login item that did not register. One notice per problem, cleared when it is fixed; the tray asks for attention
// while something is unseen and untold; the dashboard state carries the notice for the words in both languages.

import { describe, expect, it, vi } from 'vitest';
import { AppController } from '../../app/app-controller';
import { dashboardStateOf } from '../../app/dashboard-state';
import { notificationsTrayLine, notShownReasonOf, ShellNotices, shellPlatformOf } from '../../app/shell-notices';
import { createDesktopNotifier } from '../../electron/desktop-notifier';
import { createNotificationFallback } from '../../electron/notification-fallback';
import type { DesktopNotification, NotifierPort } from '../../engine/ports';
import { DashboardStateSchema } from '../../shared/ipc/contract';
import type { ElectronDouble } from '../helpers/electron-double';
import { engineHarness } from '../helpers/engine-harness';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const HOUR = 3_600_000;
const NOTE: DesktopNotification = { key: 'IOE0933012458:approved', title: 'Approved', body: 'Case Was Approved', priority: 'high' };
const clock = { now: () => Date.parse('2026-12-07T12:00:00Z') };

describe('ShellNotices', () => {
  it('names the platform the words are for', () => {
    expect([shellPlatformOf('darwin'), shellPlatformOf('win32'), shellPlatformOf('linux'), shellPlatformOf('freebsd')]).toEqual(['mac', 'windows', 'linux', 'linux']);
  });

  it('reads the reason a rejected notify() carries, and calls anything else a failure', () => {
    expect(notShownReasonOf({ reason: 'unsupported' })).toBe('unsupported');
    expect(notShownReasonOf(Object.assign(new Error('x'), { reason: 'no-answer' }))).toBe('no-answer');
    expect(notShownReasonOf(new Error('spawn failed'))).toBe('failed');
    expect(notShownReasonOf('text')).toBe('failed');
  });

  it('keeps one notice per problem: a second failure for the same reason changes nothing; a shown notification clears it', async () => {
    const changes = vi.fn();
    const notices = new ShellNotices('mac', clock, changes);
    let fail = true;
    const port = notices.watch({ notify: async () => (fail ? Promise.reject(Object.assign(new Error('refused'), { reason: 'failed' })) : undefined) });
    await expect(port.notify(NOTE)).rejects.toThrow('refused');
    await expect(port.notify(NOTE)).rejects.toThrow('refused');
    expect(notices.state()).toEqual({ platform: 'mac', notifications: { reason: 'failed', since: '2026-12-07T12:00:00.000Z' }, loginItem: null });
    expect(notices.notificationsFailing()).toBe(true);
    expect(changes).toHaveBeenCalledOnce();
    fail = false;
    await port.notify(NOTE);
    expect(notices.state().notifications).toBeNull();
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('keeps what the login-item read-back said until it is as asked', () => {
    const changes = vi.fn();
    const notices = new ShellNotices('windows', clock, changes);
    notices.loginItemChecked('not-registered');
    notices.loginItemChecked('not-registered');
    expect(notices.state().loginItem).toBe('not-registered');
    notices.loginItemChecked('as-asked');
    expect(notices.state().loginItem).toBeNull();
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('on macOS, an unsigned app’s `failed` notification (the double’s switch) becomes the notice, through the real shell notifier', async () => {
    electron.Notification.outcome = { kind: 'failed', error: 'Notifications are not allowed for this application' };
    try {
      const notices = new ShellNotices('mac', clock);
      const fallback = createNotificationFallback({ iconPath: '/res/icon.png', onClick: () => undefined });
      const port = notices.watch(createDesktopNotifier({ fallback, appId: 'org.dacawatch.desktop', appName: 'DACA Watch', platform: 'darwin', log: () => {} }));
      await expect(port.notify(NOTE)).rejects.toMatchObject({ reason: 'failed' });
      expect(notices.state().notifications?.reason).toBe('failed');
    } finally {
      electron.Notification.outcome = { kind: 'show' };
    }
  });

  it('says the tray line in both languages', () => {
    expect(notificationsTrayLine('en')).toBe('Notifications are not showing: open the dashboard');
    expect(notificationsTrayLine('es')).toBe('Las notificaciones no se muestran: abra el panel');
  });
});

describe('a finding nobody was told about', () => {
  it('keeps the tray in its attention state while it is unseen and notifications fail; the dashboard state carries the notice', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 74, idleTimeoutMs: 30 * 24 * HOUR });
    const run = h.start();
    const notices = new ShellNotices('windows', { now: () => h.sim.clock.now() });
    const views: Array<{ icon: string; tooltip: string }> = [];
    const controller = new AppController({
      monitor: run.monitor,
      clock: { now: () => h.sim.clock.now() },
      renderTray: (view) => views.push(view),
      openDashboard: () => undefined,
      startSignIn: () => undefined,
      clearSession: async () => undefined,
      setStartAtLogin: () => undefined,
      quit: () => undefined,
      notificationsFailing: () => notices.notificationsFailing(),
    });
    h.sim.advanceToPhase('silent-approval');
    run.monitor.checkNow();
    await run.runUntil(h.sim.clock.now() + HOUR);
    controller.refresh();
    expect(views.at(-1)!.icon).toBe('news');

    // The system refused the notification that told it.
    const refusing: NotifierPort = { notify: async () => Promise.reject(Object.assign(new Error('toast refused'), { reason: 'failed' })) };
    await notices.watch(refusing).notify(NOTE).catch(() => undefined);
    controller.refresh();
    expect(views.at(-1)!.icon).toBe('attention');
    expect(views.at(-1)!.tooltip.split('\n').at(-1)).toBe('Notifications are not showing: open the dashboard');

    // The dashboard: the notice (Windows words), and the finding still unseen in the news.
    const state = DashboardStateSchema.parse(dashboardStateOf(run.monitor, false, notices.state()));
    expect(state.shell).toMatchObject({ platform: 'windows', notifications: { reason: 'failed' }, loginItem: null });
    expect(state.lastSeenAt).toBeNull();
    expect(state.history.length).toBeGreaterThan(0);

    // Once the user has looked, nothing is untold: the tray is no longer asking.
    run.monitor.markSeen(state.history.at(-1)!.foundAt);
    controller.refresh();
    expect(views.at(-1)!.icon).not.toBe('attention');
    expect(views.at(-1)!.tooltip).not.toContain('Notifications are not showing');
  }, 60_000);
});
