// Electron's Notification through the double: a notification counts as shown only on `show`; `failed` (an unsigned
// macOS app, a refused Windows toast), no support and no answer reject, so the engine never counts it as shown.
// The desktop notifier passes that on, on macOS (Electron only) and on Windows (after node-notifier failed).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDesktopNotifier, type NodeNotifierLike } from '../../electron/desktop-notifier';
import { createNotificationFallback, NotificationNotShown, SHOW_WAIT_MS } from '../../electron/notification-fallback';
import type { DesktopNotification } from '../../engine/ports';
import type { ElectronDouble } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;
const FakeNotification = electron.Notification;

const DECISION: DesktopNotification = { key: 'IOE0933012458:approved', title: 'Your I-821D was approved', body: 'Case Was Approved', priority: 'high' };

function fallback(onClick = () => {}, waitMs?: number) {
  return createNotificationFallback({ iconPath: '/res/icon.png', onClick, ...(waitMs === undefined ? {} : { waitMs }) });
}

afterEach(() => {
  FakeNotification.outcome = { kind: 'show' };
  FakeNotification.supported = true;
  vi.useRealTimers();
});

describe('the Electron notification', () => {
  it('resolves once the system shows it, with the text, icon and urgency, and a click opens the app', async () => {
    const onClick = vi.fn();
    await fallback(onClick)(DECISION);
    const note = FakeNotification.all.at(-1)!;
    expect(note.shown).toBe(true);
    expect(note.options).toEqual({ title: DECISION.title, body: DECISION.body, icon: '/res/icon.png', urgency: 'critical' });
    note.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('rejects on `failed` (an unsigned macOS app): not shown, and the error names the reason, not the text', async () => {
    FakeNotification.outcome = { kind: 'failed', error: 'Notifications are not allowed for this application' };
    const outcome = fallback()(DECISION);
    await expect(outcome).rejects.toBeInstanceOf(NotificationNotShown);
    await expect(outcome).rejects.toMatchObject({ reason: 'failed', message: 'the system refused it (Notifications are not allowed for this application)' });
    const error = await outcome.catch((e: Error) => e);
    expect(String(error)).not.toContain('I-821D');
    expect(FakeNotification.all.at(-1)!.shown).toBe(false);
  });

  it('rejects without creating one where the system has no desktop notifications', async () => {
    FakeNotification.supported = false;
    const before = FakeNotification.all.length;
    await expect(fallback()(DECISION)).rejects.toMatchObject({ reason: 'unsupported' });
    expect(FakeNotification.all).toHaveLength(before);
  });

  it('waits a bounded time: neither `show` nor `failed` rejects after the wait, and a late `show` changes nothing', async () => {
    vi.useFakeTimers();
    FakeNotification.outcome = { kind: 'silent' };
    const outcome = fallback(undefined, SHOW_WAIT_MS)(DECISION);
    const settled = vi.fn();
    outcome.then(settled, settled);
    await vi.advanceTimersByTimeAsync(SHOW_WAIT_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).rejects.toMatchObject({ reason: 'no-answer', message: 'the system did not say within 10 s that it showed the notification' });
    FakeNotification.all.at(-1)!.emit('show', {});
    expect(settled).toHaveBeenCalledOnce();
  });
});

describe('the desktop notifier over the Electron notification', () => {
  const brokenNodeNotifier: NodeNotifierLike = {
    notify: (_options, callback) => void callback(Object.assign(new Error('spawn failed'), { code: 'ENOENT' })),
  };

  it('on macOS (Electron only): a `failed` notification rejects notify(), so the engine does not count it as shown', async () => {
    FakeNotification.outcome = { kind: 'failed', error: 'UNErrorCodeNotificationsNotAllowed' };
    const port = createDesktopNotifier({ fallback: fallback(), appId: 'org.dacawatch.desktop', appName: 'DACA Watch', platform: 'darwin', log: () => {} });
    await expect(port.notify(DECISION)).rejects.toMatchObject({ reason: 'failed' });
  });

  it('on Windows: node-notifier failed and Electron’s toast failed too: notify() rejects (and says so without the text)', async () => {
    FakeNotification.outcome = { kind: 'failed', error: 'toast refused' };
    const logged: string[] = [];
    const port = createDesktopNotifier({ notifier: brokenNodeNotifier, fallback: fallback(), appId: 'org.dacawatch.desktop', appName: 'DACA Watch', platform: 'win32', log: (m) => logged.push(m) });
    await expect(port.notify(DECISION)).rejects.toMatchObject({ reason: 'failed' });
    expect(logged).toEqual(['Native notification failed in node-notifier (code ENOENT); showing it with Electron instead.']);
  });

  it('on Windows: node-notifier failed and Electron’s toast showed: notify() resolves', async () => {
    const port = createDesktopNotifier({ notifier: brokenNodeNotifier, fallback: fallback(), appId: 'org.dacawatch.desktop', appName: 'DACA Watch', platform: 'win32', log: () => {} });
    await expect(port.notify(DECISION)).resolves.toBeUndefined();
    expect(FakeNotification.all.at(-1)!.shown).toBe(true);
  });
});
