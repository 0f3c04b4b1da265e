// The one window factory: every BrowserWindow of the app comes from here, sandboxed and isolated, kept to
// an exact allow-list, with popups and permissions denied. No window may be created any other way.

import { BrowserWindow, session, shell, type BrowserWindowConstructorOptions } from 'electron';
import { isAllowedNavigation, isAllowedSubframe, isSafeExternalUrl, isUscisHelpLink, originForLog, type AllowList } from '../shared/security/navigation';

export type SecureWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'> & {
  /** Where the window's pages may be; any other navigation, redirect or frame navigation is cancelled. */
  allow: AllowList;
  /** Absolute path of a sandboxed preload script. */
  preload?: string;
  /** A session partition (`persist:` to keep it across restarts); default: the default session. */
  partition?: string;
  /** Links the page opens in a new window go to the user's browser, when they are safe https links. */
  openLinksInBrowser?: boolean;
  /** Pages see the user agent of a plain Chrome, without the Electron and app tokens. */
  plainUserAgent?: boolean;
  /** false: the page's timers run at full speed while the window is hidden (the WAF refresh window). */
  backgroundThrottling?: boolean;
  /** Hears each blocked navigation, by origin only (default: console.warn). */
  log?: (message: string) => void;
};

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const { allow, preload, partition, openLinksInBrowser = false, plainUserAgent = false, backgroundThrottling, log = (m: string) => console.warn(m), ...windowOptions } = options;
  // The session first: Electron gives a session's user agent only to web contents created after it is set.
  const windowSession = partition === undefined ? session.defaultSession : session.fromPartition(partition);
  windowSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  windowSession.setPermissionCheckHandler(() => false);
  if (plainUserAgent) windowSession.setUserAgent(stripElectronUserAgent(windowSession.getUserAgent()));

  const secureWindow = new BrowserWindow({
    ...windowOptions,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      ...(preload === undefined ? {} : { preload }),
      ...(partition === undefined ? {} : { partition }),
      ...(backgroundThrottling === undefined ? {} : { backgroundThrottling }),
    },
  });
  const { webContents } = secureWindow;

  webContents.setWindowOpenHandler(({ url }) => {
    if (openLinksInBrowser) void openSafeExternalUrl(url);
    return { action: 'deny' };
  });
  const blocked = (event: string, url: string) => log(`Blocked ${event} to ${originForLog(url)}.`);
  // A link the user followed in the page (will-navigate is renderer-initiated: Electron's webContents
  // docs). A USCIS help page goes to the browser instead of doing nothing.
  webContents.on('will-navigate', (details) => {
    if (isAllowedNavigation(details.url, allow)) return;
    details.preventDefault();
    if (openLinksInBrowser && isUscisHelpLink(details.url)) void openSafeExternalUrl(details.url);
    else blocked('navigation', details.url);
  });
  webContents.on('will-redirect', (details) => {
    if (isAllowedNavigation(details.url, allow)) return;
    details.preventDefault();
    blocked('redirect', details.url);
  });
  // Emitted for every frame, the main frame included (webContents docs, 'will-frame-navigate');
  // the main frame is will-navigate's, so only subframes are logged here.
  webContents.on('will-frame-navigate', (details) => {
    if (details.isMainFrame) {
      if (!isAllowedNavigation(details.url, allow)) details.preventDefault();
      return;
    }
    if (isAllowedSubframe(details.url, allow)) return;
    details.preventDefault();
    blocked('frame navigation', details.url);
  });
  return secureWindow;
}

/** Hands a link to the user's browser if it is https to one of the hosts the app needs (EXTERNAL_HOSTS); says whether it did. */
export async function openSafeExternalUrl(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Chrome's user agent without what Electron adds: the `Electron/x` token and the app's own `name/x`
 * token, which Electron puts between `(KHTML, like Gecko)` and `Chrome/`.
 */
export function stripElectronUserAgent(userAgent: string): string {
  return userAgent
    .replace(/\s+Electron\/\S+/g, '')
    .replace(/\(KHTML, like Gecko\)(?:\s+(?!Chrome\/)\S+)+\s+Chrome\//, '(KHTML, like Gecko) Chrome/');
}
