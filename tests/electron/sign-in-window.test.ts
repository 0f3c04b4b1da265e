// Tests for the sign-in window through the Electron double: its session and preferences, the walk through
// sign-in, verification and the dashboard to the applicant page, the probe after did-finish-load, capped
// retries and cookie changes, closing (not a sign-out), expiry and sign-out.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COOKIE_SETTLE_MS, MAX_COOKIE_CHECKS, RETRY_DELAYS_MS, createSignIn, signInPartition, type SignIn } from '../../electron/sign-in-window';
import type { MyUscisMode } from '../../shared/security/navigation';
import { SECURE_WEB_PREFERENCES, onPage, resetPageScripts, type ElectronDouble, type FakeBrowserWindow } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const REAL: MyUscisMode = { kind: 'real' };
const DEMO: MyUscisMode = { kind: 'demo', accountOrigin: 'http://localhost:41001', dataOrigin: 'http://127.0.0.1:41002' };
const APPLICANT = 'https://my.uscis.gov/account/applicant';

/** Lets page loads (did-finish-load comes a turn after did-navigate), the probe and what follows them run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 6; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Setup {
  signIn: SignIn;
  probe: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
  onSignedIn: ReturnType<typeof vi.fn<() => void>>;
  /** Whether USCIS would say the session is live. */
  live: { value: boolean };
}

function setUp(mode: MyUscisMode = REAL): Setup {
  const live = { value: false };
  const probe = vi.fn(async () => live.value);
  const onSignedIn = vi.fn<() => void>();
  return { signIn: createSignIn({ mode, probe, onSignedIn }), probe, onSignedIn, live };
}

function lastWindow(): FakeBrowserWindow {
  const window = electron.BrowserWindow.all.at(-1);
  if (!window) throw new Error('no window was opened');
  return window;
}

beforeEach(() => {
  electron.BrowserWindow.all = [];
  resetPageScripts();
});
afterEach(() => vi.useRealTimers());

describe('the sign-in window', () => {
  it('is sandboxed, without a preload, on the persistent myUSCIS partition, with a plain user agent', async () => {
    const { signIn } = setUp();
    expect(signIn.open()).toBe(true);
    await settle();
    const window = lastWindow();
    expect(window.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      partition: 'persist:myuscis',
    });
    expect(window.webContents.session.userAgent).not.toMatch(/Electron|daca-watch/);
    expect(window.webContents.session.userAgent).toMatch(/Chrome\/\d/);
    expect(window.webContents.session.askPermission('media')).toEqual({ request: false, check: false });
    expect(window.webContents.attemptWindowOpen('https://my.uscis.gov/account/applicant')).toEqual({ action: 'deny' });
  });

  it('loads the applicant page first, so a live session goes straight to the probe', async () => {
    const { signIn, probe } = setUp();
    signIn.open();
    await settle();
    expect(lastWindow().loaded).toEqual([APPLICANT]);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('keeps to myUSCIS: look-alike hosts and downgrades are cancelled', () => {
    const { signIn } = setUp();
    signIn.open();
    const { webContents } = lastWindow();
    expect(webContents.attempt('will-navigate', 'https://my.uscis.gov.evil.example/account/applicant')).toBe(false);
    expect(webContents.attempt('will-redirect', 'https://evil.example/my.uscis.gov')).toBe(false);
    expect(webContents.attempt('will-redirect', 'http://my.uscis.gov/account/applicant')).toBe(false);
    expect(webContents.attempt('will-frame-navigate', 'https://evil.example/')).toBe(false);
    expect(webContents.attempt('will-redirect', 'https://myaccount.uscis.gov/sign-in')).toBe(true);
  });

  it('follows the sign-in page, the verification code and the passkey prompt, then takes the dashboard on to the applicant page', async () => {
    const { signIn, probe, onSignedIn, live } = setUp();
    signIn.open();
    await settle();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
    const window = lastWindow();

    await window.webContents.arrive('https://myaccount.uscis.gov/sign-in');
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'sign-in' });
    await window.webContents.arrive('https://myaccount.uscis.gov/auth');
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'verification' });
    // The passkey prompt (passkeys do not work in Electron on macOS and Linux): nothing waits on it, skipping goes on.
    await window.webContents.arrive('https://myaccount.uscis.gov/passkey');
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'passkey' });
    expect(window.isDestroyed()).toBe(false);

    live.value = true;
    void window.webContents.arrive('https://myaccount.uscis.gov/dashboard');
    await settle();
    expect(window.loaded).toEqual([APPLICANT, APPLICANT]);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(signIn.state).toEqual({ kind: 'signed-in' });
    expect(window.isDestroyed()).toBe(true);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('follows client-side route changes of the main frame only', () => {
    const { signIn } = setUp();
    signIn.open();
    const { webContents } = lastWindow();
    webContents.emit('did-navigate-in-page', {}, 'https://myaccount.uscis.gov/auth', true);
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'verification' });
    webContents.emit('did-navigate-in-page', {}, 'https://myaccount.uscis.gov/sign-in', false);
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'verification' });
  });

  it('tests the session after the page has run its scripts, not at did-navigate', async () => {
    const { signIn, probe, onSignedIn, live } = setUp();
    // The applicant page's script refreshes the WAF token; before it ran, USCIS would refuse the session.
    onPage(APPLICANT, () => void (live.value = true));
    signIn.open();
    // did-navigate has come (the window is on the applicant page) but the page's script has not run yet.
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
    expect(probe).not.toHaveBeenCalled();
    await settle();
    expect(probe).toHaveBeenCalledTimes(1);
    expect(signIn.state).toEqual({ kind: 'signed-in' });
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('stays open on the applicant page when the probe fails (or throws), and tries again on the next visit', async () => {
    const { signIn, probe, onSignedIn, live } = setUp();
    probe.mockRejectedValueOnce(new Error('network down'));
    signIn.open();
    await settle();
    const window = lastWindow();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
    expect(window.isDestroyed()).toBe(false);

    await window.webContents.arrive(APPLICANT);
    await settle();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });

    live.value = true;
    await window.webContents.arrive(APPLICANT);
    await settle();
    expect(signIn.state).toEqual({ kind: 'signed-in' });
    expect(probe).toHaveBeenCalledTimes(3);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('retries a failed test on the applicant page a few times, spaced, then stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { signIn, probe } = setUp();
    signIn.open();
    await settle();
    expect(probe).toHaveBeenCalledTimes(1);
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(probe).toHaveBeenCalledTimes(index + 1);
      await vi.advanceTimersByTimeAsync(1);
      await settle();
      expect(probe).toHaveBeenCalledTimes(index + 2);
    }
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(probe).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
  });

  it('notices a sign-in finished by a cookie change on the applicant page, and caps those tests', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { signIn, probe, live } = setUp();
    signIn.open();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000); // every retry spent
    const tests = probe.mock.calls.length;
    const { cookies } = lastWindow().webContents.session;
    // A burst of cookie changes on another site changes nothing; a burst on my.uscis.gov is one test.
    cookies.put('tracker.example', 'id', 'x');
    await vi.advanceTimersByTimeAsync(COOKIE_SETTLE_MS);
    expect(probe).toHaveBeenCalledTimes(tests);
    for (const name of ['a', 'b', 'c']) cookies.put('my.uscis.gov', name, '1');
    await vi.advanceTimersByTimeAsync(COOKIE_SETTLE_MS);
    await settle();
    expect(probe).toHaveBeenCalledTimes(tests + 1);
    for (let burst = 0; burst < MAX_COOKIE_CHECKS + 5; burst += 1) {
      cookies.put('my.uscis.gov', 'aws-waf-token', String(burst));
      await vi.advanceTimersByTimeAsync(COOKIE_SETTLE_MS);
      await settle();
    }
    expect(probe.mock.calls.length - tests).toBeLessThanOrEqual(MAX_COOKIE_CHECKS + RETRY_DELAYS_MS.length);
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
    // ...and a live session found that way signs in (a fresh window, fresh caps).
    lastWindow().close();
    await settle();
    live.value = true;
    signIn.open();
    await settle();
    expect(signIn.state).toEqual({ kind: 'signed-in' });
  });

  it('closing the window is not signing out: a last test signs in a session that is live', async () => {
    const { signIn, onSignedIn, live } = setUp();
    signIn.open();
    await settle();
    const window = lastWindow();
    await window.webContents.arrive('https://myaccount.uscis.gov/auth');
    // The user finished on a page the app does not know and closed the window.
    live.value = true;
    await window.webContents.arrive('https://myaccount.uscis.gov/somewhere-new');
    window.close();
    await settle();
    expect(signIn.state).toEqual({ kind: 'signed-in' });
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('is signed out when the user closes the window before the sign-in finished', async () => {
    const { signIn, onSignedIn } = setUp();
    signIn.open();
    await settle();
    const window = lastWindow();
    await window.webContents.arrive('https://myaccount.uscis.gov/auth');
    window.close();
    await settle();
    expect(signIn.state).toEqual({ kind: 'signed-out' });
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('brings the open window to the front instead of opening another', async () => {
    const { signIn } = setUp();
    signIn.open();
    await settle();
    const window = lastWindow();
    window.hide();
    expect(signIn.open()).toBe(false);
    expect(electron.BrowserWindow.getAllWindows()).toEqual([window]);
    expect(window.isVisible()).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('goes from expired back to an open window when the user signs in again', async () => {
    const { signIn, live } = setUp();
    live.value = true;
    signIn.open();
    await settle();
    expect(signIn.state).toEqual({ kind: 'signed-in' });
    signIn.sessionExpired();
    expect(signIn.state).toEqual({ kind: 'expired' });
    live.value = false;
    expect(signIn.open()).toBe(true);
    await settle();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
  });

  it('signs out: closes the window and clears the partition’s storage and cache', async () => {
    const { signIn } = setUp();
    signIn.open();
    await settle();
    const window = lastWindow();
    const session = window.webContents.session;
    await signIn.signOut();
    expect(signIn.state).toEqual({ kind: 'signed-out' });
    expect(window.isDestroyed()).toBe(true);
    expect(session.partition).toBe('persist:myuscis');
    expect(session.cleared).toEqual(['storage', 'cache']);
  });
});

describe('the demo sign-in', () => {
  it('uses its own partition and the simulator’s hosts, and nothing else', async () => {
    const { signIn, live, onSignedIn } = setUp(DEMO);
    signIn.open();
    await settle();
    const window = lastWindow();
    expect(window.options.webPreferences?.partition).toBe('persist:myuscis-demo');
    expect(window.loaded).toEqual(['http://127.0.0.1:41002/account/applicant']);
    expect(window.webContents.attempt('will-navigate', 'https://my.uscis.gov/account/applicant')).toBe(false);
    expect(window.webContents.attempt('will-navigate', 'http://localhost:41001/sign-in')).toBe(true);
    await settle();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'sign-in' });

    live.value = true;
    void window.webContents.arrive('http://localhost:41001/dashboard');
    await settle();
    expect(window.loaded.at(-1)).toBe('http://127.0.0.1:41002/account/applicant');
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('names the partitions', () => {
    expect(signInPartition(REAL)).toBe('persist:myuscis');
    expect(signInPartition(DEMO)).toBe('persist:myuscis-demo');
  });
});
