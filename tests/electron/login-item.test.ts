// Start at login on each platform: login items on macOS and Windows, a real autostart file on Linux, each
// starting the app hidden; in development the program is Electron with the app's folder.

import { existsSync, readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { autostartEntry, autostartFilePath, loginItemStateOf, setStartAtLogin, startedAtLogin, type LoginItemPorts } from '../../electron/login-item';
import type { ElectronDouble } from '../helpers/electron-double';
import { tempFolder } from '../helpers/engine-harness';

describe('start at login', () => {
  it('writes and removes an XDG autostart entry on Linux', () => {
    const configHome = tempFolder();
    const calls: unknown[] = [];
    const ports = { platform: 'linux' as const, setLoginItemSettings: (s: unknown) => calls.push(s), executable: '/opt/DACA Watch/daca-watch', configHome };
    expect(setStartAtLogin(true, ports)).toBe('as-asked');
    const file = autostartFilePath(configHome);
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/DACA Watch/daca-watch" --hidden');
    expect(readFileSync(file, 'utf8').startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    expect(setStartAtLogin(false, ports)).toBe('as-asked');
    expect(existsSync(file)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('uses a login item on macOS, without openAsHidden (removed in Electron 44)', () => {
    const calls: unknown[] = [];
    setStartAtLogin(true, { platform: 'darwin', setLoginItemSettings: (s) => calls.push(s), executable: 'x' });
    setStartAtLogin(false, { platform: 'darwin', setLoginItemSettings: (s) => calls.push(s), executable: 'x' });
    expect(calls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('starts the installed app hidden on Windows, and Electron with the app folder in development', () => {
    const calls: unknown[] = [];
    const set = (s: unknown) => void calls.push(s);
    setStartAtLogin(true, { platform: 'win32', setLoginItemSettings: set, executable: 'C:\\Apps\\DACA Watch.exe' });
    setStartAtLogin(true, { platform: 'win32', setLoginItemSettings: set, executable: 'C:\\dev\\electron.exe', appPath: 'C:\\dev\\daca-watch' });
    expect(calls).toEqual([
      { openAtLogin: true, path: 'C:\\Apps\\DACA Watch.exe', args: ['--hidden'] },
      { openAtLogin: true, path: 'C:\\dev\\electron.exe', args: ['C:\\dev\\daca-watch', '--hidden'] },
    ]);
  });

  it('starts Electron with the app folder from the Linux autostart entry in development', () => {
    expect(autostartEntry('/dev/electron', '/home/me/daca watch')).toContain('Exec="/dev/electron" "/home/me/daca watch" --hidden');
  });

  it('knows a start at login: the flag on every OS, macOS’s own report there only', () => {
    expect(startedAtLogin(['electron', '.', '--hidden'], 'win32', () => false)).toBe(true);
    expect(startedAtLogin(['DACA Watch'], 'darwin', () => true)).toBe(true);
    expect(startedAtLogin(['daca-watch'], 'linux', () => true)).toBe(false);
    expect(startedAtLogin(['DACA Watch'], 'darwin', () => false)).toBe(false);
  });

  it('quotes the command as the Desktop Entry spec asks', () => {
    expect(autostartEntry('/a/b"c$d')).toContain('Exec="/a/b\\"c\\$d" --hidden');
  });
});

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const { app } = (await import('electron')) as unknown as ElectronDouble;

/** The ports main.ts passes, over the double's app. */
function electronPorts(platform: NodeJS.Platform, extra: Partial<LoginItemPorts> = {}): LoginItemPorts {
  return {
    platform,
    setLoginItemSettings: (settings) => app.setLoginItemSettings({ ...settings }),
    getLoginItemSettings: (options) => app.getLoginItemSettings(options),
    executable: 'C:\\Apps\\DACA Watch.exe',
    ...extra,
  };
}

describe('start at login, read back (app.getLoginItemSettings)', () => {
  it.each(['darwin', 'win32'] as const)('on %s: registered as asked, then removed as asked', (platform) => {
    app.loginItemRegisters = true;
    expect(setStartAtLogin(true, electronPorts(platform))).toBe('as-asked');
    expect(app.getLoginItemSettings().openAtLogin).toBe(true);
    expect(setStartAtLogin(false, electronPorts(platform))).toBe('as-asked');
  });

  it('on macOS: an unsigned app’s login item that did not register is said, and one waiting for approval too', () => {
    app.loginItem = { openAtLogin: false };
    app.loginItemRegisters = false;
    app.loginItemStatus = 'not-registered';
    expect(setStartAtLogin(true, electronPorts('darwin'))).toBe('not-registered');
    app.loginItemStatus = 'requires-approval';
    expect(setStartAtLogin(true, electronPorts('darwin'))).toBe('requires-approval');
    expect(app.loginItemCalls.at(-1)).toEqual({ openAtLogin: true });
    app.loginItemRegisters = true;
  });

  it('on Windows: a run key that was not written is said', () => {
    app.loginItem = { openAtLogin: false };
    app.loginItemRegisters = false;
    expect(setStartAtLogin(true, electronPorts('win32'))).toBe('not-registered');
    app.loginItemRegisters = true;
  });

  it('reads the report per platform: macOS status, Windows’ deactivated run key, an item that stayed', () => {
    expect(loginItemStateOf(true, { openAtLogin: true, status: 'enabled' }, 'darwin')).toBe('as-asked');
    expect(loginItemStateOf(true, { openAtLogin: false, status: 'not-found' }, 'darwin')).toBe('not-registered');
    expect(loginItemStateOf(true, { openAtLogin: true, status: 'requires-approval' }, 'darwin')).toBe('requires-approval');
    // macOS before 13 has no status: openAtLogin alone.
    expect(loginItemStateOf(true, { openAtLogin: true }, 'darwin')).toBe('as-asked');
    expect(loginItemStateOf(true, { openAtLogin: true, executableWillLaunchAtLogin: false }, 'win32')).toBe('requires-approval');
    expect(loginItemStateOf(true, { openAtLogin: true, executableWillLaunchAtLogin: true }, 'win32')).toBe('as-asked');
    expect(loginItemStateOf(false, { openAtLogin: true }, 'win32')).toBe('still-registered');
  });

  it('on Linux: an autostart folder that cannot be written is said (not thrown)', () => {
    const configHome = tempFolder();
    writeFileSync(join(configHome, 'autostart'), 'a file where the folder should be');
    expect(setStartAtLogin(true, { platform: 'linux', setLoginItemSettings: () => undefined, executable: '/opt/daca-watch', configHome })).toBe('not-registered');
  });
});
