// The one window factory: every BrowserWindow of the app comes from here, sandboxed and isolated, kept to
// an exact allow-list, with popups and permissions denied. No window may be created any other way.

import { BrowserWindow, session, shell, type BrowserWindowConstructorOptions } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl, type AllowList } from '../shared/security/navigation';

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
};

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const { allow, preload, partition, openLinksInBrowser = false, plainUserAgent = false, backgroundThrottling, ...windowOptions } = options;
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
  const keepToAllowList = (details: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(details.url, allow)) details.preventDefault();
  };
  webContents.on('will-navigate', keepToAllowList);
  webContents.on('will-redirect', keepToAllowList);
  webContents.on('will-frame-navigate', keepToAllowList);
  return secureWindow;
}

/** Hands a link to the user's browser if it is a safe https link; says whether it did. */
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
