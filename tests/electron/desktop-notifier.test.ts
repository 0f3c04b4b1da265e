// The desktop notifier over a fake node-notifier: options per platform, clicks, the fallback on an
// error or a hang, and a log that never repeats what a notification says. No real notification is shown.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDesktopNotifier,
  NOTIFY_TIMEOUT_MS,
  unpackedVendorPath,
  vendorBinaryPath,
  windowsAppUserModelId,
  type DesktopNotifierOptions,
  type NativeNotificationCallback,
  type NativeNotificationOptions,
  type NodeNotifierLike,
} from '../../electron/desktop-notifier';
import type { DesktopNotification } from '../../engine/ports';

const APPROVAL: DesktopNotification = {
  key: 'IOE0933012458:silent-approval',
  title: 'Approval document for your I-765 (IOE0933012458)',
  body: 'USCIS added “I-765 C33 Standalone Approval” to your documents.',
  priority: 'high',
};
const CARD_MAILED: DesktopNotification = { ...APPROVAL, key: 'IOE0933012458:card-mailed', priority: 'normal' };
const NEW_EVENT: DesktopNotification = { ...APPROVAL, key: 'IOE0933012458:new-event', priority: 'low' };

/** A node-notifier that records each call and answers only when the test says so. */
class FakeNodeNotifier implements NodeNotifierLike {
  readonly calls: { options: NativeNotificationOptions; answer: NativeNotificationCallback }[] = [];
  notify(options: NativeNotificationOptions, answer: NativeNotificationCallback): void {
    this.calls.push({ options, answer });
  }
  get last() {
    const call = this.calls.at(-1);
    if (!call) throw new Error('node-notifier was not called');
    return call;
  }
}

function setUp(overrides: Partial<DesktopNotifierOptions> = {}) {
  const notifier = new FakeNodeNotifier();
  const fallback = vi.fn(async (_n: DesktopNotification) => {});
  const onClick = vi.fn((_key: string) => {});
  const logged: string[] = [];
  const port = createDesktopNotifier({
    notifier,
    fallback,
    onClick,
    appId: 'org.dacawatch.desktop',
    appName: 'DACA Watch',
    platform: 'linux',
    log: (message) => logged.push(message),
    ...overrides,
  });
  return { port, notifier, fallback, onClick, logged };
}

/** What node-notifier's notify-send wrapper passes on failure: cp.exec's error, which quotes the command. */
const commandFailed = (n: DesktopNotification) =>
  Object.assign(new Error(`Command failed: notify-send "${n.title}" "${n.body}"\nGDBus.Error: no server`), { code: 1 });

afterEach(() => {
  vi.useRealTimers();
});

describe('what node-notifier is asked to show', () => {
  it('on Linux: title, body, app name and urgency, without waiting for a click notify-send cannot report', async () => {
    const { port, notifier } = setUp({ iconPath: '/opt/DACA Watch/resources/icon.png' });
    const shown = port.notify(APPROVAL);
    notifier.last.answer(null, '');
    await shown;
    expect(notifier.last.options).toEqual({
      title: APPROVAL.title,
      message: APPROVAL.body,
      icon: '/opt/DACA Watch/resources/icon.png',
      'app-name': 'DACA Watch',
      urgency: 'critical',
      timeout: 0,
    });
  });

  it('maps priority to urgency: high is critical and stays, normal and low are normal and expire', async () => {
    const { port, notifier } = setUp();
    for (const n of [APPROVAL, CARD_MAILED, NEW_EVENT]) {
      const shown = port.notify(n);
      notifier.last.answer(null, '');
      await shown;
    }
    expect(notifier.calls.map((c) => [c.options.urgency, c.options.timeout])).toEqual([
      ['critical', 0],
      ['normal', 10],
      ['normal', 10],
    ]);
  });

  it('on Windows: the AppUserModelID, and no app name (node-notifier would let it replace the appID)', async () => {
    const { port, notifier } = setUp({ platform: 'win32' });
    const shown = port.notify(CARD_MAILED);
    notifier.last.answer(null, 'timeout');
    await shown;
    expect(notifier.last.options).toEqual({ title: CARD_MAILED.title, message: CARD_MAILED.body, appID: 'org.dacawatch.desktop', wait: true });
  });

  it('on macOS: Electron’s own Notification, never node-notifier’s terminal-notifier', async () => {
    const { port, notifier, fallback } = setUp({ platform: 'darwin' });
    await port.notify(CARD_MAILED);
    expect(notifier.calls).toEqual([]);
    expect(fallback).toHaveBeenCalledExactlyOnceWith(CARD_MAILED);
  });
});

describe('clicks', () => {
  it.each(['win32'] as const)('on %s a click opens the dashboard at the finding', async (platform) => {
    const { port, notifier, onClick, fallback } = setUp({ platform });
    const shown = port.notify(APPROVAL);
    notifier.last.answer(null, 'activate');
    await shown;
    expect(onClick).toHaveBeenCalledExactlyOnceWith(APPROVAL.key);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('a toast that times out or is dismissed is not a click', async () => {
    const { port, notifier, onClick } = setUp({ platform: 'win32' });
    const shown = port.notify(APPROVAL);
    notifier.last.answer(null, 'dismissed');
    await shown;
    expect(onClick).not.toHaveBeenCalled();
  });

  it('a click that comes after notify() stopped waiting still opens the dashboard', async () => {
    vi.useFakeTimers();
    const { port, notifier, onClick, fallback } = setUp({ platform: 'win32' });
    const shown = port.notify(APPROVAL);
    await vi.advanceTimersByTimeAsync(NOTIFY_TIMEOUT_MS);
    await shown;
    expect(onClick).not.toHaveBeenCalled();
    notifier.last.answer(null, 'activate');
    expect(onClick).toHaveBeenCalledExactlyOnceWith(APPROVAL.key);
    expect(fallback).not.toHaveBeenCalled();
  });
});

describe('the fallback to Electron', () => {
  it('is not used when node-notifier succeeds', async () => {
    const { port, notifier, fallback, logged } = setUp();
    const shown = port.notify(APPROVAL);
    notifier.last.answer(null, '');
    await shown;
    expect(fallback).not.toHaveBeenCalled();
    expect(logged).toEqual([]);
  });

  it('shows the same notification once when node-notifier reports an error', async () => {
    const { port, notifier, fallback, logged } = setUp();
    const shown = port.notify(APPROVAL);
    notifier.last.answer(commandFailed(APPROVAL));
    await shown;
    expect(fallback).toHaveBeenCalledExactlyOnceWith(APPROVAL);
    expect(logged).toEqual(['Native notification failed in node-notifier (code 1); showing it with Electron instead.']);
  });

  it('treats text on the helper’s stderr as an error, as node-notifier does', async () => {
    const { port, notifier, fallback } = setUp();
    const shown = port.notify(APPROVAL);
    notifier.last.answer(`notify-send: cannot show "${APPROVAL.title}"`);
    await shown;
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('is used once when node-notifier throws', async () => {
    const notifier: NodeNotifierLike = {
      notify: () => {
        throw new TypeError(`bad options for "${APPROVAL.title}"`);
      },
    };
    const { port, fallback, logged } = setUp({ notifier });
    await port.notify(APPROVAL);
    expect(fallback).toHaveBeenCalledExactlyOnceWith(APPROVAL);
    expect(logged).toEqual(['Native notification failed in node-notifier (TypeError); showing it with Electron instead.']);
  });

  it('is used once when SnoreToast fails and node-notifier calls back twice (error, then success)', async () => {
    const { port, notifier, fallback } = setUp({ platform: 'win32' });
    const shown = port.notify(APPROVAL);
    notifier.last.answer(Object.assign(new Error('Command failed: snoretoast'), { code: -1 }));
    notifier.last.answer(null);
    await shown;
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('is used when notify-send hangs, without blocking the engine longer than the timeout', async () => {
    vi.useFakeTimers();
    const { port, notifier, fallback, logged } = setUp();
    const shown = port.notify(APPROVAL);
    await vi.advanceTimersByTimeAsync(NOTIFY_TIMEOUT_MS - 1);
    expect(fallback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await shown;
    expect(fallback).toHaveBeenCalledExactlyOnceWith(APPROVAL);
    expect(logged).toEqual([`Native notification got no answer from node-notifier within ${NOTIFY_TIMEOUT_MS} ms; showing it with Electron instead.`]);
    notifier.last.answer(commandFailed(APPROVAL));
    await Promise.resolve();
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('is not used when a toast simply waits for the user past the timeout, but is when it then fails', async () => {
    vi.useFakeTimers();
    const { port, notifier, fallback } = setUp({ platform: 'win32' });
    const shown = port.notify(APPROVAL);
    await vi.advanceTimersByTimeAsync(NOTIFY_TIMEOUT_MS);
    await shown;
    expect(fallback).not.toHaveBeenCalled();
    notifier.last.answer(Object.assign(new Error('Command failed: snoretoast'), { code: -1 }));
    expect(fallback).toHaveBeenCalledExactlyOnceWith(APPROVAL);
  });

  it('rejects notify() when the fallback fails too, so the engine reports it', async () => {
    const { port, notifier } = setUp({ fallback: () => Promise.reject(new Error('Notification is not supported')) });
    const shown = port.notify(APPROVAL);
    notifier.last.answer(commandFailed(APPROVAL));
    await expect(shown).rejects.toThrow('Notification is not supported');
  });

  it('never logs a title, a body or a receipt number', async () => {
    vi.useFakeTimers();
    const { port, notifier, logged } = setUp();
    const failures: unknown[] = [commandFailed(APPROVAL), `stderr about ${APPROVAL.body}`, new Error(APPROVAL.title)];
    for (const failure of failures) {
      const shown = port.notify(APPROVAL);
      notifier.last.answer(failure as Error | string);
      await shown;
    }
    const hung = port.notify(APPROVAL);
    await vi.advanceTimersByTimeAsync(NOTIFY_TIMEOUT_MS);
    await hung;
    expect(logged).toHaveLength(4);
    for (const line of logged) {
      expect(line).not.toContain('Approval');
      expect(line).not.toContain('USCIS');
      expect(line).not.toMatch(/IOE\d/);
    }
  });

  it('loads node-notifier only when a notification is shown, with require (it works from inside app.asar)', async () => {
    const fallback = vi.fn(async (_n: DesktopNotification) => {});
    const port = createDesktopNotifier({ fallback, appId: 'org.dacawatch.desktop', appName: 'DACA Watch', platform: 'darwin', log: () => {} });
    await port.notify(APPROVAL);
    expect(fallback).toHaveBeenCalledExactlyOnceWith(APPROVAL);
    const source = readFileSync(join(import.meta.dirname, '..', '..', 'electron', 'desktop-notifier.ts'), 'utf8');
    expect(source).not.toMatch(/^import\s+\w+\s+from\s+'node-notifier'/m);
    expect(source).toContain("createRequire(import.meta.url)('node-notifier')");
  });

  it('gives Windows toasts the installer’s app id when packaged and Electron’s own in development', () => {
    expect(windowsAppUserModelId('org.dacawatch.desktop', true, 'C:\\Apps\\DACA Watch.exe')).toBe('org.dacawatch.desktop');
    expect(windowsAppUserModelId('org.dacawatch.desktop', false, 'C:\\dev\\node_modules\\electron\\dist\\electron.exe')).toBe('C:\\dev\\node_modules\\electron\\dist\\electron.exe');
  });
});

describe('running node-notifier’s helpers from outside app.asar', () => {
  it.each([
    ['/opt/DACA Watch/resources/app.asar/node_modules/node-notifier/vendor/x', '/opt/DACA Watch/resources/app.asar.unpacked/node_modules/node-notifier/vendor/x'],
    [
      'C:\\Users\\Ana\\AppData\\Local\\Programs\\DACA Watch\\resources\\app.asar\\node_modules\\node-notifier\\vendor\\snoreToast\\snoretoast-x64.exe',
      'C:\\Users\\Ana\\AppData\\Local\\Programs\\DACA Watch\\resources\\app.asar.unpacked\\node_modules\\node-notifier\\vendor\\snoreToast\\snoretoast-x64.exe',
    ],
    ['/Applications/DACA Watch.app/Contents/Resources/app.asar', '/Applications/DACA Watch.app/Contents/Resources/app.asar.unpacked'],
  ])('moves %s out of the archive', (inside, outside) => {
    expect(unpackedVendorPath(inside)).toBe(outside);
  });

  it.each([
    '/opt/DACA Watch/resources/app.asar.unpacked/node_modules/node-notifier/vendor/x',
    '/work/main/node_modules/node-notifier/vendor/x',
    '/opt/myapp.asar/node_modules/x',
    '/opt/app.asarx/node_modules/x',
  ])('leaves %s as it is', (path) => {
    expect(unpackedVendorPath(path)).toBe(path);
  });

  it('points at helpers this node-notifier ships (Windows x64 and x86/arm64, macOS); Linux uses notify-send', () => {
    const helpers = [vendorBinaryPath('win32', 'x64'), vendorBinaryPath('win32', 'arm64'), vendorBinaryPath('darwin')];
    expect(helpers.map((path) => path?.split(/[\\/]/).at(-1))).toEqual(['snoretoast-x64.exe', 'snoretoast-x86.exe', 'terminal-notifier']);
    for (const path of helpers) expect(existsSync(path!), path).toBe(true);
    expect(vendorBinaryPath('linux')).toBeUndefined();
  });
});
