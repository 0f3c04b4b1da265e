// Tests for the sign-in window through the Electron double: its session and preferences, the walk through
// sign-in, verification and the dashboard to the applicant page, the probe, closing, expiry and sign-out.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSignIn, signInPartition, type SignIn } from '../../electron/sign-in-window';
import type { MyUscisMode } from '../../shared/security/navigation';
import { SECURE_WEB_PREFERENCES, type ElectronDouble, type FakeBrowserWindow } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const REAL: MyUscisMode = { kind: 'real' };
const DEMO: MyUscisMode = { kind: 'demo', accountOrigin: 'http://localhost:41001', dataOrigin: 'http://127.0.0.1:41002' };
const APPLICANT = 'https://my.uscis.gov/account/applicant';

/** Lets the probe's promise and what follows it run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

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
});

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

    window.webContents.arrive('https://myaccount.uscis.gov/sign-in');
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'sign-in' });
    window.webContents.arrive('https://myaccount.uscis.gov/auth');
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'verification' });
    window.webContents.arrive('https://myaccount.uscis.gov/passkey');
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'passkey' });

    live.value = true;
    window.webContents.arrive('https://myaccount.uscis.gov/dashboard');
    expect(window.loaded).toEqual([APPLICANT, APPLICANT]);
    expect(signIn.state).toEqual({ kind: 'verifying' });
    await settle();

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

  it('stays open on the applicant page when the probe fails (or throws), and tries again on the next visit', async () => {
    const { signIn, probe, onSignedIn, live } = setUp();
    probe.mockRejectedValueOnce(new Error('network down'));
    signIn.open();
    await settle();
    const window = lastWindow();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });
    expect(window.isDestroyed()).toBe(false);

    window.webContents.arrive(APPLICANT);
    await settle();
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'applicant' });

    live.value = true;
    window.webContents.arrive(APPLICANT);
    await settle();
    expect(signIn.state).toEqual({ kind: 'signed-in' });
    expect(probe).toHaveBeenCalledTimes(3);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('is signed out when the user closes the window before the sign-in finished, and a late probe answer changes nothing', async () => {
    const { signIn, onSignedIn, live } = setUp();
    signIn.open();
    await settle();
    const window = lastWindow();
    window.webContents.arrive('https://myaccount.uscis.gov/auth');
    live.value = true;
    window.webContents.arrive(APPLICANT);
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
    expect(signIn.state).toEqual({ kind: 'window-open', stage: 'sign-in' });

    live.value = true;
    window.webContents.arrive('http://localhost:41001/dashboard');
    await settle();
    expect(window.loaded.at(-1)).toBe('http://127.0.0.1:41002/account/applicant');
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('names the partitions', () => {
    expect(signInPartition(REAL)).toBe('persist:myuscis');
    expect(signInPartition(DEMO)).toBe('persist:myuscis-demo');
  });
});
