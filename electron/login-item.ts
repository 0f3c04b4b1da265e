// Start at login, per platform: Electron's login items on macOS and Windows, an XDG autostart
// .desktop file on Linux, every one starting the app hidden in the tray. Off until the user turns it on;
// no `electron` import (main passes its setter and paths).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The flag a start at login carries: the app stays in the tray. */
export const HIDDEN_FLAG = '--hidden';

/** The subset of Electron's Settings for app.setLoginItemSettings that this module sets. */
export interface LoginItemSettings {
  openAtLogin: boolean;
  /** macOS before 13 only (Electron's docs: "not available on macOS 13 and up"). */
  openAsHidden?: boolean;
  /** Windows: the program to start, and its arguments. */
  path?: string;
  args?: string[];
}

export interface LoginItemPorts {
  platform: NodeJS.Platform;
  /** app.setLoginItemSettings, for macOS and Windows. */
  setLoginItemSettings: (settings: LoginItemSettings) => void;
  /** The program that starts the app (process.execPath, or the AppImage path in APPIMAGE). */
  executable: string;
  /**
   * In development the program is Electron itself, which needs the app's folder as its first argument
   * (app.getAppPath()); undefined for a packaged app.
   */
  appPath?: string;
  /** $XDG_CONFIG_HOME, default ~/.config. */
  configHome?: string;
}

export function autostartFilePath(configHome: string = process.env.XDG_CONFIG_HOME || join(homedir(), '.config')): string {
  return join(configHome, 'autostart', 'daca-watch.desktop');
}

/** Quoted as the Desktop Entry spec asks for an argument of Exec. */
function desktopEntryArgument(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** A desktop entry that starts the app hidden. */
export function autostartEntry(executable: string, appPath?: string): string {
  const command = [executable, ...(appPath ? [appPath] : [])].map(desktopEntryArgument).join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=DACA Watch', 'Comment=Watches your DACA renewal on myUSCIS', `Exec=${command} ${HIDDEN_FLAG}`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function setStartAtLogin(enabled: boolean, ports: LoginItemPorts): void {
  if (ports.platform === 'darwin') {
    // macOS 13+ ignores openAsHidden: main.ts also treats getLoginItemSettings().wasOpenedAtLogin as hidden.
    ports.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
    return;
  }
  if (ports.platform === 'win32') {
    // Windows starts `path` with `args` (Electron's docs default them to process.execPath and none):
    // in development that is bare electron.exe, which needs the app's folder to start this app.
    ports.setLoginItemSettings({ openAtLogin: enabled, path: ports.executable, args: [...(ports.appPath ? [ports.appPath] : []), HIDDEN_FLAG] });
    return;
  }
  const file = autostartFilePath(ports.configHome);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, autostartEntry(ports.executable, ports.appPath), { mode: 0o644 });
}

/**
 * Whether this start came from a login item: the flag (Windows, Linux, macOS before 13), or macOS's own
 * report (getLoginItemSettings().wasOpenedAtLogin, which Electron documents for macOS).
 */
export function startedAtLogin(argv: readonly string[], platform: NodeJS.Platform, wasOpenedAtLogin: () => boolean): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && wasOpenedAtLogin();
}
