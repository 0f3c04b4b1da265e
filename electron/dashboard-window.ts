// The dashboard's one window: opened (or brought forward) on demand, closed or only minimized per platform,
// sent the dashboard state while it is open. Electron's BrowserWindow through the one secure window factory;
// it decides nothing about the state it sends.

import type { BrowserWindow } from 'electron';
import { APP_ORIGIN, DASHBOARD_URL } from './app-protocol';
import type { DashboardState } from '../shared/ipc/contract';
import { allowListOf } from '../shared/security/navigation';
import { sendState } from './ipc';
import { createSecureWindow } from './secure-window';
import { dashboardCloseAction } from './tray';

export interface DashboardWindowOptions {
  /** The built preload (preload/preload.cjs beside the main bundle). */
  preload: string;
  platform: NodeJS.Platform;
}

export interface DashboardWindow {
  /** Opens the window, or restores, shows and focuses the one already open. */
  open(): void;
  /** Sends the state to the open window; nothing when none is open. */
  send(state: DashboardState): void;
  /** The app is quitting: a close then closes the window on every platform (called on `before-quit`). */
  allowClose(): void;
}

export function createDashboardWindow(options: DashboardWindowOptions): DashboardWindow {
  let window: BrowserWindow | null = null;
  let quitting = false;
  const isOpen = (w: BrowserWindow | null): w is BrowserWindow => w !== null && !w.isDestroyed();

  return {
    open() {
      if (isOpen(window)) {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
        return;
      }
      const opened = createSecureWindow({
        allow: allowListOf([APP_ORIGIN]),
        preload: options.preload,
        openLinksInBrowser: true,
        width: 1100,
        height: 800,
        minWidth: 360,
        show: false,
        title: 'DACA Watch',
      });
      window = opened;
      opened.once('ready-to-show', () => opened.show());
      // Where a tray icon may be missing (Linux), closing keeps the window, minimized (see tray.ts).
      opened.on('close', (event) => {
        if (quitting || dashboardCloseAction(options.platform) !== 'minimize') return;
        event.preventDefault();
        opened.minimize();
      });
      opened.on('closed', () => {
        if (window === opened) window = null;
      });
      void opened.loadURL(DASHBOARD_URL);
    },
    send(state) {
      if (isOpen(window)) sendState(window.webContents, state);
    },
    allowClose() {
      quitting = true;
    },
  };
}
