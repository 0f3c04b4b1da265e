// Start at login, per platform: Electron's login items on macOS and Windows, an XDG autostart
// .desktop file on Linux, every one starting the app hidden in the tray. Off until the user turns it on;
// no `electron` import (main passes its setter, its getter and paths). After each change it reads back what the
// system registered (app.getLoginItemSettings on macOS and Windows, the file on Linux): an unsigned macOS app's
// login item may silently not register, and Settings says so (app/shell-notices.ts).

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The flag a start at login carries: the app stays in the tray. */
export const HIDDEN_FLAG = '--hidden';

/**
 * The subset of Electron's Settings for app.setLoginItemSettings that this module sets. No `openAsHidden`: it was
 * removed in Electron 44 (docs/breaking-changes.md; Electron 45's typings, node_modules/electron/electron.d.ts, no
 * longer have it); a start at login is known by HIDDEN_FLAG or by macOS's wasOpenedAtLogin (startedAtLogin below).
 */
export interface LoginItemSettings {
  openAtLogin: boolean;
  /** Windows: the program to start, and its arguments. */
  path?: string;
  args?: string[];
}

/**
 * The part of Electron 45's LoginItemSettings (app.getLoginItemSettings, docs/api/app.md) read back here:
 * `openAtLogin`; on macOS `status` ('not-registered' | 'enabled' | 'requires-approval' | 'not-found'); on Windows
 * `executableWillLaunchAtLogin` (false when the run key is deactivated, in Task Manager or Settings).
 */
export interface LoginItemReport {
  openAtLogin: boolean;
  status?: string;
  executableWillLaunchAtLogin?: boolean;
}

/**
 * What the system made of the request: as asked; not registered (asked on, still off); waiting for the user's
 * approval (macOS: System Settings -> General -> Login Items; Windows: a deactivated startup entry); still
 * registered (asked off, still on).
 */
export type LoginItemState = 'as-asked' | 'not-registered' | 'requires-approval' | 'still-registered';

export interface LoginItemPorts {
  platform: NodeJS.Platform;
  /** app.setLoginItemSettings, for macOS and Windows. */
  setLoginItemSettings: (settings: LoginItemSettings) => void;
  /**
   * app.getLoginItemSettings, for macOS and Windows (on Windows with the same path and args, which it compares:
   * LoginItemSettingsOptions in docs/api/app.md). Without it the change is not read back ('as-asked').
   */
  getLoginItemSettings?: (options?: { path?: string; args?: string[] }) => LoginItemReport;
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

/** What a read-back report says about a request to turn the login item on or off. */
export function loginItemStateOf(enabled: boolean, report: LoginItemReport, platform: NodeJS.Platform): LoginItemState {
  if (!enabled) return report.openAtLogin ? 'still-registered' : 'as-asked';
  if (platform === 'darwin' && report.status === 'requires-approval') return 'requires-approval';
  if (platform === 'darwin' && report.status !== undefined && report.status !== 'enabled') return 'not-registered';
  if (!report.openAtLogin) return 'not-registered';
  if (platform === 'win32' && report.executableWillLaunchAtLogin === false) return 'requires-approval';
  return 'as-asked';
}

export function setStartAtLogin(enabled: boolean, ports: LoginItemPorts): LoginItemState {
  if (ports.platform === 'darwin') {
    // macOS 13+ has no hidden login items: main.ts treats getLoginItemSettings().wasOpenedAtLogin as hidden.
    ports.setLoginItemSettings({ openAtLogin: enabled });
    return ports.getLoginItemSettings ? loginItemStateOf(enabled, ports.getLoginItemSettings(), 'darwin') : 'as-asked';
  }
  if (ports.platform === 'win32') {
    // Windows starts `path` with `args` (Electron's docs default them to process.execPath and none):
    // in development that is bare electron.exe, which needs the app's folder to start this app.
    const item = { path: ports.executable, args: [...(ports.appPath ? [ports.appPath] : []), HIDDEN_FLAG] };
    ports.setLoginItemSettings({ openAtLogin: enabled, ...item });
    return ports.getLoginItemSettings ? loginItemStateOf(enabled, ports.getLoginItemSettings(item), 'win32') : 'as-asked';
  }
  const file = autostartFilePath(ports.configHome);
  if (!enabled) {
    rmSync(file, { force: true });
    return existsSync(file) ? 'still-registered' : 'as-asked';
  }
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, autostartEntry(ports.executable, ports.appPath), { mode: 0o644 });
  } catch {
    return 'not-registered';
  }
  return existsSync(file) ? 'as-asked' : 'not-registered';
}

/**
 * Whether this start came from a login item: the flag (Windows, Linux, macOS before 13), or macOS's own
 * report (getLoginItemSettings().wasOpenedAtLogin, which Electron documents for macOS).
 */
export function startedAtLogin(argv: readonly string[], platform: NodeJS.Platform, wasOpenedAtLogin: () => boolean): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && wasOpenedAtLogin();
}
