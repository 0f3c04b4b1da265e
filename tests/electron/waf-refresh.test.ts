// The WAF token refresh through the Electron double: a challenge page that reloads itself (loadURL rejects
// with ERR_ABORTED), a token set by the page's own timer (throttled if the window were), a CAPTCHA for a person.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERSON_WAIT_MS, TOKEN_WAIT_MS, WAF_TOKEN_COOKIE, createWafRefresh } from '../../electron/waf-refresh';
import type { MyUscisMode } from '../../shared/security/navigation';
import { onPage, resetPageScripts, type ElectronDouble, type FakeBrowserWindow } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const REAL: MyUscisMode = { kind: 'real' };
const APPLICANT = 'https://my.uscis.gov/account/applicant';
const CHALLENGE_RELOAD = 'https://my.uscis.gov/account/applicant?challenge=done';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  electron.BrowserWindow.all = [];
  resetPageScripts();
});
afterEach(() => vi.useRealTimers());

/** Lets the page load run (the double loads on real setImmediate turns; only timers are fake). */
async function loaded(): Promise<void> {
  for (let turn = 0; turn < 8; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

const refresher = (): FakeBrowserWindow => electron.BrowserWindow.all.at(-1)!;
const logs: string[] = [];
const refresh = () => createWafRefresh({ mode: REAL, log: (message) => void logs.push(message) });

/** The challenge as AWS WAF serves it: the script works a moment (a page timer), sets the token, reloads. */
function challengePage(workMs = 1_000): void {
  onPage(APPLICANT, (page) => {
    if (page.url === CHALLENGE_RELOAD) return;
    page.contents.pageTimer(workMs, () => page.contents.session.cookies.put('my.uscis.gov', WAF_TOKEN_COOKIE, 'fresh'));
    page.replaceSelf(CHALLENGE_RELOAD);
  });
}

describe('the WAF token refresh', () => {
  it('tolerates the aborted load of a self-reloading challenge and waits for the token cookie, hidden and unthrottled', async () => {
    challengePage();
    const done = refresh()();
    await loaded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await done).toBe(true);
    const window = refresher();
    expect(window.options.webPreferences).toMatchObject({ backgroundThrottling: false, partition: 'persist:myuscis', sandbox: true });
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    expect(window.isDestroyed()).toBe(true);
  });

  it('does not wait a fixed time: a slow challenge script is waited for up to the cap', async () => {
    challengePage(TOKEN_WAIT_MS - 1_000);
    const done = refresh()();
    await loaded();
    await vi.advanceTimersByTimeAsync(TOKEN_WAIT_MS - 1_000);
    expect(await done).toBe(true);
    expect(refresher().visible).toBe(false);
  });

  it('shows the window when the page asks a person (a CAPTCHA), and takes the token the person earns', async () => {
    onPage(APPLICANT, () => undefined); // a CAPTCHA: nothing happens by itself
    const done = refresh()();
    await loaded();
    await vi.advanceTimersByTimeAsync(TOKEN_WAIT_MS);
    const window = refresher();
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    window.webContents.session.cookies.put('my.uscis.gov', WAF_TOKEN_COOKIE, 'solved');
    await vi.advanceTimersByTimeAsync(0);
    expect(await done).toBe(true);
    expect(window.isDestroyed()).toBe(true);
    expect(logs.join('\n')).not.toContain('solved');
  });

  it('gives up when the person closes the window, or after the person cap', async () => {
    const closing = refresh()();
    await loaded();
    await vi.advanceTimersByTimeAsync(TOKEN_WAIT_MS);
    expect(refresher().visible).toBe(true);
    refresher().close();
    await vi.advanceTimersByTimeAsync(500);
    expect(await closing).toBe(false);

    const ignored = refresh()();
    await loaded();
    await vi.advanceTimersByTimeAsync(TOKEN_WAIT_MS);
    await vi.advanceTimersByTimeAsync(PERSON_WAIT_MS);
    expect(await ignored).toBe(false);
    expect(refresher().isDestroyed()).toBe(true);
  });

  it('runs one refresh at a time for every caller', async () => {
    challengePage();
    const once = refresh();
    const both = Promise.all([once(), once()]);
    await loaded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await both).toEqual([true, true]);
    expect(electron.BrowserWindow.all).toHaveLength(1);
  });

  it('would stall in a throttled hidden window (the double throttles page timers as Chromium may)', () => {
    const throttled = new electron.BrowserWindow({ show: false, webPreferences: {} });
    const ran: string[] = [];
    throttled.webContents.pageTimer(1_000, () => ran.push('throttled'));
    const unthrottled = new electron.BrowserWindow({ show: false, webPreferences: { backgroundThrottling: false } });
    unthrottled.webContents.pageTimer(1_000, () => ran.push('unthrottled'));
    vi.advanceTimersByTime(TOKEN_WAIT_MS);
    expect(ran).toEqual(['unthrottled']);
  });
});
