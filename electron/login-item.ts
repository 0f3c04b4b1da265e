// Start at login, per platform: Electron's login items on macOS and Windows, an XDG autostart
// .desktop file on Linux. Off until the user turns it on; no `electron` import (main passes its setter).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LoginItemPorts {
  platform: NodeJS.Platform;
  /** app.setLoginItemSettings, for macOS and Windows. */
  setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
  /** The command that starts the app (process.execPath, or the AppImage path in APPIMAGE). */
  executable: string;
  /** $XDG_CONFIG_HOME, default ~/.config. */
  configHome?: string;
}

export function autostartFilePath(configHome: string = process.env.XDG_CONFIG_HOME || join(homedir(), '.config')): string {
  return join(configHome, 'autostart', 'daca-watch.desktop');
}

/** A desktop entry; the Exec path is quoted as the Desktop Entry spec asks. */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=DACA Watch', 'Comment=Watches your DACA renewal on myUSCIS', `Exec=${quoted} --hidden`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function setStartAtLogin(enabled: boolean, ports: LoginItemPorts): void {
  if (ports.platform !== 'linux') {
    ports.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const file = autostartFilePath(ports.configHome);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, autostartEntry(ports.executable), { mode: 0o644 });
}
