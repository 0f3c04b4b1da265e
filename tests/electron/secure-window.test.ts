// Tests for the one window factory through the Electron double: web preferences, navigations kept to the
// allow-list, popups denied (safe links to the browser only when asked), permissions denied, plain UA.

import { describe, expect, it, vi } from 'vitest';
import { createSecureWindow, openSafeExternalUrl, stripElectronUserAgent } from '../../electron/secure-window';
import { allowListFor, allowListOf } from '../../shared/security/navigation';
import { SECURE_WEB_PREFERENCES, type ElectronDouble, type FakeBrowserWindow } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const REAL = allowListFor({ kind: 'real' });
const asFake = (window: unknown) => window as FakeBrowserWindow;

describe('blocked navigations, help links and subframes', () => {
  const RECEIPT_URL = 'https://evil.example/track?receipt=IOE0912345678&token=abc';

  it('logs each blocked navigation, redirect and frame by origin only: no path, query, receipt or token', () => {
    const logs: string[] = [];
    const { webContents } = asFake(createSecureWindow({ allow: REAL, log: (message) => void logs.push(message) }));
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) expect(webContents.attempt(event, RECEIPT_URL)).toBe(false);
    expect(logs).toEqual(['Blocked navigation to https://evil.example.', 'Blocked redirect to https://evil.example.', 'Blocked frame navigation to https://evil.example.']);
    expect(logs.join('\n')).not.toMatch(/IOE|token|track/);
  });

  it('opens a top-level https link to a uscis.gov help page in the browser (only when asked, never http or look-alikes)', () => {
    const logs: string[] = [];
    const opened = electron.shell.opened;
    opened.length = 0;
    const { webContents } = asFake(createSecureWindow({ allow: REAL, openLinksInBrowser: true, log: (message) => void logs.push(message) }));
    expect(webContents.attempt('will-navigate', 'https://www.uscis.gov/i-821d')).toBe(false);
    expect(webContents.attempt('will-navigate', 'http://www.uscis.gov/i-821d')).toBe(false);
    expect(webContents.attempt('will-navigate', 'https://www.uscis.gov.evil.example/')).toBe(false);
    expect(opened).toEqual(['https://www.uscis.gov/i-821d']);
    expect(logs).toHaveLength(2);
    // A window not asked to open links keeps every one of them in.
    const { webContents: closed } = asFake(createSecureWindow({ allow: REAL, log: () => undefined }));
    closed.attempt('will-navigate', 'https://www.uscis.gov/i-765');
    expect(opened).toEqual(['https://www.uscis.gov/i-821d']);
  });

  it('lets subframes load the reviewed list (the allow-list, about:blank, about:srcdoc) and nothing else', () => {
    const logs: string[] = [];
    const { webContents } = asFake(createSecureWindow({ allow: REAL, log: (message) => void logs.push(message) }));
    expect(webContents.attempt('will-frame-navigate', 'about:blank')).toBe(true);
    expect(webContents.attempt('will-frame-navigate', 'about:srcdoc')).toBe(true);
    expect(webContents.attempt('will-frame-navigate', 'https://my.uscis.gov/widget')).toBe(true);
    expect(webContents.attempt('will-frame-navigate', 'https://www.google.com/recaptcha/api2/anchor')).toBe(false);
    expect(webContents.attempt('will-frame-navigate', 'data:text/html,<b>x</b>')).toBe(false);
    expect(logs).toEqual(['Blocked frame navigation to https://www.google.com.', 'Blocked frame navigation to a data: URL.']);
  });
});

describe('createSecureWindow', () => {
  it('sandboxes and isolates every window, with the preload and partition it was given', () => {
    const window = asFake(createSecureWindow({ allow: REAL, preload: '/app/preload.cjs', partition: 'persist:test', width: 800, show: false }));
    expect(window.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: '/app/preload.cjs',
      partition: 'persist:test',
    });
    expect(window.options).toMatchObject({ width: 800, show: false });
    expect(window.webContents.session.partition).toBe('persist:test');
  });

  it('has no preload and the default session unless asked', () => {
    const window = asFake(createSecureWindow({ allow: REAL }));
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.options.webPreferences).not.toHaveProperty('partition');
    expect(window.webContents.session).toBe(electron.session.defaultSession);
  });

  it('cancels navigations, redirects and frame navigations outside the allow-list', () => {
    const { webContents } = asFake(createSecureWindow({ allow: REAL }));
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(webContents.attempt(event, 'https://my.uscis.gov.evil.example/account/applicant'), event).toBe(false);
      expect(webContents.attempt(event, 'https://evil.example/my.uscis.gov'), event).toBe(false);
      expect(webContents.attempt(event, 'http://my.uscis.gov/account/applicant'), event).toBe(false);
      expect(webContents.attempt(event, 'https://user@evil.example/'), event).toBe(false);
      expect(webContents.attempt(event, 'javascript:alert(1)'), event).toBe(false);
      expect(webContents.attempt(event, 'https://myaccount.uscis.gov/sign-in'), event).toBe(true);
      expect(webContents.attempt(event, 'https://my.uscis.gov/account/applicant'), event).toBe(true);
    }
    expect(webContents.getURL()).toBe('https://my.uscis.gov/account/applicant');
  });

  it('keeps the dashboard window on app://dashboard', () => {
    const { webContents } = asFake(createSecureWindow({ allow: allowListOf(['app://dashboard']) }));
    expect(webContents.attempt('will-navigate', 'app://dashboard/index.html')).toBe(true);
    expect(webContents.attempt('will-navigate', 'app://evil/index.html')).toBe(false);
    expect(webContents.attempt('will-navigate', 'https://my.uscis.gov/account/applicant')).toBe(false);
    expect(webContents.attempt('will-navigate', 'file:///etc/passwd')).toBe(false);
  });

  it('denies every popup and opens nothing by default', () => {
    const { webContents } = asFake(createSecureWindow({ allow: REAL }));
    const opened = electron.shell.opened.length;
    expect(webContents.attemptWindowOpen('https://www.uscis.gov/i-821d')).toEqual({ action: 'deny' });
    expect(webContents.attemptWindowOpen('https://my.uscis.gov/account/applicant')).toEqual({ action: 'deny' });
    expect(electron.shell.opened.length).toBe(opened);
  });

  it('when asked, sends popups that are safe https links to the browser, and only those', async () => {
    const { webContents } = asFake(createSecureWindow({ allow: REAL, openLinksInBrowser: true }));
    const opened = electron.shell.opened.length;
    for (const url of ['https://www.uscis.gov/i-821d', 'http://www.uscis.gov/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user@evil.example/']) {
      expect(webContents.attemptWindowOpen(url)).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(electron.shell.opened.slice(opened)).toEqual(['https://www.uscis.gov/i-821d']);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'usb'])(
    'denies the %s permission, asked or checked',
    (permission) => {
      const { webContents } = asFake(createSecureWindow({ allow: REAL, partition: 'persist:permissions' }));
      expect(webContents.session.askPermission(permission)).toEqual({ request: false, check: false });
    },
  );

  it('gives pages a plain Chrome user agent only when asked', () => {
    const plain = asFake(createSecureWindow({ allow: REAL, partition: 'persist:plain-ua', plainUserAgent: true }));
    expect(plain.webContents.session.userAgent).toBe('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36');
    const asIs = asFake(createSecureWindow({ allow: REAL, partition: 'persist:as-is-ua' }));
    expect(asIs.webContents.session.userAgent).toBe('');
  });

  it('sets the session’s user agent before the window exists (Electron gives it only to web contents created later)', () => {
    const session = electron.session.fromPartition('persist:ua-order');
    const windowsWhenSet: number[] = [];
    const setUserAgent = session.setUserAgent.bind(session);
    session.setUserAgent = (userAgent: string) => {
      windowsWhenSet.push(electron.BrowserWindow.all.length);
      setUserAgent(userAgent);
    };
    const before = electron.BrowserWindow.all.length;
    createSecureWindow({ allow: REAL, partition: 'persist:ua-order', plainUserAgent: true });
    expect(windowsWhenSet).toEqual([before]);
  });
});

describe('openSafeExternalUrl', () => {
  it('opens safe https links and says so; refuses the rest', async () => {
    const opened = electron.shell.opened.length;
    expect(await openSafeExternalUrl('https://www.uscis.gov/')).toBe(true);
    expect(await openSafeExternalUrl('http://www.uscis.gov/')).toBe(false);
    expect(await openSafeExternalUrl('smb://server/share')).toBe(false);
    expect(electron.shell.opened.slice(opened)).toEqual(['https://www.uscis.gov/']);
  });

  it('opens only the hosts the app needs: any other https site is refused', async () => {
    const opened = electron.shell.opened.length;
    for (const url of ['https://egov.uscis.gov/processing-times/', 'https://my.uscis.gov/account/applicant', 'https://myaccount.uscis.gov/forgot-password']) {
      expect(await openSafeExternalUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.org/', 'https://www.google.com/search?q=x', 'https://my.uscis.gov.evil.example/', 'https://www.uscis.gov:8443/']) {
      expect(await openSafeExternalUrl(url), url).toBe(false);
    }
    expect(electron.shell.opened.slice(opened)).toEqual(['https://egov.uscis.gov/processing-times/', 'https://my.uscis.gov/account/applicant', 'https://myaccount.uscis.gov/forgot-password']);
  });

  it("a sign-in page's popup: denied as a window; in the browser only for the hosts the app needs", async () => {
    const opened = electron.shell.opened.length;
    const { webContents } = asFake(createSecureWindow({ allow: REAL, openLinksInBrowser: true, log: () => undefined }));
    expect(webContents.attemptWindowOpen('https://evil.example/phish')).toEqual({ action: 'deny' });
    expect(webContents.attemptWindowOpen('https://www.uscis.gov/forms')).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.shell.opened.slice(opened)).toEqual(['https://www.uscis.gov/forms']);
  });

  it('says false when the system could not open the link', async () => {
    const openExternal = electron.shell.openExternal;
    electron.shell.openExternal = async () => Promise.reject(new Error('no browser'));
    try {
      expect(await openSafeExternalUrl('https://www.uscis.gov/')).toBe(false);
    } finally {
      electron.shell.openExternal = openExternal;
    }
  });
});

describe('stripElectronUserAgent', () => {
  const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

  it.each([
    ['the package name', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) daca-watch/0.1.0 Chrome/140.0.0.0 Electron/45.0.0 Safari/537.36'],
    ['the product name', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) DACAWatch/0.1.0 Chrome/140.0.0.0 Electron/45.4.1 Safari/537.36'],
    ['a product name with a space', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) DACA Watch/0.1.0 Chrome/140.0.0.0 Electron/45.4.1 Safari/537.36'],
    ['Electron alone', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Electron/45.0.0 Safari/537.36'],
  ])('removes the Electron token and %s', (_what, userAgent) => {
    expect(stripElectronUserAgent(userAgent)).toBe(CHROME);
  });

  it('leaves a plain Chrome user agent as it is', () => {
    expect(stripElectronUserAgent(CHROME)).toBe(CHROME);
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
    expect(stripElectronUserAgent(mac)).toBe(mac);
  });
});
